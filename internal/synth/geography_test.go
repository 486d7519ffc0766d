package synth_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// everyPostcode calls f with every unit postcode of the BK districts given:
// nine sectors of the inward letters' 400 pairs each.
func everyPostcode(districts []int, f func(district int, pc string)) {
	const letters = "ABDEFGHJLNPQRSTUWXYZ"
	for _, d := range districts {
		for sector := 1; sector <= 9; sector++ {
			for _, a := range letters {
				for _, b := range letters {
					f(d, fmt.Sprintf("BK%d %d%c%c", d, sector, a, b))
				}
			}
		}
	}
}

func span(from, to int) []int {
	var out []int
	for n := from; n <= to; n++ {
		out = append(out, n)
	}
	return out
}

// TestPlaceIsBrackenmoorsGeography: every BK postcode of the town (BK1 to
// BK9) is in Brackenmoor's own area and every one beyond (BK60 to BK99) in
// another's; the same postcode is always in the same place, however it is
// written; the town is a few miles across; each district beyond is either
// wholly under 20 miles from every home in the town or wholly 20 miles or
// more (so the share drawn is the share the return shows), nearer ones
// and farther ones both there, and nothing is more than 350 miles off.
func TestPlaceIsBrackenmoorsGeography(t *testing.T) {
	var town []postcode.Place
	everyPostcode(span(1, 9), func(_ int, pc string) {
		p, ok := synth.Place(pc)
		if !ok || p.Area != synth.OwnArea || !p.Grid {
			t.Fatalf("%s: %+v, %v; want in %s with a grid reference", pc, p, ok, synth.OwnArea)
		}
		if again, _ := synth.Place(strings.ToLower(strings.ReplaceAll(pc, " ", ""))); again != p {
			t.Fatalf("%s: %+v, then %+v", pc, p, again)
		}
		town = append(town, p)
	})
	// The town's extent: distances to a point beyond are bounded by those
	// to the corners of the box around it.
	lo, hi := town[0], town[0]
	for _, p := range town {
		lo.Easting, lo.Northing = min(lo.Easting, p.Easting), min(lo.Northing, p.Northing)
		hi.Easting, hi.Northing = max(hi.Easting, p.Easting), max(hi.Northing, p.Northing)
	}
	if across, _ := postcode.Miles(lo, hi); across < 2 || across > 8 {
		t.Errorf("the town is %.1f miles corner to corner, want a few", across)
	}
	corners := []postcode.Place{lo, hi, {Easting: lo.Easting, Northing: hi.Northing, Grid: true},
		{Easting: hi.Easting, Northing: lo.Northing, Grid: true}}
	nearest := func(p postcode.Place) float64 { // to the box
		q := postcode.Place{Easting: min(max(p.Easting, lo.Easting), hi.Easting),
			Northing: min(max(p.Northing, lo.Northing), hi.Northing), Grid: true}
		m, _ := postcode.Miles(p, q)
		return m
	}
	farthest := func(p postcode.Place) float64 {
		out := 0.0
		for _, c := range corners {
			m, _ := postcode.Miles(p, c)
			out = max(out, m)
		}
		return out
	}
	near, far := map[int]bool{}, map[int]bool{}
	everyPostcode(span(60, 99), func(d int, pc string) {
		p, ok := synth.Place(pc)
		if !ok || p.Area == synth.OwnArea || !postcode.ValidArea(p.Area) || !p.Grid {
			t.Fatalf("%s: %+v, %v; want outside %s with a grid reference", pc, p, ok, synth.OwnArea)
		}
		switch {
		case farthest(p) < 20:
			near[d] = true
		case nearest(p) >= 20:
			far[d] = true
		default:
			t.Fatalf("%s is %.1f to %.1f miles from the town: a district beyond is to be under 20 or 20 and more",
				pc, nearest(p), farthest(p))
		}
		if farthest(p) > 350 {
			t.Fatalf("%s is %.1f miles from the town", pc, farthest(p))
		}
		if near[d] && far[d] {
			t.Fatalf("district BK%d has postcodes both under 20 miles and 20 or more from the town", d)
		}
	})
	if len(near) == 0 || len(far) == 0 {
		t.Errorf("districts nearer %v, farther %v: want both", near, far)
	}
	for _, pc := range []string{"QD1 2HS", "BK10 1AA", "BK59 1AA", "BK100 1AA", "SW1A 1AA", ""} {
		if p, ok := synth.Place(pc); ok {
			t.Errorf("%q: %+v, want no place", pc, p)
		}
	}
}

