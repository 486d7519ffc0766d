package synth_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// steadyAsAt is the as-at date the tests give the steady scenario (which
// otherwise runs to today).
var steadyAsAt = calendar.Date(2026, time.March, 31)

// firstIDs starts every table at id 1, as in an empty database.
func firstIDs() store.NextIDs {
	return store.NextIDs{Team: 1, Worker: 1, User: 1, Child: 1, Address: 1, Relationship: 1, Involvement: 1,
		Allocation: 1, Contact: 1, Referral: 1, Assessment: 1, Strategy: 1, S47: 1, Plan: 1, Conference: 1,
		CoreGroup: 1, Visit: 1, CINPlan: 1, CINReview: 1, Note: 1, Missing: 1, ReturnInterview: 1, Screening: 1,
		PLO: 1, PLOEvent: 1, Proceedings: 1, Hearing: 1, CareLeaver: 1, Pathway: 1, LeaverContact: 1,
		CareEpisode: 1, LegalStatus: 1, Placement: 1, CareEvent: 1, FamilyTime: 1, Permanence: 1}
}

// config is the generator's configuration for a scenario and size.
func config(t testing.TB, scenario, size string, seed uint64) synth.Config {
	t.Helper()
	sc, err := synth.LookupScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	sz, err := synth.LookupSize(size)
	if err != nil {
		t.Fatal(err)
	}
	asAt := sc.AsAt
	if asAt.IsZero() {
		asAt = steadyAsAt
	}
	return synth.Config{Scenario: sc, Size: sz, Seed: seed, AsAt: asAt, IDs: firstIDs()}
}

