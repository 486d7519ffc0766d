package casework_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// fieldsOf returns the fields a validation error names, or nil.
func fieldsOf(err error) []string {
	var v *casework.ValidationError
	if errors.As(err, &v) {
		return v.Fields()
	}
	return nil
}

func TestSuggestedLeaverCategoryFollowsTheStatutoryDefinitions(t *testing.T) {
	dob := day(2008, 6, 10) // 16 on 10 June 2024, 18 on 10 June 2026
	for _, tc := range []struct {
		name          string
		started, asAt time.Time
		ended         *time.Time
		want          string
	}{
		{"eligible: 16, looked after 13 weeks since 14 and still looked after",
			day(2023, 1, 1), day(2024, 9, 1), nil, casework.LeaverEligible},
		{"not eligible under 16", day(2023, 1, 1), day(2024, 6, 9), nil, ""},
		{"12 weeks since 14 is not eligible while still looked after",
			day(2024, 6, 10), day(2024, 9, 1), nil, ""},
		{"13 weeks since 14, the last day after 16: eligible",
			day(2024, 6, 1), day(2024, 8, 31), nil, casework.LeaverEligible},
		{"relevant: left care at 17 after being eligible",
			day(2023, 1, 1), day(2025, 9, 1), ptr(day(2025, 7, 1)), casework.LeaverRelevant},
		{"former relevant: 18 after being relevant",
			day(2023, 1, 1), day(2026, 9, 1), ptr(day(2025, 7, 1)), casework.LeaverFormerRelevant},
		{"qualifying: looked after after 16 for under 13 weeks",
			day(2025, 1, 1), day(2025, 6, 1), ptr(day(2025, 2, 1)), casework.LeaverQualifying},
		{"looked after only before 16 and briefly: none",
			day(2023, 1, 1), day(2025, 6, 1), ptr(day(2023, 2, 1)), ""},
		{"weeks before the 14th birthday do not count",
			day(2020, 1, 1), day(2024, 7, 1), ptr(day(2022, 7, 1)), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := casework.SuggestLeaverCategory(dob, tc.started, tc.ended, tc.asAt); got != tc.want {
				t.Errorf("category = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCareLeaverRulesNameTheField(t *testing.T) {
	dob := ptr(day(2008, 6, 10))
	valid := casework.CareLeaver{Category: casework.LeaverRelevant, From: day(2025, 7, 1),
		CareStarted: ptr(day(2023, 1, 1)), CareEnded: ptr(day(2025, 7, 1)), Adviser: "Pat Adviser", AdviserFrom: ptr(day(2025, 7, 1))}
	for _, tc := range []struct {
		name   string
		change func(*casework.CareLeaver)
		want   []string
	}{
		{"a valid relevant child", func(*casework.CareLeaver) {}, nil},
		{"category required", func(c *casework.CareLeaver) { c.Category = "" }, []string{"category"}},
		{"a care leaver is 16 or over", func(c *casework.CareLeaver) { c.From = day(2024, 6, 9) }, []string{"from"}},
		{"relevant is under 18", func(c *casework.CareLeaver) { c.From = day(2026, 6, 10) }, []string{"category"}},
		{"former relevant is 18 or over", func(c *casework.CareLeaver) { c.Category = casework.LeaverFormerRelevant }, []string{"category"}},
		{"care ends after it starts", func(c *casework.CareLeaver) { c.CareEnded = ptr(day(2022, 1, 1)) }, []string{"care_ended"}},
		{"a relevant child has left care", func(c *casework.CareLeaver) { c.CareEnded = nil }, []string{"care_ended"}},
		{"an eligible child is still looked after", func(c *casework.CareLeaver) { c.Category = casework.LeaverEligible }, []string{"care_ended"}},
		{"an adviser has a name", func(c *casework.CareLeaver) { c.Adviser = "" }, []string{"adviser"}},
		{"from not in the future", func(c *casework.CareLeaver) { c.From = today.AddDate(0, 0, 1) }, []string{"from"}},
		{"services end after the category applied", func(c *casework.CareLeaver) { c.ServicesEnded = ptr(day(2025, 1, 1)) }, []string{"services_ended"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cl := valid
			tc.change(&cl)
			if got := fieldsOf(cl.Validate(dob, today)); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
	if casework.LeaverCategoryRule(casework.LeaverEligible) == "" {
		t.Error("every category has its rule text")
	}
}

// OC3 rules 131–133, 344, 345, 347, 391 and 3001.
func TestBirthdayRecordRulesNameTheField(t *testing.T) {
	dob := ptr(day(2007, 11, 1))
	valid := casework.LeaverContact{Date: day(2026, 11, 2), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "U1"}
	for _, tc := range []struct {
		name   string
		change func(*casework.LeaverContact)
		want   []string
	}{
		{"a valid 19th birthday record", func(*casework.LeaverContact) {}, nil},
		{"rule 131: in touch required", func(c *casework.LeaverContact) { c.InTouch = "" }, []string{"in_touch"}},
		{"rule 132: activity from the list", func(c *casework.LeaverContact) { c.Activity = "F3" }, []string{"activity"}},
		{"rule 133: no fixed abode is never suitable", func(c *casework.LeaverContact) { c.Accom = "S1" }, []string{"accommodation"}},
		{"rule 133: custody unsuitable is allowed", func(c *casework.LeaverContact) { c.Accom = "X2" }, nil},
		{"rule 344: died has no activity", func(c *casework.LeaverContact) { c.InTouch = "DIED" }, []string{"in_touch"}},
		{"rule 344: returned home with not applicable", func(c *casework.LeaverContact) { c.InTouch, c.Activity, c.Accom = "RHOM", "0", "0" }, nil},
		{"rule 345: in touch needs an activity", func(c *casework.LeaverContact) { c.Activity = "0" }, []string{"activity"}},
		{"rule 347: no foyer under 18", func(c *casework.LeaverContact) { c.Accom, c.Date = "T1", day(2025, 1, 5) }, []string{"accommodation"}},
		{"rule 3001: not with former foster carers at 17", func(c *casework.LeaverContact) { c.Accom, c.Birthday = "Z1", 17 }, []string{"accommodation"}},
		{"rule 391: 17th to 21st birthdays only", func(c *casework.LeaverContact) { c.Birthday = 22 }, []string{"birthday"}},
		{"a birthday record needs activity and accommodation", func(c *casework.LeaverContact) { c.Activity, c.Accom = "", "" },
			[]string{"accommodation", "activity"}},
		{"an ordinary contact needs neither", func(c *casework.LeaverContact) { c.Birthday, c.Activity, c.Accom = 0, "", "" }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := valid
			tc.change(&c)
			if got := fieldsOf(c.Validate(dob, today)); !slices.Equal(got, tc.want) {
				t.Errorf("fields in error = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOneRecordPerBirthdayAndAReviewFollowsAPlan(t *testing.T) {
	cf := casework.CaseFile{Child: casework.Child{DateOfBirth: ptr(day(2007, 11, 1))}}
	c := casework.LeaverContact{Date: day(2026, 11, 2), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "U1"}
	if got := fieldsOf(cf.CheckLeaverContact(c, today)); !slices.Equal(got, []string{"date"}) {
		t.Errorf("without a care leaver record: %v, want date", got)
	}
	cf.Leaver = &casework.CareLeaver{ID: 1}
	cf.LeaverContacts = []casework.LeaverContact{{ID: 5, Birthday: 19}}
	if got := fieldsOf(cf.CheckLeaverContact(c, today)); !slices.Equal(got, []string{"birthday"}) {
		t.Errorf("a second 19th birthday record: %v, want birthday", got)
	}
	rv := casework.PathwayRecord{Kind: casework.PathwayReview, Date: day(2026, 5, 1)}
	if got := fieldsOf(cf.CheckPathway(rv, today)); !slices.Equal(got, []string{"kind"}) {
		t.Errorf("a review with no plan: %v, want kind", got)
	}
	cf.Pathway = []casework.PathwayRecord{{Kind: casework.PathwayPlan, Date: day(2026, 6, 1)}}
	if got := fieldsOf(cf.CheckPathway(rv, today)); !slices.Equal(got, []string{"date"}) {
		t.Errorf("a review before the plan: %v, want date", got)
	}
}

func TestAccommodationCodesJoinTypeAndSuitability(t *testing.T) {
	if got := casework.AccomCode("D", true); got != "D1" {
		t.Errorf("D suitable = %q", got)
	}
	if got := casework.AccomCode("W", false); got != "W2" || casework.AccomSuitable(got) {
		t.Errorf("W not suitable = %q", got)
	}
	if casework.InEET("G5") || !casework.InEET("P4") || casework.InEET("0") {
		t.Error("InEET: F and P codes are in education, employment or training; G codes and 0 are not")
	}
	if casework.Ordinal(21) != "21st" || casework.Ordinal(17) != "17th" || casework.Ordinal(12) != "12th" {
		t.Error("ordinals")
	}
	if got := casework.BirthdayOn(day(2008, 2, 29), 18); !got.Equal(day(2026, 2, 28)) {
		t.Errorf("18th birthday of a leap-day child = %v", got)
	}
}

func TestLeaverStatusIsAsOnTheDayAsked(t *testing.T) {
	cf := casework.CaseFile{
		Child:   casework.Child{DateOfBirth: ptr(day(2007, 11, 1))},
		Leaver:  &casework.CareLeaver{Category: casework.LeaverRelevant, From: day(2025, 1, 2), Adviser: "Pat", AdviserFrom: ptr(day(2025, 3, 1))},
		Pathway: []casework.PathwayRecord{{Kind: casework.PathwayPlan, Date: day(2025, 1, 20)}, {Kind: casework.PathwayReview, Date: day(2025, 7, 1)}},
		LeaverContacts: []casework.LeaverContact{
			{Date: day(2025, 10, 20), Birthday: 18, InTouch: "YES", Activity: "G5", Accom: "W2"},
			{Date: day(2026, 1, 5), InTouch: "NO"},
			{Date: day(2026, 10, 20), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "D1"},
		},
	}
	if _, ok := cf.LeaverStatusOn(day(2025, 1, 1)); ok {
		t.Error("not a care leaver before the record's date")
	}
	s, _ := cf.LeaverStatusOn(day(2025, 2, 1))
	if s.Adviser != "" || s.LatestPathway == nil || !s.LatestPathway.Equal(day(2025, 1, 20)) || s.Age != 17 {
		t.Errorf("on 1 Feb 2025: %+v", s)
	}
	s, _ = cf.LeaverStatusOn(day(2026, 2, 1))
	if !s.NotInTouch() || !s.NotInEET() || !s.Unsuitable() || s.Adviser != "Pat" {
		t.Errorf("on 1 Feb 2026: not in touch, NEET in bed and breakfast, got %+v", s)
	}
	s, _ = cf.LeaverStatusOn(day(2026, 11, 1))
	if s.NotInTouch() || s.NotInEET() || s.Unsuitable() {
		t.Errorf("on 1 Nov 2026: in touch, in work, suitable, got %+v", s)
	}
	p, ok := adoptionPlan().On(day(2025, 9, 20))
	if !ok || p.Matched == nil || p.Placed != nil || p.AdoptionOrder != nil {
		t.Errorf("plan as on 20 Sep 2025 = %+v", p)
	}
}
