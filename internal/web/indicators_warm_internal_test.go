package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sightline/internal/store/storetest"
)

// stillLoading is a start-up load that began 12 seconds ago and has not
// ended.
type stillLoading struct{}

func (stillLoading) AwaitWarm(context.Context, time.Duration) bool { return false }
func (stillLoading) Loading() (bool, time.Time)                    { return true, time.Now().Add(-12 * time.Second) }

// While the start-up load runs, a page with figures says they are being
// prepared and loads itself again; it never runs the page (which would
// wait on the load, or show figures from records half read).
func TestFiguresWaitForTheStartUpLoad(t *testing.T) {
	s, err := New(Config{Store: storetest.Open(t, "sqlite")})
	if err != nil {
		t.Fatal(err)
	}
	s.warm = stillLoading{}
	rec := httptest.NewRecorder()
	s.withIndicators(func(http.ResponseWriter, *http.Request) error {
		t.Error("the page ran while the figures were loading")
		return nil
	})(rec, httptest.NewRequest("GET", "/performance?as_at=2025-06-30", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "5" {
		t.Errorf("status %d, Retry-After %q; want 503 and 5", rec.Code, rec.Header().Get("Retry-After"))
	}
	body := rec.Body.String()
	for _, want := range []string{"The figures are being prepared", "started 12 seconds ago", `<meta http-equiv="refresh" content="5">`,
		`href="/performance?as_at=2025-06-30" id="try-again"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page does not contain %q", want)
		}
	}
	ran := false
	s.warm = s.engine // never warmed: pages run at once
	s.withIndicators(func(http.ResponseWriter, *http.Request) error { ran = true; return nil })(httptest.NewRecorder(),
		httptest.NewRequest("GET", "/performance", nil))
	if !ran {
		t.Error("with no load running the page did not run")
	}
}