// generate makes an authority, failing the test if it cannot.
func generate(t testing.TB, scenario, size string, seed uint64) *synth.Authority {
	t.Helper()
	a, err := synth.Generate(config(t, scenario, size, seed))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestReferentialIntegrity checks that every record belongs to its child
// and points at records that exist (its own child's, or the staff), and
// that every event is dated within the history, not after the as-at
// date, while the child was alive (or expected: from 40 weeks before the
// expected birth) and under 18.
func TestReferentialIntegrity(t *testing.T) {
	a := generate(t, "steady", "small", 3)
	staff := a.Staff()
	for _, c := range a.Children() {
		if err := checkLinks(c, staff); err != nil {
			t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
		}
		if err := checkDates(c, a.Start, a.AsAt); err != nil {
			t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
		}
	}
}

// checkLinks checks every id a child's record points at.
func checkLinks(c *store.SyntheticBatch, staff *store.SyntheticBatch) error {
	child := c.Children[0].ID
	ids := func(n int, id func(int) int64) []int64 {
		out := make([]int64, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	refs := ids(len(c.Referrals), func(i int) int64 { return c.Referrals[i].ID })
	invs := ids(len(c.Involvements), func(i int) int64 { return c.Involvements[i].ID })
	plans := ids(len(c.Plans), func(i int) int64 { return c.Plans[i].ID })
	workers := ids(len(staff.Workers), func(i int) int64 { return staff.Workers[i].ID })
	users := ids(len(staff.Users), func(i int) int64 { return staff.Users[i].ID })
	var bad []string
	need := func(what string, id int64, in []int64) {
		if !slices.Contains(in, id) {
			bad = append(bad, fmt.Sprintf("%s %d", what, id))
		}
	}
	for _, r := range c.Referrals {
		need("referral's involvement", *r.InvolvementID, invs)
		need("referral's child", r.ChildID, []int64{child})
	}
	for _, x := range c.Assessments {
		need("assessment's referral", x.ReferralID, refs)
	}
	for _, s := range c.S47s {
		need("enquiry's referral", s.ReferralID, refs)
	}
	for _, conf := range c.Conferences {
		if conf.PlanID != nil {
			need("conference's plan", *conf.PlanID, plans)
		}
	}
	for _, g := range c.CoreGroups {
		need("core group's plan", g.PlanID, plans)
	}
	for _, al := range c.Allocations {
		need("allocation's involvement", al.InvolvementID, invs)
		if al.WorkerID != nil {
			need("allocation's worker", *al.WorkerID, workers)
		}
	}
	for _, n := range c.Notes {
		need("note's author", n.AuthorID, users)
		need("note's child", n.ChildID, []int64{child})
	}
	for _, v := range c.Visits {
		need("visit's child", v.ChildID, []int64{child})
	}
	missing := ids(len(c.Missing), func(i int) int64 { return c.Missing[i].ID })
	for _, ri := range c.Interviews {
		need("interview's missing episode", ri.EpisodeID, missing)
	}
	plos := ids(len(c.PLOs), func(i int) int64 { return c.PLOs[i].ID })
	for _, e := range c.PLOEvents {
		need("pre-proceedings letter or meeting's stage", e.PLOID, plos)
	}
	proceedings := ids(len(c.Proceedings), func(i int) int64 { return c.Proceedings[i].ID })
	for _, p := range c.Proceedings {
		if p.PLOID != nil {
			need("proceedings' pre-proceedings", *p.PLOID, plos)
		}
	}
	for _, h := range c.Hearings {
		need("hearing's proceedings", h.ProceedingsID, proceedings)
	}
	if len(bad) > 0 {
		return fmt.Errorf("points at missing records: %s", strings.Join(bad, ", "))
	}
	return nil
}

// checkDates checks every event date of a child.
func checkDates(c *store.SyntheticBatch, start, asAt time.Time) error {
	child := c.Children[0]
	first, last := earliestEvent(child), lastEvent(child)
	for _, d := range eventDates(c) {
		switch {
		case d.After(asAt):
			return fmt.Errorf("an event on %s, after the as-at date", calendar.FormatDate(d))
		case d.Before(start):
			return fmt.Errorf("an event on %s, before history began", calendar.FormatDate(d))
		case d.Before(first):
			return fmt.Errorf("an event on %s, before the child was born or expected", calendar.FormatDate(d))
		case last != nil && d.After(*last):
			return fmt.Errorf("an event on %s, after the child's 18th birthday", calendar.FormatDate(d))
		}
	}
	return nil
}

// earliestEvent is the first day a child's records may be dated: birth,
// or 40 weeks before the expected birth of a child referred unborn.
func earliestEvent(c casework.Child) time.Time {
	if c.ExpectedBirth != nil {
		return c.ExpectedBirth.AddDate(0, 0, -280)
	}
	return *c.DateOfBirth
}

// lastEvent is the day before the 18th birthday, or nil while unborn.
func lastEvent(c casework.Child) *time.Time {
	if c.DateOfBirth == nil {
		return nil
	}
	d := calendar.AddMonths(*c.DateOfBirth, 18*12).AddDate(0, 0, -1)
	return &d
}

// eventDates are the dates of a child's help and protection events.
func eventDates(c *store.SyntheticBatch) []time.Time {
	var ds []time.Time
	add := func(ts ...*time.Time) {
		for _, t := range ts {
			if t != nil {
				ds = append(ds, *t)
			}
		}
	}
	for _, x := range c.Contacts {
		add(&x.Date, x.DecisionDate)
	}
	for _, r := range c.Referrals {
		add(&r.Date, r.DecisionDate, r.NFAApprovedAt, r.ClosureDate)
	}
	for _, x := range c.Assessments {
		add(&x.StartDate, x.CompletedDate, x.AuthorisedDate)
	}
	for _, s := range c.Strategies {
		add(&s.Date)
	}
	for _, s := range c.S47s {
		add(&s.StartDate, s.EndDate)
	}
	for _, x := range c.Conferences {
		add(&x.Date)
	}
	for _, p := range c.Plans {
		add(&p.StartDate, p.EndDate)
	}
	for _, g := range c.CoreGroups {
		add(&g.Date)
	}
	for _, v := range c.Visits {
		add(&v.Date)
	}
	for _, p := range c.CINPlans {
		add(&p.StartDate, p.EndDate)
	}
	for _, r := range c.CINReviews {
		add(&r.Date)
	}
	for _, n := range c.Notes {
		add(&n.Date)
	}
	for _, al := range c.Allocations {
		add(&al.StartDate)
		if al.EndDate != nil { // the day an allocation ends is the next holder's (or no one's)
			held := al.EndDate.AddDate(0, 0, -1)
			add(&held)
		}
	}
	for _, e := range c.Missing {
		add(&e.StartDate, e.EndDate)
	}
	for _, ri := range c.Interviews {
		add(&ri.OfferedOn, ri.HeldOn)
	}
	for _, s := range c.Screenings {
		add(&s.Date)
	}
	for _, p := range c.PLOs {
		add(&p.StartDate, p.EndDate)
	}
	for _, e := range c.PLOEvents {
		add(&e.Date)
	}
	for _, h := range c.Hearings {
		add(&h.Date)
	}
	return ds
}
