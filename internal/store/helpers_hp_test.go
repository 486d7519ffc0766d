package store_test

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// world is a small authority for the help and protection tests: a social
// worker and a manager who sign in, a team, and a worker in it.
type world struct {
	t       *testing.T
	s       *store.Store
	sw      store.Actor
	manager store.Actor
	team    casework.Team
	worker  casework.Worker
}

func newWorld(t *testing.T, s *store.Store) *world {
	t.Helper()
	w := &world{t: t, s: s}
	w.sw = newUser(t, s, "sam", auth.SocialWorker).Actor()
	w.manager = newUser(t, s, "mo", auth.TeamManager).Actor()
	w.team = w.newTeam("Assessment A")
	w.worker = w.newWorker("Wendy", w.team.ID)
	return w
}

func (w *world) newTeam(name string) casework.Team {
	w.t.Helper()
	return must[casework.Team](w.t)(w.s.CreateTeam(ctx, store.System, casework.Team{Name: name, Kind: "assessment"}))
}

func (w *world) newWorker(name string, teamID int64) casework.Worker {
	w.t.Helper()
	return must[casework.Worker](w.t)(w.s.CreateWorker(ctx, store.System, casework.Worker{Name: name, TeamID: &teamID, FTE: 1,
		EmploymentType: casework.Permanent, StartDate: d(2020, 1, 1)}))
}

// must returns a function that fails the test on an error and otherwise
// returns the value: must(t)(s.Something(…)).
func must[T any](t testing.TB) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func ok(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// contact records a contact about a child received at 09:00 on day on.
func (w *world) contact(childID int64, on time.Time) casework.Contact {
	w.t.Helper()
	return must[casework.Contact](w.t)(w.s.RecordContact(ctx, w.sw, casework.Contact{ChildID: childID,
		ReceivedAt: on.Add(9 * time.Hour), Source: "2A", Concerns: "Bruising seen at school"}))
}

// refer takes a child from a contact on day on to a referral (primary
// need N1) held by the world's team.
func (w *world) refer(childID int64, on time.Time) casework.Referral {
	w.t.Helper()
	c := w.contact(childID, on)
	c = must[casework.Contact](w.t)(w.s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral, on, "", "N1", &w.team.ID))
	return must[casework.Referral](w.t)(w.s.Referral(ctx, *c.ReferralID))
}

// child adds a child and refers it on day on.
func (w *world) child(laID string, on time.Time) (casework.Child, casework.Referral) {
	w.t.Helper()
	c := newChild(w.t, w.s, laID, "Child", laID)
	return c, w.refer(c.ID, on)
}

// closeNFA decides no further action on a referral on day on and has the
// manager approve it the same day.
func (w *world) closeNFA(ref casework.Referral, on time.Time) {
	w.t.Helper()
	ok(w.t, w.s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralNFA, on, "", "Advice given to parent"))
	ok(w.t, w.s.ApproveNFA(ctx, w.manager, ref.ID, ref.Version+1, on))
}

// s47 records a strategy discussion that starts a section 47 enquiry on
// day on, under the child's open referral.
func (w *world) s47(childID int64, on time.Time) casework.S47Enquiry {
	w.t.Helper()
	sd := must[casework.StrategyDiscussion](w.t)(w.s.RecordStrategy(ctx, w.sw, casework.StrategyDiscussion{
		ChildID: childID, Date: on, InitiatedS47: true, Attendees: "Police, health", Notes: "Threshold met"}))
	return must[casework.S47Enquiry](w.t)(w.s.StartS47(ctx, w.sw, casework.S47Enquiry{ChildID: childID,
		StrategyID: &sd.ID, StartDate: on}))
}

// icpc holds an initial conference after the enquiry that makes a plan
// (category NEG).
func (w *world) icpc(e casework.S47Enquiry, on time.Time) casework.Conference {
	w.t.Helper()
	return must[casework.Conference](w.t)(w.s.RecordConference(ctx, w.sw, casework.Conference{ChildID: e.ChildID,
		Kind: casework.InitialConference, S47ID: &e.ID, Date: on, Decision: "plan", Category: "NEG"}))
}

// toPlan takes a new child from a referral on day referred to a child
// protection plan made at a conference on day conference.
func (w *world) toPlan(laID string, referred, conference time.Time) (casework.Child, casework.CPPlan) {
	w.t.Helper()
	c, _ := w.child(laID, referred)
	w.icpc(w.s47(c.ID, referred), conference)
	return c, *w.caseFile(c.ID).OpenPlan()
}

func (w *world) caseFile(childID int64) casework.CaseFile {
	w.t.Helper()
	return must[casework.CaseFile](w.t)(w.s.CaseFile(ctx, childID))
}

// snapshot is what a refused write must leave as it was: the rows of
// every table it may touch, their versions, ends, and the history.
func snapshot(t testing.TB, s *store.Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{"history": historyLen(t, s)}
	for _, table := range []string{"contacts", "referrals", "assessments", "strategy_discussions", "s47_enquiries",
		"conferences", "cp_plans", "core_groups", "visits", "cin_plans", "involvements", "case_notes",
		"care_episodes", "care_legal_statuses", "care_placements", "care_events", "family_time",
		"missing_episodes", "return_interviews", "exploitation_screenings", "pre_proceedings", "plo_events",
		"proceedings", "hearings"} {
		out[table] = count(t, s, `SELECT count(*) FROM `+table)
		out[table+" versions"] = count(t, s, `SELECT COALESCE(sum(version), 0) FROM `+table)
	}
	out["cin_plan_reviews"] = count(t, s, `SELECT count(*) FROM cin_plan_reviews`)
	out["allocations"] = count(t, s, `SELECT count(*) FROM allocations`)
	out["allocations ended"] = count(t, s, `SELECT count(*) FROM allocations WHERE end_date IS NOT NULL`)
	out["conferences with plans"] = count(t, s, `SELECT count(*) FROM conferences WHERE plan_id IS NOT NULL`)
	return out
}

// refused runs a write that must be refused with a validation error
// naming fields, and checks that it saved nothing at all.
func refused(t testing.TB, s *store.Store, write func() error, fields ...string) {
	t.Helper()
	before := snapshot(t, s)
	wantFields(t, write(), fields...)
	if after := snapshot(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("a refused write changed the database:\n before %v\n after  %v", before, after)
	}
}

// summaries lists chronology entries as "date summary", in their order.
func summaries(es []casework.ChronologyEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s", e.Date.Format("2006-01-02"), e.Summary))
	}
	return out
}
