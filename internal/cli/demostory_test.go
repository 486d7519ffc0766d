package cli

import (
	"context"
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// The checks of the demo's story as it stands on demoAsAt, run by
// TestLoadDemo on each backend over the loaded demo.

// caseFileOf returns the case file of the demo child with LA child ID id.
func caseFileOf(t *testing.T, st *store.Store, id string) casework.CaseFile {
	t.Helper()
	ctx := context.Background()
	c, err := st.ChildByLAID(ctx, id)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	cf, err := st.CaseFile(ctx, c.ID)
	if err != nil {
		t.Fatalf("%s: %v", id, err)
	}
	return cf
}

// openTasks are a case file's open tasks on the as-at date, by rule id.
func openTasks(cf casework.CaseFile) map[string]timescale.Task {
	out := map[string]timescale.Task{}
	for _, task := range timescale.Open(timescale.Tasks(cf, calendar.Default(), timescale.DefaultSettings(), demoAsAt)) {
		if _, ok := out[task.Rule.ID]; !ok {
			out[task.Rule.ID] = task
		}
	}
	return out
}

// checkNetwork: every child has an address, Maya and Leo are linked as
// sister and brother, and Maya's network has her professionals.
func checkNetwork(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, dc := range demoChildren() {
		cf := caseFileOf(t, st, dc.c.LAChildID)
		if as, err := st.Addresses(ctx, cf.Child.ID); err != nil || len(as) == 0 || as[0].EndDate != nil {
			t.Errorf("%s addresses: %+v, %v; want a current one", dc.c.LAChildID, as, err)
		}
	}
	mayaID, leoID := caseFileOf(t, st, maya).Child.ID, caseFileOf(t, st, leo).Child.ID
	checkRelated(t, st, mayaID, leoID, "Brother", "Leo Brooks")
	checkRelated(t, st, leoID, mayaID, "Sister", "Maya Brooks")
	rels, err := st.Relationships(ctx, mayaID)
	if err != nil {
		t.Fatal(err)
	}
	var roles []string
	for _, r := range rels {
		if r.Kind == "professional" {
			roles = append(roles, r.Relationship)
		}
	}
	for _, want := range []string{"GP", "Designated safeguarding lead", "Health visitor (for the family)"} {
		if !slices.Contains(roles, want) {
			t.Errorf("Maya's professionals %q lack %q", roles, want)
		}
	}
}

func checkRelated(t *testing.T, st *store.Store, childID, relatedID int64, relationship, name string) {
	t.Helper()
	rels, err := st.Relationships(context.Background(), childID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.RelatedChildID != nil && *r.RelatedChildID == relatedID && r.Relationship == relationship && r.Name == name {
			return
		}
	}
	t.Errorf("child %d has no %s %s (child %d): %+v", childID, relationship, name, relatedID, rels)
}

// checkAmirasWeek is journey 1, step 2: on the as-at date (a Tuesday)
// Amira's open cases give Leo's visit a day overdue, Maya's visit due
// tomorrow and Noah's initial conference due on Thursday; and the
// emergency duty team's contact about Maya is in the overnight list.
func checkAmirasWeek(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	amira, err := st.UserByUsername(ctx, "amira")
	if err != nil {
		t.Fatal(err)
	}
	files, err := st.CaseFiles(ctx, store.CaseFileFilter{WorkerID: *amira.WorkerID, OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sunday := demoAsAt.AddDate(0, 0, 5)
	overdue, thisWeek := 0, 0
	got := map[string]timescale.Task{}
	for _, cf := range files {
		for rule, task := range openTasks(cf) {
			got[cf.Child.LAChildID+" "+rule] = task
			switch {
			case task.Status == timescale.Overdue:
				overdue++
			case !task.Due.After(sunday):
				thisWeek++
			}
		}
	}
	if len(files) != 3 || overdue < 1 || thisWeek < 1 {
		t.Errorf("Amira: %d children, %d overdue, %d due this week; want 3 children, at least one of each", len(files), overdue, thisWeek)
	}
	for _, w := range []struct {
		key    string
		due    time.Time
		status timescale.Status
	}{
		{leo + " cp_visit", on(2026, 11, 23), timescale.Overdue},
		{maya + " cp_visit", on(2026, 11, 25), timescale.DueSoon},
		{"DEMO0012 icpc", on(2026, 11, 26), timescale.DueSoon},
	} {
		if task, ok := got[w.key]; !ok || !task.Due.Equal(w.due) || task.Status != w.status {
			t.Errorf("%s: %q due %s, %s (found %v); want due %s, %s", w.key, task.What, calendar.FormatDate(task.Due),
				task.Status, ok, calendar.FormatDate(w.due), w.status)
		}
	}
	checkOvernight(t, st, files)
}

// checkOvernight: the out-of-hours contact about Maya, recorded by the
// emergency duty team on the evening before, is in the list the front
// door and My work show (since the last working day).
func checkOvernight(t *testing.T, st *store.Store, amirasFiles []casework.CaseFile) {
	t.Helper()
	since := calendar.Default().AddWorkingDays(demoAsAt, -1)
	rows, err := st.Contacts(context.Background(), store.ContactFilter{OutOfHours: true, Since: since})
	if err != nil {
		t.Fatal(err)
	}
	mine := map[int64]bool{}
	for _, cf := range amirasFiles {
		mine[cf.Child.ID] = true
	}
	for _, r := range rows {
		if r.LAChildID == maya && r.OutOfHours && r.RecordedBy == "Sam Carter" && mine[r.ChildID] &&
			r.Date.Equal(on(2026, 11, 23)) {
			return
		}
	}
	t.Errorf("overnight contacts since %s: %+v; want the EDT's contact about Maya", calendar.FormatDate(since), rows)
}

// checkFrontDoor is journey 3: two contacts wait for a decision, one about
// a child referred within the last 12 months (the re-referral flag) and
// one about a child new to the service.
func checkFrontDoor(t *testing.T, st *store.Store) {
	t.Helper()
	rows, err := st.Contacts(context.Background(), store.ContactFilter{Undecided: true})
	if err != nil {
		t.Fatal(err)
	}
	var reReferral, brandNew bool
	for _, r := range rows {
		cf := caseFileOf(t, st, r.LAChildID)
		reReferral = reReferral || (r.LAChildID == "DEMO0013" && r.ReReferral)
		brandNew = brandNew || (len(cf.Referrals) == 0 && len(cf.Contacts) == 1 && cf.Involvement == nil && !r.ReReferral)
	}
	if len(rows) < 2 || !reReferral || !brandNew {
		t.Errorf("undecided contacts: %+v; want two or more, one a re-referral (Lily) and one about a new child", rows)
	}
}

// checkSignOffs is journey 2, step 4: Dan's team has an assessment and a
// no-further-action decision waiting for him.
func checkSignOffs(t *testing.T, st *store.Store) {
	t.Helper()
	dan, err := st.UserByUsername(context.Background(), "dan")
	if err != nil {
		t.Fatal(err)
	}
	items, err := st.PendingAuthorisations(context.Background(), *dan.TeamID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range items {
		got = append(got, a.Kind+" "+a.ChildName)
	}
	for _, want := range []string{"assessment Aisha Rahman", "nfa Kai Thompson"} {
		if !slices.Contains(got, want) {
			t.Errorf("Dan's sign-offs %q lack %q", got, want)
		}
	}
}

// checkVariety: a child in need plan with a review due this week, a case
// closed after assessment (RC8), and a second child protection plan.
func checkVariety(t *testing.T, st *store.Store) {
	t.Helper()
	mei := caseFileOf(t, st, "DEMO0009")
	if task, ok := openTasks(mei)["cin_plan_review"]; mei.OpenCINPlan() == nil || !ok || !task.Due.Equal(on(2026, 11, 27)) {
		t.Errorf("Mei: CIN plan %+v, review task %+v; want a review due 27 November", mei.OpenCINPlan(), task)
	}
	lily := caseFileOf(t, st, "DEMO0013")
	if len(lily.Referrals) != 1 || lily.Referrals[0].ClosureReason != "RC8" || lily.Involvement != nil {
		t.Errorf("Lily: referrals %+v, involvement %+v; want one closed RC8 and no open case", lily.Referrals, lily.Involvement)
	}
	zofia := caseFileOf(t, st, "DEMO0005")
	if p := zofia.OpenPlan(); p == nil || p.PreviousPlans != 1 || len(zofia.Plans) != 2 {
		t.Errorf("Zofia's plans: %+v; want a second plan in force", zofia.Plans)
	}
}
