package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"sightline/internal/casework"
)

// An action is one form that records something on a child's case file: a
// contact, a decision, a visit, a conference. Every action page has the
// same shape (a heading, fields, one button), so one template draws them
// all and one pair of handlers runs them; each action says only which
// fields it has and how to save them.
type action struct {
	heading string
	submit  string
	done    string // the confirmation after saving, e.g. "Visit recorded"
	// fields lists the form's fields with their starting values.
	fields func(a *actionCtx) []field
	// ready says why the action cannot be taken now ("" when it can), e.g.
	// a conference before there is an enquiry.
	ready func(a *actionCtx) string
	// save records the form; a *casework.ValidationError comes back to the
	// form with the user's input intact.
	save func(a *actionCtx, f form) error
	// about, when set, shows what the form is deciding on (the contact's
	// concerns, say) above it, so the decision is made with it in view.
	about func(a *actionCtx) []summaryRow
	// edits, for an action that changes a record that exists (the
	// decision on a referral, the return from a missing episode), names
	// that record as the case file shows it now (action_edit.go).
	edits func(a *actionCtx) *target
}

// summaryRow is one line of the "about" summary.
type summaryRow struct{ Key, Value string }

// actionCtx is what an action knows when it runs.
type actionCtx struct {
	s     *Server
	r     *http.Request
	child casework.Child
	cf    casework.CaseFile
	today time.Time
	// version is the version of the record the action edits as the user
	// read it when the form was opened: the one a save must be made from.
	version int
}

// field is one input of an action form.
type field struct {
	Name    string
	Label   string
	Hint    string
	Kind    string // date, text, textarea, select, radios, checkboxes, yesno
	Options []casework.Code
	Value   string
	Values  []string
	Date    dateField
	Error   string
}

type actionPage struct {
	basePage
	Child   casework.Child
	Heading string
	Submit  string
	Action  string
	Fields  []field
	Blocked string
	Restore bool
	About   []summaryRow
	// Editing is set when the form changes a record that exists: the
	// record's id and version as read, carried in hidden fields.
	Editing *target
}

// form is a posted action form.
type form struct{ url.Values }

func (f form) text(name string) string { return strings.TrimSpace(f.Get(name)) }
func (f form) yes(name string) bool    { return f.Get(name) == "yes" }

// date reads a date field, adding an error when it is missing or wrong.
func (f form) date(v *casework.ValidationError, name, label string) time.Time {
	d := readDate(f.Values, name).parse(v, name, label)
	if d == nil {
		if !v.Has(name) {
			v.Add(name, "Enter the "+lowerFirst(label))
		}
		return time.Time{}
	}
	return *d
}

// actionHandlers returns the GET and POST handlers of a named action.
func (s *Server) actionForm(name string, act action) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.newActionCtx(r, name)
		if err != nil {
			return err
		}
		p := s.actionPage(a, act)
		fields := act.fields(a)
		if act.edits != nil && p.Blocked == "" {
			p.Editing = act.edits(a)
		}
		if kept, ok := s.takeDraft(r); ok {
			fields, p.Restore = fill(fields, kept), true
			if p.Editing != nil {
				p.Editing = p.Editing.as(kept) // the version read before the session ended
			}
		}
		p.Fields = fields
		s.render(w, r, http.StatusOK, "action", p)
		return nil
	}
}

func (s *Server) actionSave(name string, act action) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		a, err := s.newActionCtx(r, "record")
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		p := s.actionPage(a, act)
		p.Fields = fill(act.fields(a), r.PostForm)
		var current *target
		if act.edits != nil && p.Blocked == "" {
			current = act.edits(a)
			a.readVersion(current, &p)
		}
		if p.Blocked == "" {
			err = act.save(a, form{r.PostForm})
		}
		if problem := formProblem(err); problem != nil || p.Blocked != "" {
			p.Errors = problem
			markErrors(p.Fields, problem)
			if problem != nil && problem.Has("version") && current != nil {
				// The user is told who saved meanwhile; a second save is
				// a deliberate one over the record as it is now.
				p.Editing = current
			}
			s.render(w, r, http.StatusUnprocessableEntity, "action", p)
			return nil
		}
		if err != nil {
			return err
		}
		http.Redirect(w, r, savedTarget(r, a.child.ID, name), http.StatusSeeOther)
		return nil
	}
}

