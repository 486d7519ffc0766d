package bench

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/cli"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/timescale"
	"sightline/internal/web"
)

// laAsAt is the last day of the generated `la` authority's history.
var laAsAt = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// TestHelpAndProtectionAtLAScale measures, on a generated `la` authority
// (steady scenario, ten years of history), the figures issue #6 asks for:
// every open task of every child with an open case, and the "My work" and
// team pages. It reports, never asserts, times; it runs only with
// SIGHTLINE_BENCH=1 (generating the authority takes about 10 s a backend).
func TestHelpAndProtectionAtLAScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure at `la` scale")
	}
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			st := generatedLA(t, backend)
			measureDues(t, st)
			measurePages(t, st)
		})
	}
}

// generatedLA generates the `la` authority into a fresh database with the
// real `sightline generate` command and opens it at the as-at date.
func generatedLA(t *testing.T, backend string) *store.Store {
	dsn := storetest.DSN(t, backend)
	args := []string{"generate", "--db", dsn, "--scenario", "steady", "--size", "la", "--seed", "1", "--as-at", laAsAt.Format("2006-01-02")}
	start := time.Now()
	if code := cli.Run(ctx, args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("generate la: exit %d", code)
	}
	t.Logf("%s: generated la in %s", backend, time.Since(start).Round(time.Millisecond))
	clock := func() time.Time { return laAsAt.Add(10 * time.Hour) }
	st, err := store.Open(ctx, dsn, store.WithClock(clock), storetest.CheapPasswords())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// measureDues loads every open case file and computes every task, the work
// behind every manager's view of the whole service.
func measureDues(t *testing.T, st *store.Store) {
	start := time.Now()
	files, err := st.CaseFiles(ctx, store.CaseFileFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	load := time.Since(start)
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings := timescale.DefaultSettings()
	var runs []time.Duration
	var tasks, open int
	buf := make([]timescale.Task, 0, 64)
	for range 10 {
		start := time.Now()
		tasks, open = 0, 0
		for _, cf := range files {
			buf = timescale.AppendTasks(buf[:0], cf, cal, settings, laAsAt)
			tasks += len(buf)
			for _, tk := range buf {
				if tk.Done == nil {
					open++
				}
			}
		}
		runs = append(runs, time.Since(start))
	}
	slices.Sort(runs)
	t.Logf("%d open case files loaded in %s; %d tasks (%d open) computed in median %s, best %s (target < 200 ms)",
		len(files), load.Round(time.Millisecond), tasks, open, runs[len(runs)/2].Round(time.Millisecond), runs[0].Round(time.Millisecond))
}

// measurePages signs in a case holder with the most open cases and their
// team manager and times 200 requests of each page after 20 warm-up.
func measurePages(t *testing.T, st *store.Store) {
	workerID, teamID := busiestWorker(t, st)
	sw := pageUser(t, st, "bench.worker", auth.SocialWorker, &workerID, &teamID)
	tm := pageUser(t, st, "bench.manager", auth.TeamManager, nil, &teamID)
	s, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return laAsAt.Add(10 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	for _, c := range []struct {
		user store.User
		path string
	}{{sw, "/my-work"}, {tm, "/team"}} {
		client := signedIn(t, srv, c.user.Username)
		p := timePage(t, client, srv.URL+c.path, 20, 200, "")
		t.Logf("%s: %d bytes, 200 requests: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (target p95 < 50 ms)",
			c.path, p.size, p.times.ms(0.50), p.times.ms(0.95), p.times.ms(0.99))
	}
}

// busiestWorker is the worker holding the most open cases, and their team.
func busiestWorker(t *testing.T, st *store.Store) (worker, team int64) {
	q := `SELECT i.worker_id, w.team_id FROM involvements i JOIN workers w ON w.id = i.worker_id
		WHERE i.end_date IS NULL AND w.team_id IS NOT NULL GROUP BY i.worker_id, w.team_id ORDER BY count(*) DESC, i.worker_id LIMIT 1`
	if err := st.DB().QueryRowContext(ctx, q).Scan(&worker, &team); err != nil {
		t.Fatal(err)
	}
	return worker, team
}

func pageUser(t *testing.T, st *store.Store, name string, role auth.Role, worker, team *int64) store.User {
	u, err := st.CreateUser(ctx, store.System, store.NewUser{Username: name, DisplayName: name, Password: password,
		Role: role, WorkerID: worker, TeamID: team})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func signedIn(t *testing.T, srv *httptest.Server, username string) *http.Client {
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	form := url.Values{"username": {username}, "password": {password}, "next": {"/"}}
	req, _ := http.NewRequest("POST", srv.URL+"/sign-in", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatal(fmt.Errorf("sign in %s: %d", username, res.StatusCode))
	}
	return client
}
