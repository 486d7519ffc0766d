package synth_test

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestUASCAtEnglandsRates: in a steady large authority, on its as-at date
// and on the 31 March before, England's share of the
// children looked after are unaccompanied asylum-seeking children (8.8%
// on 31 March 2024, profile uasc), nearly all boys (96%) and mostly 16 or
// 17 (89%); and a UASC child who turned 18 in care has the status ceased
// on the birthday (SSDA903 rule 304), no other. Each is a new arrival
// (uasc.go): mostly 16 or 17 on coming into care, known to the service
// only from the referral by the police or the Home Office a day or two
// before, assessed as an unaccompanied asylum-seeking child (factor 9A),
// accommodated under section 20, with no family, no UPN (UN2) and no
// address but their placements'.
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
	arrived(t, a.Children())
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

// arrived checks the UASC among children are new arrivals (see
// TestUASCAtEnglandsRates), and that most were 16 or 17 on coming into
// care.
func arrived(t *testing.T, children []*store.SyntheticBatch) {
	t.Helper()
	var n, older int
	for _, b := range children {
		c := b.Children[0]
		if !c.UASC {
			continue
		}
		n++
		if len(b.CareEpisodes) != 1 || len(b.Referrals) != 1 || len(b.Contacts) != 1 {
			t.Errorf("child %s: %d periods of care, %d referrals, %d contacts; want one of each", c.LAChildID,
				len(b.CareEpisodes), len(b.Referrals), len(b.Contacts))
			continue
		}
		ep, ref, contact := b.CareEpisodes[0], b.Referrals[0], b.Contacts[0]
		if age, _ := c.AgeOn(ep.StartDate); age >= 16 {
			older++
		}
		if gap := ep.StartDate.Sub(contact.Date).Hours() / 24; gap < 0 || gap > 2 || !slices.Contains([]string{"6", "7"}, contact.Source) {
			t.Errorf("child %s: referred on %s by %s, in care from %s; want by the police (6) or the Home Office (7) at most two days before",
				c.LAChildID, calendar.FormatDate(contact.Date), contact.Source, calendar.FormatDate(ep.StartDate))
		}
		if ref.Date.Before(contact.Date) {
			t.Errorf("child %s: referral %s before the contact", c.LAChildID, calendar.FormatDate(ref.Date))
		}
		if len(b.Relationships) > 0 || c.UPN != "" || c.UPNUnknown != "UN2" {
			t.Errorf("child %s: %d relationships, UPN %q (%s); want no family and UN2", c.LAChildID, len(b.Relationships), c.UPN, c.UPNUnknown)
		}
		for _, as := range b.Assessments {
			if len(as.Factors) > 0 && !slices.Contains(as.Factors, "9A") {
				t.Errorf("child %s: assessment factors %v, want 9A (unaccompanied asylum-seeking child)", c.LAChildID, as.Factors)
			}
		}
		for _, ad := range b.Addresses {
			if !slices.ContainsFunc(b.Placements, func(p casework.Placement) bool {
				return p.Postcode == ad.Postcode && p.StartDate.Equal(ad.StartDate)
			}) {
				t.Errorf("child %s: address %s from %s is not a placement's", c.LAChildID, ad.Postcode, calendar.FormatDate(ad.StartDate))
			}
		}
	}
	t.Logf("%d UASC, %d of them 16 or 17 on coming into care", n, older)
	if n == 0 {
		t.Fatal("no UASC")
	}
	tolerance{name: "aged 16 or 17 on coming into care, among UASC", got: float64(older) / float64(n), want: 0.85, abs: 0.1}.check(t)
}
