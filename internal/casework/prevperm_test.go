package casework_test

import (
	"testing"
	"time"

	"sightline/internal/casework"
)

// TestPartialDates: DATE_PERM's unknown parts (ZZ, ZZZZ) read and write
// back as they were, and the latest day a date can be is the month's last
// (December's for an unknown month).
func TestPartialDates(t *testing.T) {
	for _, c := range []struct {
		in     string
		latest string
		ok     bool
	}{
		{"2019-06-14", "2019-06-14", true}, {"2019-06-ZZ", "2019-06-30", true}, {"2020-02-ZZ", "2020-02-29", true},
		{"2019-ZZ-ZZ", "2019-12-31", true}, {"ZZZZ-ZZ-ZZ", "", true},
		{"2019-02-30", "", false}, {"2019-13-01", "", false}, {"19-06-14", "", false}, {"2019-6-14", "", false},
	} {
		p, err := casework.ParsePartialDate(c.in)
		if (err == nil) != c.ok {
			t.Errorf("ParsePartialDate(%q) error %v, want ok %v", c.in, err, c.ok)
			continue
		}
		if !c.ok {
			continue
		}
		if c.in != "ZZZZ-ZZ-ZZ" && p.String() != c.in {
			t.Errorf("%q reads back as %q", c.in, p.String())
		}
		latest, known := p.Latest()
		if got := latest.Format("2006-01-02"); known && got != c.latest || !known && c.latest != "" {
			t.Errorf("latest day of %q = %s (%v), want %s", c.in, got, known, c.latest)
		}
	}
}

// TestPreviousPermanenceRules: the SSDA903 rules 630, 632, 633 and 635 as
// a period of care records them.
func TestPreviousPermanenceRules(t *testing.T) {
	began := time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, perm, la, date, field string
	}{
		{"not recorded", "", "", "", ""},
		{"none", "Z1", "", "", ""},
		{"an SGO by an English authority", "P2", "316", "2019-06-ZZ", ""},
		{"an adoption in Scotland, year only", "P1", "SCO", "2012-ZZ-ZZ", ""},
		{"635: none, with an authority", "Z1", "316", "", "prev_perm"},
		{"631: no such code", "P9", "", "", "prev_perm"},
		{"633: an authority by name", "P2", "Leeds", "2019-06-01", "prev_perm_la"},
		{"630: no date", "P3", "316", "", "prev_perm_date"},
		{"632: the month care began", "P3", "316", "2025-07-ZZ", "prev_perm_date"},
		{"632: the day care began", "P3", "316", "2025-07-01", "prev_perm_date"},
	} {
		v := &casework.ValidationError{}
		casework.CareEpisode{StartDate: began, PrevPerm: c.perm, PrevPermLA: c.la, PrevPermDate: c.date}.CheckPreviousPermanence(v)
		switch {
		case c.field == "" && v.Err() != nil:
			t.Errorf("%s: refused: %v", c.name, v)
		case c.field != "" && !v.Has(c.field):
			t.Errorf("%s: no error on %s (%v)", c.name, c.field, v.Err())
		}
	}
}

// TestUASCStatus: a child is UASC until the day the status ceased, which
// is on or before the 18th birthday (rule 304) and belongs to a UASC child.
func TestUASCStatus(t *testing.T) {
	dob, today := day(2008, 1, 20), day(2026, 6, 1)
	c := casework.Child{DateOfBirth: &dob, UASC: true, UASCCeased: ptrDay(day(2026, 1, 20))}
	if !c.UASCOn(day(2026, 1, 19)) || c.UASCOn(day(2026, 1, 20)) || !c.FormerlyUASC(day(2026, 1, 20)) {
		t.Error("UASC status does not cease on the day recorded")
	}
	if !c.UASCSince(day(2025, 4, 1)) || c.UASCSince(day(2026, 4, 1)) {
		t.Error("UASCSince does not follow the day the status ceased")
	}
	if err := c.CheckUASC(today); err != nil {
		t.Errorf("ceased on the 18th birthday: %v", err)
	}
	for name, bad := range map[string]casework.Child{
		"after the 18th birthday": {DateOfBirth: &dob, UASC: true, UASCCeased: ptrDay(day(2026, 1, 21))},
		"never UASC":              {DateOfBirth: &dob, UASCCeased: ptrDay(day(2025, 1, 1))},
		"in the future":           {DateOfBirth: &dob, UASC: true, UASCCeased: ptrDay(day(2026, 6, 2))},
	} {
		if err := bad.CheckUASC(today); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func ptrDay(d time.Time) *time.Time { return &d }