// directoryOf gathers the generated batches' directory entries, failing on
// a postcode given twice.
func directoryOf(t *testing.T, batches ...*store.SyntheticBatch) map[string]postcode.Place {
	t.Helper()
	dir := map[string]postcode.Place{}
	for _, b := range batches {
		for _, e := range b.Postcodes {
			if _, ok := dir[e.Postcode]; ok {
				t.Errorf("%s is in the directory twice", e.Postcode)
			}
			dir[e.Postcode] = e.Place
		}
	}
	return dir
}

// TestEveryGeneratedPostcodeIsInTheDirectoryOnce: the batches the
// authority is written in give every postcode its records use (the
// providers', the addresses', the placements') exactly one directory
// entry, where the geography puts it, and no entry no record uses.
func TestEveryGeneratedPostcodeIsInTheDirectoryOnce(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	var batches []*store.SyntheticBatch
	for b := range a.Batches(5000) {
		batches = append(batches, b)
	}
	dir := directoryOf(t, batches...)
	used := map[string]bool{}
	use := func(what, pc string) {
		c := postcode.Compact(pc)
		used[c] = true
		if want, _ := synth.Place(c); dir[c] != want {
			t.Errorf("%s postcode %s: directory %+v, want %+v", what, pc, dir[c], want)
		}
		if _, ok := dir[c]; !ok {
			t.Errorf("%s postcode %s is not in the directory", what, pc)
		}
	}
	for _, b := range batches {
		for _, p := range b.Providers {
			use("provider", p.Postcode)
		}
		for _, ad := range b.Addresses {
			use("address", ad.Postcode)
		}
		for _, p := range b.Placements {
			use("placement", p.Postcode)
		}
	}
	for pc := range dir {
		if !used[pc] {
			t.Errorf("%s is in the directory but no record uses it", pc)
		}
	}
	if len(dir) == 0 {
		t.Fatal("no directory")
	}
}

// TestTheRegisterIsWhereItsPostcodesAre: each provider's DfE number is that
// of the authority its postcode is in: the fictional ONS code ends in it.
func TestTheRegisterIsWhereItsPostcodesAre(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	for _, p := range a.Staff().Providers {
		place, ok := synth.Place(p.Postcode)
		if !ok || !strings.HasSuffix(place.Area, p.LACode) {
			t.Errorf("provider %s %s at %s: LA %s, but the postcode is in %q", p.URN, p.Name, p.Postcode, p.LACode, place.Area)
		}
		if (p.LACode == synth.OwnLACode) != (place.Area == synth.OwnArea) {
			t.Errorf("provider %s: LA %s in area %s", p.URN, p.LACode, place.Area)
		}
	}
}

// TestGeneratedPlacementsAreWhereTheirPostcodesAre: each placement's
// distance is the geography's from the home the child came into care from
// (the address held on the period's first day, as HOME_POST is; none for
// a young person who arrived alone), it is in the area as its postcode
// is, and the authority's own provision other than fostering and adoption
// is in its own area (SSDA903 rule 1015). About a fifth of the placements
// with a distance are 20 miles or more from home and about two in five
// are outside the authority (profile placement_distance_2024: 21.6% and
// 39.8%).
func TestGeneratedPlacementsAreWhereTheirPostcodesAre(t *testing.T) {
	var placements, withDistance, far, outside int
	var children []*store.SyntheticBatch
	for _, seed := range []uint64{3, 7, 11} {
		children = append(children, generate(t, "steady", "small", seed).Children()...)
	}
	for _, c := range children {
		child := c.Children[0]
		for _, p := range c.Placements {
			placements++
			place, ok := synth.Place(p.Postcode)
			if !ok {
				t.Fatalf("child %s: placement postcode %s has no place", child.LAChildID, p.Postcode)
			}
			if p.InArea != (place.Area == synth.OwnArea) {
				t.Errorf("child %s: placement at %s (%s): in area %v", child.LAChildID, p.Postcode, place.Area, p.InArea)
			}
			if p.Provider == "PR1" && !p.InArea && !strings.ContainsAny(p.Type[:1], "AU") {
				t.Errorf("child %s: own provision %s placed outside the area at %s", child.LAChildID, p.Type, p.Postcode)
			}
			if !p.InArea {
				outside++
			}
			want := 0.0
			if home := homeOn(c.Addresses, periodStart(c, p.EpisodeID)); home != "" && !child.UASC {
				hp, _ := synth.Place(home)
				want, _ = postcode.Miles(hp, place)
				withDistance++
				if want >= 20 {
					far++
				}
			}
			if p.DistanceMiles != want {
				t.Errorf("child %s: placement at %s from %s: %.1f miles, the geography gives %.1f",
					child.LAChildID, p.Postcode, p.StartDate.Format("2006-01-02"), p.DistanceMiles, want)
			}
		}
	}
	farShare, outShare := float64(far)/float64(withDistance), float64(outside)/float64(placements)
	t.Logf("%d placements, %d with a distance: %.1f%% 20 miles or more, %.1f%% outside the area",
		placements, withDistance, farShare*100, outShare*100)
	// Within five points of the profile's 21.6% and 39.8% (some 500
	// placements: about two standard errors).
	if farShare < 0.166 || farShare > 0.266 {
		t.Errorf("%.1f%% of placements 20 miles or more from home, want near 21.6%%", farShare*100)
	}
	if outShare < 0.348 || outShare > 0.448 {
		t.Errorf("%.1f%% of placements outside the area, want near 39.8%%", outShare*100)
	}
}

