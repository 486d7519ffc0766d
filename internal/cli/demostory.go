package cli

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// demoStep is one thing a worker recorded on a child's case, on the day it
// happened. The loader makes each step one store call, as the web pages
// do, in the order the steps are listed: the store's rules check each step
// against the case file as it stands, and the history chain records it.
type demoStep struct {
	child string    // LA child ID
	by    string    // username of who recorded it
	on    time.Time // the day it happened
	do    demoAction
}

// demoAction is what a step records.
type demoAction interface {
	apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error
}

// step keeps the story tables short.
func step(child, by string, on time.Time, do demoAction) demoStep {
	return demoStep{child: child, by: by, on: on, do: do}
}

// loadStories runs every step of every story.
func (l *demoLoader) loadStories(ctx context.Context) error {
	for _, s := range demoStories() {
		if err := l.runStep(ctx, s); err != nil {
			return fmt.Errorf("%s on %s, %T: %w", s.child, calendar.FormatDate(s.on), s.do, err)
		}
	}
	return nil
}

func (l *demoLoader) runStep(ctx context.Context, s demoStep) error {
	if _, ok := l.users[s.by]; !ok {
		return fmt.Errorf("no demo user %q", s.by)
	}
	id, ok := l.children[s.child]
	if !ok {
		return fmt.Errorf("no demo child %q", s.child)
	}
	cf, err := l.st.CaseFile(ctx, id)
	if err != nil {
		return err
	}
	return s.do.apply(ctx, l, s, cf)
}

// actor is the user who recorded step s.
func (l *demoLoader) actor(s demoStep) store.Actor { return l.users[s.by].Actor() }

// contact is a contact received at a time of day ("09:40", England's time).
type contact struct {
	at, source, detail, concerns string
	outOfHours                   bool
}

func (c contact) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	clock, err := time.Parse("15:04", c.at)
	if err != nil {
		return err
	}
	y, m, d := s.on.Date()
	received := time.Date(y, m, d, clock.Hour(), clock.Minute(), 0, 0, calendar.England())
	_, err = l.st.RecordContact(ctx, l.actor(s), casework.Contact{ChildID: cf.Child.ID, ReceivedAt: received,
		Date: s.on, Source: c.source, SourceDetail: c.detail, Concerns: c.concerns, OutOfHours: c.outOfHours})
	return err
}

// decideContact decides the child's latest undecided contact; a referral
// goes to team (a team key), which holds the case it opens.
type decideContact struct{ decision, reason, primaryNeed, team string }

func (d decideContact) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	for i := len(cf.Contacts) - 1; i >= 0; i-- {
		if c := cf.Contacts[i]; c.Decision == "" {
			_, err := l.st.DecideContact(ctx, l.actor(s), c.ID, c.Version, d.decision, s.on, d.reason,
				d.primaryNeed, l.teamID(d.team))
			return err
		}
	}
	return fmt.Errorf("no undecided contact")
}

// decideReferral decides the open referral.
type decideReferral struct{ decision, nfaReason string }

func (d decideReferral) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	r := cf.OpenReferral()
	if r == nil {
		return fmt.Errorf("no open referral")
	}
	return l.st.DecideReferral(ctx, l.actor(s), r.ID, r.Version, d.decision, s.on, "", d.nfaReason)
}

// allocate gives the open involvement to a worker (a worker key), with
// why it changes hands (an SW_REASON code) and a note.
type allocate struct{ worker, code, reason string }

func (a allocate) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	if cf.Involvement == nil {
		return fmt.Errorf("no open involvement")
	}
	inv := cf.Involvement
	return l.st.Allocate(ctx, l.actor(s), inv.ID, inv.Version, l.workers[a.worker], s.on, a.code, a.reason)
}

// strategy is a strategy discussion about the open referral.
type strategy struct {
	startS47           bool
	attendees, summary string
}

func (st strategy) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.RecordStrategy(ctx, l.actor(s), casework.StrategyDiscussion{ChildID: cf.Child.ID, Date: s.on,
		InitiatedS47: st.startS47, Attendees: st.attendees, Notes: st.summary})
	return err
}

