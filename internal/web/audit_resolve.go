package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// resolvable is an audit action or a hand-back, as the page that closes it
// needs it: what it is, who owns it, and how to record what was done.
type resolvable struct {
	heading   string
	submit    string
	childID   int64
	childName string
	ownerID   int64
	ownerName string
	version   int
	about     []summaryRow
	closed    []summaryRow // set once it is done
	save      func(a store.Actor, version int, res casework.Resolution) error
	next      func(r *http.Request) string // where to go once saved
}

// resolvePage shows what was asked and, to its owner or an auditor, the
// form to record what was done.
type resolvePage struct {
	basePage
	Heading    string
	Submit     string
	ChildID    int64
	ChildName  string
	About      []summaryRow
	Closed     []summaryRow
	CanResolve bool
	OwnerName  string
	On         field
	Note       field
	Version    int
	Restore    bool
}

func (s *Server) handBackForm(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadHandBack(r)
	if err != nil {
		return err
	}
	return s.resolveForm(w, r, x)
}

func (s *Server) resolveHandBack(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadHandBack(r)
	if err != nil {
		return err
	}
	return s.resolveSave(w, r, x)
}

func (s *Server) auditActionForm(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadAuditAction(r)
	if err != nil {
		return err
	}
	return s.resolveForm(w, r, x)
}

func (s *Server) completeAuditAction(w http.ResponseWriter, r *http.Request) error {
	x, err := s.loadAuditAction(r)
	if err != nil {
		return err
	}
	return s.resolveSave(w, r, x)
}

func (s *Server) loadHandBack(r *http.Request) (resolvable, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return resolvable{}, err
	}
	h, err := s.store.HandBack(r.Context(), id)
	if err != nil {
		return resolvable{}, err
	}
	x := resolvable{heading: "Handed back for urgent action", submit: "Record as resolved", childID: h.ChildID,
		childName: h.ChildName, ownerID: h.OwnerID, ownerName: h.OwnerName, version: h.Version,
		about: []summaryRow{{"What must be done", h.Reason}, {"Team", h.TeamName}, {"Owner", h.OwnerName},
			{"Due", calendar.FormatLong(h.Due)}, {"Audited", calendar.FormatLong(h.Raised)}},
		save: func(a store.Actor, version int, res casework.Resolution) error {
			return s.store.ResolveHandBack(r.Context(), a, id, version, res)
		},
		next: func(*http.Request) string { return fmt.Sprintf("/children/%d?saved=hand-back", h.ChildID) }}
	if !h.Open() {
		x.closed = []summaryRow{{"Resolved on", calendar.FormatLong(*h.ResolvedOn)}, {"Resolved by", h.ResolvedBy},
			{"What was done", h.Resolution}}
	}
	return x, s.checkChildVisible(r, h.ChildID)
}

func (s *Server) loadAuditAction(r *http.Request) (resolvable, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return resolvable{}, err
	}
	a, err := s.store.AuditAction(r.Context(), id)
	if err != nil {
		return resolvable{}, err
	}
	x := resolvable{heading: "Audit action", submit: "Record as done", childID: a.ChildID, childName: a.ChildName,
		ownerID: a.OwnerID, ownerName: a.OwnerName, version: a.Version,
		about: []summaryRow{{"What must be done", a.Text}, {"Owner", a.OwnerName}, {"Due", calendar.FormatLong(a.Due)}},
		save: func(actor store.Actor, version int, res casework.Resolution) error {
			return s.store.CompleteAuditAction(r.Context(), actor, id, version, res)
		},
		next: func(r *http.Request) string {
			if allowed(r, auth.PermAudit) {
				return fmt.Sprintf("/audits/%d?saved=action", a.AuditID)
			}
			return fmt.Sprintf("/children/%d?saved=audit-action", a.ChildID)
		}}
	if a.DoneOn != nil {
		x.closed = []summaryRow{{"Done on", calendar.FormatLong(*a.DoneOn)}, {"Done by", a.DoneBy}, {"What was done", a.DoneNote}}
	}
	return x, s.checkChildVisible(r, a.ChildID)
}

func (s *Server) resolveForm(w http.ResponseWriter, r *http.Request, x resolvable) error {
	today := s.today()
	v := url.Values{"resolved_on-day": {strconv.Itoa(today.Day())}, "resolved_on-month": {strconv.Itoa(int(today.Month()))},
		"resolved_on-year": {strconv.Itoa(today.Year())}}
	kept, restore := s.takeDraft(r)
	if restore {
		v = kept
	}
	p := s.resolvePage(r, x, v, nil)
	p.Restore = restore
	s.render(w, r, http.StatusOK, "audit_resolve", p)
	return nil
}

func (s *Server) resolveSave(w http.ResponseWriter, r *http.Request, x resolvable) error {
	if !mayResolve(r, x.ownerID) {
		return fmt.Errorf("only the owner or an auditor may close this: %w", casework.ErrForbidden)
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	problems := &casework.ValidationError{}
	res := casework.Resolution{On: optionalDate(r.PostForm, problems, "resolved_on", "Date it was done"),
		Note: r.PostFormValue("resolution")}
	if problems.Err() == nil {
		err := x.save(currentUser(r).Actor(), formVersion(r), res)
		if problems = formProblem(err); problems == nil && err != nil {
			return err
		}
	}
	if problems.Err() != nil {
		p := s.resolvePage(r, x, r.PostForm, problems)
		p.Version = formVersion(r) // a conflict keeps the version the user saw
		s.render(w, r, http.StatusUnprocessableEntity, "audit_resolve", p)
		return nil
	}
	http.Redirect(w, r, x.next(r), http.StatusSeeOther)
	return nil
}

func (s *Server) resolvePage(r *http.Request, x resolvable, v url.Values, problems *casework.ValidationError) resolvePage {
	p := resolvePage{basePage: s.base(r, x.heading+" – "+x.childName), Heading: x.heading, Submit: x.submit,
		ChildID: x.childID, ChildName: x.childName, About: x.about, Closed: x.closed, OwnerName: x.ownerName,
		CanResolve: x.closed == nil && mayResolve(r, x.ownerID), Version: x.version}
	p.Errors = problems
	p.On = withValues(field{Name: "resolved_on", Label: "Date it was done", Kind: "date", Hint: "For example, 27 3 2026"}, v, problems)
	p.Note = withValues(areaF("resolution", "What was done", "Say what was done and where it is recorded"), v, problems)
	return p
}

// mayResolve is the rule for closing an audit action or a hand-back: its
// owner, or anyone who audits (an auditor or a manager).
func mayResolve(r *http.Request, ownerID int64) bool {
	u := currentUser(r)
	return u != nil && (u.ID == ownerID || auth.Allowed(u.Role, auth.PermAudit))
}
