package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sightline/internal/casework"
)

// auditActionRows is how many actions the audit form offers; rows left
// blank are ignored. More can be added from the audit's own page later.
const auditActionRows = 3

// auditFormPage is the audit of one child's case: a grade per question of
// the template, an overall grade and summary, actions with owners and due
// dates, and whether the case is handed back for urgent action.
type auditFormPage struct {
	basePage
	Child      casework.Child
	Sample     *casework.AuditSample
	TemplateID int64
	Date       field
	Questions  []gradeQuestion
	Grades     []casework.Code
	Overall    field
	Summary    field
	Actions    []actionFields
	HandBack   string // "yes" or "no"
	HandFields []field
	Restore    bool
	Action     string
}

// actionFields are the fields of action row N.
type actionFields struct {
	N      int
	Fields []field
}

// gradeQuestion is one question with its grade and comment as typed.
type gradeQuestion struct {
	casework.AuditQuestion
	NewTheme     bool // the first question of its theme
	Name         string
	Grade        string
	Error        string
	CommentName  string
	Comment      string
	CommentError string
}

func (s *Server) auditForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "audit")
	if err != nil {
		return err
	}
	tpl, err := s.store.CurrentAuditTemplate(r.Context())
	if err != nil {
		return err
	}
	v := url.Values{"handback": {"no"}, "sample": {r.URL.Query().Get("sample")}}
	today := s.today()
	for k, d := range map[string]string{"day": strconv.Itoa(today.Day()), "month": strconv.Itoa(int(today.Month())),
		"year": strconv.Itoa(today.Year())} {
		v.Set("audit_date-"+k, d)
	}
	restore := false
	if kept, ok := s.takeDraft(r); ok {
		v, restore = kept, true
		if tpl, err = s.templateOf(r, v); err != nil {
			return err
		}
	}
	p, err := s.auditFormPage(r, c, tpl, v, nil)
	if err != nil {
		return err
	}
	p.Restore = restore
	s.render(w, r, http.StatusOK, "audit_form", p)
	return nil
}

// templateOf is the template a posted audit answers (the one in use when
// the form does not say).
func (s *Server) templateOf(r *http.Request, v url.Values) (casework.AuditTemplate, error) {
	id, _ := strconv.ParseInt(v.Get("template"), 10, 64)
	if id <= 0 {
		return s.store.CurrentAuditTemplate(r.Context())
	}
	return s.store.AuditTemplate(r.Context(), id)
}

func (s *Server) saveAudit(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "audit")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := compactActions(r.PostForm)
	tpl, err := s.templateOf(r, v)
	if err != nil {
		return err
	}
	problems := &casework.ValidationError{}
	a := readAudit(v, c.ID, tpl, problems)
	if problems.Err() != nil {
		mergeErrors(problems, a.Validate(s.today(), tpl))
	} else {
		a, err = s.store.RecordAudit(r.Context(), currentUser(r).Actor(), a)
		if problems = formProblem(err); problems == nil && err != nil {
			return err
		}
	}
	if problems.Err() != nil {
		p, err := s.auditFormPage(r, c, tpl, v, problems)
		if err != nil {
			return err
		}
		s.render(w, r, http.StatusUnprocessableEntity, "audit_form", p)
		return nil
	}
	if a.SampleID != nil {
		http.Redirect(w, r, fmt.Sprintf("/audits/samples/%d?saved=audit", *a.SampleID), http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, fmt.Sprintf("/audits/%d?saved=audit", a.ID), http.StatusSeeOther)
	return nil
}

// readAudit turns the posted form into an audit, adding a problem for each
// date that cannot be read (the audit's own rules find the rest).
func readAudit(v url.Values, childID int64, tpl casework.AuditTemplate, problems *casework.ValidationError) casework.Audit {
	f := form{v}
	a := casework.Audit{ChildID: childID, TemplateID: tpl.ID, Overall: f.text("overall"), Summary: f.Get("summary")}
	a.Date = optionalDate(v, problems, "audit_date", "Date of the audit")
	if id, err := strconv.ParseInt(v.Get("sample"), 10, 64); err == nil && id > 0 {
		a.SampleID = &id
	}
	for _, q := range tpl.Questions {
		a.Answers = append(a.Answers, casework.AuditAnswer{QuestionID: q.ID,
			Grade: f.text(fmt.Sprintf("grade-%d", q.ID)), Comment: f.Get(fmt.Sprintf("comment-%d", q.ID))})
	}
	for n := 1; n <= auditActionRows && !blankAction(v, n); n++ {
		prefix := fmt.Sprintf("action-%d-", n)
		owner, _ := strconv.ParseInt(v.Get(prefix+"owner"), 10, 64)
		a.Actions = append(a.Actions, casework.AuditAction{Text: f.Get(prefix + "text"), OwnerID: owner,
			Due: optionalDate(v, problems, prefix+"due", fmt.Sprintf("Due date of action %d", n))})
	}
	if f.yes("handback") {
		owner, _ := strconv.ParseInt(v.Get("handback_owner"), 10, 64)
		a.HandBack = &casework.HandBack{OwnerID: owner, Reason: f.Get("handback_reason"),
			Due: optionalDate(v, problems, "handback_due", "Date the urgent action is due")}
	}
	return a
}

