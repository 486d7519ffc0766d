package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// fixedNow is the clock of the demo tests: the demo's as-at day, 10:00.
var fixedNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func clock() store.Option { return store.WithClock(func() time.Time { return fixedNow }) }

func TestDemoChildrenAreValidAndObviouslySynthetic(t *testing.T) {
	seen := map[string]bool{}
	for _, dc := range demoChildren() {
		c := dc.c
		if err := c.Validate(demoAsAt); err != nil {
			t.Errorf("%s: %v", c.LAChildID, err)
		}
		if !c.Synthetic || !strings.HasPrefix(c.LAChildID, "DEMO") || seen[c.LAChildID] {
			t.Errorf("%s: synthetic %v; want synthetic with a unique DEMO id", c.LAChildID, c.Synthetic)
		}
		seen[c.LAChildID] = true
		if c.NHSNumber != "" {
			if err := casework.CheckNHSNumber(c.NHSNumber); err != nil || !strings.HasPrefix(c.NHSNumber, "999") {
				t.Errorf("%s: NHS number %s must be valid and in the 999 test range (%v)", c.LAChildID, c.NHSNumber, err)
			}
		}
		if c.UPN != "" {
			if err := casework.CheckUPN(c.UPN); err != nil || c.UPN[1:4] != "999" {
				t.Errorf("%s: UPN %s must be valid with the made-up authority 999 (%v)", c.LAChildID, c.UPN, err)
			}
		}
	}
}

func TestDemoHasNothingAfterItsAsAtDate(t *testing.T) {
	late := func(what string, d time.Time) {
		if d.After(demoAsAt) {
			t.Errorf("%s is dated %s, after %s", what, calendar.FormatDate(d), calendar.FormatDate(demoAsAt))
		}
	}
	for _, n := range demoNotes() {
		late("note "+n.subject, n.date)
	}
	for _, dc := range demoChildren() {
		late(dc.c.LAChildID+"'s involvement", dc.opened)
	}
	for _, a := range demoAddresses() {
		late(a.child+"'s address "+a.line1, a.from)
	}
	for _, s := range demoStories() {
		late(fmt.Sprintf("%s's %T", s.child, s.do), s.on)
	}
}

func TestDemoStoriesAreInDateOrder(t *testing.T) {
	last := map[string]time.Time{}
	for _, s := range demoStories() {
		if s.on.Before(last[s.child]) {
			t.Errorf("%s: %T on %s comes after a step on %s", s.child, s.do, calendar.FormatDate(s.on),
				calendar.FormatDate(last[s.child]))
		}
		last[s.child] = s.on
	}
}

func TestLoadDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if err := LoadDemo(ctx, st); err != nil {
			t.Fatalf("LoadDemo: %v", err)
		}
		total, real, err := countChildren(ctx, st)
		if err != nil || total != len(demoChildren()) || real != 0 {
			t.Fatalf("children: %d (%d real), %v; want %d, none real", total, real, err, len(demoChildren()))
		}
		checkDemoUsers(t, st)
		checkRestricted(t, st)
		checkMayaChronology(t, st)
		checkUnallocated(t, st)
		checkNetwork(t, st)
		checkAmirasWeek(t, st)
		checkFrontDoor(t, st)
		checkSignOffs(t, st)
		checkVariety(t, st)
		checkDirectory(t, st.DB())
		if rep, err := st.VerifyHistory(ctx); err != nil || rep.BrokenAt != 0 || rep.Events < demoWrites() {
			t.Errorf("history: %+v, %v; want an intact chain of at least %d events, one or more per write", rep, err, demoWrites())
		}
		if err := LoadDemo(ctx, st); !errors.Is(err, ErrDemoLoaded) {
			t.Errorf("second LoadDemo = %v, want ErrDemoLoaded", err)
		}
	}, clock())
}

// demoWrites is how many store writes loading the demo makes; each writes
// one history event or more (a contact referred also makes its referral,
// a conference its plan).
func demoWrites() int64 {
	n := len(demoTeams()) + len(demoWorkers()) + len(demoUsers()) + len(demoAddresses()) + len(demoNetwork()) +
		len(demoStories())
	for _, dc := range demoChildren() {
		n += 1 + len(dc.access)
		if !dc.opened.IsZero() {
			n++
		}
	}
	for _, dn := range demoNotes() {
		n++
		if dn.errorReason != "" {
			n++
		}
	}
	return int64(n)
}

