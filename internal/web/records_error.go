package web

import (
	"fmt"
	"net/http"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// One page marks any record of a child's case as entered in error (a
// missing episode, a hearing, a placement, a pathway plan…): it shows the
// record, asks why, and keeps the record on the chronology struck through
// with the reason. The chronology links each record to it by its kind and
// id. Case notes keep their own page, as only their author or a manager
// may strike one out.

type recordErrorPage struct {
	basePage
	Child   casework.Child
	Record  store.Correctable
	Reason  string
	Version int // the version the user read, carried by the form
	Action  string
}

// correctHref is the address of the page that marks a chronology entry's
// record in error, or "" when there is none or the record is already
// marked.
func correctHref(childID int64, e casework.ChronologyEntry) string {
	if e.Entity == "" || e.Entity == "case_note" || e.InError || !store.CorrectableKind(e.Entity) {
		return ""
	}
	return fmt.Sprintf("/children/%d/records/%s/%d/error", childID, e.Entity, e.RecordID)
}

// loadCorrectable reads the record the address names, which must be the
// child's.
func (s *Server) loadCorrectable(r *http.Request, c casework.Child) (store.Correctable, error) {
	id, err := pathID(r, "record")
	if err != nil {
		return store.Correctable{}, err
	}
	kind := r.PathValue("kind")
	if !store.CorrectableKind(kind) {
		return store.Correctable{}, fmt.Errorf("kind of record %q: %w", kind, casework.ErrNotFound)
	}
	return s.store.Correctable(r.Context(), kind, c.ID, id)
}

func (s *Server) recordErrorPage(r *http.Request, c casework.Child, rec store.Correctable) recordErrorPage {
	return recordErrorPage{basePage: s.base(r, "Mark a "+rec.What+" as entered in error – "+c.FullName()), Child: c,
		Record: rec, Version: rec.Version, Action: r.URL.Path}
}

func (s *Server) recordErrorForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "view")
	if err != nil {
		return err
	}
	rec, err := s.loadCorrectable(r, c)
	if err != nil {
		return err
	}
	p := s.recordErrorPage(r, c, rec)
	if kept, ok := s.takeDraft(r); ok {
		p.Reason = strings.TrimSpace(kept.Get("reason"))
	}
	s.render(w, r, http.StatusOK, "record_error", p)
	return nil
}

func (s *Server) markRecordInError(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "mark record in error")
	if err != nil {
		return err
	}
	rec, err := s.loadCorrectable(r, c)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := s.recordErrorPage(r, c, rec)
	p.Reason, p.Version = strings.TrimSpace(r.PostFormValue("reason")), formVersion(r)
	err = s.store.MarkInError(r.Context(), currentUser(r).Actor(), rec.Kind, c.ID, rec.ID, p.Version, p.Reason)
	if problem := formProblem(err); problem != nil {
		p.Errors = problem
		if problem.Has("version") {
			// The page now shows the record as it is; a second save is
			// a deliberate one against it.
			p.Version = rec.Version
		}
		s.render(w, r, http.StatusUnprocessableEntity, "record_error", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/children/%d?saved=record-error", c.ID), http.StatusSeeOther)
	return nil
}