func (s *Server) newActionCtx(r *http.Request, name string) (*actionCtx, error) {
	c, err := s.loadChild(r, name)
	if err != nil {
		return nil, err
	}
	cf, err := s.store.CaseFile(r.Context(), c.ID)
	if err != nil {
		return nil, err
	}
	return &actionCtx{s: s, r: r, child: c, cf: cf, today: s.today()}, nil
}

func (s *Server) actionPage(a *actionCtx, act action) actionPage {
	p := actionPage{basePage: s.base(a.r, act.heading+" – "+a.child.FullName()), Child: a.child,
		Heading: act.heading, Submit: act.submit, Action: actionTarget(a.r)}
	if act.ready != nil {
		p.Blocked = act.ready(a)
	}
	if act.about != nil && p.Blocked == "" {
		p.About = act.about(a)
	}
	return p
}

// fill puts posted (or kept) values back into the fields, so nothing typed
// is lost when the form comes back.
func fill(fields []field, v url.Values) []field {
	for i := range fields {
		f := &fields[i]
		switch f.Kind {
		case "date":
			f.Date = readDate(v, f.Name)
		case "checkboxes":
			f.Values = v[f.Name]
		default:
			f.Value = v.Get(f.Name)
		}
	}
	return fields
}

// markErrors copies each field's message onto the field.
func markErrors(fields []field, v *casework.ValidationError) {
	for i := range fields {
		fields[i].Error = v.For(fields[i].Name)
	}
}

// saveErr passes validation errors and conflicts through to the form.
func saveErr(err error) error {
	var v *casework.ValidationError
	if errors.As(err, &v) {
		return v
	}
	return err
}

// dateOnly builds an action whose form is one date (defaulting to today):
// a sign-off, a meeting held, a plan ended. save gets the parsed date.
func dateOnly(heading, submit, name, label string, ready func(*actionCtx) string,
	save func(a *actionCtx, d time.Time) error) action {
	return action{heading: heading, submit: submit, ready: ready,
		fields: func(a *actionCtx) []field { return []field{dateF(name, label, a.today)} },
		save: func(a *actionCtx, f form) error {
			v := &casework.ValidationError{}
			d := f.date(v, name, label)
			if v.Err() != nil {
				return v
			}
			return saveErr(save(a, d))
		}}
}

// withDone sets the confirmation an action shows after saving.
func withDone(msg string, a action) action {
	a.done = msg
	return a
}

// Field constructors keep the action definitions short.
func dateF(name, label string, d time.Time) field {
	return field{Name: name, Label: label, Kind: "date", Hint: "For example, 27 3 2026", Date: dateFieldOf(&d)}
}

func textF(name, label, hint string) field {
	return field{Name: name, Label: label, Hint: hint, Kind: "text"}
}
func areaF(name, label, hint string) field {
	return field{Name: name, Label: label, Hint: hint, Kind: "textarea"}
}
func selectF(name, label string, opts []casework.Code, value string) field {
	return field{Name: name, Label: label, Kind: "select", Options: opts, Value: value}
}
func radiosF(name, label string, opts []casework.Code, value string) field {
	return field{Name: name, Label: label, Kind: "radios", Options: opts, Value: value}
}
func yesnoF(name, label, hint string) field {
	return field{Name: name, Label: label, Hint: hint, Kind: "yesno"}
}
func checksF(name, label, hint string, opts []casework.Code) field {
	return field{Name: name, Label: label, Hint: hint, Kind: "checkboxes", Options: opts}
}
