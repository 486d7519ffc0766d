// Package web serves sightline's pages: server-rendered HTML with GOV.UK
// Frontend components, one file per resource, every route and its access
// rule listed in routes.go.
package web

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"sightline/internal/auth"
	"sightline/internal/metrics/engine"
	"sightline/internal/store"
)

// Config is what the web server needs; main wires it.
type Config struct {
	Store  *store.Store
	Logger *slog.Logger
	// SecureCookies forces the Secure flag on cookies. When false the flag
	// is still set on requests that arrived over TLS (or, with TrustProxy,
	// that a proxy says arrived over https).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For and the
	// scheme from X-Forwarded-Proto (only behind a proxy you run).
	TrustProxy bool
	Sessions   auth.SessionPolicy // zero: auth.DefaultSessionPolicy()
	Now        func() time.Time   // zero: time.Now
}

// Server is the web application.
type Server struct {
	cfg     Config
	store   *store.Store
	log     *slog.Logger
	pages   *pages
	now     func() time.Time
	metrics *metrics
	engine  *engine.Engine // the indicators, kept in memory and brought up to date on each query
	warm    indicatorLoad  // the engine's start-up load, as pages wait on it (indicators_warm.go)
	tiles   tileCache      // the performance tiles, rendered (performance_tiles.go)
	checks  returnChecks   // the returns page's checks of its own exports (returns_cache.go)
	handler http.Handler
	notices map[string]string // confirmation after each case action, by name
}

// New builds the server: templates are parsed once here, so a broken
// template stops start-up rather than a page.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Sessions == (auth.SessionPolicy{}) {
		cfg.Sessions = auth.DefaultSessionPolicy()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	p, err := parsePages()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, store: cfg.Store, log: cfg.Logger, pages: p, now: cfg.Now, metrics: newMetrics(),
		engine: engine.New(cfg.Store), notices: map[string]string{}}
	s.warm = s.engine
	s.handler = s.middleware(s.mux())
	return s, nil
}

// ServeHTTP makes Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }
