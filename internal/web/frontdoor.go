package web

import (
	"net/http"

	"sightline/internal/store"
)

type frontDoorPage struct {
	basePage
	Undecided []store.ContactRow
	Overnight []store.ContactRow
}

// frontDoor is the duty worker's screen: contacts waiting for a decision,
// and the out-of-hours contacts since the last working day.
func (s *Server) frontDoor(w http.ResponseWriter, r *http.Request) error {
	p := frontDoorPage{basePage: s.base(r, "Front door")}
	var err error
	if p.Undecided, err = s.store.Contacts(r.Context(), store.ContactFilter{Undecided: true, Limit: 200}); err != nil {
		return err
	}
	cal, err := s.store.Calendar(r.Context())
	if err != nil {
		return err
	}
	since := cal.AddWorkingDays(s.today(), -1)
	if p.Overnight, err = s.store.Contacts(r.Context(), store.ContactFilter{OutOfHours: true, Since: since, Limit: 200}); err != nil {
		return err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	hideContacts(p.Undecided, hidden)
	hideContacts(p.Overnight, hidden)
	s.render(w, r, http.StatusOK, "frontdoor", p)
	return nil
}

type authorisationsPage struct {
	basePage
	Items []store.Authorisation
}

// authorisations is a manager's sign-off queue: assessments and
// no-further-action decisions waiting for them, oldest first.
func (s *Server) authorisations(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	team := int64(0)
	if u.TeamID != nil && r.URL.Query().Get("all") == "" {
		team = *u.TeamID
	}
	items, err := s.store.PendingAuthorisations(r.Context(), team)
	if err != nil {
		return err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	hideAuthorisations(items, hidden)
	s.render(w, r, http.StatusOK, "authorisations", authorisationsPage{basePage: s.base(r, "Waiting for sign-off"), Items: items})
	return nil
}
