package synth

import (
	"time"

	"sightline/internal/calendar"
)

// route is the way a referral goes through the service.
type route int

const (
	routeNFA       route = iota // no further action at the referral
	routeNotInNeed              // assessed, not in need: closed (RC8)
	routeEarlyHelp              // assessed, stepped down to early help (RC9)
	routeCIN                    // assessed as in need: a child in need plan
	routeS47                    // a strategy discussion and a section 47 enquiry
)

// episode is one time the service met a family: a contact, and if it was
// referred, everything from the referral to the closure, as dates shared
// by the children involved. It is planned whole, then cut at the as-at
// date (or a child's 18th birthday), then made into each child's records.
type episode struct {
	hh           *household
	kids         []*kid
	kes          []*kidEpisode // each child's records of it, parallel to kids
	alloc        []allocation  // who held it, from the first day
	per          Period        // the period it began in: its shares choose the route
	start        time.Time     // the day of the contact and referral
	stop         time.Time     // nothing is recorded after it
	agedOut      bool          // stop is a child's 18th birthday, before the as-at date
	earliestPlan time.Time     // no plan may start before it (a child referred unborn is born first)

	received time.Time // the contact's instant, UTC
	ooh      bool
	source   string
	concerns string
	referred bool
	outcome  string // the contact's decision when not referred
	reason   string

	route       route
	decision    string
	decided     *time.Time
	need        string
	nfaApproved *time.Time
	asmt        *assessPlan
	strategies  []strategyPlan
	s47         *s47Plan
	icpc        *conferencePlan
	cp          *cpPlan
	cin         *cinPlan
	asmtVisits  []visitPlan
	closed      *time.Time
	closeReason string
	segments    []segment
	factors     []string   // the family's assessment factors (parents, household)
	silentFrom  *time.Time // set by shaping: nothing recorded after it (drift)
}

type assessPlan struct {
	start                 time.Time
	completed, authorised *time.Time
	outcome               string
}

type strategyPlan struct {
	date      time.Time
	initiated bool
}

type s47Plan struct {
	start       time.Time
	end         *time.Time
	outcome     string
	notRequired bool
}

type conferencePlan struct {
	date               time.Time
	decision, category string
}

type cpPlan struct {
	start      time.Time
	end        *time.Time
	endReason  string
	category   string
	reviews    []conferencePlan
	coreGroups []time.Time
	visits     []visitPlan
}

type cinPlan struct {
	start   time.Time
	end     *time.Time
	reviews []time.Time
	visits  []visitPlan
}

type visitPlan struct {
	date  time.Time
	kind  string
	seen  bool
	place string
}

// segment is a stretch of the episode held by one kind of team.
type segment struct {
	from time.Time
	kind string // a casework team kind
}

// newEpisode plans the episode of the children kids from day start.
func (w *world) newEpisode(hh *household, kids []*kid, start time.Time, referred bool) *episode {
	e := &episode{hh: hh, kids: kids, per: w.sc.At(start), start: start, stop: w.asAt, referred: referred}
	e.earliestPlan = start
	if len(kids) == 1 {
		if cut := kids[0].eighteenth(); cut.Before(e.stop) {
			e.stop, e.agedOut = cut, true
		}
		if kids[0].dob.After(start) {
			e.earliestPlan = days(start, 1)
		}
	}
	r := hh.r
	w.frontDoor(e, r)
	if referred {
		w.refer(e, r)
	}
	e.bornBeforePlans(r)
	e.cut()
	return e
}

// frontDoor plans the contact: when it came, from whom, and (when it was
// not referred) what the front door decided.
func (w *world) frontDoor(e *episode, r rng) {
	e.source = r.referralSource(w.national)
	e.ooh = r.chance(e.per.OutOfHours) || !cal.IsWorkingDay(e.start)
	hour := r.between(9, 16)
	if e.ooh {
		hour = one(r, []int{17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 6, 7})
	}
	y, m, d := e.start.Date()
	e.received = time.Date(y, m, d, hour, r.IntN(60), 0, 0, calendar.England()).UTC()
	e.need = w.primaryNeed(e, r)
	e.concerns = r.concerns(e.source, e.need)
	if e.hh.uasc { // a young person arrived alone, in need for absent parenting (uasc.go)
		e.source, e.need = r.pick(uascSources), "N8"
		e.concerns = one(r, uascConcerns[e.source])
	}
	if !e.referred {
		e.outcome, e.reason = r.contactOutcome()
	}
}

// refer plans the referral: the decision within a working day (or late),
// then the route.
func (w *world) refer(e *episode, r rng) {
	delay := 0
	switch {
	case r.chance(e.per.DecisionLate):
		delay = r.between(2, 4)
	case r.chance(e.per.DecisionNextDay / (1 - e.per.DecisionLate)):
		delay = 1
	}
	e.decided = ptr(wd(e.start, delay))
	e.route = e.pickRoute(r)
	if e.hh.uasc {
		e.route = routeCIN // a young person alone is in need
	}
	e.decision = "assessment"
	e.segments = []segment{{e.start, "front_door"}}
	switch e.route {
	case routeNFA:
		e.decision = "nfa"
		approved := wd(*e.decided, r.between(0, 2))
		e.nfaApproved = &approved
		e.close(approved, "RC7")
		return
	case routeS47:
		if r.chance(0.6) {
			e.decision = "strategy"
		}
	}
	e.segments = append(e.segments, segment{*e.decided, "assessment"})
	e.factors = r.familyFactors(w.national)
	if e.hh.uasc {
		e.factors = []string{factorCodes["Unaccompanied_asylum_seeker"]} // no family here to assess
	}
	w.assess(e, r)
}

// pickRoute draws the route by the period's shares.
func (e *episode) pickRoute(r rng) route {
	p := e.per
	return route(r.index(Weights{{"nfa", p.NFA}, {"not_in_need", p.NotInNeed}, {"early_help", p.EarlyHelp},
		{"cin", 1 - p.NFA - p.NotInNeed - p.EarlyHelp - p.S47}, {"s47", p.S47}}))
}

// close plans the closure of the episode on day d for reason, or on the
// day its assessment is authorised if that is later: a plan that ends
// while the assessment that ran alongside an enquiry is still with the
// manager leaves the case open until it is done (CIN rule 8565: nothing
// after the closure).
func (e *episode) close(d time.Time, reason string) {
	if e.asmt != nil && e.asmt.authorised != nil && d.Before(*e.asmt.authorised) {
		d = *e.asmt.authorised
	}
	e.closed, e.closeReason = &d, reason
}

// planKind is the team that holds a plan: the disabled children's team for
// a child whose primary need is their disability.
func (e *episode) planKind(cp bool) string {
	if !cp && e.need == "N2" {
		return "disabled_children"
	}
	return "child_protection"
}

// bornBeforePlans makes a child referred unborn be born before any plan
// starts (a plan's visits see the child), and after the referral.
func (e *episode) bornBeforePlans(r rng) {
	if len(e.kids) != 1 || !e.kids[0].dob.After(e.start) {
		return
	}
	k := e.kids[0]
	for _, d := range []*time.Time{e.cpStart(), e.cinStart()} {
		if d != nil && d.Before(k.dob) {
			k.dob = latest(days(e.start, 1), days(*d, -r.between(0, 3)))
		}
	}
}

func (e *episode) cpStart() *time.Time {
	if e.cp == nil {
		return nil
	}
	return &e.cp.start
}

func (e *episode) cinStart() *time.Time {
	if e.cin == nil {
		return nil
	}
	return &e.cin.start
}
