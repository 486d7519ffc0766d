package synth_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestLookedAfterOutcomesFollowEngland measures the outcomes recorded in
// the year to 31 March 2026 of three large authorities' children looked after
// for all of it (the OC2 cohort): the share of children 4 to 16 with an
// SDQ score and its mean, convictions of those 10 and over, immunisations
// up to date, substance misuse and its interventions, near England's
// (outcomes.go). Every record passes the form's checks.
func TestLookedAfterOutcomesFollowEngland(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	from, to := calendar.Date(2025, time.April, 1), calendar.Date(2026, time.March, 31)
	var n, sdqEligible, scored, scoreSum, tenPlus, convicted, checked, upToDate, misuse, received, refused int
	var children []*store.SyntheticBatch
	for seed := uint64(1); seed <= 3; seed++ {
		children = append(children, generate(t, "steady", "la", seed).Children()...)
	}
	for _, c := range children {
		cf := synth.CaseFile(c)
		for _, o := range cf.Outcomes {
			if err := cf.CheckOutcome(o, time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatalf("child %s: %+v: %v", cf.Child.LAChildID, o, err)
			}
		}
		if !wholeYear(cf, from, to) {
			continue
		}
		n++
		atStart, _ := cf.Child.AgeOn(from)
		atEnd, _ := cf.Child.AgeOn(to)
		sdqEligible += b2i(atStart >= 4 && atEnd < 17)
		tenPlus += b2i(atEnd >= 10)
		var conv, imm, mis bool
		for _, o := range cf.Outcomes {
			if o.Date.Before(from) || o.Date.After(to) {
				continue
			}
			switch o.Kind {
			case casework.OutcomeSDQ:
				if o.SDQScore != nil && atStart >= 4 && atEnd < 17 {
					scored++
					scoreSum += *o.SDQScore
				}
			case casework.OutcomeConviction:
				conv = true
			case casework.OutcomeImmunisations:
				checked, imm = checked+1, o.UpToDate
			case casework.OutcomeSubstanceMisuse:
				mis = true
				received += b2i(o.Received)
				refused += b2i(o.Offered && !o.Received)
			}
		}
		convicted, upToDate, misuse = convicted+b2i(conv), upToDate+b2i(imm), misuse+b2i(mis)
	}
	share := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	t.Logf("%d looked after for the year: SDQ scored %.1f%% of %d (mean %.1f), convicted %.1f%% of %d aged 10+, "+
		"immunised %.1f%%, substance misuse %.1f%% (received %d, offered and refused %d)", n, 100*share(scored, sdqEligible),
		sdqEligible, share(scoreSum, scored), 100*share(convicted, tenPlus), tenPlus, 100*share(upToDate, n), 100*share(misuse, n),
		received, refused)
	if n < 500 || checked < n {
		t.Fatalf("%d children looked after for the year, %d immunisation checks", n, checked)
	}
	for _, c := range []struct {
		what     string
		got      float64
		lo, high float64
	}{{"SDQ scored", share(scored, sdqEligible), 0.68, 0.86}, {"mean SDQ score", share(scoreSum, scored) / 100, 0.12, 0.16},
		{"convicted", share(convicted, tenPlus), 0.005, 0.06}, {"immunised", share(upToDate, n), 0.78, 0.92},
		{"substance misuse", share(misuse, n), 0.015, 0.06}, {"intervention received", share(received, misuse), 0.25, 0.75}} {
		if c.got < c.lo || c.got > c.high {
			t.Errorf("%s: %.3f, want %.3f to %.3f", c.what, c.got, c.lo, c.high)
		}
	}
}

// wholeYear: a period of care covers the year from 1 April to 31 March.
func wholeYear(cf casework.CaseFile, from, to time.Time) bool {
	for _, p := range cf.CareEpisodes {
		if !p.StartDate.After(from) && (p.EndDate == nil || p.EndDate.After(to)) {
			return true
		}
	}
	return false
}