// startS47 starts a section 47 enquiry from the latest strategy discussion.
type startS47 struct{}

func (startS47) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	if len(cf.Strategies) == 0 {
		return fmt.Errorf("no strategy discussion")
	}
	sd := cf.Strategies[len(cf.Strategies)-1]
	_, err := l.st.StartS47(ctx, l.actor(s), casework.S47Enquiry{ChildID: cf.Child.ID, StrategyID: &sd.ID, StartDate: s.on})
	return err
}

// icpc is an initial conference on the latest enquiry that made a plan.
type icpc struct{ category string }

func (c icpc) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	if len(cf.S47s) == 0 {
		return fmt.Errorf("no section 47 enquiry")
	}
	e := cf.S47s[len(cf.S47s)-1]
	_, err := l.st.RecordConference(ctx, l.actor(s), casework.Conference{ChildID: cf.Child.ID,
		Kind: casework.InitialConference, S47ID: &e.ID, Date: s.on, Decision: "plan", Category: c.category})
	return err
}

// review is a review conference: the plan continues or ends.
type review struct{ decision string }

func (r review) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.RecordConference(ctx, l.actor(s), casework.Conference{ChildID: cf.Child.ID,
		Kind: casework.ReviewConference, Date: s.on, Decision: r.decision})
	return err
}

// coreGroup is a core group meeting under the plan in force.
type coreGroup struct{}

func (coreGroup) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.RecordCoreGroup(ctx, l.actor(s), casework.CoreGroup{ChildID: cf.Child.ID, Date: s.on})
	return err
}

// visit is a visit: its kind, where, and whether the child was seen (and
// seen alone).
type visit struct {
	kind, place string
	seen, alone bool
	notes       string
}

func (v visit) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.RecordVisit(ctx, l.actor(s), casework.Visit{ChildID: cf.Child.ID, Date: s.on, Kind: v.kind,
		Seen: v.seen, SeenAlone: v.alone, Place: v.place, Notes: v.notes})
	return err
}

// startAssessment starts a child and family assessment of the open referral.
type startAssessment struct{}

func (startAssessment) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.StartAssessment(ctx, l.actor(s), casework.Assessment{ChildID: cf.Child.ID, StartDate: s.on})
	return err
}

// completeAssessment completes the latest assessment and sends it for sign-off.
type completeAssessment struct {
	outcome string
	factors []string
}

func (c completeAssessment) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	a, err := latestAssessment(cf)
	if err != nil {
		return err
	}
	return l.st.CompleteAssessment(ctx, l.actor(s), a.ID, a.Version, s.on, c.factors, c.outcome)
}

// authorise is a manager's sign-off of the latest assessment.
type authorise struct{}

func (authorise) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	a, err := latestAssessment(cf)
	if err != nil {
		return err
	}
	return l.st.AuthoriseAssessment(ctx, l.actor(s), a.ID, a.Version, s.on)
}

func latestAssessment(cf casework.CaseFile) (casework.Assessment, error) {
	if len(cf.Assessments) == 0 {
		return casework.Assessment{}, fmt.Errorf("no assessment")
	}
	return cf.Assessments[len(cf.Assessments)-1], nil
}

// cinPlan starts a child in need plan under the open referral.
type cinPlan struct{}

func (cinPlan) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.StartCINPlan(ctx, l.actor(s), casework.CINPlan{ChildID: cf.Child.ID, StartDate: s.on})
	return err
}

// cinReview is a review of the child in need plan in force.
type cinReview struct{}

func (cinReview) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	_, err := l.st.ReviewCINPlan(ctx, l.actor(s), casework.CINPlanReview{ChildID: cf.Child.ID, Date: s.on})
	return err
}

// closeCase closes the open episode with a CIN reason and a summary.
type closeCase struct{ reason, summary string }

func (c closeCase) apply(ctx context.Context, l *demoLoader, s demoStep, cf casework.CaseFile) error {
	return l.st.CloseCase(ctx, l.actor(s), cf.Child.ID, casework.Closure{Date: s.on, Reason: c.reason, Note: c.summary})
}
