package cli

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// TestDemoGeneratesTheAuthorityBesideTheJourneys prepares a demo file at
// size small: the first time it generates the improving-2017 authority
// from April 2013 to the demo's Tuesday, showing progress, then adds the
// journeys; the front door the fixtures name is the generated one; the
// second time it uses the file as it is.
func TestDemoGeneratesTheAuthorityBesideTheJourneys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	small, err := synth.LookupSize("small")
	if err != nil {
		t.Fatal(err)
	}
	var out, progress bytes.Buffer
	st, err := prepareDemo(ctx, &out, &progress, path, small)
	if err != nil {
		t.Fatalf("prepareDemo: %v\n%s", err, progress.String())
	}
	for _, want := range []string{"generating the demo authority (improving-2017, size small, 2013-04-01 to 2026-11-24)",
		"loaded the demo authority into " + path} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(progress.String(), "batch 2: ") || !strings.Contains(progress.String(), "rows/s") {
		t.Errorf("no progress shown:\n%s", progress.String())
	}
	total, real, err := countChildren(ctx, st)
	if err != nil || real != 0 || total < 1000+len(demoChildren()) {
		t.Errorf("children: %d (%d real), %v; want the generated ones and the journeys', none real", total, real, err)
	}
	if _, err := st.ChildByLAID(ctx, "DEMO0001"); err != nil {
		t.Errorf("the journeys' Maya Brooks: %v", err)
	}
	first, last := generatedSpan(t, st.DB())
	if first.Before(demoHistoryFrom) || last.After(demoAsAt) || last.Before(demoAsAt.AddDate(0, 0, -14)) {
		t.Errorf("generated referrals run %s to %s; want within %s to %s, reaching its last fortnight",
			calendar.FormatDate(first), calendar.FormatDate(last), calendar.FormatDate(demoHistoryFrom), calendar.FormatDate(demoAsAt))
	}
	checkOneFrontDoor(t, st)
	checkDirectory(t, st.DB())
	if rep, err := st.VerifyHistory(ctx); err != nil || rep.BrokenAt != 0 {
		t.Errorf("history: %+v, %v", rep, err)
	}
	st.Close()

	out.Reset()
	st, err = prepareDemo(ctx, &out, &progress, path, small)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	again, _, _ := countChildren(ctx, st)
	if !strings.Contains(out.String(), "using the demo authority in "+path) || again != total {
		t.Errorf("second run: %d children (was %d), output:\n%s", again, total, out.String())
	}
}

// generatedSpan is the first and last date of the generated children's
// referrals.
func generatedSpan(t *testing.T, db *sql.DB) (time.Time, time.Time) {
	t.Helper()
	var first, last string
	err := db.QueryRowContext(context.Background(), `SELECT min(r.referral_date), max(r.referral_date) FROM referrals r
		JOIN children c ON c.id = r.child_id WHERE c.la_child_id LIKE 'SYN%'`).Scan(&first, &last)
	if err != nil {
		t.Fatal(err)
	}
	f, err1 := time.Parse(time.DateOnly, first[:10])
	l, err2 := time.Parse(time.DateOnly, last[:10])
	if err1 != nil || err2 != nil {
		t.Fatalf("referral dates %q, %q", first, last)
	}
	return f, l
}

// checkOneFrontDoor: the fixtures' front door is the generated team of that
// name, so Priya works beside the generated front door's workers.
func checkOneFrontDoor(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	teams, err := st.Teams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var front []casework.Team
	for _, tm := range teams {
		if tm.Name == "Front Door (MASH)" {
			front = append(front, tm)
		}
	}
	if len(front) != 1 {
		t.Fatalf("teams named Front Door (MASH): %d, want 1", len(front))
	}
	workers, err := st.Workers(ctx, front[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	priya, generated := false, 0
	for _, w := range workers {
		if w.Name == "Priya Shah" {
			priya = true
		} else if strings.HasSuffix(w.Email, "@brackenmoor.example") {
			generated++
		}
	}
	if !priya || generated == 0 {
		t.Errorf("front door: Priya there %v, %d generated workers; want both", priya, generated)
	}
}
