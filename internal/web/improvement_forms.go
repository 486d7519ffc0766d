package web

import (
	"html/template"
	"net/http"
	"strconv"

	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// The improvement plan's forms: a recommendation, an action, an evidence
// link and a progress note. Each has the same shape (fields, one button,
// the version read), so one template and one pair of handlers run them;
// each form says only which fields it has and how to save them.
type impFormDef struct {
	heading string
	submit  string
	// load reads the record being edited (nil ctx.id: a new one) and
	// returns its fields and version.
	load func(c *impCtx) ([]field, int, error)
	// save records the posted form with the version read.
	save func(c *impCtx, f form, version int) error
}

type impCtx struct {
	s  *Server
	r  *http.Request
	id int64 // from the path, 0 for a new record
}

type impFormPage struct {
	basePage
	Heading, Submit, Action string
	Fields                  []field
	Version                 int
}

func (s *Server) newImpCtx(r *http.Request) (*impCtx, error) {
	c := &impCtx{s: s, r: r}
	if raw := r.PathValue("id"); raw != "" {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, casework.ErrNotFound
		}
		c.id = id
	}
	return c, nil
}

func (s *Server) impForm(def impFormDef) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.newImpCtx(r)
		if err != nil {
			return err
		}
		fields, version, err := def.load(c)
		if err != nil {
			return err
		}
		p := impFormPage{basePage: s.base(r, def.heading), Heading: def.heading, Submit: def.submit,
			Action: r.URL.RequestURI(), Fields: fields, Version: version}
		s.render(w, r, http.StatusOK, "improvement_form", p)
		return nil
	}
}

func (s *Server) impSave(def impFormDef) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.newImpCtx(r)
		if err != nil {
			return err
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		fields, current, err := def.load(c)
		if err != nil {
			return err
		}
		read, _ := strconv.Atoi(r.PostFormValue("version"))
		err = def.save(c, form{r.PostForm}, read)
		problem := formProblem(err)
		if problem == nil && err != nil {
			return err
		}
		if problem == nil {
			http.Redirect(w, r, "/improvement?saved=improvement", http.StatusSeeOther)
			return nil
		}
		p := impFormPage{basePage: s.base(r, def.heading), Heading: def.heading, Submit: def.submit,
			Action: r.URL.RequestURI(), Fields: fill(fields, r.PostForm), Version: read}
		if problem.Has("version") {
			// Saving again, having looked, is deliberate.
			p.Version = current
		}
		p.Errors = problem
		markErrors(p.Fields, problem)
		s.render(w, r, http.StatusUnprocessableEntity, "improvement_form", p)
		return nil
	}
}

var recommendationForm = impFormDef{heading: "Recommendation", submit: "Save recommendation",
	load: func(c *impCtx) ([]field, int, error) {
		var rec casework.Recommendation
		if c.id != 0 {
			var err error
			if rec, err = c.s.store.Recommendation(c.r.Context(), c.id); err != nil {
				return nil, 0, err
			}
		}
		fs := []field{areaF("text", "Recommendation", "As Ofsted wrote it"), textF("source", "Source", "For example, ILACS inspection or focused visit"),
			dateF("inspection_date", "Date of the inspection", rec.InspectionDate), textF("theme", "Theme", "For example, Help and protection")}
		fs[0].Value, fs[1].Value, fs[3].Value = rec.Text, rec.Source, rec.Theme
		if rec.InspectionDate.IsZero() {
			fs[2].Date = dateField{}
		}
		return fs, rec.Version, nil
	},
	save: func(c *impCtx, f form, version int) error {
		v := &casework.ValidationError{}
		rec := casework.Recommendation{ID: c.id, Version: version, Text: f.text("text"), Source: f.text("source"), Theme: f.text("theme")}
		rec.InspectionDate = f.date(v, "inspection_date", "Date of the inspection")
		if err := rec.Validate(); err != nil {
			v.Errors = append(formProblem(err).Errors, v.Errors...)
		}
		if err := v.Err(); err != nil {
			return dedupe(v)
		}
		_, err := c.s.store.SaveRecommendation(c.r.Context(), currentUser(c.r).Actor(), rec)
		return err
	}}

