package bench

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/cli"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/web"
)

// allocAsAt is the last day of the inadequate-2015 scenario's history.
var allocAsAt = time.Date(2015, 6, 30, 0, 0, 0, 0, time.UTC)

// TestAllocationPagesAtLAScale measures what issue #8 asks for on a
// generated `la` authority (the inadequate-2015 scenario): the allocation
// queue page for one team (its team manager) and for the service (a
// service manager), and the caseload and drift pages for the service,
// 200 requests each (SIGHTLINE_BENCH_REQUESTS to change) after 20
// warm-up, through the real server. It reports
// times, never asserts them, and runs only with SIGHTLINE_BENCH=1.
// Generating the authority takes 15 to 25 s a backend; to measure again on
// one already generated, name it in SIGHTLINE_LA_SQLITE or
// SIGHTLINE_LA_POSTGRES (a database this test may add two users to).
func TestAllocationPagesAtLAScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure at `la` scale")
	}
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			measureAllocationPages(t, inadequateLA(t, backend))
		})
	}
}

// inadequateLA opens the inadequate-2015 `la` authority named by
// SIGHTLINE_LA_SQLITE or SIGHTLINE_LA_POSTGRES, or generates it.
func inadequateLA(t *testing.T, backend string) *store.Store {
	env := map[string]string{"sqlite": "SIGHTLINE_LA_SQLITE", "postgres": "SIGHTLINE_LA_POSTGRES"}[backend]
	dsn := os.Getenv(env)
	if dsn == "" {
		dsn = storetest.DSN(t, backend)
		args := []string{"generate", "--db", dsn, "--scenario", "inadequate-2015", "--size", "la", "--seed", "1"}
		if code := cli.Run(ctx, args, io.Discard, io.Discard); code != 0 {
			t.Fatalf("generate la: exit %d", code)
		}
	}
	clock := func() time.Time { return allocAsAt.Add(10 * time.Hour) }
	st, err := store.Open(ctx, dsn, store.WithClock(clock), storetest.CheapPasswords())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func measureAllocationPages(t *testing.T, st *store.Store) {
	requests := 200
	if n, err := strconv.Atoi(os.Getenv("SIGHTLINE_BENCH_REQUESTS")); err == nil && n > 0 {
		requests = n
	}
	_, teamID := busiestWorker(t, st)
	suffix := time.Now().Format("150405.000")
	tm := pageUser(t, st, "bench.tm."+suffix, auth.TeamManager, nil, &teamID)
	sm := pageUser(t, st, "bench.sm."+suffix, auth.ServiceManager, nil, nil)
	s, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return allocAsAt.Add(10 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	for _, c := range []struct {
		user store.User
		path string
	}{{tm, "/allocation"}, {sm, "/allocation"}, {sm, "/caseloads"}, {sm, "/drift"},
		{sm, "/caseloads?asat-day=30&asat-month=12&asat-year=2014"}, {sm, "/drift?asat-day=28&asat-month=6&asat-year=2013"}} {
		client := signedIn(t, srv, c.user.Username)
		p := timePage(t, client, srv.URL+c.path, 20, requests, "")
		t.Logf("%-50s as %-15s %d requests: p50 %6.2f ms, p95 %6.2f ms, p99 %6.2f ms; CPU here %.2f ms a request",
			c.path, c.user.Role, requests, p.times.ms(0.50), p.times.ms(0.95), p.times.ms(0.99), p.cpuPerRequest())
	}
}
