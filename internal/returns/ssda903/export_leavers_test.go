package ssda903

import (
	"testing"
	"time"

	"sightline/internal/casework"
)

// TestNoOC3RowForABirthdayInCare: a care leaver who turned 17 or 18 in
// the year has an OC3 row only when they had left care by that birthday
// and not after it (rules 1007 and 1016); from 19 the row is written
// whatever the episodes of the year.
func TestNoOC3RowForABirthdayInCare(t *testing.T) {
	cases := []struct {
		name    string
		dob     time.Time
		end     *time.Time // of a period of care from 1 March 2025
		wantRow bool
	}{
		{"turned 18, left care before", day(2007, 6, 15), ptr(day(2025, 6, 14)), true},
		{"turned 18, left care on the birthday", day(2007, 6, 15), ptr(day(2025, 6, 15)), true},
		{"turned 18, left care the day after", day(2007, 6, 15), ptr(day(2025, 6, 16)), false},
		{"turned 18, still looked after", day(2007, 6, 15), nil, false},
		{"turned 17, left care after", day(2008, 6, 15), ptr(day(2025, 9, 1)), false},
		{"turned 19, left care after", day(2006, 6, 15), ptr(day(2025, 9, 1)), true},
	}
	for _, c := range cases {
		cf := casework.CaseFile{Child: casework.Child{ID: 2, LAChildID: "C200", Sex: "M", Ethnicity: "BAFR", UPNUnknown: "UN2",
			DateOfBirth: ptr(c.dob)}, Leaver: &casework.CareLeaver{Category: "former_relevant"}}
		ended := ""
		if c.end != nil {
			ended = "E8"
		}
		cf.CareEpisodes = []casework.CareEpisode{{ID: 20, StartDate: day(2025, 3, 1), CategoryOfNeed: "N1", EndDate: c.end, EndReason: ended}}
		cf.LegalStatuses = []casework.LegalStatus{{EpisodeID: 20, StartDate: day(2025, 3, 1), Code: "V2"}}
		cf.LeaverContacts = []casework.LeaverContact{{Date: day(2025, 7, 1), Birthday: 2025 - c.dob.Year(), InTouch: "YES", Activity: "F2", Accom: "D1"}}
		r := Build([]casework.CaseFile{cf}, Options{Year: 2026})
		if got := len(r.Files[OC3]) == 1; got != c.wantRow {
			t.Errorf("%s: an OC3 row %v, want %v", c.name, got, c.wantRow)
		}
		for _, f := range Validate(r, &Context{Year: 2026}) {
			if f.Code == "1007" || f.Code == "1016" {
				t.Errorf("%s: the export fails %s", c.name, f.Code)
			}
		}
	}
}

// TestNoOC3RowForABirthdayBeforeCare: a young person who arrived alone
// after turning 17, came into care after the year and left it at 18 (a
// care leaver now) has no OC3 row for the 17th birthday of the year: they
// were no care leaver then (rules 1001 and 1002 reported one).
func TestNoOC3RowForABirthdayBeforeCare(t *testing.T) {
	cf := casework.CaseFile{Child: casework.Child{ID: 3, LAChildID: "C300", Sex: "M", Ethnicity: "AOTH", UPNUnknown: "UN2",
		DateOfBirth: ptr(day(2008, 9, 10)), UASC: true}, Leaver: &casework.CareLeaver{Category: "former_relevant"}}
	cf.CareEpisodes = []casework.CareEpisode{{ID: 30, StartDate: day(2026, 5, 2), CategoryOfNeed: "N8", EndDate: ptr(day(2026, 9, 10)), EndReason: "E17"}}
	cf.LegalStatuses = []casework.LegalStatus{{EpisodeID: 30, StartDate: day(2026, 5, 2), Code: "V2"}}
	r := Build([]casework.CaseFile{cf}, Options{Year: 2026})
	if n := len(r.Files[OC3]); n != 0 {
		t.Errorf("%d OC3 rows for a 17th birthday before care began, want none", n)
	}
}
