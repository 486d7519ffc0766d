package synth_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestAdoptersAreRecordedAtPlausibleRates: every generated adoption
// order records who adopted, passing the form's checks and agreeing with
// the placement the child was adopted from (A5, after fostering for
// adoption, by the foster carers; A6 not), and over the adoptions of a
// large authority most are by couples, about one in eight by one adopter,
// some by couples of the same sex and some by former foster carers (the
// assumed shares of adopters.go).
func TestAdoptersAreRecordedAtPlausibleRates(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a large authority")
	}
	a := generate(t, "steady", "la", 1)
	var adopted, single, sameSex, fosterCarers int
	for _, c := range a.Children() {
		for _, p := range c.Permanence {
			if p.AdoptionOrder == nil {
				continue
			}
			adopted++
			ad := p.Adopters
			if err := ad.Validate(); err != nil || !ad.Recorded() {
				t.Fatalf("child %s adopted by %+v: %v", c.Children[0].LAChildID, ad, err)
			}
			if place := placedFrom(c, *p.AdoptionOrder); (place == "A5" || place == "A3") != (ad.FosterCarers == "1") {
				t.Errorf("child %s adopted from %s by FOSTER_CARE %s", c.Children[0].LAChildID, place, ad.FosterCarers)
			}
			single += b2i(ad.Number == 1)
			sameSex += b2i(ad.Sexes == "FF" || ad.Sexes == "MM")
			fosterCarers += b2i(ad.FosterCarers == "1")
		}
	}
	share := func(n int) float64 { return float64(n) / float64(adopted) }
	t.Logf("%d adoptions: single %.1f%%, same-sex couples %.1f%%, former foster carers %.1f%%", adopted,
		100*share(single), 100*share(sameSex), 100*share(fosterCarers))
	if adopted < 50 {
		t.Fatalf("only %d adoptions to measure", adopted)
	}
	for _, c := range []struct {
		what     string
		got      float64
		lo, high float64
	}{{"single adopters", share(single), 0.05, 0.2}, {"same-sex couples", share(sameSex), 0.07, 0.25},
		{"former foster carers", share(fosterCarers), 0.05, 0.3}} {
		if c.got < c.lo || c.got > c.high {
			t.Errorf("%s: %.1f%% of adoptions, want %.0f%% to %.0f%%", c.what, 100*c.got, 100*c.lo, 100*c.high)
		}
	}
}

// placedFrom is the type of the placement the child was in on day d.
func placedFrom(c *store.SyntheticBatch, d time.Time) string {
	place := ""
	for _, p := range c.Placements {
		if !p.StartDate.After(d) {
			place = p.Type
		}
	}
	return place
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestLookedAfterMothersFollowEngland: of the girls aged 12 and over
// looked after on each 31 March of three large authorities (seeds 1 to 3,
// every year of their history), England's 1.1% are mothers
// (EnglandLookedAfterMothers), within 0.6 to 1.6 times (a share of 1% of
// some 1,700 girl-years is about 19 mothers); every girl ever looked
// after has her motherhood recorded as the form would take it, and no
// boy has any.
func TestLookedAfterMothersFollowEngland(t *testing.T) {
	if testing.Short() {
		t.Skip("generates three large authorities")
	}
	girls, mothers := 0, 0
	for seed := uint64(1); seed <= 3; seed++ {
		a := generate(t, "steady", "la", seed)
		for _, c := range a.Children() {
			child := c.Children[0]
			m := child.Motherhood
			switch {
			case child.Sex != "F" && m.Recorded():
				t.Fatalf("child %s, sex %s, has motherhood %+v", child.LAChildID, child.Sex, m)
			case child.Sex == "F" && len(c.CareEpisodes) > 0 && child.CheckMotherhood(m, a.AsAt) != nil:
				t.Fatalf("girl %s looked after has motherhood %+v: %v", child.LAChildID, m, child.CheckMotherhood(m, a.AsAt))
			case m.FirstChildBorn != nil && !workedWithOnOrAfter(c, *m.FirstChildBorn):
				t.Fatalf("girl %s is recorded a mother from %s, when the service no longer knew her", child.LAChildID,
					m.FirstChildBorn.Format(time.DateOnly))
			}
			for y := a.Start.Year() + 1; y <= a.AsAt.Year(); y++ {
				d := calendar.Date(y, time.March, 31)
				if age, ok := child.AgeOn(d); child.Sex != "F" || !ok || age < 12 || !lookedAfterOn(c, d) || d.After(a.AsAt) {
					continue
				}
				girls++
				mothers += b2i(m.OnDay(d).Mother == "1")
			}
		}
	}
	got := float64(mothers) / float64(girls)
	t.Logf("%d mothers of %d girls aged 12 and over looked after on 31 March: %.2f%% (England %.2f%%)", mothers, girls,
		100*got, 100*synth.EnglandLookedAfterMothers)
	if got < 0.6*synth.EnglandLookedAfterMothers || got > 1.6*synth.EnglandLookedAfterMothers {
		t.Errorf("%.2f%% of looked-after girls 12 and over are mothers, want about %.2f%%", 100*got, 100*synth.EnglandLookedAfterMothers)
	}
}

// workedWithOnOrAfter: a period of care, a referral's episode or leaving
// care services of the child run on day d or later.
func workedWithOnOrAfter(c *store.SyntheticBatch, d time.Time) bool {
	late := func(end *time.Time) bool { return end == nil || !end.Before(d) }
	for _, e := range c.CareEpisodes {
		if late(e.EndDate) {
			return true
		}
	}
	for _, r := range c.Referrals {
		if !r.Date.Before(d) || late(r.ClosureDate) {
			return true
		}
	}
	for _, l := range c.Leavers {
		if late(l.ServicesEnded) {
			return true
		}
	}
	return false
}
