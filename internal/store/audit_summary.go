package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"sightline/internal/casework"
)

// AuditGradesByTeam counts the overall grades of the audits dated from
// from to to inclusive, by the team audited (audits of no team last), in
// team name order.
func (s *Store) AuditGradesByTeam(ctx context.Context, from, to time.Time) ([]casework.AuditSummaryRow, error) {
	rows := map[int64]*casework.AuditSummaryRow{}
	err := eachRow(ctx, s, func(r rowScanner) (gradeCount, error) {
		var g gradeCount
		var team *int64
		err := r.Scan(&team, &g.name, &g.grade, &g.n)
		if team != nil {
			g.id = *team
		}
		return g, err
	}, func(g gradeCount) { g.addTo(rows) },
		`SELECT a.team_id, COALESCE(t.name, ''), a.overall_grade, count(*) FROM audits a
		LEFT JOIN teams t ON t.id = a.team_id WHERE a.audit_date >= ? AND a.audit_date <= ?
		GROUP BY a.team_id, t.name, a.overall_grade`, day(from), day(to))
	if err != nil {
		return nil, fmt.Errorf("store: audit grades by team: %w", err)
	}
	out := collectRows(rows)
	slices.SortFunc(out, func(a, b casework.AuditSummaryRow) int {
		if (a.ID == 0) != (b.ID == 0) {
			return cmp.Compare(b.ID, a.ID) // no team last
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for i := range out {
		if out[i].ID == 0 {
			out[i].Name = "No team"
		}
	}
	return out, nil
}

// AuditGradesByTheme counts the grades given to each theme's questions in
// the audits dated from from to to inclusive (of one team, when teamID is
// not 0), in the order the themes are asked.
func (s *Store) AuditGradesByTheme(ctx context.Context, from, to time.Time, teamID int64) ([]casework.AuditSummaryRow, error) {
	rows := map[string]*casework.AuditSummaryRow{}
	first := map[string]int{}
	err := eachRow(ctx, s, func(r rowScanner) (gradeCount, error) {
		var g gradeCount
		err := r.Scan(&g.name, &g.grade, &g.n, &g.position)
		return g, err
	}, func(g gradeCount) {
		if rows[g.name] == nil {
			rows[g.name], first[g.name] = &casework.AuditSummaryRow{Name: g.name}, g.position
		}
		rows[g.name].Grades.Add(g.grade, g.n)
		first[g.name] = min(first[g.name], g.position)
	}, `SELECT q.theme, x.grade, count(*), min(q.position) FROM audit_answers x
		JOIN audit_questions q ON q.id = x.question_id JOIN audits a ON a.id = x.audit_id
		WHERE a.audit_date >= ? AND a.audit_date <= ? AND (? = 0 OR a.team_id = ?)
		GROUP BY q.theme, x.grade`, day(from), day(to), teamID, teamID)
	if err != nil {
		return nil, fmt.Errorf("store: audit grades by theme: %w", err)
	}
	out := collectRows(rows)
	slices.SortFunc(out, func(a, b casework.AuditSummaryRow) int {
		return cmp.Or(cmp.Compare(first[a.Name], first[b.Name]), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// gradeCount is one row of a grouped count of grades.
type gradeCount struct {
	id       int64
	name     string
	grade    string
	n        int
	position int
}

func (g gradeCount) addTo(rows map[int64]*casework.AuditSummaryRow) {
	if rows[g.id] == nil {
		rows[g.id] = &casework.AuditSummaryRow{ID: g.id, Name: g.name}
	}
	rows[g.id].Grades.Add(g.grade, g.n)
}

func collectRows[K comparable](rows map[K]*casework.AuditSummaryRow) []casework.AuditSummaryRow {
	out := make([]casework.AuditSummaryRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	return out
}
