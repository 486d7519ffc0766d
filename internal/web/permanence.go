package web

import (
	"net/http"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// adoptionRow is one child with a plan for adoption on the tracker.
type adoptionRow struct {
	Child       casework.Child
	Name        string
	Hidden      bool
	Plan        casework.PermanencePlan // as known on the day
	EnteredCare *time.Time
	A1, A2      *int
	Stage       string
}

type permanencePage struct {
	basePage
	asAtScope
	Rows     []adoptionRow
	Averages []adoptionAverage
	CSV      string
}

// adoptionAverage is one period's line of averages.
type adoptionAverage struct {
	ID, Label string
	A         casework.AdoptionAverages
}

// permanencePage is the adoption tracker as at a day: each child with a
// plan for adoption, the date of each stage, A1 and A2 per child, and
// their averages over the children adopted in the year and in the three
// years to the day (the scorecard's period).
func (s *Server) permanencePage(w http.ResponseWriter, r *http.Request) error {
	sc, problem := s.readAsAt(r)
	p := permanencePage{basePage: s.base(r, "Adoption"), asAtScope: sc}
	p.Errors = problem
	files, err := s.store.PermanenceFiles(r.Context())
	if err != nil {
		return err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	var timings []casework.AdoptionTiming
	for _, cf := range files {
		entered := cf.LookedAfter.Start
		if entered != nil && entered.After(sc.AsAt) {
			entered = nil
		}
		for _, plan := range cf.Permanence {
			pl, ok := plan.On(sc.AsAt)
			if !ok || pl.Plan != casework.PermAdoption {
				continue
			}
			row := adoptionRow{Child: cf.Child, Name: cf.Child.FullName(), Plan: pl, EnteredCare: entered, Stage: adoptionStageName(pl)}
			if hidden[cf.Child.ID] {
				row.Name, row.Hidden = restrictedNote, true
			}
			if n, ok := pl.A1(entered); ok {
				row.A1 = &n
			}
			if n, ok := pl.A2(); ok {
				row.A2 = &n
			}
			p.Rows = append(p.Rows, row)
			timings = append(timings, casework.AdoptionTiming{Plan: pl, EnteredCare: entered})
		}
	}
	for _, period := range []struct {
		id, label string
		months    int
	}{{"year", "In the year from ", 12}, {"three-years", "In the three years from ", 36}} {
		from := calendar.AddMonths(sc.AsAt, -period.months).AddDate(0, 0, 1)
		p.Averages = append(p.Averages, adoptionAverage{ID: period.id, Label: period.label + longDate(from),
			A: casework.AverageAdoptionTimes(timings, from, sc.AsAt)})
	}
	p.CSV = csvLink("/permanence", sc.Query, "adoption")
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"adoption": p.table})
	}
	s.render(w, r, http.StatusOK, "permanence", p)
	return nil
}

// adoptionStageName says where a plan for adoption stands.
func adoptionStageName(p casework.PermanencePlan) string {
	switch {
	case p.Reversed != nil:
		return "No longer to be placed for adoption"
	case p.AdoptionOrder != nil:
		return "Adopted"
	case p.Placed != nil:
		return "Placed for adoption"
	case p.Matched != nil:
		return "Matched"
	case p.PlacementOrder != nil:
		return "Placement order"
	case p.ShouldBePlaced != nil:
		return "Should be placed for adoption"
	}
	return "Plan for adoption"
}

func (p permanencePage) table() auditTable {
	t := auditTable{file: "adoption-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Name", "Stage", "Entered care", "Plan", "Should be placed", "Placement order",
			"Matched", "Placed", "Adoption order", "No longer to be placed", "Reason", "A1 days", "A2 days"}}
	days := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	for _, row := range p.Rows {
		pl, id := row.Plan, row.Child.LAChildID
		if row.Hidden {
			id = ""
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, row.Name, row.Stage, datePtr(row.EnteredCare),
			calendar.FormatDate(pl.DecidedOn), datePtr(pl.ShouldBePlaced), datePtr(pl.PlacementOrder), datePtr(pl.Matched),
			datePtr(pl.Placed), datePtr(pl.AdoptionOrder), datePtr(pl.Reversed),
			casework.LabelOf(casework.ReversalReasons(), pl.ReversedReason), days(row.A1), days(row.A2)})
	}
	return t
}
