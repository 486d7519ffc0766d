package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"sightline/internal/casework"
)

// newQuestionRows is how many empty rows the template form offers for new
// questions each time it is shown.
const newQuestionRows = 3

// questionRow is one row of the audit template form: a question of the
// template in use (Existing), which can be reworded or retired, or an
// empty row for a new one.
type questionRow struct {
	Prefix   string // the fields' name prefix: "q-3" for question 3, "new-1" for the first new row
	Label    string
	Existing bool
	Theme    string
	Text     string
	Retire   bool
}

type auditTemplatePage struct {
	basePage
	BasedOn int64 // the template the form was read from
	Name    string
	Rows    []questionRow
}

// auditTemplateForm shows the questions in use for a manager or auditor
// to reword, retire or add to. Saving makes a new template: audits already
// done keep the questions they were graded against.
func (s *Server) auditTemplateForm(w http.ResponseWriter, r *http.Request) error {
	tpl, err := s.store.CurrentAuditTemplate(r.Context())
	if err != nil {
		return err
	}
	p := auditTemplatePage{basePage: s.base(r, "Audit questions"), BasedOn: tpl.ID, Name: tpl.Name}
	for _, q := range tpl.Questions {
		p.Rows = append(p.Rows, questionRow{Prefix: "q-" + strconv.Itoa(q.Position), Label: fmt.Sprintf("Question %d", q.Position),
			Existing: true, Theme: q.Theme, Text: q.Text})
	}
	p.Rows = append(p.Rows, newRows(nil)...)
	if r.URL.Query().Get("saved") == "template" {
		p.Notice = "Audit questions saved. New audits use them; audits already done keep the questions they answered."
	}
	s.render(w, r, http.StatusOK, "audit_template", p)
	return nil
}

// newRows are the empty rows for new questions, with what was typed in
// them when the form comes back.
func newRows(r *http.Request) []questionRow {
	out := make([]questionRow, newQuestionRows)
	for i := range out {
		out[i] = questionRow{Prefix: "new-" + strconv.Itoa(i+1), Label: fmt.Sprintf("New question %d", i+1)}
		if r != nil {
			out[i].Theme = strings.TrimSpace(r.PostFormValue(out[i].Prefix + "-theme"))
			out[i].Text = strings.TrimSpace(r.PostFormValue(out[i].Prefix + "-text"))
		}
	}
	return out
}

// saveAuditTemplate saves the form as a new template in use, if the
// template it was read from is still the one in use. Mistakes or a stale
// form come back with everything typed.
func (s *Server) saveAuditTemplate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	tpl, err := s.store.CurrentAuditTemplate(r.Context())
	if err != nil {
		return err
	}
	basedOn, _ := strconv.ParseInt(r.PostFormValue("based_on"), 10, 64)
	p := auditTemplatePage{basePage: s.base(r, "Audit questions"), BasedOn: basedOn, Name: strings.TrimSpace(r.PostFormValue("name"))}
	read := tpl.Questions
	if basedOn != tpl.ID {
		if old, err := s.store.AuditTemplate(r.Context(), basedOn); err == nil {
			read = old.Questions // the rows the user saw
		}
	}
	for _, q := range read {
		prefix := "q-" + strconv.Itoa(q.Position)
		p.Rows = append(p.Rows, questionRow{Prefix: prefix, Label: fmt.Sprintf("Question %d", q.Position), Existing: true,
			Theme: strings.TrimSpace(r.PostFormValue(prefix + "-theme")), Text: strings.TrimSpace(r.PostFormValue(prefix + "-text")),
			Retire: r.PostFormValue(prefix+"-retire") == "yes"})
	}
	p.Rows = append(p.Rows, newRows(r)...)
	revised, problem := revisedTemplate(p.Name, p.Rows)
	if problem == nil {
		_, err := s.store.ReviseAuditTemplate(r.Context(), currentUser(r).Actor(), basedOn, revised)
		if err != nil {
			if problem = formProblem(err); problem == nil {
				return err
			}
		}
	}
	if problem != nil {
		if problem.Has("version") {
			// Someone saved new questions since: the rows stay as typed, and
			// saving again, having looked, replaces theirs deliberately.
			p.BasedOn = tpl.ID
		}
		p.Errors = problem
		s.render(w, r, http.StatusUnprocessableEntity, "audit_template", p)
		return nil
	}
	http.Redirect(w, r, "/audits/template?saved=template", http.StatusSeeOther)
	return nil
}

// revisedTemplate is the template the rows describe: the questions kept
// (reworded or not) in their order, then the new ones; or what is wrong,
// by row.
func revisedTemplate(name string, rows []questionRow) (casework.AuditTemplate, *casework.ValidationError) {
	t := casework.AuditTemplate{Name: name}
	v := &casework.ValidationError{}
	if name == "" {
		v.Add("name", "Enter a name for the template")
	}
	for _, row := range rows {
		if row.Retire || (!row.Existing && row.Theme == "" && row.Text == "") {
			continue
		}
		switch {
		case row.Theme == "":
			v.Add(row.Prefix+"-theme", "Enter the theme of "+strings.ToLower(row.Label[:1])+row.Label[1:])
		case row.Text == "":
			v.Add(row.Prefix+"-text", "Enter the text of "+strings.ToLower(row.Label[:1])+row.Label[1:]+", or retire it")
		case len([]rune(row.Theme)) > casework.MaxAuditLine || len([]rune(row.Text)) > casework.MaxAuditLine:
			v.Add(row.Prefix+"-text", fmt.Sprintf("%s must be %d characters or fewer", row.Label, casework.MaxAuditLine))
		}
		t.Questions = append(t.Questions, casework.AuditQuestion{Theme: row.Theme, Text: row.Text})
	}
	if len(t.Questions) == 0 {
		v.Add("questions", "Keep or add at least one question")
	}
	if v.Err() != nil {
		return t, v
	}
	if err := t.Validate(); err != nil {
		return t, formProblem(err)
	}
	return t, nil
}
