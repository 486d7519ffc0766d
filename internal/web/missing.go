package web

import (
	"net/http"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// missingRow is an episode of the missing view ready to draw.
type missingRow struct {
	store.MissingEpisodeRow
	Name       string
	Hidden     bool
	Open       bool   // still missing at the end of the period
	Started    bool   // went missing in the period
	Returned   bool   // came back in the period
	RHI        string // where the return home interview stands, in words
	RHIClass   string // its tag colour
	RHIProblem bool   // no interview offered in 72 hours, or offered late
	Risk       string // the child's latest screening's level, in words
}

// highRiskRow is a child at high risk of exploitation ready to draw.
type highRiskRow struct {
	store.HighRiskRow
	Name          string
	Hidden        bool
	Kinds         string
	ReviewOverdue bool
}

type missingPage struct {
	basePage
	allocationScope
	From      time.Time
	FromField dateField
	Now       []missingRow // missing at the end of the period
	Period    []missingRow // went missing in the period
	Problems  []missingRow // returned in the period with no interview in 72 hours, or one offered late
	Returns   int          // returns in the period
	HighRisk  []highRiskRow
	CSV       map[string]string
}

// missingTables are the missing view's tables, by the name ?table= gives.
var missingTables = []string{"missing-now", "episodes", "interviews", "high-risk"}

// missingPage is the coordinated view of missing and exploited children:
// who went missing in a period (this week unless asked), who is missing
// now, who had no return home interview within 72 hours or had it late,
// and who is at high risk of exploitation and who leads on them, for one
// team or all, as at any day.
func (s *Server) missingPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem, err := s.readScope(r)
	if err != nil {
		return err
	}
	p := missingPage{basePage: s.base(r, "Missing and exploitation"), allocationScope: sc, CSV: map[string]string{}}
	p.From, p.FromField = readFrom(r, sc, &problem)
	p.Errors = problem
	if !sc.NoTeam {
		view, err := s.store.Missing(r.Context(), store.MissingFilter{From: p.From, To: sc.AsAt, TeamID: sc.TeamID()})
		if err != nil {
			return err
		}
		if err := p.dress(s, r, view); err != nil {
			return err
		}
	}
	for _, t := range missingTables {
		p.CSV[t] = csvLink("/missing", sc.Query, t)
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"missing-now": p.nowTable, "episodes": p.periodTable,
			"interviews": p.problemsTable, "high-risk": p.highRiskTable})
	}
	s.render(w, r, http.StatusOK, "missing", p)
	return nil
}

// readFrom reads the period's first day (?from-day, -month, -year): the
// Monday of the as-at week unless given; it must not follow the as-at day.
func readFrom(r *http.Request, sc allocationScope, problem **casework.ValidationError) (time.Time, dateField) {
	from := sc.AsAt.AddDate(0, 0, -((int(sc.AsAt.Weekday()) + 6) % 7))
	field := readDate(r.URL.Query(), "from")
	v := &casework.ValidationError{}
	if d := field.parse(v, "from", "The first day of the period"); d != nil {
		if d.After(sc.AsAt) {
			v.Add("from", "The first day of the period must be on or before the last")
		} else {
			from = *d
			for _, part := range []string{"-day", "-month", "-year"} {
				sc.Query.Set("from"+part, r.URL.Query().Get("from"+part))
			}
		}
	}
	if field.Empty() || v.Err() != nil {
		field = dateFieldOf(&from)
	}
	if v.Err() != nil {
		if *problem == nil {
			*problem = v
		} else {
			mergeErrors(*problem, v)
		}
	}
	return from, field
}

// dress sorts the episodes into the page's tables, says where each return
// home interview stands, and hides restricted children's names.
func (p *missingPage) dress(s *Server, r *http.Request, v store.MissingView) error {
	var children []casework.Child
	for _, e := range v.Episodes {
		children = append(children, e.Child)
	}
	for _, h := range v.HighRisk {
		children = append(children, h.Child)
	}
	hidden, err := s.hiddenAmong(r, children)
	if err != nil {
		return err
	}
	for _, e := range v.Episodes {
		row := missingRow{MissingEpisodeRow: e, Name: e.Child.FullName(), Hidden: hidden[e.Child.ID]}
		if row.Hidden {
			row.Name = restrictedNote
		}
		ep := e.Episode
		row.Open = ep.EndDate == nil
		row.Started = !ep.StartDate.Before(p.From)
		row.Returned = ep.EndDate != nil && !ep.EndDate.Before(p.From)
		row.RHI, row.RHIClass, row.RHIProblem = rhiState(ep, e.Interview, p.AsAt)
		if e.Screening != nil {
			row.Risk = casework.LabelOf(casework.RiskLevels(), e.Screening.Level)
		}
		if row.Open {
			p.Now = append(p.Now, row)
		}
		if row.Started {
			p.Period = append(p.Period, row)
		}
		if row.Returned {
			p.Returns++
			if row.RHIProblem {
				p.Problems = append(p.Problems, row)
			}
		}
	}
	for _, h := range v.HighRisk {
		row := highRiskRow{HighRiskRow: h, Name: h.Child.FullName(), Hidden: hidden[h.Child.ID]}
		if row.Hidden {
			row.Name = restrictedNote
		}
		var kinds []string
		for _, k := range h.Screening.Kinds {
			kinds = append(kinds, casework.LabelOf(casework.ExploitationKinds(), k))
		}
		row.Kinds = strings.Join(kinds, ", ")
		row.ReviewOverdue = h.Screening.ReviewDate != nil && h.Screening.ReviewDate.Before(p.AsAt)
		p.HighRisk = append(p.HighRisk, row)
	}
	return nil
}

// rhiState says where an episode's return home interview stood at the end
// of day asAt: the words, a tag colour, and whether it is a problem (none
// offered within 72 hours, or offered after them).
func rhiState(e casework.MissingEpisode, ri *casework.ReturnInterview, asAt time.Time) (string, string, bool) {
	if e.EndDate == nil {
		return "Still missing", "govuk-tag--grey", false
	}
	due := timescale.RHIDue(*e.EndDate)
	switch {
	case ri == nil && asAt.After(due):
		return "No interview offered within 72 hours", "govuk-tag--red", true
	case ri == nil:
		return "To offer by " + due.Format("2 January 2006"), "govuk-tag--yellow", false
	case ri.OfferedOn.After(due):
		return "Offered late, on " + ri.OfferedOn.Format("2 January 2006") + interviewOutcome(ri), "govuk-tag--orange", true
	}
	return "Offered in time, on " + ri.OfferedOn.Format("2 January 2006") + interviewOutcome(ri), "govuk-tag--green", false
}

func interviewOutcome(ri *casework.ReturnInterview) string {
	switch {
	case ri.HeldOn != nil:
		return "; held " + ri.HeldOn.Format("2 January 2006")
	case ri.Declined:
		return "; declined by the child"
	}
	return "; not yet held"
}

// missingTable is one table of episodes as the "missingrows" template
// draws it.
type missingTable struct {
	ID, Caption, CSV string
	Rows             []missingRow
}

// Table is the named table of episodes, for the template.
func (p missingPage) Table(id string) missingTable {
	t := missingTable{ID: id, CSV: p.CSV[id]}
	switch id {
	case "missing-now":
		t.Caption, t.Rows = "Children missing at the end of the period, the longest first", p.Now
	case "episodes":
		t.Caption, t.Rows = "Missing episodes that started in the period", p.Period
	case "interviews":
		t.Caption, t.Rows = "Returns with no interview offered within 72 hours, or one offered late", p.Problems
	}
	return t
}
