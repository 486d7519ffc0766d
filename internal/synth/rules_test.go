package synth_test

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestGeneratedRecordsKeepTheRules checks every record of every child of
// each scenario against the casework rules typed records must keep: each
// record's own Validate, and the case file rules (CheckStrategy, CheckS47,
// CheckInitialConference, CheckReviewConference, CheckCoreGroup,
// CheckCINPlan, CheckClosure) applied in date order, each to the case
// file as it stood before the record, as the store applies them when a
// worker types it.
func TestGeneratedRecordsKeepTheRules(t *testing.T) {
	for _, sc := range synth.ScenarioNames() {
		t.Run(sc, func(t *testing.T) {
			a := generate(t, sc, "small", 7)
			for _, c := range a.Children() {
				if err := validateRecords(c, a.AsAt); err != nil {
					t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
				}
				if err := replay(c, a.AsAt); err != nil {
					t.Fatalf("child %s: %v", c.Children[0].LAChildID, err)
				}
			}
		})
	}
}

// validateRecords applies each record's own rules as at the as-at date.
func validateRecords(c *store.SyntheticBatch, asAt time.Time) error {
	child := c.Children[0]
	if !child.Synthetic {
		return fmt.Errorf("not marked synthetic")
	}
	errs := []error{child.Validate(asAt)}
	for _, a := range c.Addresses {
		errs = append(errs, a.Validate(asAt))
	}
	for _, r := range c.Relationships {
		errs = append(errs, r.Validate(asAt))
	}
	for _, x := range c.Contacts {
		errs = append(errs, x.Validate(asAt))
	}
	for _, r := range c.Referrals {
		errs = append(errs, r.Validate(asAt))
	}
	for _, a := range c.Assessments {
		errs = append(errs, a.Validate(referralByID(c, a.ReferralID), asAt))
	}
	for _, v := range c.Visits {
		errs = append(errs, v.Validate(asAt))
	}
	for _, n := range c.Notes {
		errs = append(errs, n.Validate(asAt))
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func referralByID(c *store.SyntheticBatch, id int64) casework.Referral {
	for _, r := range c.Referrals {
		if r.ID == id {
			return r
		}
	}
	return casework.Referral{}
}

// step is one thing that happened to a case file, in the order the store
// would have been asked to record it.
type step struct {
	on    time.Time
	order int // same-day order: opening, meetings, ends, then closure
	what  string
	do    func(cf *casework.CaseFile) error
}

// replay rebuilds the child's case file record by record in date order,
// checking each against the file as it stood.
func replay(c *store.SyntheticBatch, asAt time.Time) error {
	var steps []step
	add := func(on time.Time, order int, what string, do func(cf *casework.CaseFile) error) {
		steps = append(steps, step{on, order, what, do})
	}
	referralSteps(c, asAt, add)
	protectionSteps(c, asAt, add)
	cinSteps(c, asAt, add)
	slices.SortStableFunc(steps, func(a, b step) int {
		return cmp.Or(a.on.Compare(b.on), cmp.Compare(a.order, b.order))
	})
	cf := &casework.CaseFile{Child: c.Children[0]}
	for _, s := range steps {
		if err := s.do(cf); err != nil {
			return fmt.Errorf("%s on %s: %w", s.what, calendar.FormatDate(s.on), err)
		}
	}
	return nil
}

type adder func(on time.Time, order int, what string, do func(cf *casework.CaseFile) error)

// referralSteps open each referral (no two episodes at once) and close it
// (CheckClosure, as CloseCase and ApproveNFA apply it).
func referralSteps(c *store.SyntheticBatch, asAt time.Time, add adder) {
	for _, r := range c.Referrals {
		open := r
		open.ClosureDate, open.ClosureReason, open.NFA = nil, "", false
		add(r.Date, 0, "referral", func(cf *casework.CaseFile) error {
			if cf.OpenReferral() != nil {
				return fmt.Errorf("a referral while another episode is open")
			}
			cf.Referrals = append(cf.Referrals, open)
			return nil
		})
		if r.ClosureDate == nil {
			continue
		}
		add(*r.ClosureDate, 9, "closure", func(cf *casework.CaseFile) error {
			if err := cf.CheckClosure(casework.Closure{Date: *r.ClosureDate, Reason: r.ClosureReason, Note: "closed"}, r, asAt); err != nil {
				return err
			}
			i := slices.IndexFunc(cf.Referrals, func(x casework.Referral) bool { return x.ID == r.ID })
			cf.Referrals[i] = r
			return nil
		})
	}
}

// protectionSteps check strategy discussions, enquiries, conferences, core
// groups and plan ends.
func protectionSteps(c *store.SyntheticBatch, asAt time.Time, add adder) {
	for _, s := range c.Strategies {
		add(s.Date, 1, "strategy discussion", func(cf *casework.CaseFile) error {
			err := cf.CheckStrategy(s, asAt)
			cf.Strategies = append(cf.Strategies, s)
			return err
		})
	}
	for _, e := range c.S47s {
		started := e
		started.EndDate, started.Outcome, started.ICPCNotRequired = nil, "", false
		add(e.StartDate, 2, "section 47 enquiry", func(cf *casework.CaseFile) error {
			err := cf.CheckS47(started, asAt)
			cf.S47s = append(cf.S47s, e)
			return err
		})
		if e.EndDate != nil {
			add(*e.EndDate, 4, "section 47 outcome", func(cf *casework.CaseFile) error { return cf.CheckS47(e, asAt) })
		}
	}
	for _, conf := range c.Conferences {
		add(conf.Date, 3, conf.Kind+" conference", func(cf *casework.CaseFile) error { return conference(c, cf, conf, asAt) })
	}
	for _, g := range c.CoreGroups {
		add(g.Date, 3, "core group", func(cf *casework.CaseFile) error { return cf.CheckCoreGroup(g, asAt) })
	}
	for _, p := range c.Plans {
		if p.EndDate != nil {
			add(*p.EndDate, 5, "plan end", func(cf *casework.CaseFile) error { return endPlan(cf, p) })
		}
	}
}

// conference checks an initial or review conference and starts the plan
// an initial one made.
func conference(c *store.SyntheticBatch, cf *casework.CaseFile, conf casework.Conference, asAt time.Time) error {
	if conf.Kind == casework.ReviewConference {
		return cf.CheckReviewConference(conf, asAt)
	}
	if err := cf.CheckInitialConference(conf, asAt); err != nil {
		return err
	}
	cf.Conferences = append(cf.Conferences, conf)
	for _, p := range c.Plans {
		if conf.PlanID != nil && p.ID == *conf.PlanID {
			if !p.StartDate.Equal(conf.Date) { // CIN rule 2885
				return fmt.Errorf("plan starts %s, not on its conference's day", calendar.FormatDate(p.StartDate))
			}
			p.EndDate = nil
			cf.Plans = append(cf.Plans, p)
		}
	}
	return nil
}

func endPlan(cf *casework.CaseFile, p casework.CPPlan) error {
	for i := range cf.Plans {
		if cf.Plans[i].ID == p.ID {
			cf.Plans[i].EndDate = p.EndDate
			return nil
		}
	}
	return fmt.Errorf("plan %d ends but never started", p.ID)
}

// cinSteps check child in need plans and their reviews.
func cinSteps(c *store.SyntheticBatch, asAt time.Time, add adder) {
	for _, p := range c.CINPlans {
		started := p
		started.EndDate = nil
		add(p.StartDate, 6, "child in need plan", func(cf *casework.CaseFile) error {
			err := cf.CheckCINPlan(started, asAt)
			cf.CINPlans = append(cf.CINPlans, started)
			return err
		})
		if p.EndDate != nil {
			add(*p.EndDate, 8, "child in need plan end", func(cf *casework.CaseFile) error {
				cf.CINPlans[len(cf.CINPlans)-1].EndDate = p.EndDate
				return nil
			})
		}
	}
	for _, r := range c.CINReviews {
		add(r.Date, 7, "child in need plan review", func(cf *casework.CaseFile) error {
			if p := cf.OpenCINPlan(); p == nil || p.ID != r.PlanID || r.Date.Before(p.StartDate) {
				return fmt.Errorf("a review of a plan not in force")
			}
			return nil
		})
	}
}

// TestReplayCatchesBrokenRecords makes sure the replay would notice: a
// child in need plan started under a child protection plan (CIN rule
// 4001), and a plan whose conference is gone.
func TestReplayCatchesBrokenRecords(t *testing.T) {
	a := generate(t, "steady", "small", 7)
	var c *store.SyntheticBatch
	for _, x := range a.Children() {
		if len(x.Plans) > 0 && x.Plans[0].EndDate != nil {
			c = x
			break
		}
	}
	if c == nil {
		t.Fatal("no child with an ended child protection plan")
	}
	broken := *c
	p := c.Plans[0]
	broken.CINPlans = append(slices.Clone(c.CINPlans), casework.CINPlan{ID: 1 << 40, ChildID: p.ChildID,
		ReferralID: p.ReferralID, StartDate: p.StartDate.AddDate(0, 0, 1)})
	if err := replay(&broken, a.AsAt); err == nil {
		t.Error("a CIN plan alongside a CP plan passed the replay")
	}
	broken = *c
	broken.S47s = nil
	if err := replay(&broken, a.AsAt); err == nil {
		t.Error("a conference without its enquiry passed the replay")
	}
}
