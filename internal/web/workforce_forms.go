package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// wfForm is one form that changes the workforce register. Like the case
// actions (action.go) each says only which fields it has and how to save
// them; one template and one pair of handlers run them all, keeping what
// was typed when the form comes back with errors.
type wfForm struct {
	done    string // the ?saved= key of the confirmation on /workforce
	heading string
	submit  string
	fields  func(c *wfCtx) []field
	save    func(c *wfCtx, f form) error
	about   func(c *wfCtx) []summaryRow
}

// wfCtx is what a workforce form knows when it runs.
type wfCtx struct {
	s      *Server
	r      *http.Request
	teams  []casework.Team
	posts  []casework.Post
	worker *casework.StaffRecord // the worker of /workforce/workers/{id}/…
	today  time.Time
}

type wfFormPage struct {
	basePage
	Heading, Submit, Action string
	Fields                  []field
	About                   []summaryRow
	Version                 string
	Restore                 bool
}

func (s *Server) wfFormShow(f wfForm) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.newWfCtx(r)
		if err != nil {
			return err
		}
		p := c.page(f)
		p.Fields = f.fields(c)
		if c.worker != nil {
			p.Version = strconv.Itoa(c.worker.Version)
		}
		if kept, ok := s.takeDraft(r); ok {
			p.Fields, p.Restore, p.Version = fill(p.Fields, kept), true, kept.Get("version")
		}
		s.render(w, r, http.StatusOK, "workforce_form", p)
		return nil
	}
}

func (s *Server) wfFormSave(f wfForm) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.newWfCtx(r)
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		err = f.save(c, form{r.PostForm})
		if problem := formProblem(err); problem != nil {
			p := c.page(f)
			p.Fields, p.Version, p.Errors = fill(f.fields(c), r.PostForm), r.PostFormValue("version"), problem
			markErrors(p.Fields, problem)
			s.render(w, r, http.StatusUnprocessableEntity, "workforce_form", p)
			return nil
		}
		if err != nil {
			return err
		}
		http.Redirect(w, r, "/workforce?saved="+f.done, http.StatusSeeOther)
		return nil
	}
}

// newWfCtx loads what every form needs: teams, posts and, for a worker's
// page, the worker. The routes let only those with PermManageWorkforce here.
func (s *Server) newWfCtx(r *http.Request) (*wfCtx, error) {
	c := &wfCtx{s: s, r: r, today: s.today()}
	var err error
	if c.teams, err = s.store.Teams(r.Context()); err != nil {
		return nil, err
	}
	reg, err := s.store.WorkforceRegister(r.Context(), 0)
	if err != nil {
		return nil, err
	}
	c.posts = reg.Posts
	if r.PathValue("id") != "" {
		id, err := pathID(r, "id")
		if err != nil {
			return nil, err
		}
		w, err := s.store.StaffRecord(r.Context(), id)
		if err != nil {
			return nil, err
		}
		c.worker = &w
	}
	return c, nil
}

func (c *wfCtx) page(f wfForm) wfFormPage {
	title := f.heading
	if c.worker != nil {
		title += " – " + c.worker.Name
	}
	p := wfFormPage{basePage: c.s.base(c.r, title), Heading: f.heading, Submit: f.submit, Action: c.r.URL.Path}
	if f.about != nil {
		p.About = f.about(c)
	}
	return p
}

func (c *wfCtx) teamCodes() []casework.Code {
	out := make([]casework.Code, len(c.teams))
	for i, t := range c.teams {
		out[i] = casework.Code{Code: strconv.FormatInt(t.ID, 10), Label: t.Name}
	}
	return out
}

func (c *wfCtx) postCodes() []casework.Code {
	out := make([]casework.Code, len(c.posts))
	for i, p := range c.posts {
		label := p.Title + " – " + p.TeamName
		if p.FundedTo != nil {
			label += " (funded to " + p.FundedTo.Format("2 Jan 2006") + ")"
		}
		out[i] = casework.Code{Code: strconv.FormatInt(p.ID, 10), Label: label}
	}
	return out
}

// wfNumbers reads the numbers of a form, collecting a field error for each
// one that is not a number, so the domain's own rules can follow.
type wfNumbers struct {
	f form
	v *casework.ValidationError
}

// float reads a plain number; blank is 0 (the domain says if it is needed).
func (n wfNumbers) float(name, label, example string) float64 {
	s := strings.TrimSpace(strings.NewReplacer(",", "", "%", "", "£", "").Replace(n.f.text(name)))
	if s == "" {
		return 0
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		n.v.Add(name, label+" must be a number, like "+example)
	}
	return x
}

// pence reads an amount in pounds.
func (n wfNumbers) pence(name, label string) int64 {
	return int64(wfRound(n.float(name, label, "450 or 38,500")*100, 0))
}

// wfFinish merges the domain's rule errors into the form's own, leaving
// out a second message for a field the form already explained.
func wfFinish(v *casework.ValidationError, err error) error {
	rules, ok := err.(*casework.ValidationError)
	if err != nil && !ok {
		return err
	}
	if ok {
		for _, e := range rules.Errors {
			if !v.Has(e.Field) {
				v.Errors = append(v.Errors, e)
			}
		}
	}
	return v.Err()
}

func wfIDText(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}

// wfOptionalID reads a select of ids; "" is none.
func wfOptionalID(f form, name string) *int64 {
	id, err := strconv.ParseInt(f.text(name), 10, 64)
	if err != nil {
		return nil
	}
	return &id
}

func wfFTEText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// wfOptionalDateF is a date field left blank until typed.
func wfOptionalDateF(name, label, hint string, d *time.Time) field {
	return field{Name: name, Label: label, Kind: "date", Hint: hint, Date: dateFieldOf(d)}
}

func (c *wfCtx) aboutWorker() []summaryRow {
	w := c.worker
	rows := []summaryRow{{"Name", w.Name}, {"Team", w.TeamName}, {"Post", w.PostTitle},
		{"Employment", casework.LabelOf(casework.EmploymentTypes(), w.EmploymentType)},
		{"Started", w.StartDate.Format("2 January 2006")}}
	if w.EndDate != nil {
		rows = append(rows, summaryRow{"Left", w.EndDate.Format("2 January 2006")})
	}
	return rows
}
