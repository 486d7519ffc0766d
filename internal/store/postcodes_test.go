package store_test

import (
	"fmt"
	"testing"

	"sightline/internal/postcode"
	"sightline/internal/store"
)

// TestThePostcodeDirectoryIsReplacedWholeAndLookedUp: a load replaces the
// directory held before; a lookup finds the postcodes held, in any case
// and spacing, keeps a missing grid reference missing, and leaves out
// postcodes the directory does not hold, beyond one query's worth.
func TestThePostcodeDirectoryIsReplacedWholeAndLookedUp(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		if n := must[int](t)(s.CountPostcodes(ctx)); n != 0 {
			t.Fatalf("an empty database holds %d postcodes", n)
		}
		old := []postcode.Entry{{Postcode: "DH11AA", Place: postcode.Place{Area: "E06000047", Easting: 427000, Northing: 542000, Grid: true}}}
		must[store.DirectorySummary](t)(s.ReplacePostcodes(ctx, w.sw, old, "old.csv"))

		var entries []postcode.Entry
		for i := range 1200 { // more than one lookup query's worth
			entries = append(entries, postcode.Entry{Postcode: fmt.Sprintf("NE%d%dAB", i/10, i%10),
				Place: postcode.Place{Area: "E08000021", Easting: 420000 + i, Northing: 565000, Grid: true}})
		}
		entries = append(entries, postcode.Entry{Postcode: "EH11AA", Place: postcode.Place{Area: "SCO"}})
		sum := must[store.DirectorySummary](t)(s.ReplacePostcodes(ctx, w.sw, entries, "ONSPD.csv"))
		if sum.Postcodes != len(entries) || len(sum.SHA256) != 64 {
			t.Errorf("summary = %+v", sum)
		}
		if n := must[int](t)(s.CountPostcodes(ctx)); n != len(entries) {
			t.Errorf("directory holds %d, want %d: the old one replaced", n, len(entries))
		}
		ask := []string{"dh1 1aa", "eh1 1aa"}
		for i := range 1200 {
			ask = append(ask, fmt.Sprintf("ne%d %dab", i/10, i%10))
		}
		got := must[map[string]postcode.Place](t)(s.PostcodePlaces(ctx, ask))
		if _, ok := got["DH11AA"]; ok {
			t.Errorf("DH1 1AA is found after the directory holding it was replaced")
		}
		if p := got["EH11AA"]; p.Area != "SCO" || p.Grid {
			t.Errorf("EH1 1AA = %+v, want Scotland with no grid reference", p)
		}
		if p := got["NE1199AB"]; p.Area != "E08000021" || p.Easting != 421199 || p.Northing != 565000 || !p.Grid {
			t.Errorf("NE119 9AB = %+v", p)
		}
		if len(got) != 1201 {
			t.Errorf("found %d postcodes, want 1201", len(got))
		}
	})
}
