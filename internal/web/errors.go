package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"net/http"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// errorPage is what the error template shows.
type errorPage struct {
	basePage
	Status    int
	Heading   string
	Message   string
	Contact   string // who to ask, on a 403
	Reference string // the log reference, on a 500
	CanFind   bool   // the user may search for children (a way on from here)
}

// serveError maps an error to a status and a helpful page, in one place.
// Only server faults are logged as errors, each with a reference the user
// can quote.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// The browser went away (closed the tab, navigated on): nobody is
		// waiting for a page, and it is not a fault of the server.
		s.log.Info("request abandoned", "method", r.Method, "path", r.URL.Path)
		return
	}
	p := errorPage{basePage: s.base(r, ""), CanFind: allowed(r, auth.PermViewChildren)}
	switch {
	case errors.Is(err, casework.ErrNotFound):
		p.Status, p.Heading = http.StatusNotFound, "Page not found"
		p.Message = "The page or record you asked for does not exist. Check the address, or find the child again."
	case errors.Is(err, casework.ErrForbidden):
		p.Status, p.Heading = http.StatusForbidden, "You do not have access to this page"
		p.Message = "Your role does not give you access to this page or record."
		p.Contact = "your system administrator"
		if u := currentUser(r); u != nil {
			p.Contact = u.Role.Contact()
		}
		s.log.Warn("forbidden", "path", r.URL.Path, "err", err, "user", userID(r))
	case errors.Is(err, casework.ErrInvalid):
		p.Status, p.Heading = http.StatusBadRequest, "There is a problem with the request"
		p.Message = "Go back, check what you entered and try again."
	default:
		p.Status, p.Heading = http.StatusInternalServerError, "Sorry, there is a problem with sightline"
		p.Message = "Nothing you entered has been lost from the record. Try again in a few minutes."
		p.Reference = newReference()
		s.log.Error("server error", "ref", p.Reference, "method", r.Method, "path", r.URL.Path, "user", userID(r), "err", err)
	}
	p.Title = p.Heading
	s.render(w, r, p.Status, "error", p)
}

func userID(r *http.Request) int64 {
	if u := currentUser(r); u != nil {
		return u.ID
	}
	return 0
}

// newReference is a short random id that ties a user's report to a log line.
func newReference() string {
	b := make([]byte, 5)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// notFound is the catch-all route.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return casework.ErrNotFound
}

// allowed is for templates: may the current user do p?
func allowed(r *http.Request, p auth.Permission) bool {
	u := currentUser(r)
	return u != nil && auth.Allowed(u.Role, p)
}