// optionalDate reads a date input, adding an error only when what was
// typed is not a date; an empty date is left to the audit's rules.
func optionalDate(v url.Values, problems *casework.ValidationError, name, label string) time.Time {
	if t := readDate(v, name).parse(problems, name, label); t != nil {
		return *t
	}
	return time.Time{}
}

// actionKeys are the form fields of one action row, after "action-N-".
var actionKeys = []string{"text", "owner", "due-day", "due-month", "due-year"}

// blankAction reports whether action row n was left empty.
func blankAction(v url.Values, n int) bool {
	for _, k := range actionKeys {
		if (form{v}).text(fmt.Sprintf("action-%d-%s", n, k)) != "" {
			return false
		}
	}
	return true
}

// compactActions moves the action rows that were filled in to the top, so
// that "action 2" in an error message is the second row on the form.
func compactActions(in url.Values) url.Values {
	out := url.Values{}
	for k, vals := range in {
		out[k] = vals
	}
	for i := 1; i <= auditActionRows; i++ {
		for _, k := range actionKeys {
			delete(out, fmt.Sprintf("action-%d-%s", i, k))
		}
	}
	n := 0
	for i := 1; i <= auditActionRows; i++ {
		if blankAction(in, i) {
			continue
		}
		n++
		for _, k := range actionKeys {
			out[fmt.Sprintf("action-%d-%s", n, k)] = in[fmt.Sprintf("action-%d-%s", i, k)]
		}
	}
	return out
}

// auditFormPage builds the form from values (defaults, a draft or what was
// posted) with any problems marked on their fields.
func (s *Server) auditFormPage(r *http.Request, c casework.Child, tpl casework.AuditTemplate, v url.Values,
	problems *casework.ValidationError) (auditFormPage, error) {
	p := auditFormPage{basePage: s.base(r, "Audit – "+c.FullName()), Child: c, TemplateID: tpl.ID,
		Grades: casework.Grades(), Action: r.URL.Path, HandBack: v.Get("handback")}
	p.Errors = problems
	if id, err := strconv.ParseInt(v.Get("sample"), 10, 64); err == nil && id > 0 {
		smp, err := s.store.AuditSample(r.Context(), id)
		if err != nil {
			return p, err
		}
		p.Sample = &smp
	}
	owners, err := s.ownerOptions(r)
	if err != nil {
		return p, err
	}
	p.Date = withValues(dateF("audit_date", "Date of the audit", s.today()), v, problems)
	prev := ""
	for _, q := range tpl.Questions {
		g := gradeQuestion{AuditQuestion: q, NewTheme: q.Theme != prev, Name: fmt.Sprintf("grade-%d", q.ID),
			CommentName: fmt.Sprintf("comment-%d", q.ID)}
		g.Grade, g.Comment = v.Get(g.Name), v.Get(g.CommentName)
		g.Error, g.CommentError = problems.For(g.Name), problems.For(g.CommentName)
		p.Questions, prev = append(p.Questions, g), q.Theme
	}
	p.Overall = withValues(radiosF("overall", "Overall grade", casework.Grades(), ""), v, problems)
	p.Summary = withValues(areaF("summary", "Summary", "What is working well and what must improve, in plain words"), v, problems)
	for n := 1; n <= auditActionRows; n++ {
		prefix := fmt.Sprintf("action-%d-", n)
		p.Actions = append(p.Actions, actionFields{N: n, Fields: []field{
			withValues(textF(prefix+"text", "What must be done", ""), v, problems),
			withValues(selectF(prefix+"owner", "Owner", owners, ""), v, problems),
			withValues(field{Name: prefix + "due", Label: "Due by", Kind: "date", Hint: "For example, 27 3 2026"}, v, problems),
		}})
	}
	p.HandFields = []field{
		withValues(selectF("handback_owner", "Who in the team owns the urgent action", owners, ""), v, problems),
		withValues(field{Name: "handback_due", Label: "Due by", Kind: "date", Hint: "For example, 27 3 2026"}, v, problems),
		withValues(areaF("handback_reason", "What must be done urgently", "Say what is unsafe and what must happen"), v, problems),
	}
	return p, nil
}

// withValues fills one field from values and marks its problem.
func withValues(f field, v url.Values, problems *casework.ValidationError) field {
	out := fill([]field{f}, v)[0]
	out.Error = problems.For(f.Name)
	return out
}

// ownerOptions are the people who may own an action or a hand-back.
func (s *Server) ownerOptions(r *http.Request) ([]casework.Code, error) {
	users, err := s.store.AuditOwners(r.Context())
	if err != nil {
		return nil, err
	}
	out := make([]casework.Code, 0, len(users))
	for _, u := range users {
		out = append(out, casework.Code{Code: strconv.FormatInt(u.ID, 10), Label: u.DisplayName + " (" + u.Role.Label() + ")"})
	}
	return out, nil
}
