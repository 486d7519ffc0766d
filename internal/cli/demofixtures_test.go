package cli

import (
	"context"
	"errors"
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
	for _, n := range demoNotes() {
		if n.date.After(demoAsAt) {
			t.Errorf("note %q is dated %s, after %s", n.subject, calendar.FormatDate(n.date), calendar.FormatDate(demoAsAt))
		}
	}
	for _, dc := range demoChildren() {
		if dc.opened.After(demoAsAt) {
			t.Errorf("%s opened %s, after the as-at date", dc.c.LAChildID, calendar.FormatDate(dc.opened))
		}
	}
}

func TestLoadDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if err := LoadDemo(ctx, st); err != nil {
			t.Fatalf("LoadDemo: %v", err)
		}
		total, real, err := countChildren(ctx, st)
		if err != nil || total != 12 || real != 0 {
			t.Fatalf("children: %d (%d real), %v; want 12, none real", total, real, err)
		}
		checkDemoUsers(t, st)
		checkRestricted(t, st)
		checkMayaChronology(t, st)
		checkUnallocated(t, st)
		if rep, err := st.VerifyHistory(ctx); err != nil || rep.Events != demoEvents() {
			t.Errorf("history: %+v, %v; want an intact chain of %d events, one per record", rep, err, demoEvents())
		}
		if err := LoadDemo(ctx, st); !errors.Is(err, ErrDemoLoaded) {
			t.Errorf("second LoadDemo = %v, want ErrDemoLoaded", err)
		}
	}, clock())
}

// demoEvents is how many history events loading the demo writes: one per
// record made, allocation, grant of access and note marked in error.
func demoEvents() int64 {
	n := len(demoTeams()) + len(demoWorkers()) + len(demoUsers()) + len(demoAllocations())
	for _, dc := range demoChildren() {
		n += 2 + len(dc.access) // the child and its involvement
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
	dan, _ := st.UserByUsername(ctx, "dan")
	if !access.Restricted || len(access.NamedUsers) != 1 || access.NamedUsers[0] != amira.ID {
		t.Errorf("restricted child access = %+v; want restricted to amira (%d) only", access, amira.ID)
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

func checkUnallocated(t *testing.T, st *store.Store) {
	t.Helper()
	var unallocated []string
	for _, dc := range demoChildren() {
		c, err := st.ChildByLAID(context.Background(), dc.c.LAChildID)
		if err != nil {
			t.Fatal(err)
		}
		invs, err := st.Involvements(context.Background(), c.ID)
		if err != nil || len(invs) != 1 {
			t.Fatalf("%s involvements: %d, %v", c.LAChildID, len(invs), err)
		}
		if invs[0].WorkerID == nil {
			unallocated = append(unallocated, c.LAChildID)
		}
	}
	if len(unallocated) != 2 {
		t.Errorf("unallocated: %v; want two children", unallocated)
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
