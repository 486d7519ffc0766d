package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// demoAddress is where a child lived from a day; a later one for the same
// child closes it (AddAddress).
type demoAddress struct {
	child                      string // LA child ID
	line1, line2, town, postal string
	from                       time.Time
}

// demoAddresses gives every child an address in the fictional town of
// Demoford, oldest first for each child.
func demoAddresses() []demoAddress {
	const town = "Demoford"
	return []demoAddress{
		{"DEMO0001", "Flat 3, 27 Mill Street", "", town, "QD1 2HS", on(2017, 5, 20)},
		{"DEMO0001", "14 Larkspur Close", "Eastfield", town, "QD4 7LB", on(2022, 3, 14)},
		{"DEMO0002", "Flat 3, 27 Mill Street", "", town, "QD1 2HS", on(2020, 2, 10)},
		{"DEMO0002", "14 Larkspur Close", "Eastfield", town, "QD4 7LB", on(2022, 3, 14)},
		{"DEMO0003", "82 Canal Road", "Westbank", town, "QD2 5RT", on(2015, 9, 1)},
		{"DEMO0004", "5 Orchard Rise", "Hollins", town, "QD7 3EP", on(2024, 3, 11)},
		{"DEMO0005", "41 Tannery Lane", "", town, "QD3 8NW", on(2019, 4, 23)},
		{"DEMO0006", "Flat 12, Beacon House", "Sorrel Street", town, "QD1 6JA", on(2023, 1, 9)},
		{"DEMO0007", "The Willows", "17 Station Approach", town, "QD5 1AX", on(2023, 7, 4)},
		{"DEMO0008", "9 Primrose Terrace", "Westbank", town, "QD2 4DG", on(2013, 4, 2)},
		{"DEMO0009", "23 Cobden Street", "", town, "QD1 9PL", on(2021, 8, 16)},
		{"DEMO0010", "66 Garland Avenue", "Northmoor", town, "QD6 2UF", on(2016, 11, 28)},
		{"DEMO0011", "2 Thistle Court", "Eastfield", town, "QD4 3BY", on(2019, 11, 9)},
		{"DEMO0012", "11 Quarry Bank", "Hollins", town, "QD7 6SQ", on(2018, 6, 1)},
		{"DEMO0013", "30 Wren Gardens", "Northmoor", town, "QD6 8HN", on(2020, 10, 5)},
		{"DEMO0014", "Flat 7, 4 Ferry Street", "", town, "QD1 4ZE", on(2025, 8, 9)},
	}
}

// demoRelation is a person in a child's network: family (a sibling known
// to the service names sibling, the other child's LA child ID) or a
// professional.
type demoRelation struct {
	child, kind, relationship string
	sibling                   string // LA child ID of a related child, or ""
	name, organisation, phone string
}

// demoNetwork is Maya and Leo's family and Maya's professionals: those who
// come to her core groups and her conferences.
func demoNetwork() []demoRelation {
	const fam, pro = "family", "professional"
	return []demoRelation{
		{"DEMO0001", fam, "Brother", "DEMO0002", "", "", ""},
		{"DEMO0002", fam, "Sister", "DEMO0001", "", "", ""},
		{"DEMO0001", fam, "Mother", "", "Danielle Brooks", "", "07700 900461"},
		{"DEMO0002", fam, "Mother", "", "Danielle Brooks", "", "07700 900461"},
		{"DEMO0001", fam, "Maternal grandmother", "", "Pauline Ward", "", "01632 960587"},
		{"DEMO0001", pro, "GP", "", "Dr Helen Marsh", "Demoford Road Surgery", "01632 960210"},
		{"DEMO0001", pro, "Designated safeguarding lead", "", "Tom Ashby", "Brookside Primary School", "01632 960412"},
		{"DEMO0001", pro, "Health visitor (for the family)", "", "Gemma Price", "Demoford Community Health", "01632 960733"},
		{"DEMO0001", pro, "Family support worker", "", "Joanne Reilly", "Eastfield Family Hub", "01632 960655"},
	}
}

// loadNetwork adds the addresses and the network, as the child records
// themselves are added: by sightline, loading the demo.
func (l *demoLoader) loadNetwork(ctx context.Context) error {
	for _, a := range demoAddresses() {
		if _, err := l.st.AddAddress(ctx, store.System, casework.Address{ChildID: l.children[a.child],
			Line1: a.line1, Line2: a.line2, Town: a.town, Postcode: a.postal, StartDate: a.from}); err != nil {
			return err
		}
	}
	var places store.SyntheticBatch
	var err error
	if places.Postcodes, err = demoDirectory(); err != nil {
		return err
	}
	if _, err := l.st.WriteSyntheticBatch(ctx, store.System, &places); err != nil {
		return err
	}
	for _, r := range demoNetwork() {
		rel := casework.Relationship{ChildID: l.children[r.child], Kind: r.kind, Relationship: r.relationship,
			Name: r.name, Organisation: r.organisation, Phone: r.phone}
		if r.sibling != "" {
			id := l.children[r.sibling]
			rel.RelatedChildID = &id
		}
		if _, err := l.st.AddRelationship(ctx, store.System, rel); err != nil {
			return err
		}
	}
	return nil
}

// demoDirectory is the postcode directory's entries for the postcodes of
// the journeys' addresses, each once, so that the returns can work out
// where a child's home is. Demoford is a part of the generated authority,
// Brackenmoor: its QD districts lie where Brackenmoor's BK districts of
// the same number do (synth.Place), in the authority's own area.
func demoDirectory() ([]postcode.Entry, error) {
	var out []postcode.Entry
	seen := map[string]bool{}
	for _, a := range demoAddresses() {
		pc := postcode.Compact(a.postal)
		if seen[pc] {
			continue
		}
		seen[pc] = true
		place, ok := synth.Place("BK" + strings.TrimPrefix(pc, "QD"))
		if !ok {
			return nil, fmt.Errorf("demo: no place for the postcode %s", a.postal)
		}
		out = append(out, postcode.Entry{Postcode: pc, Place: place})
	}
	return out, nil
}