// dedupe keeps the first message for each field.
func dedupe(v *casework.ValidationError) error {
	out := &casework.ValidationError{}
	for _, e := range v.Errors {
		if !out.Has(e.Field) {
			out.Add(e.Field, e.Message)
		}
	}
	return out
}

var actionForm = impFormDef{heading: "Action", submit: "Save action",
	load: func(c *impCtx) ([]field, int, error) {
		a := casework.Action{Status: casework.StatusNotStarted}
		if c.id != 0 {
			var err error
			if a, err = c.s.store.Action(c.r.Context(), c.id); err != nil {
				return nil, 0, err
			}
		} else {
			a.RecommendationID, _ = strconv.ParseInt(c.r.URL.Query().Get("recommendation"), 10, 64)
		}
		recs, owners, err := c.s.impChoices(c.r)
		if err != nil {
			return nil, 0, err
		}
		owner := ""
		if a.OwnerUserID != 0 {
			owner = strconv.FormatInt(a.OwnerUserID, 10)
		}
		named := ""
		if a.OwnerUserID == 0 {
			named = a.OwnerName
		}
		fs := []field{selectF("recommendation_id", "Recommendation", recs, strconv.FormatInt(a.RecommendationID, 10)),
			areaF("description", "What will be done", ""),
			selectF("owner", "Owner", owners, owner),
			textF("owner_name", "Or the owner's name", "When the owner does not use sightline, for example a partner's lead"),
			dateF("due_date", "Due date", a.DueDate), radiosF("status", "Status", casework.ActionStatuses(), a.Status),
			dateF("completed_on", "Date completed", a.CompletedOn),
			selectF("rag_override", "Rating set by hand", append([]casework.Code{{Code: "", Label: "Use the rule"}}, casework.RAGCodes()...), a.RAGOverride),
			areaF("override_reason", "Why the rating is set by hand", "Needed when the rating is set by hand")}
		fs[1].Value, fs[3].Value, fs[8].Value = a.Description, named, a.OverrideReason
		fs[6].Hint = "Only when the action is done"
		if a.DueDate.IsZero() {
			fs[4].Date = dateField{}
		}
		if a.CompletedOn.IsZero() {
			fs[6].Date = dateField{}
		}
		return fs, a.Version, nil
	},
	save: func(c *impCtx, f form, version int) error {
		v := &casework.ValidationError{}
		a := casework.Action{ID: c.id, Version: version, Description: f.text("description"), OwnerName: f.text("owner_name"),
			Status: f.text("status"), RAGOverride: f.text("rag_override"), OverrideReason: f.text("override_reason")}
		a.RecommendationID, _ = strconv.ParseInt(f.text("recommendation_id"), 10, 64)
		a.OwnerUserID, _ = strconv.ParseInt(f.text("owner"), 10, 64)
		if d := readDate(f.Values, "due_date").parse(v, "due_date", "Due date"); d != nil {
			a.DueDate = *d
		}
		if d := readDate(f.Values, "completed_on").parse(v, "completed_on", "Date completed"); d != nil {
			a.CompletedOn = *d
		}
		if err := a.Validate(); err != nil {
			v.Errors = append(v.Errors, formProblem(err).Errors...)
		}
		if err := v.Err(); err != nil {
			return dedupe(v)
		}
		_, err := c.s.store.SaveAction(c.r.Context(), currentUser(c.r).Actor(), a)
		return err
	}}