// periodStart is the first day of the period of care episode.
func periodStart(c *store.SyntheticBatch, episode int64) time.Time {
	for _, e := range c.CareEpisodes {
		if e.ID == episode {
			return e.StartDate
		}
	}
	return time.Time{}
}

// TestGeneratedReturnDerivesWhatTheRecordHolds: the SSDA903 return of the
// generated authority, its PL_LA, PL_LOCATION and PL_DISTANCE worked out
// from its own directory as the DfE works them out, says what the
// placements recorded say: IN for a placement in the area, the distance
// recorded, and no distance for a UASC child (SSDA903 rule 406).
func TestGeneratedReturnDerivesWhatTheRecordHolds(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	var batches []*store.SyntheticBatch
	var files []casework.CaseFile
	placements := map[string][]casework.Placement{} // by CHILD
	uasc := map[string]bool{}
	for b := range a.Batches(5000) {
		batches = append(batches, b)
	}
	for _, c := range a.Children() {
		cf := synth.CaseFile(c)
		cf.Addresses = c.Addresses
		files = append(files, cf)
		id := c.Children[0].LAChildID
		placements[id], uasc[id] = c.Placements, c.Children[0].UASC
	}
	r := ssda903.Build(files, ssda903.Options{Year: 2026})
	ssda903.Derive(r, directoryOf(t, batches...), synth.OwnArea)
	rows := 0
	for _, row := range r.Files[ssda903.Episodes] {
		child, post := row.Get("CHILD"), row.Get("PL_POST")
		if post == "" {
			continue
		}
		rows++
		if row.Get("PL_LA") == "" {
			t.Errorf("child %s: PL_POST %s not in the directory", child, post)
			continue
		}
		if uasc[child] && row.Get("HOME_POST") != "" {
			t.Errorf("UASC child %s: HOME_POST %s, want none (rule 406)", child, row.Get("HOME_POST"))
		}
		if uasc[child] && row.Get("PL_DISTANCE") != "" {
			t.Errorf("UASC child %s: PL_DISTANCE %s, want none (rule 406)", child, row.Get("PL_DISTANCE"))
		}
		p, ok := placementAt(placements[child], row.Get("DECOM"), post)
		if !ok {
			t.Errorf("child %s: no placement at %s on %s", child, post, row.Get("DECOM"))
			continue
		}
		if in := row.Get("PL_LOCATION") == "IN"; in != p.InArea {
			t.Errorf("child %s at %s: PL_LOCATION %s, recorded in area %v", child, post, row.Get("PL_LOCATION"), p.InArea)
		}
		want := ""
		if p.DistanceMiles > 0 || row.Get("HOME_POST") != "" {
			want = strconv.FormatFloat(p.DistanceMiles, 'f', 1, 64)
		}
		if got := row.Get("PL_DISTANCE"); got != want {
			t.Errorf("child %s at %s from %s: PL_DISTANCE %q, recorded %q", child, post, row.Get("HOME_POST"), got, want)
		}
	}
	t.Logf("%d episodes with a placement postcode", rows)
	if rows == 0 {
		t.Fatal("no episodes with a placement postcode")
	}
}

// placementAt finds the placement at post under way on day (DD/MM/YYYY).
func placementAt(ps []casework.Placement, day, post string) (casework.Placement, bool) {
	for _, p := range ps {
		start := p.StartDate.Format("02/01/2006")
		if casework.NormalisePostcode(p.Postcode) == post && !after(start, day) &&
			(p.EndDate == nil || !after(day, p.EndDate.Format("02/01/2006"))) {
			return p, true
		}
	}
	return casework.Placement{}, false
}

// after reports whether DD/MM/YYYY date a is after b.
func after(a, b string) bool {
	iso := func(d string) string { return d[6:] + d[3:5] + d[:2] }
	return iso(a) > iso(b)
}
