package synth

import (
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// The postcode directory of a generated authority: an entry for every
// postcode its records use (the providers' and each child's addresses and
// placements), where Brackenmoor's geography puts it (geography.go), so
// that the DfE's fields worked out from the postcodes can be worked out
// from the records. A postcode's entry goes with the first batch to use
// it (the providers' with the staff, then each child's new ones with the
// child's records), and never again: the directory is written with plain
// INSERTs, batch by batch and area by area. The postcodes already given
// are carried from one area to the next, as the ids are; there are no
// more than the BK postcodes (49 districts of 9 sectors of 400 units), so
// the set stays small however big the authority.

// directory gives the authority's records their entries, skipping the
// postcodes in given (entries made by the areas before), and adds its own
// to given.
func (a *Authority) directory(given map[string]bool) {
	add := func(to *[]postcode.Entry, pc string) {
		c := postcode.Compact(pc)
		if c == "" || given[c] {
			return
		}
		if place, ok := Place(c); ok {
			given[c] = true
			*to = append(*to, postcode.Entry{Postcode: c, Place: place})
		}
	}
	for _, p := range a.providers {
		add(&a.postcodes, p.Postcode)
	}
	for _, c := range a.children {
		addChildPostcodes(c, func(pc string) { add(&c.Postcodes, pc) })
	}
}

// addChildPostcodes hands each postcode of a child's records to add.
func addChildPostcodes(c *store.SyntheticBatch, add func(string)) {
	for _, ad := range c.Addresses {
		add(ad.Postcode)
	}
	for _, p := range c.Placements {
		add(p.Postcode)
	}
}
