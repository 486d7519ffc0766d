package casework

import (
	"cmp"
	"slices"
	"time"

	"sightline/internal/calendar"
)

// CareFacts is what the sufficiency view needs of one child: their period
// of care that overlaps the year to the date asked, the placements of it
// in that year, and whether a family-time arrangement was in force on the
// date.
type CareFacts struct {
	Child      Child
	Episode    CareEpisode
	Placements []Placement // in date order
	FamilyTime bool
}

// Distance bands of the sufficiency view, in miles from home: 0–5, 5–10,
// 10–20 and 20 or more (a lower bound belongs to its band).
var distanceBands = []struct {
	Code, Label string
	From        float64
}{
	{"0-5", "Under 5 miles", 0}, {"5-10", "5 to 10 miles", 5}, {"10-20", "10 to 20 miles", 10},
	{"20+", "20 miles or more", FarFromHomeMiles},
}

// FarFromHomeMiles is where "placed far from home" begins: the top band.
const FarFromHomeMiles = 20

// DistanceBand returns the band of a distance from home.
func DistanceBand(miles float64) Code {
	b := distanceBands[0]
	for _, band := range distanceBands {
		if miles >= band.From {
			b = band
		}
	}
	return Code{b.Code, b.Label}
}

// PlacedChild is a child looked after on the date asked, where they live.
type PlacedChild struct {
	Child      Child
	Since      time.Time // looked after since
	Placement  Placement // the placement in force on the date
	Band       Code
	FamilyTime bool
}

// PlacementMove is a move of placement within the year to the date asked.
type PlacementMove struct {
	Child      Child
	Date       time.Time
	From, To   string // placement types
	Reason     string // REASON_PLACE_CHANGE of the placement left
	SchoolMove bool
}

// HomeCount is how many children live in one kind of home from one kind
// of provider.
type HomeCount struct {
	Group    Code
	Provider Code
	Children int
}

// BandCount is how many children live within one distance band.
type BandCount struct {
	Band                        Code
	Children, InArea, OutOfArea int
}

// Sufficiency answers "are there enough homes, and near enough": the homes
// in use on a date, how far from home children live, who is out of the
// area, who moved placement or school in the year to it, and who lives 20
// miles or more away with no family-time plan.
type Sufficiency struct {
	AsAt, YearFrom time.Time
	Placed         []PlacedChild
	Homes          []HomeCount
	Bands          []BandCount
	OutOfArea      []PlacedChild
	Moves          []PlacementMove
	SchoolMoves    []PlacementMove
	FarNoFamily    []PlacedChild
}

// SufficiencyOn computes the view as at asAt from the facts of every child
// with a period of care in the year to it. A move counts in the year when
// the new placement started after the day a year before asAt and on or
// before asAt; a first placement is not a move.
func SufficiencyOn(facts []CareFacts, asAt time.Time) Sufficiency {
	s := Sufficiency{AsAt: asAt, YearFrom: calendar.AddMonths(asAt, -12)}
	homes := map[[2]string]int{}
	bands := make([]BandCount, len(distanceBands))
	for i, b := range distanceBands {
		bands[i].Band = Code{b.Code, b.Label}
	}
	for _, f := range facts {
		s.addMoves(f)
		pc, ok := placedOn(f, asAt)
		if !ok {
			continue
		}
		s.Placed = append(s.Placed, pc)
		homes[[2]string{PlacementGroup(pc.Placement.Type).Code, pc.Placement.Provider}]++
		b := &bands[slices.IndexFunc(bands, func(b BandCount) bool { return b.Band.Code == pc.Band.Code })]
		b.Children++
		if pc.Placement.InArea {
			b.InArea++
		} else {
			b.OutOfArea++
			s.OutOfArea = append(s.OutOfArea, pc)
		}
		if pc.Placement.DistanceMiles >= FarFromHomeMiles && !pc.FamilyTime {
			s.FarNoFamily = append(s.FarNoFamily, pc)
		}
	}
	s.Bands = bands
	for _, g := range PlacementGroups() {
		for _, p := range append(PlacementProviders(), Code{"", "No provider recorded"}) {
			if n := homes[[2]string{g.Code, p.Code}]; n > 0 {
				s.Homes = append(s.Homes, HomeCount{Group: g, Provider: p, Children: n})
			}
		}
	}
	byDistance := func(a, b PlacedChild) int { return cmp.Compare(b.Placement.DistanceMiles, a.Placement.DistanceMiles) }
	slices.SortStableFunc(s.OutOfArea, byDistance)
	slices.SortStableFunc(s.FarNoFamily, byDistance)
	newest := func(a, b PlacementMove) int { return b.Date.Compare(a.Date) }
	slices.SortStableFunc(s.Moves, newest)
	slices.SortStableFunc(s.SchoolMoves, newest)
	return s
}

// placedOn returns where the child lived on day d, if looked after then.
func placedOn(f CareFacts, d time.Time) (PlacedChild, bool) {
	if !f.Episode.Open(d) {
		return PlacedChild{}, false
	}
	for _, p := range f.Placements {
		if !p.StartDate.After(d) && (p.EndDate == nil || d.Before(*p.EndDate)) {
			return PlacedChild{Child: f.Child, Since: f.Episode.StartDate, Placement: p,
				Band: DistanceBand(p.DistanceMiles), FamilyTime: f.FamilyTime}, true
		}
	}
	return PlacedChild{}, false
}

// addMoves adds the child's moves and school moves in the year.
func (s *Sufficiency) addMoves(f CareFacts) {
	for i, p := range f.Placements {
		if !p.StartDate.After(s.YearFrom) || p.StartDate.After(s.AsAt) {
			continue
		}
		if i > 0 && f.Placements[i-1].EpisodeID == p.EpisodeID {
			prev := f.Placements[i-1]
			m := PlacementMove{Child: f.Child, Date: p.StartDate, From: prev.Type, To: p.Type,
				Reason: prev.ChangeReason, SchoolMove: p.SchoolMove}
			s.Moves = append(s.Moves, m)
		}
		if p.SchoolMove {
			s.SchoolMoves = append(s.SchoolMoves, PlacementMove{Child: f.Child, Date: p.StartDate, To: p.Type, SchoolMove: true})
		}
	}
}
