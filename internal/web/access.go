package web

import (
	"fmt"
	"net/http"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// loadChild reads the child named in the URL and applies the record-level
// rule (restricted records are for named users only) through the one
// policy in package auth. Every successful load is written to the access
// log: who, when, which child, from where.
func (s *Server) loadChild(r *http.Request, action string) (casework.Child, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return casework.Child{}, err
	}
	u := currentUser(r)
	access, err := s.store.ChildAccess(r.Context(), id)
	if err != nil {
		return casework.Child{}, err
	}
	if !auth.CanViewChild(auth.Subject{UserID: u.ID, Role: u.Role}, access) {
		return casework.Child{}, fmt.Errorf("child %d is restricted: %w", id, casework.ErrForbidden)
	}
	c, err := s.store.Child(r.Context(), id)
	if err != nil {
		return c, err
	}
	err = s.store.LogChildAccess(r.Context(), store.AccessEntry{UserID: u.ID, ChildID: id, Action: action,
		Address: s.clientAddress(r), Path: r.URL.Path})
	return c, err
}