// impChoices lists the recommendations and the possible owners for the
// action form.
func (s *Server) impChoices(r *http.Request) (recs, owners []casework.Code, err error) {
	plan, _, err := s.store.ImprovementPlan(r.Context())
	if err != nil {
		return nil, nil, err
	}
	recs = []casework.Code{{Code: "0", Label: "Choose a recommendation"}}
	for _, rec := range plan {
		recs = append(recs, casework.Code{Code: strconv.FormatInt(rec.ID, 10), Label: short(rec.Theme+": "+rec.Text, 90)})
	}
	users, err := s.store.Users(r.Context())
	if err != nil {
		return nil, nil, err
	}
	owners = []casework.Code{{Code: "", Label: "Someone else (name below)"}}
	for _, u := range users {
		if !u.Disabled {
			owners = append(owners, casework.Code{Code: strconv.FormatInt(u.ID, 10), Label: u.DisplayName})
		}
	}
	return recs, owners, nil
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// indicatorCodes lists the catalogue's indicators for the evidence form.
func indicatorCodes() []casework.Code {
	out := []casework.Code{{Code: "", Label: "Choose an indicator"}}
	for _, in := range ind.Catalogue() {
		out = append(out, casework.Code{Code: in.ID, Label: in.Title + " (" + in.ID + ")"})
	}
	return out
}

func knownIndicator(id string) bool { _, ok := ind.Lookup(id); return ok }

var evidenceForm = impFormDef{heading: "Link evidence to the action", submit: "Link evidence",
	load: func(c *impCtx) ([]field, int, error) {
		if _, err := c.s.store.Action(c.r.Context(), c.id); err != nil {
			return nil, 0, err
		}
		return []field{radiosF("kind", "Evidence", []casework.Code{{Code: casework.EvidenceIndicator, Label: "An indicator"},
			{Code: casework.EvidenceAudit, Label: "Case-file audit findings"}}, casework.EvidenceIndicator),
			selectF("indicator_id", "Indicator", indicatorCodes(), ""),
			textF("audit_theme", "Audit theme", "For audit findings: the theme of the audit questions, for example Planning"),
			areaF("summary", "What the audits found", "For audit findings; optional for an indicator")}, 0, nil
	},
	save: func(c *impCtx, f form, _ int) error {
		e := casework.Evidence{ActionID: c.id, Kind: f.text("kind"), IndicatorID: f.text("indicator_id"),
			AuditTheme: f.text("audit_theme"), Summary: f.text("summary")}
		if e.Kind == casework.EvidenceAudit {
			e.IndicatorID = ""
		}
		_, err := c.s.store.AddEvidence(c.r.Context(), currentUser(c.r).Actor(), e, knownIndicator)
		return err
	}}

var progressForm = impFormDef{heading: "Add a progress note", submit: "Add note",
	load: func(c *impCtx) ([]field, int, error) {
		if _, err := c.s.store.Action(c.r.Context(), c.id); err != nil {
			return nil, 0, err
		}
		return []field{dateF("note_date", "Date", c.s.today()), areaF("text", "Progress", "")}, 0, nil
	},
	save: func(c *impCtx, f form, _ int) error {
		v := &casework.ValidationError{}
		n := casework.ProgressNote{ActionID: c.id, Text: f.text("text")}
		n.Date = f.date(v, "note_date", "Date")
		if err := v.Err(); err != nil {
			return err
		}
		_, err := c.s.store.AddProgressNote(c.r.Context(), currentUser(c.r).Actor(), n)
		return err
	}}

// ragTag draws a rating as a GOV.UK tag.
func ragTag(rag string) template.HTML {
	switch rag {
	case casework.RAGRed:
		return `<strong class="govuk-tag govuk-tag--red">Red</strong>`
	case casework.RAGAmber:
		return `<strong class="govuk-tag govuk-tag--yellow">Amber</strong>`
	case casework.RAGGreen:
		return `<strong class="govuk-tag govuk-tag--green">Green</strong>`
	}
	return `<strong class="govuk-tag govuk-tag--grey">No rating</strong>`
}
