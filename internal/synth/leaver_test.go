package synth_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestGeneratedLeaversKeepTheRules: exactly the young people who left
// care at 16 to 18 after 13 weeks looked after after their 14th birthday
// are care leavers, relevant under 18 and former relevant from 18, and
// their records replay through the rules a worker's must keep: each
// leaver record valid, the pathway plan before its reviews, one OC3
// record a birthday from the 17th to the 21st, each valid and dated in
// the month before the birthday.
func TestGeneratedLeaversKeepTheRules(t *testing.T) {
	for _, sc := range []string{"steady", "inadequate-2015"} {
		a := generate(t, sc, "small", 7)
		n := [3]int{}
		for _, c := range a.Children() {
			if err := replayLeaver(c, a.AsAt); err != nil {
				t.Fatalf("%s: child %s: %v", sc, c.Children[0].LAChildID, err)
			}
			n[0], n[1], n[2] = n[0]+len(c.Leavers), n[1]+len(c.Pathway), n[2]+len(c.LeaverContacts)
		}
		if n[0] == 0 || n[1] == 0 || n[2] == 0 {
			t.Errorf("%s: %d leaver records, %d pathway records, %d contacts; want some of each", sc, n[0], n[1], n[2])
		}
	}
}

// eligibleLeaver applies the definition to a child's care episodes: the
// day the latest period ended, and whether it makes them a care leaver.
func eligibleLeaver(c *store.SyntheticBatch, asAt time.Time) (time.Time, bool) {
	if c.Children[0].DateOfBirth == nil {
		return time.Time{}, false
	}
	dob := *c.Children[0].DateOfBirth
	fourteen, sixteen := casework.BirthdayOn(dob, 14), casework.BirthdayOn(dob, 16)
	var ended time.Time
	last, daysAfter14 := "", 0
	for _, ep := range c.CareEpisodes {
		if ep.EndDate == nil || ep.EndDate.After(asAt) {
			return time.Time{}, false
		}
		from := ep.StartDate
		if from.Before(fourteen) {
			from = fourteen
		}
		if ep.EndDate.After(from) {
			daysAfter14 += int(ep.EndDate.Sub(from).Hours() / 24)
		}
		if ep.EndDate.After(ended) {
			ended, last = *ep.EndDate, ep.EndReason
		}
	}
	// Care another authority took over (E3) leaves the duties to it; one
	// found to be 18 or over (E15) is owed none.
	return ended, len(c.CareEpisodes) > 0 && daysAfter14 >= 13*7 && ended.After(sixteen) &&
		ended.Before(casework.BirthdayOn(dob, 19)) && last != "E3" && last != "E15"
}

// replayLeaver checks who is a care leaver and rebuilds their records.
func replayLeaver(c *store.SyntheticBatch, asAt time.Time) error {
	dob := c.Children[0].DateOfBirth
	ended, eligible := eligibleLeaver(c, asAt)
	if eligible != (len(c.Leavers) > 0) {
		return fmt.Errorf("eligible %v (care ended %s) but %d leaver records", eligible, ended.Format(time.DateOnly), len(c.Leavers))
	}
	cf := casework.CaseFile{Child: c.Children[0]}
	for i, l := range c.Leavers {
		if err := l.Validate(dob, asAt); err != nil {
			return fmt.Errorf("leaver record %d: %w", i, err)
		}
		want := casework.LeaverFormerRelevant
		if l.From.Before(casework.BirthdayOn(*dob, 18)) {
			want = casework.LeaverRelevant
		}
		if l.Category != want || (i == 0 && !l.From.Equal(ended)) {
			return fmt.Errorf("leaver record %d is %s from %s, care ended %s", i, l.Category, l.From.Format(time.DateOnly),
				ended.Format(time.DateOnly))
		}
		cf.Leaver = &c.Leavers[i]
	}
	for _, p := range c.Pathway {
		if err := cf.CheckPathway(p, asAt); err != nil {
			return fmt.Errorf("pathway %s on %s: %w", p.Kind, p.Date.Format(time.DateOnly), err)
		}
		cf.Pathway = append(cf.Pathway, p)
	}
	for _, lc := range c.LeaverContacts {
		if err := cf.CheckLeaverContact(lc, asAt); err != nil {
			return fmt.Errorf("%s birthday record: %w", casework.Ordinal(lc.Birthday), err)
		}
		if b := casework.BirthdayOn(*dob, lc.Birthday); lc.Date.After(b) || lc.Date.Before(b.AddDate(0, -2, 0)) {
			return fmt.Errorf("%s birthday record dated %s, not in the month before", casework.Ordinal(lc.Birthday),
				lc.Date.Format(time.DateOnly))
		}
		cf.LeaverContacts = append(cf.LeaverContacts, lc)
	}
	return nil
}

// TestGeneratedLeaversFollowTheProfile: at the 19th to 21st birthdays,
// about 93.1% of care leavers are in touch (profile care_leavers_2024: 6.9%
// not known), 53.8% of all are in education, employment or training, and
// about 88% of those in touch live somewhere suitable (an assumption).
func TestGeneratedLeaversFollowTheProfile(t *testing.T) {
	var all, touch, eet, suitable int
	for _, seed := range []uint64{7} {
		for _, c := range generate(t, "steady", "la", seed).Children() {
			for _, lc := range c.LeaverContacts {
				if lc.Birthday < 19 {
					continue
				}
				all++
				if lc.InTouch == "YES" {
					touch++
					if casework.AccomSuitable(lc.Accom) {
						suitable++
					}
				}
				if casework.InEET(lc.Activity) {
					eet++
				}
			}
		}
	}
	t.Logf("%d records at 19-21: %d in touch, %d EET, %d suitable", all, touch, eet, suitable)
	if all < 150 {
		t.Fatalf("only %d OC3 records at 19-21; want 150 or more to judge", all)
	}
	share := func(n, of int) float64 { return float64(n) / float64(of) }
	for _, c := range []struct {
		what      string
		got, want float64
		tolerance float64
	}{
		{"in touch", share(touch, all), 0.931, 0.04},
		{"in education, employment or training", share(eet, all), 0.538, 0.08},
		{"in suitable accommodation (of those in touch)", share(suitable, touch), 0.88, 0.06},
	} {
		if math.Abs(c.got-c.want) > c.tolerance {
			t.Errorf("%.1f%% %s, want %.1f%% ± %.0f", c.got*100, c.what, c.want*100, c.tolerance*100)
		}
	}
}
