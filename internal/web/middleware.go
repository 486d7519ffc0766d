package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// handlerFunc is a page handler: it writes a response or returns an error,
// which serveError turns into the right page in one place.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

type ctxKey int

const userKey ctxKey = 1

// currentUser is the signed-in user, or nil.
func currentUser(r *http.Request) *store.User {
	u, _ := r.Context().Value(userKey).(*store.User)
	return u
}

// middleware wraps every request: recovery, security headers, cross-origin
// protection for state-changing requests, logs and metrics.
func (s *Server) middleware(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serveError(w, r, fmt.Errorf("cross-origin request refused: %w", casework.ErrForbidden))
	}))
	h := cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		securityHeaders(rec.Header())
		defer func() {
			if p := recover(); p != nil {
				s.serveError(rec, r, fmt.Errorf("panic: %v", p))
			}
			s.metrics.observe(r, rec.status, time.Since(start))
		}()
		h.ServeHTTP(rec, r)
	})
}

// securityHeaders: no inline script (CSP), no framing, no MIME sniffing, no
// referrer leaking a child's record URL to another site.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// statusRecorder remembers the status written, for logs and metrics.
type statusRecorder struct {
	http.ResponseWriter
	status  int
	written bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.written {
		r.status, r.written = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.written = true
	return r.ResponseWriter.Write(b)
}

// guard loads the session, applies the route's access rule and runs the
// handler, sending any error to serveError.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, err := s.sessionUser(r)
		if err != nil && !errors.Is(err, errNoSession) {
			if s.sessionEnded(w, r, rt, err) {
				return
			}
		}
		if u != nil {
			r = r.WithContext(context.WithValue(r.Context(), userKey, u))
			w.Header().Set("Cache-Control", "no-store")
		}
		if rt.perm != public {
			if u == nil {
				s.redirectToSignIn(w, r, false)
				return
			}
			if !auth.Allowed(u.Role, rt.perm) {
				s.serveError(w, r, fmt.Errorf("%s may not use %s: %w", u.Role, rt.pattern, casework.ErrForbidden))
				return
			}
		}
		if err := rt.handle(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

// sessionEnded handles a request whose session has expired. A form posted
// after the session ended is kept as a draft for its user, so that nothing
// typed is lost; then the user is sent to sign in again. It reports whether
// it wrote a response.
func (s *Server) sessionEnded(w http.ResponseWriter, r *http.Request, rt route, err error) bool {
	var ended *expiredSession
	if !errors.As(err, &ended) {
		s.serveError(w, r, err)
		return true
	}
	s.clearSessionCookie(w, r)
	if rt.perm == public {
		return false
	}
	kept := false
	if r.Method == http.MethodPost {
		kept = s.keepDraft(r, ended.user)
	}
	s.redirectToSignIn(w, r, kept)
	return true
}

// clientAddress is the caller's IP address, from the proxy header only when
// the proxy is trusted.
func (s *Server) clientAddress(r *http.Request) string {
	if s.cfg.TrustProxy {
		if fwd := r.Header.Get("X-Forwarded-For"); fwd != "" {
			first, _, _ := strings.Cut(fwd, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// secure reports whether cookies should carry the Secure flag.
func (s *Server) secure(r *http.Request) bool {
	return s.cfg.SecureCookies || r.TLS != nil || (s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
}
