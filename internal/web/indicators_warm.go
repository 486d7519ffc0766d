package web

import (
	"context"
	"net/http"
	"strconv"
	"time"
)

// The indicator engine reads every record into memory once (tens of
// seconds for a large authority). WarmIndicators starts that read when the
// server starts; until it ends, pages with figures wait a little and then
// say the figures are being prepared, refreshing themselves, rather than
// keep the user waiting without a word. No page shows a figure from
// records half read: the engine's queries wait for the load to finish.

// indicatorWait is how long a page waits for the start-up load before
// showing that the figures are being prepared.
const indicatorWait = 3 * time.Second

// indicatorRetry is how often, in seconds, that page loads itself again.
const indicatorRetry = 5

// WarmIndicators starts loading the indicator engine in the background;
// the outcome is logged.
func (s *Server) WarmIndicators(ctx context.Context) {
	s.engine.Warm(ctx, func(err error, took time.Duration) {
		if err != nil && ctx.Err() == nil {
			s.log.Error("indicators: load at start-up", "err", err, "took", took.Round(time.Millisecond))
			return
		}
		s.log.Info("indicators: loaded at start-up", "took", took.Round(time.Millisecond))
	})
}

// indicatorLoad is the engine's start-up load as pages see it.
type indicatorLoad interface {
	AwaitWarm(ctx context.Context, d time.Duration) bool
	Loading() (bool, time.Time)
}

// indicatorsLoading waits up to indicatorWait for the start-up load and
// says whether it is still running, and since when.
func (s *Server) indicatorsLoading(r *http.Request) (bool, time.Time) {
	if s.warm.AwaitWarm(r.Context(), indicatorWait) {
		return false, time.Time{}
	}
	return s.warm.Loading()
}

type preparingPage struct {
	basePage
	Seconds int    // since the load started
	Again   string // this page's address, to try again
}

// withIndicators wraps a page that shows figures: while the start-up load
// runs it answers 503 with a page that says so and refreshes itself.
func (s *Server) withIndicators(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		loading, since := s.indicatorsLoading(r)
		if !loading {
			return h(w, r)
		}
		p := preparingPage{basePage: s.base(r, "Figures being prepared"), Seconds: int(time.Since(since).Seconds()),
			Again: r.URL.RequestURI()}
		p.Refresh = indicatorRetry
		w.Header().Set("Retry-After", strconv.Itoa(indicatorRetry))
		s.render(w, r, http.StatusServiceUnavailable, "preparing", p)
		return nil
	}
}
