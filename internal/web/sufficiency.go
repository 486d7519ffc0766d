package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// sufficiencyPage is the placement sufficiency view as at a date.
type sufficiencyPage struct {
	basePage
	AsAt      time.Time
	AsAtField dateField
	S         casework.Sufficiency
	Hidden    map[int64]bool // restricted children the user is not named on
	CSV       map[string]string
}

// sufficiencyTables are the page's tables by the name ?table= gives.
var sufficiencyTables = []string{"homes", "distance", "out-of-area", "moves", "school-moves", "far-no-family-time", "children"}

// sufficiencyPage answers a director's questions about homes for children
// in care, as at any date: which homes are in use, how far from home
// children live, who is out of the area, who moved placement or school in
// the year, and who lives far away with no family-time plan. Each list
// links to the children, restricted records shown only as such.
func (s *Server) sufficiencyPage(w http.ResponseWriter, r *http.Request) error {
	p := sufficiencyPage{basePage: s.base(r, "Placement sufficiency"), CSV: map[string]string{}}
	q, query := r.URL.Query(), url.Values{}
	v := &casework.ValidationError{}
	p.AsAt, p.AsAtField = s.today(), readDate(q, "asat")
	if d := p.AsAtField.parse(v, "asat", "The date to show"); d != nil {
		if d.After(s.today()) {
			v.Add("asat", "The date to show must be today or in the past")
		} else {
			p.AsAt = *d
			for _, part := range []string{"-day", "-month", "-year"} {
				query.Set("asat"+part, q.Get("asat"+part))
			}
		}
	}
	if p.AsAtField.Empty() || v.Err() != nil {
		p.AsAtField = dateFieldOf(&p.AsAt)
	}
	if v.Err() != nil {
		p.Errors = v
	}
	facts, err := s.store.CareFacts(r.Context(), p.AsAt)
	if err != nil {
		return err
	}
	p.S = casework.SufficiencyOn(facts, p.AsAt)
	if slices.ContainsFunc(facts, func(f casework.CareFacts) bool { return f.Child.Restricted }) {
		// Only then is there anyone to hide: the list of restricted records
		// reads every child.
		if p.Hidden, err = s.hiddenChildren(r); err != nil {
			return err
		}
	}
	for _, t := range sufficiencyTables {
		p.CSV[t] = csvLink("/sufficiency", query, t)
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{
			"homes": p.homesTable, "distance": p.distanceTable,
			"out-of-area": func() auditTable { return p.placedTable("out-of-area", p.S.OutOfArea) },
			"far-no-family-time": func() auditTable {
				return p.placedTable("placed-20-miles-or-more-with-no-family-time", p.S.FarNoFamily)
			},
			"children":     func() auditTable { return p.placedTable("children-looked-after", p.S.Placed) },
			"moves":        func() auditTable { return p.movesTable("placement-moves", p.S.Moves) },
			"school-moves": func() auditTable { return p.movesTable("school-moves", p.S.SchoolMoves) },
		})
	}
	s.render(w, r, http.StatusOK, "sufficiency", p)
	return nil
}

// name is how a child appears in a list: a restricted child the user is
// not named on appears only as such.
func (p sufficiencyPage) name(c casework.Child) (id, name string) {
	if p.Hidden[c.ID] {
		return "", restrictedNote
	}
	return c.LAChildID, c.FullName()
}

func (p sufficiencyPage) file(name string) string { return name + "-" + calendar.FormatDate(p.AsAt) }

func (p sufficiencyPage) homesTable() auditTable {
	t := auditTable{file: p.file("homes-in-use"), header: []string{"As at", "Kind of home", "Provider", "Children"}}
	for _, h := range p.S.Homes {
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), h.Group.Label, h.Provider.Label, strconv.Itoa(h.Children)})
	}
	return t
}

func (p sufficiencyPage) distanceTable() auditTable {
	t := auditTable{file: p.file("distance-from-home"), header: []string{"As at", "Distance from home", "Children", "In the area", "Out of the area"}}
	for _, b := range p.S.Bands {
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), b.Band.Label, strconv.Itoa(b.Children),
			strconv.Itoa(b.InArea), strconv.Itoa(b.OutOfArea)})
	}
	return t
}

func (p sufficiencyPage) placedTable(file string, rows []casework.PlacedChild) auditTable {
	t := auditTable{file: p.file(file), header: []string{"As at", "Child ID", "Child", "Looked after since", "Placement type",
		"Provider", "Placed since", "Postcode", "Miles from home", "Area", "Family time plan"}}
	for _, c := range rows {
		id, name := p.name(c.Child)
		pl := c.Placement
		postcode := pl.Postcode
		if p.Hidden[c.Child.ID] {
			postcode = ""
		}
		area := "in"
		if !pl.InArea {
			area = "out"
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, name, calendar.FormatDate(c.Since), pl.Type,
			pl.Provider, calendar.FormatDate(pl.StartDate), postcode, strconv.FormatFloat(pl.DistanceMiles, 'f', 1, 64),
			area, yesNo(c.FamilyTime)})
	}
	return t
}

func (p sufficiencyPage) movesTable(file string, rows []casework.PlacementMove) auditTable {
	t := auditTable{file: p.file(file), header: []string{"Year to", "Child ID", "Child", "Date", "From", "To", "Reason", "School move"}}
	for _, m := range rows {
		id, name := p.name(m.Child)
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, name, calendar.FormatDate(m.Date), m.From, m.To,
			m.Reason, yesNo(m.SchoolMove)})
	}
	return t
}

func init() {
	funcs["placetype"] = func(c string) string { return casework.LabelOf(casework.PlacementTypes(), c) }
	funcs["changereason"] = func(c string) string { return casework.LabelOf(casework.PlacementChangeReasons(), c) }
	funcs["miles"] = func(m float64) string { return strconv.FormatFloat(m, 'f', 1, 64) }
	funcs["dict"] = dict
}

// dict builds a map from name, value pairs, so that a template can hand a
// partial several values.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			m[k] = kv[i+1]
		}
	}
	return m
}
