package ssda903

import (
	"testing"
	"time"

	"sightline/internal/casework"
)

// inCareFromJuly is a child whose one period of care began on 1 July 2025
// with a legal status of ls, living at the given addresses.
func inCareFromJuly(ls string, addresses ...casework.Address) casework.CaseFile {
	cf := casework.CaseFile{Child: casework.Child{ID: 1, LAChildID: "C100", Sex: "F", DateOfBirth: ptr(day(2015, 3, 10))},
		Addresses: addresses}
	cf.CareEpisodes = []casework.CareEpisode{{ID: 10, StartDate: day(2025, 7, 1), Reason: "S", CategoryOfNeed: "N1"}}
	cf.LegalStatuses = []casework.LegalStatus{{EpisodeID: 10, StartDate: day(2025, 7, 1), Code: ls}}
	cf.Placements = []casework.Placement{{ID: 1, EpisodeID: 10, StartDate: day(2025, 7, 1), Type: "U4", Provider: "PR1", Postcode: "AB1 2CD"}}
	return cf
}

func home(post string, from time.Time, to *time.Time) casework.Address {
	return casework.Address{Line1: "1 Home Street", Postcode: post, StartDate: from, EndDate: to}
}

// TestHomePostIsTheHomeTheChildCameIntoCareFrom: HOME_POST is the
// postcode of the address held on the day the period of care began, not
// one left before it or moved to after it; blank when none was held; and
// blank, with PL_POST, for a short break.
func TestHomePostIsTheHomeTheChildCameIntoCareFrom(t *testing.T) {
	left, moved := ptr(day(2025, 6, 30)), ptr(day(2025, 8, 1))
	cases := []struct {
		name       string
		cf         casework.CaseFile
		home, post string
	}{
		{"the home held that day, not the one before nor the one after", inCareFromJuly("C2",
			home("LS1 1AA", day(2015, 3, 10), ptr(day(2020, 1, 1))), home("ls27ab", day(2020, 1, 1), moved),
			home("LS6 3CD", day(2025, 8, 1), nil)), "LS2 7AB", "AB1 2CD"},
		{"a home ended the day care began is still held that day", inCareFromJuly("C2",
			home("LS2 7AB", day(2020, 1, 1), ptr(day(2025, 7, 1)))), "LS2 7AB", "AB1 2CD"},
		{"a home left the day before and one found after: none", inCareFromJuly("C2",
			home("LS1 1AA", day(2020, 1, 1), left), home("LS6 3CD", day(2025, 7, 2), nil)), "", "AB1 2CD"},
		{"no address at all", inCareFromJuly("C2"), "", "AB1 2CD"},
		{"a short break has no postcodes", inCareFromJuly("V3", home("LS2 7AB", day(2020, 1, 1), nil)), "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Build([]casework.CaseFile{c.cf}, Options{Year: 2026})
			eps := r.Files[Episodes]
			if len(eps) != 1 {
				t.Fatalf("%d episodes, want 1", len(eps))
			}
			if got := eps[0].Get("HOME_POST"); got != c.home {
				t.Errorf("HOME_POST = %q, want %q", got, c.home)
			}
			if got := eps[0].Get("PL_POST"); got != c.post {
				t.Errorf("PL_POST = %q, want %q", got, c.post)
			}
		})
	}
}

// TestEveryEpisodeOfAPeriodHasTheHomeItBeganFrom: a move of the family
// during care does not change the HOME_POST of the later episodes.
func TestEveryEpisodeOfAPeriodHasTheHomeItBeganFrom(t *testing.T) {
	cf := inCareFromJuly("C2", home("LS2 7AB", day(2020, 1, 1), ptr(day(2025, 9, 1))), home("LS6 3CD", day(2025, 9, 1), nil))
	cf.LegalStatuses = append(cf.LegalStatuses, casework.LegalStatus{EpisodeID: 10, StartDate: day(2025, 10, 1), Code: "C1"})
	r := Build([]casework.CaseFile{cf}, Options{Year: 2026})
	if len(r.Files[Episodes]) != 2 {
		t.Fatalf("%d episodes, want 2", len(r.Files[Episodes]))
	}
	for _, e := range r.Files[Episodes] {
		if e.Get("HOME_POST") != "LS2 7AB" {
			t.Errorf("episode from %s: HOME_POST = %q, want LS2 7AB", e.Get("DECOM"), e.Get("HOME_POST"))
		}
	}
}

// TestAUASCChildHasNoHomePostcode: a young person recorded as UASC has
// no HOME_POST on any episode, whether their only address is their
// placement's or they had one before care: the DfE works the distance
// from home out from HOME_POST and wants none for UASC (rule 406; 392b
// asks no postcode of them). A child not UASC living at the placement's
// postcode keeps it.
func TestAUASCChildHasNoHomePostcode(t *testing.T) {
	arrived := inCareFromJuly("V2", home("AB1 2CD", day(2025, 7, 1), ptr(day(2025, 9, 1))), home("AB9 9ZZ", day(2025, 9, 1), nil))
	arrived.Child.UASC = true
	arrived.Placements[0].EndDate, arrived.Placements[0].ChangeReason = ptr(day(2025, 9, 1)), "CARPL"
	arrived.Placements = append(arrived.Placements, casework.Placement{ID: 2, EpisodeID: 10, StartDate: day(2025, 9, 1),
		Type: "U6", Provider: "PR4", Postcode: "AB9 9ZZ"})
	withHome := inCareFromJuly("V2", home("LS2 7AB", day(2024, 1, 1), nil))
	withHome.Child.UASC = true
	notUASC := inCareFromJuly("V2", home("AB1 2CD", day(2020, 1, 1), nil))
	for _, c := range []struct {
		name string
		cf   casework.CaseFile
		home string
	}{{"UASC at the placement's address only", arrived, ""}, {"UASC with a home before", withHome, ""},
		{"not UASC", notUASC, "AB1 2CD"}} {
		r := Build([]casework.CaseFile{c.cf}, Options{Year: 2026})
		if len(r.Files[Episodes]) == 0 {
			t.Fatalf("%s: no episodes", c.name)
		}
		for _, e := range r.Files[Episodes] {
			if got := e.Get("HOME_POST"); got != c.home {
				t.Errorf("%s: episode from %s: HOME_POST = %q, want %q", c.name, e.Get("DECOM"), got, c.home)
			}
		}
	}
}
