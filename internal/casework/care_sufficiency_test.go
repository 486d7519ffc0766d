package casework_test

import (
	"testing"

	"sightline/internal/casework"
)

func placed(id int64, start, typ, provider string, miles float64, inArea bool) casework.Placement {
	return casework.Placement{ID: id, EpisodeID: 1, StartDate: iso(start), Type: typ, Provider: provider,
		DistanceMiles: miles, InArea: inArea}
}

func TestSufficiencyOn(t *testing.T) {
	asAt := iso("2026-06-30")
	near := casework.CareFacts{Child: casework.Child{ID: 1}, FamilyTime: true,
		Episode:    casework.CareEpisode{ID: 1, StartDate: iso("2025-01-10")},
		Placements: []casework.Placement{placed(1, "2025-01-10", "U6", "PR1", 2, true)}}
	moved := casework.CareFacts{Child: casework.Child{ID: 2},
		Episode: casework.CareEpisode{ID: 1, StartDate: iso("2025-03-01")},
		Placements: []casework.Placement{
			func() casework.Placement {
				p := placed(2, "2025-03-01", "U6", "PR1", 4, true)
				p.EndDate, p.ChangeReason = isoPtr("2026-02-01"), "CREQB"
				return p
			}(),
			func() casework.Placement {
				p := placed(3, "2026-02-01", "K2", "PR4", 20, false)
				p.SchoolMove = true
				return p
			}(),
		}}
	left := casework.CareFacts{Child: casework.Child{ID: 3},
		Episode:    casework.CareEpisode{ID: 1, StartDate: iso("2026-01-05"), EndDate: isoPtr("2026-05-01")},
		Placements: []casework.Placement{placed(4, "2026-01-05", "U3", "PR1", 12, true)}}
	oldMove := casework.CareFacts{Child: casework.Child{ID: 4}, FamilyTime: false,
		Episode: casework.CareEpisode{ID: 1, StartDate: iso("2024-01-01")},
		Placements: []casework.Placement{
			func() casework.Placement {
				p := placed(5, "2024-01-01", "U4", "PR4", 9, true)
				p.EndDate = isoPtr("2025-06-30")
				return p
			}(),
			placed(6, "2025-06-30", "U4", "PR4", 30, true),
		}}
	s := casework.SufficiencyOn([]casework.CareFacts{near, moved, left, oldMove}, asAt)

	if len(s.Placed) != 3 {
		t.Fatalf("looked after on the date: %d children, want 3 (child 3 left care)", len(s.Placed))
	}
	wantBands := map[string][3]int{"0-5": {1, 1, 0}, "5-10": {0, 0, 0}, "10-20": {0, 0, 0}, "20+": {2, 1, 1}}
	for _, b := range s.Bands {
		if w := wantBands[b.Band.Code]; [3]int{b.Children, b.InArea, b.OutOfArea} != w {
			t.Errorf("band %s: %d children (%d in, %d out), want %v; 20 miles is in the top band", b.Band.Code, b.Children, b.InArea, b.OutOfArea, w)
		}
	}
	if len(s.OutOfArea) != 1 || s.OutOfArea[0].Child.ID != 2 {
		t.Errorf("out of area = %+v, want child 2", s.OutOfArea)
	}
	if len(s.Moves) != 1 || s.Moves[0].Child.ID != 2 || s.Moves[0].Reason != "CREQB" || s.Moves[0].From != "U6" || s.Moves[0].To != "K2" {
		t.Errorf("moves in the year = %+v, want child 2's move on 1 Feb (child 4's move on the day a year before does not count)", s.Moves)
	}
	if len(s.SchoolMoves) != 1 || s.SchoolMoves[0].Child.ID != 2 {
		t.Errorf("school moves = %+v", s.SchoolMoves)
	}
	if len(s.FarNoFamily) != 2 || s.FarNoFamily[0].Child.ID != 4 || s.FarNoFamily[1].Child.ID != 2 {
		t.Errorf("far from home with no family time = %+v, want children 4 then 2, the furthest first", s.FarNoFamily)
	}
	homes := map[string]int{}
	for _, h := range s.Homes {
		homes[h.Group.Code+"/"+h.Provider.Code] = h.Children
	}
	if len(homes) != 3 || homes["foster/PR1"] != 1 || homes["home/PR4"] != 1 || homes["foster/PR4"] != 1 {
		t.Errorf("homes in use = %v", homes)
	}
}

func TestDistanceBand(t *testing.T) {
	for miles, want := range map[float64]string{0: "0-5", 4.9: "0-5", 5: "5-10", 9.9: "5-10", 10: "10-20", 19.9: "10-20", 20: "20+", 250: "20+"} {
		if got := casework.DistanceBand(miles).Code; got != want {
			t.Errorf("%.1f miles: band %s, want %s", miles, got, want)
		}
	}
}
