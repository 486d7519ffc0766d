package bench

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store/storetest"
	"sightline/internal/web"
)

// TestSufficiencyAtLAScale measures the placement sufficiency page on a
// generated `la` authority (steady scenario, ten years of history, about
// 390 children looked after on the as-at date): the store's three queries
// alone, then GET /sufficiency for a service manager, 200 requests after
// 20 warm-up, p50/p95/p99 logged (target p95 < 50 ms). It reports, never
// asserts, times; it runs only with SIGHTLINE_BENCH=1.
func TestSufficiencyAtLAScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure at `la` scale")
	}
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			st := generatedLA(t, backend)
			var loads latencies
			var s casework.Sufficiency
			for range 50 {
				start := time.Now()
				facts, err := st.CareFacts(ctx, laAsAt)
				if err != nil {
					t.Fatal(err)
				}
				s = casework.SufficiencyOn(facts, laAsAt)
				loads = append(loads, time.Since(start))
			}
			slices.Sort(loads)
			t.Logf("looked after on %s: %d; out of area %d; moves in the year %d; school moves %d; 20+ miles with no family time %d",
				laAsAt.Format(time.DateOnly), len(s.Placed), len(s.OutOfArea), len(s.Moves), len(s.SchoolMoves), len(s.FarNoFamily))
			t.Logf("CareFacts + SufficiencyOn: p50 %.2f ms, p95 %.2f ms", loads.ms(0.50), loads.ms(0.95))

			mgr := pageUser(t, st, "bench.head", auth.ServiceManager, nil, nil)
			srv, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Now: func() time.Time { return laAsAt.Add(10 * time.Hour) }})
			if err != nil {
				t.Fatal(err)
			}
			hs := httptest.NewServer(srv)
			t.Cleanup(hs.Close)
			client := signedIn(t, hs, mgr.Username)
			p := timePage(t, client, hs.URL+"/sufficiency", 20, 200, "Placement sufficiency")
			t.Logf("/sufficiency: %d bytes, 200 requests: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (target p95 < 50 ms)",
				p.size, p.times.ms(0.50), p.times.ms(0.95), p.times.ms(0.99))
		})
	}
}
