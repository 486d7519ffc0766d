package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// DriftFilter chooses the drift view: the cases one team held that day
// (with its workers' open assessments) or, with TeamID 0, the service's,
// as at the end of day AsAt (zero: today).
type DriftFilter struct {
	TeamID int64
	AsAt   time.Time
}

// Holder is who held a case on the day asked: a team and, unless the case
// waited for one, a worker.
type Holder struct {
	TeamID     *int64
	TeamName   string
	WorkerID   *int64
	WorkerName string // "" when no worker held it
}

// DriftCase is an open case with no recorded progress for longer than the
// drift setting allows.
type DriftCase struct {
	InvolvementID    int64
	Child            casework.Child
	OpenedOn         time.Time
	LastProgress     *time.Time // nil when nothing was recorded since the case opened
	LastProgressKind string     // a casework.ProgressKinds code
	casework.Stall
	Holder
}

// LateAssessment is an assessment open more than 45 working days after
// its referral.
type LateAssessment struct {
	AssessmentID int64
	Child        casework.Child
	ReferralDate time.Time
	StartDate    time.Time
	Completed    *time.Time // completed, waiting for sign-off
	casework.AssessmentAge
	Holder
}

// WorkerAssessments is how many assessments a worker held open that day.
type WorkerAssessments struct {
	Worker casework.Worker
	Open   int
	Late   int // of them past 45 working days
}

// Drift is the drift view as at a date.
type Drift struct {
	AsAt            time.Time
	WorkingDays     int                 // the drift setting: cases with no progress for longer are listed
	AssessmentLimit int                 // timescale.AssessmentWorkingDays
	Cases           []DriftCase         // the longest without progress first
	Assessments     []LateAssessment    // the furthest past the limit first
	OpenAssessments []WorkerAssessments // the most open assessments first
}

// Drift finds, as at the end of day f.AsAt, every open case with no
// recorded progress (casework.ProgressNoteKinds and drift.go say what
// counts) for more than the drift setting's working days, every open
// assessment past 45 working days from its referral, and each worker's
// open assessments, with who held each. It runs a fixed number of
// queries (eight, and one per 500 children listed).
func (s *Store) Drift(ctx context.Context, f DriftFilter) (Drift, error) {
	dr, err := s.drift(ctx, f)
	if err != nil {
		return dr, fmt.Errorf("store: drift: %w", err)
	}
	return dr, nil
}

// driftReader is what one drift computation reads once.
type driftReader struct {
	d       time.Time
	cal     *calendar.Calendar
	holders map[int64]holding // by child
	workers map[int64]casework.Worker
	teams   map[int64]string
}

func (s *Store) drift(ctx context.Context, f DriftFilter) (Drift, error) {
	d := s.asAtOrToday(f.AsAt)
	settings, err := s.CaseloadSettings(ctx)
	if err != nil {
		return Drift{}, err
	}
	dr := Drift{AsAt: d, WorkingDays: settings.DriftWorkingDays, AssessmentLimit: timescale.AssessmentWorkingDays}
	r, hs, err := s.newDriftReader(ctx, d)
	if err != nil {
		return dr, err
	}
	progress, err := lastProgressOn(ctx, s, d)
	if err != nil {
		return dr, err
	}
	for _, h := range hs {
		if f.TeamID != 0 && (h.team == nil || *h.team != f.TeamID) {
			continue
		}
		p := progress[h.child]
		st := casework.StallOn(r.cal, h.opened, p.date, d)
		if st.Drifting(dr.WorkingDays) {
			dr.Cases = append(dr.Cases, DriftCase{InvolvementID: h.inv, Child: casework.Child{ID: h.child},
				OpenedOn: h.opened, LastProgress: p.date, LastProgressKind: p.kind, Stall: st, Holder: r.holder(h)})
		}
	}
	if err := r.assessments(ctx, s, f.TeamID, &dr); err != nil {
		return dr, err
	}
	sortDrift(&dr)
	return dr, s.nameChildren(ctx, &dr)
}

func (s *Store) newDriftReader(ctx context.Context, d time.Time) (*driftReader, []holding, error) {
	r := &driftReader{d: d, holders: map[int64]holding{}, workers: map[int64]casework.Worker{}}
	var err error
	if r.cal, err = s.Calendar(ctx); err != nil {
		return nil, nil, err
	}
	hs, err := holdingsOn(ctx, s, d)
	if err != nil {
		return nil, nil, err
	}
	for _, h := range hs {
		r.holders[h.child] = h
	}
	if r.teams, err = teamNames(ctx, s); err != nil {
		return nil, nil, err
	}
	err = eachRow(ctx, s, scanWorker, func(w casework.Worker) { r.workers[w.ID] = w },
		`SELECT `+workerColumns+` FROM workers w LEFT JOIN teams t ON t.id = w.team_id`)
	return r, hs, err
}

// holder names who held a case.
func (r *driftReader) holder(h holding) Holder {
	out := Holder{TeamID: h.team, TeamName: nameOf(r.teams, h.team), WorkerID: h.worker}
	if h.worker != nil {
		out.WorkerName = r.workers[*h.worker].Name
	}
	return out
}

