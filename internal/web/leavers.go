package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// asAtScope is a list's day: ?asat-day, -month, -year, today when blank.
type asAtScope struct {
	AsAt      time.Time
	AsAtField dateField
	Today     bool
	Query     url.Values // the day as asked, for CSV links
}

// readAsAt reads the day a list is shown as at; a wrong or future day
// comes back as a field error and today is shown.
func (s *Server) readAsAt(r *http.Request) (asAtScope, *casework.ValidationError) {
	q := r.URL.Query()
	sc := asAtScope{AsAt: s.today(), AsAtField: readDate(q, "asat"), Query: url.Values{}}
	v := &casework.ValidationError{}
	if d := sc.AsAtField.parse(v, "asat", "The date to show"); d != nil {
		if d.After(s.today()) {
			v.Add("asat", "The date to show must be today or in the past")
		} else {
			sc.AsAt = *d
			for _, part := range []string{"-day", "-month", "-year"} {
				sc.Query.Set("asat"+part, q.Get("asat"+part))
			}
		}
	}
	if sc.AsAtField.Empty() || v.Err() != nil {
		sc.AsAtField = dateFieldOf(&sc.AsAt)
	}
	sc.Today = sc.AsAt.Equal(s.today())
	if v.Err() == nil {
		return sc, nil
	}
	return sc, v
}

// leaverRow is one care leaver on the list.
type leaverRow struct {
	Child   casework.Child
	Name    string
	Hidden  bool
	Status  casework.LeaverStatus
	Contact *timescale.Task // the birthday contact open on the day, if any
}

type leaversPage struct {
	basePage
	asAtScope
	Show                                     string
	Rows                                     []leaverRow
	Total, Due, NotInTouch, NotInEET, Unsuit int
	CSV                                      string
}

// leaverFilters are the views of the list, by ?show=.
var leaverFilters = map[string]func(leaverRow) bool{
	"":             func(leaverRow) bool { return true },
	"due":          func(r leaverRow) bool { return r.Contact != nil },
	"not-in-touch": func(r leaverRow) bool { return r.Status.NotInTouch() },
	"not-in-eet":   func(r leaverRow) bool { return r.Status.NotInEET() },
	"unsuitable":   func(r leaverRow) bool { return r.Status.Unsuitable() },
}

// careLeaversPage lists every care leaver as at a day: who is due a
// birthday contact, who is not in touch, not in education, employment or
// training, or in unsuitable accommodation.
func (s *Server) careLeaversPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem := s.readAsAt(r)
	show := r.URL.Query().Get("show")
	keep, ok := leaverFilters[show]
	if !ok {
		show, keep = "", leaverFilters[""]
	}
	p := leaversPage{basePage: s.base(r, "Care leavers"), asAtScope: sc, Show: show}
	p.Errors = problem
	files, err := s.store.CareLeaverFiles(r.Context())
	if err != nil {
		return err
	}
	d, err := s.dues(r.Context())
	if err != nil {
		return err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	var tasks []timescale.Task
	for _, cf := range files {
		st, ok := cf.LeaverStatusOn(sc.AsAt)
		if !ok {
			continue
		}
		row := leaverRow{Child: cf.Child, Name: cf.Child.FullName(), Status: st}
		if hidden[cf.Child.ID] {
			row.Name, row.Hidden = restrictedNote, true
		}
		tasks = timescale.AppendTasks(tasks[:0], cf, d.cal, d.settings, sc.AsAt)
		for _, t := range tasks {
			if t.Rule.ID == "care_leaver_birthday_contact" && t.Done == nil && row.Contact == nil { // the earliest: overdue ones come first
				row.Contact = &t
			}
		}
		p.count(row)
		if keep(row) {
			p.Rows = append(p.Rows, row)
		}
	}
	q := url.Values{}
	for k, v := range sc.Query {
		q[k] = v
	}
	if show != "" {
		q.Set("show", show)
	}
	p.CSV = csvLink("/care-leavers", q, "leavers")
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"leavers": p.table})
	}
	s.render(w, r, http.StatusOK, "leavers", p)
	return nil
}

func (p *leaversPage) count(row leaverRow) {
	p.Total++
	for _, c := range []struct {
		n  *int
		is bool
	}{{&p.Due, row.Contact != nil}, {&p.NotInTouch, row.Status.NotInTouch()}, {&p.NotInEET, row.Status.NotInEET()},
		{&p.Unsuit, row.Status.Unsuitable()}} {
		if c.is {
			*c.n++
		}
	}
}

func (p leaversPage) table() auditTable {
	t := auditTable{file: "care-leavers-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Name", "Age", "Category", "Personal adviser", "Latest pathway plan",
			"Last contact", "In touch", "Activity", "In education, employment or training", "Accommodation", "Suitable",
			"Birthday contact due", "Birthday contact status"}}
	yesNo := func(b bool) string {
		if b {
			return "Yes"
		}
		return "No"
	}
	for _, row := range p.Rows {
		st, id := row.Status, row.Child.LAChildID
		if row.Hidden {
			id = ""
		}
		due, status := "", ""
		if row.Contact != nil {
			due, status = calendar.FormatDate(row.Contact.Due), string(row.Contact.Status)
		}
		eet, suitable := "", ""
		if st.Activity != "" && st.Activity != "0" {
			eet = yesNo(casework.InEET(st.Activity))
		}
		if len(st.Accom) == 2 {
			suitable = yesNo(casework.AccomSuitable(st.Accom))
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, row.Name, strconv.Itoa(st.Age),
			casework.LabelOf(casework.LeaverCategories(), st.Category), st.Adviser, datePtr(st.LatestPathway),
			datePtr(st.LastContact), casework.LabelOf(casework.InTouchCodes(), st.InTouch),
			casework.LabelOf(casework.Activities(), st.Activity), eet, accomType(st.Accom), suitable, due, status})
	}
	return t
}

// accomType names the type of an ACCOM code, without its suitability.
func accomType(code string) string {
	if len(code) != 2 {
		return ""
	}
	return casework.LabelOf(casework.Accommodations(), code[:1])
}

// datePtr writes an optional date for CSV.
func datePtr(d *time.Time) string {
	if d == nil {
		return ""
	}
	return calendar.FormatDate(*d)
}

func init() {
	funcs["leavercategory"] = func(c string) string { return casework.LabelOf(casework.LeaverCategories(), c) }
	funcs["intouch"] = func(c string) string { return casework.LabelOf(casework.InTouchCodes(), c) }
	funcs["activity"] = func(c string) string { return casework.LabelOf(casework.Activities(), c) }
	funcs["accomlabel"] = casework.AccomLabel
	funcs["permplan"] = func(c string) string { return casework.LabelOf(casework.PermanencePlanTypes(), c) }
}
