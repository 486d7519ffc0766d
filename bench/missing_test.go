package bench

import (
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/web"
)

// TestMissingAndCourtViewsAtLAScale measures the missing view and the
// court tracker on the generated `la` authority. The generator does not
// yet make missing episodes or court work, so this test adds them first,
// through the store's own writes (every record passes the case file's
// rules): for one child in 25 with an open case, one to three missing
// episodes in the eight weeks before the as-at date, most followed by a
// return home interview and half by an exploitation screening; for one
// child in 10 on a child protection plan, pre-proceedings and, for half of
// those, care proceedings with a hearing. It reports, never asserts,
// times; it runs only with SIGHTLINE_BENCH=1.
func TestMissingAndCourtViewsAtLAScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure at `la` scale")
	}
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			st := generatedLA(t, backend)
			seedMissingAndCourt(t, st)
			measureMissingPages(t, st)
		})
	}
}

// seedMissingAndCourt adds the missing and court records described above,
// from a fixed seed.
func seedMissingAndCourt(t *testing.T, st *store.Store) {
	files, err := st.CaseFiles(ctx, store.CaseFileFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 7))
	start := time.Now()
	var episodes, interviews, screenings, plos, proceedings int
	for i, cf := range files {
		id := cf.Child.ID
		if i%25 == 0 {
			day := laAsAt.AddDate(0, 0, -56+r.IntN(7))
			for range 1 + r.IntN(3) {
				e := casework.MissingEpisode{ChildID: id, From: "home", Kind: "M", StartDate: day, ReportedToPolice: r.IntN(3) > 0}
				if back := day.AddDate(0, 0, r.IntN(4)); back.Before(laAsAt) {
					e.EndDate = &back
				}
				e, err := st.RecordMissingEpisode(ctx, store.System, e)
				if err != nil {
					t.Fatal(err)
				}
				episodes++
				if e.EndDate == nil {
					break
				}
				if offered := e.EndDate.AddDate(0, 0, r.IntN(6)); r.IntN(5) > 0 && !offered.After(laAsAt) {
					if _, err := st.RecordReturnInterview(ctx, store.System, casework.ReturnInterview{ChildID: id,
						EpisodeID: e.ID, OfferedOn: offered}); err != nil {
						t.Fatal(err)
					}
					interviews++
				}
				day = e.EndDate.AddDate(0, 0, 3+r.IntN(14))
				if day.After(laAsAt) {
					break
				}
			}
			if r.IntN(2) == 0 {
				levels := []string{casework.RiskLow, casework.RiskMedium, casework.RiskHigh}
				on := laAsAt.AddDate(0, 0, -r.IntN(60))
				review := on.AddDate(0, 3, 0)
				if _, err := st.RecordScreening(ctx, store.System, casework.ExploitationScreening{ChildID: id, Date: on,
					Kinds: []string{"criminal"}, Level: levels[r.IntN(3)], ReviewDate: &review, Lead: "Exploitation hub"}); err != nil {
					t.Fatal(err)
				}
				screenings++
			}
		}
		if cf.OpenPlan() != nil && i%10 == 0 {
			began := laAsAt.AddDate(0, 0, -7*(10+r.IntN(40)))
			if _, err := st.StartPreProceedings(ctx, store.System, casework.PreProceedings{ChildID: id, StartDate: began}); err != nil {
				t.Fatal(err)
			}
			plos++
			if r.IntN(2) == 0 {
				issued := began.AddDate(0, 0, 7*(2+r.IntN(8)))
				p, err := st.IssueProceedings(ctx, store.System, casework.Proceedings{ChildID: id, IssuedOn: issued,
					Court: "Family Court at Brackenmoor", Application: "care"})
				if err != nil {
					t.Fatal(err)
				}
				if cmh := issued.AddDate(0, 0, 14); !cmh.After(laAsAt) {
					if _, err := st.RecordHearing(ctx, store.System, casework.Hearing{ChildID: id, ProceedingsID: p.ID,
						Kind: "cmh", Date: cmh}, nil); err != nil {
						t.Fatal(err)
					}
				}
				proceedings++
			}
		}
	}
	t.Logf("seeded over %d open cases in %s: %d missing episodes, %d interviews, %d screenings, %d pre-proceedings, %d proceedings",
		len(files), time.Since(start).Round(time.Millisecond), episodes, interviews, screenings, plos, proceedings)
}

// measureMissingPages signs in a service manager (every team) and a team
// manager and times 200 requests of each page after 20 warm-up, with the
// CPU time this process spent per request (server and client; not a
// PostgreSQL server's work) to tell the page's cost from a busy machine.
// The team view, an existing page, is measured the same way beside them.
func measureMissingPages(t *testing.T, st *store.Store) {
	_, teamID := busiestWorker(t, st)
	sm := pageUser(t, st, "bench.service", auth.ServiceManager, nil, nil)
	tm := pageUser(t, st, "bench.team", auth.TeamManager, nil, &teamID)
	s, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return laAsAt.Add(10 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	year := "/missing?from-day=21&from-month=11&from-year=2025"
	for _, c := range []struct {
		user store.User
		path string
	}{{sm, "/missing"}, {sm, year}, {tm, "/missing"}, {sm, "/court"}, {tm, "/court"}, {tm, "/team"}} {
		client := signedIn(t, srv, c.user.Username)
		p := timePage(t, client, srv.URL+c.path, 20, 200, "")
		t.Logf("%s as %s: %d bytes, 200 requests: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (target p95 < 50 ms); CPU %.2f ms a request",
			c.path, c.user.Role, p.size, p.times.ms(0.50), p.times.ms(0.95), p.times.ms(0.99), p.cpuPerRequest())
	}
}