// assessments fills the late assessments of the team's cases and the
// open assessments of the team's workers.
func (r *driftReader) assessments(ctx context.Context, db querier, teamID int64, dr *Drift) error {
	as, err := openAssessmentsOn(ctx, db, r.d)
	if err != nil {
		return err
	}
	byWorker := map[int64]*WorkerAssessments{}
	for _, a := range as {
		h, ok := r.holders[a.child]
		if !ok {
			continue
		}
		age := casework.AgeOfAssessment(r.cal, a.referral, r.d, dr.AssessmentLimit)
		if age.DaysOver > 0 && (teamID == 0 || (h.team != nil && *h.team == teamID)) {
			dr.Assessments = append(dr.Assessments, LateAssessment{AssessmentID: a.id, Child: casework.Child{ID: a.child},
				ReferralDate: a.referral, StartDate: a.start, Completed: a.completed, AssessmentAge: age, Holder: r.holder(h)})
		}
		if h.worker == nil {
			continue
		}
		w := r.workers[*h.worker]
		if teamID != 0 && (w.TeamID == nil || *w.TeamID != teamID) {
			continue
		}
		if byWorker[w.ID] == nil {
			byWorker[w.ID] = &WorkerAssessments{Worker: w}
		}
		byWorker[w.ID].Open++
		if age.DaysOver > 0 {
			byWorker[w.ID].Late++
		}
	}
	for _, wa := range byWorker {
		dr.OpenAssessments = append(dr.OpenAssessments, *wa)
	}
	return nil
}

// sortDrift orders each list: the longest without progress, the furthest
// past the limit, the most open assessments first; ties by child or name.
func sortDrift(dr *Drift) {
	slices.SortFunc(dr.Cases, func(a, b DriftCase) int {
		if c := cmp.Compare(b.WorkingDays, a.WorkingDays); c != 0 {
			return c
		}
		return cmp.Compare(a.InvolvementID, b.InvolvementID)
	})
	slices.SortFunc(dr.Assessments, func(a, b LateAssessment) int {
		if c := cmp.Compare(b.DaysOver, a.DaysOver); c != 0 {
			return c
		}
		return cmp.Compare(a.AssessmentID, b.AssessmentID)
	})
	slices.SortFunc(dr.OpenAssessments, func(a, b WorkerAssessments) int {
		if c := cmp.Compare(b.Open, a.Open); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Worker.Name, b.Worker.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.Worker.ID, b.Worker.ID)
	})
}

// nameChildren loads the children the lists name.
func (s *Store) nameChildren(ctx context.Context, dr *Drift) error {
	var ids []int64
	for _, c := range dr.Cases {
		ids = append(ids, c.Child.ID)
	}
	for _, a := range dr.Assessments {
		ids = append(ids, a.Child.ID)
	}
	slices.Sort(ids)
	kids, err := childrenByID(ctx, s, slices.Compact(ids))
	if err != nil {
		return err
	}
	for i := range dr.Cases {
		dr.Cases[i].Child = kids[dr.Cases[i].Child.ID]
	}
	for i := range dr.Assessments {
		dr.Assessments[i].Child = kids[dr.Assessments[i].Child.ID]
	}
	return nil
}

// progress is a child's last recorded progress on or before a day.
type progress struct {
	date *time.Time
	kind string
}

// progressRow is one child's latest progress of one kind.
type progressRow struct {
	child int64
	progress
}

// progressArms are the records that count as progress (casework/drift.go):
// table, date column, the casework.ProgressKinds code, and any condition.
var progressArms = []struct{ table, column, kind, where string }{
	{"visits", "visit_date", "visit", ""},
	{"assessments", "start_date", "assessment", ""},
	{"assessments", "completed_date", "assessment", ""},
	{"assessments", "authorised_date", "assessment", ""},
	{"strategy_discussions", "held_on", "strategy", ""},
	{"s47_enquiries", "start_date", "s47", ""},
	{"s47_enquiries", "end_date", "s47", ""},
	{"conferences", "held_on", "conference", ""},
	{"core_groups", "held_on", "core_group", ""},
	{"cin_plans", "start_date", "cin_plan", ""},
	{"cin_plan_reviews", "held_on", "cin_plan", ""},
	{"case_notes", "note_date", "note", "kind IN ('" + strings.Join(casework.ProgressNoteKinds(), "','") + "')"},
}

// lastProgressQuery unions, for the children open on a day, each kind of
// progress's latest date on or before it: one query, each arm reading its
// table through the child index.
var lastProgressQuery = func() string {
	arms := make([]string, len(progressArms))
	for i, a := range progressArms {
		cond := ""
		if a.where != "" {
			cond = " AND " + a.where
		}
		arms[i] = `SELECT child_id, '` + a.kind + `', MAX(` + a.column + `) FROM ` + a.table +
			` WHERE error_reason = '' AND ` + a.column + ` <= ?` + cond +
			` AND child_id IN (SELECT child_id FROM open_children) GROUP BY child_id`
	}
	return `WITH open_children AS (` + openOn + `) ` + strings.Join(arms, " UNION ALL ")
}()

// lastProgressOn returns each open child's last progress on or before d.
func lastProgressOn(ctx context.Context, db querier, d time.Time) (map[int64]progress, error) {
	args := []any{day(d), day(d)}
	for range progressArms {
		args = append(args, day(d))
	}
	out := map[int64]progress{}
	err := eachRow(ctx, db, func(r rowScanner) (progressRow, error) {
		var v progressRow
		var at dateCol
		err := r.Scan(&v.child, &v.kind, &at)
		v.date = at.ptr()
		return v, err
	}, func(v progressRow) {
		if v.date == nil {
			return
		}
		cur, ok := out[v.child]
		if !ok || v.date.After(*cur.date) || (v.date.Equal(*cur.date) && v.kind < cur.kind) {
			out[v.child] = v.progress
		}
	}, lastProgressQuery, args...)
	if err != nil {
		return nil, fmt.Errorf("last progress on %s: %w", day(d), err)
	}
	return out, nil
}
