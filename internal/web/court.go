package web

import (
	"net/http"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// courtRow is a case on the court tracker ready to draw.
type courtRow struct {
	store.CourtCase
	Name         string
	Hidden       bool
	Stage        string    // "Pre-proceedings" or "Proceedings"
	Since        time.Time // the start of the stage
	Week         int       // the week of proceedings (1 = the week beginning with the issue), or of pre-proceedings
	Due          time.Time // proceedings: the end of the 26 weeks and any extensions (the target)
	Extended     int       // weeks of extensions granted (s.32(5))
	Over26       bool      // proceedings past the target with no final hearing
	Expected     *time.Time
	ExpectedOver bool   // the final hearing is expected after the target
	Last         string // the last hearing, letter or meeting, in words
}

type courtPage struct {
	basePage
	allocationScope
	Proceedings []courtRow
	PLO         []courtRow
	Over26      int
	CSV         string
}

// courtPage is the court tracker for managers and legal: every case in
// pre-proceedings or care proceedings as at a day, the week each is in,
// the expected final hearing, and those past 26 weeks flagged.
func (s *Server) courtPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem, err := s.readScope(r)
	if err != nil {
		return err
	}
	p := courtPage{basePage: s.base(r, "Court tracker"), allocationScope: sc, CSV: csvLink("/court", sc.Query, "cases")}
	p.Errors = problem
	if !sc.NoTeam {
		cases, err := s.store.CourtTracker(r.Context(), store.CourtFilter{AsAt: sc.AsAt, TeamID: sc.TeamID()})
		if err != nil {
			return err
		}
		var children []casework.Child
		for _, c := range cases {
			children = append(children, c.Child)
		}
		hidden, err := s.hiddenAmong(r, children)
		if err != nil {
			return err
		}
		for _, c := range cases {
			row := dressCourt(c, sc.AsAt, hidden[c.Child.ID])
			if c.Proceedings != nil {
				p.Proceedings = append(p.Proceedings, row)
				if row.Over26 {
					p.Over26++
				}
			} else {
				p.PLO = append(p.PLO, row)
			}
		}
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"cases": p.casesTable})
	}
	s.render(w, r, http.StatusOK, "court", p)
	return nil
}

// dressCourt works out a case's stage, week and flags as at day asAt.
func dressCourt(c store.CourtCase, asAt time.Time, hidden bool) courtRow {
	row := courtRow{CourtCase: c, Name: c.Child.FullName(), Hidden: hidden}
	if hidden {
		row.Name = restrictedNote
	}
	if pr := c.Proceedings; pr != nil {
		row.Stage, row.Since = "Proceedings", pr.IssuedOn
		row.Extended = c.ExtensionWeeks()
		row.Due = timescale.TargetDate(pr.IssuedOn, row.Extended)
		row.Over26 = asAt.After(row.Due)
		row.Expected = pr.ExpectedFinal
		row.ExpectedOver = pr.ExpectedFinal != nil && pr.ExpectedFinal.After(row.Due)
		if n := len(c.Hearings); n > 0 {
			h := c.Hearings[n-1]
			row.Last = casework.LabelOf(casework.HearingKinds(), h.Kind) + ", " + calendar.FormatLong(h.Date)
		}
	} else {
		row.Stage, row.Since = "Pre-proceedings", c.PLO.StartDate
		if n := len(c.PLOEvents); n > 0 {
			e := c.PLOEvents[n-1]
			row.Last = casework.LabelOf(casework.PLOEventKinds(), e.Kind) + ", " + calendar.FormatLong(e.Date)
		}
	}
	row.Week = timescale.ProceedingsWeek(row.Since, asAt)
	return row
}

func (p courtPage) casesTable() auditTable {
	t := auditTable{file: "court-tracker-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Child", "Team", "Held by", "Stage", "Since", "Week", "Court", "Application",
			"Target date", "Extension (weeks)", "Expected final hearing", "Past the target", "Last hearing, letter or meeting"}}
	for _, r := range append(append([]courtRow(nil), p.Proceedings...), p.PLO...) {
		id := r.Child.LAChildID
		if r.Hidden {
			id = ""
		}
		court, app, due, ext := "", "", "", ""
		if pr := r.Proceedings; pr != nil {
			court, app, due = pr.Court, casework.LabelOf(casework.ApplicationTypes(), pr.Application), calendar.FormatDate(r.Due)
			ext = strconv.Itoa(r.Extended)
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, r.Name, r.Holder.TeamName, holderName(r.Holder),
			r.Stage, calendar.FormatDate(r.Since), strconv.Itoa(r.Week), court, app, due, ext, optDay(r.Expected),
			yesNo(r.Over26), r.Last})
	}
	return t
}
