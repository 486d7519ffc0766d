package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// noteForm is a case note as typed, kept intact when it comes back with
// errors or after a session ended.
type noteForm struct {
	Date    dateField
	Kind    string
	Subject string
	Body    string
}

type notePage struct {
	basePage
	Child    casework.Child
	Form     noteForm
	Kinds    []casework.Code
	Restored bool // the form was kept from a session that ended
	Action   string
}

func readNoteForm(v url.Values) noteForm {
	return noteForm{Date: readDate(v, "date"), Kind: v.Get("kind"), Subject: v.Get("subject"), Body: v.Get("body")}
}

func (s *Server) newNoteForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "add note")
	if err != nil {
		return err
	}
	p := s.notePage(r, c)
	p.Form = noteForm{Date: dateFieldOf(ptrTime(s.today())), Kind: "case_note"}
	if kept, ok := s.takeDraft(r); ok {
		p.Form, p.Restored = readNoteForm(kept), true
	}
	s.render(w, r, http.StatusOK, "note", p)
	return nil
}

func (s *Server) notePage(r *http.Request, c casework.Child) notePage {
	return notePage{basePage: s.base(r, "Add a case note for "+c.FullName()), Child: c, Kinds: casework.NoteKinds(),
		Action: fmt.Sprintf("/children/%d/notes", c.ID)}
}

func (s *Server) addNote(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "add note")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := s.notePage(r, c)
	p.Form = readNoteForm(r.PostForm)
	v := &casework.ValidationError{}
	date := p.Form.Date.parse(v, "date", "Date of the note")
	n := casework.Note{ChildID: c.ID, Kind: p.Form.Kind, Subject: p.Form.Subject, Body: p.Form.Body}
	if date != nil {
		n.Date = *date
	}
	if v.Err() == nil {
		_, err = s.store.AddNote(r.Context(), currentUser(r).Actor(), n)
	} else if verr := n.Validate(s.today()); verr != nil {
		mergeErrors(v, verr) // show every problem at once, not the date alone
	}
	if err != nil && !errors.As(err, &v) {
		return err
	}
	if err := v.Err(); err != nil {
		p.Errors = v
		s.render(w, r, http.StatusUnprocessableEntity, "note", p)
		return nil
	}
	http.Redirect(w, r, fmt.Sprintf("/children/%d?saved=note", c.ID), http.StatusSeeOther)
	return nil
}

// mergeErrors adds the field errors of err to v, keeping v's message for a
// field it already has.
func mergeErrors(v *casework.ValidationError, err error) {
	var other *casework.ValidationError
	if !errors.As(err, &other) {
		return
	}
	for _, e := range other.Errors {
		if !v.Has(e.Field) {
			v.Add(e.Field, e.Message)
		}
	}
}

type noteErrorPage struct {
	basePage
	Child  casework.Child
	Note   casework.Note
	Reason string
}

func (s *Server) loadNote(r *http.Request, c casework.Child) (casework.Note, error) {
	id, err := pathID(r, "note")
	if err != nil {
		return casework.Note{}, err
	}
	n, err := s.store.Note(r.Context(), id)
	if err == nil && n.ChildID != c.ID {
		err = fmt.Errorf("note %d is not child %d's: %w", id, c.ID, casework.ErrNotFound)
	}
	u := currentUser(r)
	if err == nil && !auth.CanCorrectRecord(auth.Subject{UserID: u.ID, Role: u.Role}, n.AuthorID) {
		err = fmt.Errorf("note %d was written by someone else: %w", id, casework.ErrForbidden)
	}
	return n, err
}

func (s *Server) noteErrorForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "view")
	if err != nil {
		return err
	}
	n, err := s.loadNote(r, c)
	if err != nil {
		return err
	}
	p := noteErrorPage{basePage: s.base(r, "Mark a note as entered in error"), Child: c, Note: n}
	s.render(w, r, http.StatusOK, "note_error", p)
	return nil
}

func (s *Server) markNoteInError(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "mark note in error")
	if err != nil {
		return err
	}
	n, err := s.loadNote(r, c)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := noteErrorPage{basePage: s.base(r, "Mark a note as entered in error"), Child: c, Note: n,
		Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	err = s.store.MarkNoteInError(r.Context(), currentUser(r).Actor(), n.ID, formVersion(r), p.Reason)
	if msg := formProblem(err); msg != nil {
		p.Errors = msg
		s.render(w, r, http.StatusUnprocessableEntity, "note_error", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/children/%d?saved=error", c.ID), http.StatusSeeOther)
	return nil
}

// formProblem turns a validation error or an edit conflict into the error
// summary of the form; other errors give nil and go to the error page.
func formProblem(err error) *casework.ValidationError {
	var v *casework.ValidationError
	if errors.As(err, &v) {
		return v
	}
	var c *casework.ConflictError
	if errors.As(err, &c) {
		return &casework.ValidationError{Errors: []casework.FieldError{{Field: "version",
			Message: fmt.Sprintf("%s changed this record at %s while you were working on it. Your changes have not been saved: "+
				"they are still in the form below. Check the record as it is now, then save again.",
				c.ChangedBy, c.ChangedAt.In(calendar.England()).Format("15:04 on 2 January 2006"))}}}
	}
	return nil
}
