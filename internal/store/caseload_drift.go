package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
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
// queries whatever the size of the service: the settings, holidays,
// allocations, teams and workers, the open assessments, two for progress
// in the last weeks, and one for the full history of the children who may
// be drifting and one naming the children listed (each per 500 children).
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
	var mine []holding
	for _, h := range hs {
		if f.TeamID == 0 || (h.team != nil && *h.team == f.TeamID) {
			mine = append(mine, h)
		}
	}
	stalled, err := r.stalled(ctx, s, mine, dr.WorkingDays)
	if err != nil {
		return dr, err
	}
	dr.Cases = stalled
	if err := r.assessments(ctx, s, f.TeamID, &dr); err != nil {
		return dr, err
	}
	sortDrift(&dr)
	return dr, s.nameChildren(ctx, &dr)
}

// stalled finds the drifting cases among hs in steps, so that only a few
// weeks of most open children's records are read: the children with a
// visit or a note of substance since the cut-off (limit working days back)
// are not drifting, nor those with other progress since it; the last
// progress of the rest, opened before the cut-off, is then read in full
// (a few hundred children in an authority).
func (r *driftReader) stalled(ctx context.Context, db querier, hs []holding, limit int) ([]DriftCase, error) {
	cut := r.cal.AddWorkingDays(r.d, -limit)
	recent, err := progressOfOpen(ctx, db, frequentProgress, cut, r.d)
	if err != nil {
		return nil, err
	}
	var rest []int64
	for _, h := range hs {
		if _, ok := recent[h.child]; !ok && h.opened.Before(cut) {
			rest = append(rest, h.child)
		}
	}
	other, err := progressOf(ctx, db, otherProgress, rest, cut, r.d)
	if err != nil {
		return nil, err
	}
	rest = slices.DeleteFunc(rest, func(id int64) bool { _, ok := other[id]; return ok })
	last, err := progressOf(ctx, db, progressArms, rest, time.Time{}, r.d)
	if err != nil {
		return nil, err
	}
	var out []DriftCase
	for _, h := range hs {
		if !slices.Contains(rest, h.child) {
			continue
		}
		p := last[h.child]
		if st := casework.StallOn(r.cal, h.opened, p.date, r.d); st.Drifting(limit) {
			out = append(out, DriftCase{InvolvementID: h.inv, Child: casework.Child{ID: h.child},
				OpenedOn: h.opened, LastProgress: p.date, LastProgressKind: p.kind, Stall: st, Holder: r.holder(h)})
		}
	}
	return out, nil
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
	// Only workers in post on d hold cases (holdingsOn): leavers are not read.
	err = eachRow(ctx, s, scanWorker, func(w casework.Worker) { r.workers[w.ID] = w },
		`SELECT `+workerColumns+` FROM workers w LEFT JOIN teams t ON t.id = w.team_id
		WHERE w.end_date IS NULL OR w.end_date >= ?`, day(d))
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

// progressArm is one kind of record that counts as progress
// (casework/drift.go): its table, date column, casework.ProgressKinds code
// and any further condition.
type progressArm struct{ table, column, kind, where string }

// frequentProgress are the records most open cases have every few weeks.
var frequentProgress = []progressArm{
	{"visits", "visit_date", "visit", ""},
	{"case_notes", "note_date", "note", "kind IN ('" + strings.Join(casework.ProgressNoteKinds(), "','") + "')"},
}

// otherProgress are the steps of the work.
var otherProgress = []progressArm{
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
}

// progressArms are every kind of progress.
var progressArms = slices.Concat(frequentProgress, otherProgress)

// progressQuery unions, for some children, each arm's latest date in a
// range: one query, each arm reading its table through the child index.
// in is a list of child ids, or "" for every child open on the range's
// last day. Its arguments are progressInto's.
func progressQuery(arms []progressArm, in string) string {
	with := ""
	if in == "" {
		in, with = `SELECT child_id FROM open_children`, `WITH open_children AS MATERIALIZED (`+openOn+`) `
	}
	sel := make([]string, len(arms))
	for i, a := range arms {
		cond := ""
		if a.where != "" {
			cond = " AND " + a.where
		}
		sel[i] = `SELECT child_id, '` + a.kind + `', MAX(` + a.column + `) FROM ` + a.table +
			` WHERE error_reason = '' AND ` + a.column + ` >= ? AND ` + a.column + ` <= ?` + cond +
			` AND child_id IN (` + in + `) GROUP BY child_id`
	}
	return with + strings.Join(sel, " UNION ALL ")
}

// progressFloor stands for "no lower bound" in a range of progress.
var progressFloor = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// progressOfOpen returns the last progress of the arms' kinds from day
// from to day to of every child open on day to. One query.
func progressOfOpen(ctx context.Context, db querier, arms []progressArm, from, to time.Time) (map[int64]progress, error) {
	out := map[int64]progress{}
	return out, progressInto(ctx, db, out, arms, "", []any{day(to), day(to)}, from, to)
}

// progressOf returns the last progress of the arms' kinds from day from
// (zero: any time) to day to of the children ids. One query per 500 ids.
func progressOf(ctx context.Context, db querier, arms []progressArm, ids []int64, from, to time.Time) (map[int64]progress, error) {
	out := map[int64]progress{}
	err := inChunks(ids, func(_ string, args []any) error {
		list := make([]string, len(args))
		for i, id := range args {
			list[i] = strconv.FormatInt(id.(int64), 10) // integers formatted here, never user input
		}
		return progressInto(ctx, db, out, arms, strings.Join(list, ","), nil, from, to)
	})
	return out, err
}

// progressInto runs progressQuery(arms, in) with its arguments (args, then
// the range for each arm) and keeps each child's latest progress in out.
func progressInto(ctx context.Context, db querier, out map[int64]progress, arms []progressArm, in string, args []any,
	from, to time.Time) error {
	if from.IsZero() {
		from = progressFloor
	}
	for range arms {
		args = append(args, day(from), day(to))
	}
	err := eachRow(ctx, db, func(r rowScanner) (progressRow, error) {
		var v progressRow
		var at dateCol
		err := r.Scan(&v.child, &v.kind, &at)
		v.date = at.ptr()
		return v, err
	}, func(v progressRow) {
		cur, ok := out[v.child]
		if v.date != nil && (!ok || v.date.After(*cur.date) || (v.date.Equal(*cur.date) && v.kind < cur.kind)) {
			out[v.child] = v.progress
		}
	}, progressQuery(arms, in), args...)
	if err != nil {
		return fmt.Errorf("progress from %s to %s: %w", day(from), day(to), err)
	}
	return nil
}
