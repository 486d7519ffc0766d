package web

import (
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The missing view's tables as CSV: the same rows the page shows.

func optDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return calendar.FormatDate(*t)
}

func (p missingPage) episodeHeader() []string {
	return []string{"From", "To", "Child ID", "Child", "Team", "Held by", "Missing from", "Whereabouts", "Went missing",
		"Returned", "Reported to police", "Where found", "Return home interview", "Exploitation risk"}
}

func (p missingPage) episodeRow(r missingRow) []string {
	id := r.Child.LAChildID
	if r.Hidden {
		id = ""
	}
	e := r.Episode
	return []string{calendar.FormatDate(p.From), calendar.FormatDate(p.AsAt), id, r.Name, r.Holder.TeamName,
		holderName(r.Holder), casework.LabelOf(casework.MissingFrom(), e.From), casework.LabelOf(casework.MissingKinds(), e.Kind),
		calendar.FormatDate(e.StartDate), optDay(e.EndDate), yesNo(e.ReportedToPolice), e.WhereFound, r.RHI, r.Risk}
}

func (p missingPage) episodesTable(file string, rows []missingRow) auditTable {
	t := auditTable{file: file + "-" + calendar.FormatDate(p.AsAt), header: p.episodeHeader()}
	for _, r := range rows {
		t.rows = append(t.rows, p.episodeRow(r))
	}
	return t
}

func (p missingPage) nowTable() auditTable    { return p.episodesTable("missing-now", p.Now) }
func (p missingPage) periodTable() auditTable { return p.episodesTable("missing-episodes", p.Period) }
func (p missingPage) problemsTable() auditTable {
	return p.episodesTable("return-interviews-not-in-time", p.Problems)
}

func (p missingPage) highRiskTable() auditTable {
	t := auditTable{file: "high-risk-of-exploitation-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Child", "Team", "Held by", "Risk of", "Screened", "Review by",
			"Review overdue", "Lead professional", "Missing episodes in the period"}}
	missing := map[int64]int{}
	for _, r := range p.Period {
		missing[r.Child.ID]++
	}
	for _, r := range p.HighRisk {
		id := r.Child.LAChildID
		if r.Hidden {
			id = ""
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, r.Name, r.Holder.TeamName, holderName(r.Holder),
			r.Kinds, calendar.FormatDate(r.Screening.Date), optDay(r.Screening.ReviewDate), yesNo(r.ReviewOverdue),
			r.Screening.Lead, strconv.Itoa(missing[r.Child.ID])})
	}
	return t
}