func checkDemoUsers(t *testing.T, st *store.Store) {
	t.Helper()
	users, err := st.Users(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	roles := map[auth.Role]bool{}
	for _, u := range users {
		roles[u.Role] = true
	}
	if len(users) != len(demoUsers()) || len(roles) != len(auth.Roles()) {
		t.Errorf("%d users with %d roles; want %d users covering all %d roles", len(users), len(roles), len(demoUsers()), len(auth.Roles()))
	}
	amira, err := st.UserByUsername(context.Background(), "amira")
	if err != nil || amira.WorkerID == nil || amira.TeamID == nil {
		t.Fatalf("amira: %+v, %v; want linked to her worker record and team", amira, err)
	}
	w, err := st.Worker(context.Background(), *amira.WorkerID)
	if err != nil || w.Name != "Amira Khan" || w.TeamName != "Child Protection Team" {
		t.Errorf("amira's worker record: %+v, %v", w, err)
	}
}

func checkRestricted(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	noah, err := st.ChildByLAID(ctx, "DEMO0012")
	if err != nil {
		t.Fatal(err)
	}
	access, err := st.ChildAccess(ctx, noah.ID)
	if err != nil {
		t.Fatal(err)
	}
	amira, _ := st.UserByUsername(ctx, "amira")
	sue, _ := st.UserByUsername(ctx, "sue")
	dan, _ := st.UserByUsername(ctx, "dan")
	named := slices.Sorted(slices.Values(access.NamedUsers))
	if !access.Restricted || !slices.Equal(named, slices.Sorted(slices.Values([]int64{amira.ID, sue.ID}))) {
		t.Errorf("restricted child access = %+v; want restricted to amira (%d) and sue (%d)", access, amira.ID, sue.ID)
	}
	if !auth.CanViewChild(auth.Subject{UserID: amira.ID, Role: amira.Role}, access) ||
		auth.CanViewChild(auth.Subject{UserID: dan.ID, Role: dan.Role}, access) {
		t.Error("amira should see the restricted child and dan should not")
	}
}

func checkMayaChronology(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	maya, err := st.ChildByLAID(ctx, "DEMO0001")
	if err != nil || maya.FullName() != "Maya Brooks" {
		t.Fatalf("DEMO0001 = %q, %v", maya.FullName(), err)
	}
	entries, err := st.Chronology(ctx, maya.ID, []string{"note"}, 100)
	if err != nil {
		t.Fatal(err)
	}
	inError := 0
	for _, e := range entries {
		if e.InError {
			inError++
		}
	}
	if len(entries) < 12 || inError != 1 {
		t.Errorf("Maya has %d notes, %d in error; want a dozen or more with one in error", len(entries), inError)
	}
	invs, err := st.Involvements(ctx, maya.ID)
	if err != nil || len(invs) != 1 || invs[0].WorkerName != "Amira Khan" || invs[0].TeamName != "Child Protection Team" {
		t.Errorf("Maya's involvement: %+v, %v; want held by Amira in child protection", invs, err)
	}
}

// checkUnallocated: Kai (child protection) and Jayden (assessment) wait
// for a worker; every other open case is held by someone.
func checkUnallocated(t *testing.T, st *store.Store) {
	t.Helper()
	files, err := st.CaseFiles(context.Background(), store.CaseFileFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var unallocated []string
	for _, cf := range files {
		if cf.Involvement.WorkerID == nil {
			unallocated = append(unallocated, cf.Child.LAChildID+" "+cf.Involvement.TeamName)
		}
	}
	slices.Sort(unallocated)
	if want := []string{"DEMO0006 Child Protection Team", "DEMO0010 Assessment Team"}; !slices.Equal(unallocated, want) {
		t.Errorf("unallocated: %q; want %q", unallocated, want)
	}
}

func TestLoadDemoRefusesADatabaseWithRealChildren(t *testing.T) {
	st := storetest.Open(t, "sqlite", clock())
	ctx := context.Background()
	dob := calendar.Date(2015, 3, 14)
	if _, err := st.CreateChild(ctx, store.System, casework.Child{LAChildID: "REAL1", FirstName: "Real",
		LastName: "Child", Sex: "M", DateOfBirth: &dob}); err != nil {
		t.Fatal(err)
	}
	err := LoadDemo(ctx, st)
	if err == nil || errors.Is(err, ErrDemoLoaded) || !strings.Contains(err.Error(), "1 real (not synthetic) children") {
		t.Fatalf("LoadDemo over a real child = %v", err)
	}
	if total, _, _ := countChildren(ctx, st); total != 1 {
		t.Errorf("LoadDemo added children (%d) after refusing", total)
	}
}

func TestLoadDemoRefusesAClockBeforeItsStory(t *testing.T) {
	early := store.WithClock(func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) })
	st := storetest.Open(t, "sqlite", early)
	err := LoadDemo(context.Background(), st)
	if err == nil || !strings.Contains(err.Error(), "clock") {
		t.Fatalf("LoadDemo with the clock in June 2026 = %v", err)
	}
}
