package synth_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// TestUASCAtEnglandsRates: in a steady large authority, on its as-at date
// and on the 31 March before, England's share of the
// children looked after are unaccompanied asylum-seeking children (8.8%
// on 31 March 2024, profile uasc), nearly all boys (96%) and mostly 16 or
// 17 (89%); and a UASC child who turned 18 in care has the status ceased
// on the birthday (SSDA903 rule 304), no other.
func TestUASCAtEnglandsRates(t *testing.T) {
	if testing.Short() {
		t.Skip("generating a large authority takes a couple of seconds")
	}
	a := generate(t, "steady", "la", 1)
	for _, d := range []time.Time{a.AsAt, calendar.Date(a.AsAt.Year()-1, time.March, 31)} {
		var cla, uasc, boys, older int
		for _, b := range a.Children() {
			c := b.Children[0]
			if !lookedAfterOn(b, d) {
				continue
			}
			cla++
			if c.UASCOn(d) {
				uasc++
				age, _ := c.AgeOn(d)
				if c.Sex == "M" {
					boys++
				}
				if age >= 16 {
					older++
				}
			}
		}
		t.Logf("%s: %d looked after, %d UASC (%.1f%%), %d boys, %d aged 16 or 17", calendar.FormatDate(d), cla, uasc,
			100*float64(uasc)/float64(cla), boys, older)
		on := " on " + calendar.FormatDate(d)
		tolerance{name: "UASC share of the looked after" + on, got: float64(uasc) / float64(cla), want: 0.088, abs: 0.03}.check(t)
		tolerance{name: "boys among UASC" + on, got: float64(boys) / float64(uasc), want: 0.96, abs: 0.08}.check(t)
		tolerance{name: "aged 16 or 17 among UASC" + on, got: float64(older) / float64(uasc), want: 0.89, abs: 0.3}.check(t)
	}
	for _, b := range a.Children() {
		c := b.Children[0]
		if c.UASCCeased == nil {
			continue
		}
		b18 := casework.BirthdayOn(*c.DateOfBirth, 18)
		if !c.UASC || !c.UASCCeased.Equal(b18) || !inCareTo(b.CareEpisodes, b18) {
			t.Errorf("child %s: UASC %v ceased %s, want ceased on the 18th birthday %s in care", c.LAChildID, c.UASC,
				calendar.FormatDate(*c.UASCCeased), calendar.FormatDate(b18))
		}
	}
}

// TestPreviousPermanenceAtEnglandsRates: about 1.8% of periods of care
// follow an adoption, special guardianship or child arrangements order
// (England 2024: 600 of 33,050 starts), each with the authority and a
// date before care began; the rest record Z1.
func TestPreviousPermanenceAtEnglandsRates(t *testing.T) {
	if testing.Short() {
		t.Skip("generating a large authority takes a couple of seconds")
	}
	a := generate(t, "steady", "la", 1)
	var periods, orders int
	for _, b := range a.Children() {
		for _, ep := range b.CareEpisodes {
			periods++
			v := &casework.ValidationError{}
			ep.CheckPreviousPermanence(v)
			switch {
			case v.Err() != nil:
				t.Errorf("child %d: previous permanence %s %s %s: %v", ep.ChildID, ep.PrevPerm, ep.PrevPermLA, ep.PrevPermDate, v)
			case ep.PrevPerm != "Z1":
				orders++
			}
		}
	}
	t.Logf("%d of %d periods of care (%.2f%%) follow a permanence order", orders, periods, 100*float64(orders)/float64(periods))
	tolerance{name: "periods following a permanence order", got: float64(orders) / float64(periods), want: 600.0 / 33050, abs: 0.01}.check(t)
}

// inCareTo reports whether a period ran to day d (ending on it or later).
func inCareTo(eps []casework.CareEpisode, d time.Time) bool {
	for _, ep := range eps {
		if !ep.StartDate.After(d) && (ep.EndDate == nil || !ep.EndDate.Before(d)) {
			return true
		}
	}
	return false
}
