package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"sightline/internal/casework"
)

// The allocation queue, caseloads and drift all read the service as it
// stood at the end of one day d, from the dated records: an involvement is
// open on d when it started on or before d and had not closed by d (one
// closed on d is closed); an allocation holds it on d when it started on or
// before d and had not ended by d (Allocate ends the old allocation on the
// day the new one starts, so the new one holds that day). A worker holds a
// case only while in post: from the day after their leaving date the case
// waits for a worker again. Each reader runs a fixed number of queries
// whatever the number of children.

// openOn selects the children with an involvement open on d; its two
// placeholders both take d.
const openOn = `SELECT child_id FROM involvements WHERE error_reason = '' AND start_date <= ?
	AND (end_date IS NULL OR end_date > ?)`

// holding is who held one open involvement at the end of day d.
type holding struct {
	inv, child int64
	opened     time.Time
	team       *int64    // the team that held it on d
	worker     *int64    // the worker in post who held it on d; nil when it waited for one
	waitFrom   time.Time // when it waited: the day it opened or its last worker's hold ended (waitingSince)
}

// coverRow is one involvement open on d joined with an allocation that
// covered d (alloc 0: none did), and that allocation's worker when they
// were still in post on d.
type coverRow struct {
	inv, child, alloc     int64
	opened, start         time.Time
	invTeam, team, worker *int64
}

// holdingsOn returns every involvement open on d with who held it, in one
// query: each open involvement with only the allocation covering d (its
// earlier allocations matter only to how long a waiting case has waited,
// which waitingSince reads for the waiting few), its worker counted only
// while in post. The rows are put in order here rather than by the
// database, so that it can find the open involvements by index
// (involvements_open) and the allocations by allocations_cover.
func holdingsOn(ctx context.Context, db querier, d time.Time) ([]holding, error) {
	rows, err := allocationRowsOn(ctx, db, d, "")
	if err != nil {
		return nil, fmt.Errorf("holdings on %s: %w", day(d), err)
	}
	return foldHoldings(rows), nil
}

// allocationRowsOn reads the involvements open on d, each joined with the
// allocation covering d; and, when set, narrows them with more SQL
// conditions on the involvement i (with no placeholders).
func allocationRowsOn(ctx context.Context, db querier, d time.Time, and string) ([]coverRow, error) {
	var rows []coverRow
	err := eachRow(ctx, db, func(r rowScanner) (coverRow, error) {
		var c coverRow
		var alloc *int64
		var opened, start dateCol
		err := r.Scan(&c.inv, &c.child, &opened, &c.invTeam, &alloc, &start, &c.team, &c.worker)
		c.opened, c.start = opened.t, start.t
		if alloc != nil {
			c.alloc = *alloc
		}
		return c, err
	}, func(c coverRow) { rows = append(rows, c) },
		`SELECT i.id, i.child_id, i.start_date, i.team_id, a.id, a.start_date, a.team_id,
			CASE WHEN w.end_date IS NULL OR w.end_date >= ? THEN a.worker_id END
		FROM involvements i
		LEFT JOIN allocations a ON a.involvement_id = i.id AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date > ?)
		LEFT JOIN workers w ON w.id = a.worker_id
		WHERE i.error_reason = '' AND i.start_date <= ? AND (i.end_date IS NULL OR i.end_date > ?)`+and,
		day(d), day(d), day(d), day(d), day(d))
	return rows, err
}

// foldHoldings turns the rows of allocationRowsOn into who held each
// involvement (waitFrom: the day it opened; waitingSince refines it).
func foldHoldings(rows []coverRow) []holding {
	slices.SortFunc(rows, func(a, b coverRow) int {
		if c := cmp.Compare(a.inv, b.inv); c != 0 {
			return c
		}
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		return cmp.Compare(a.alloc, b.alloc)
	})
	var out []holding
	for _, c := range rows {
		if len(out) == 0 || out[len(out)-1].inv != c.inv {
			out = append(out, holding{inv: c.inv, child: c.child, opened: c.opened, team: c.invTeam, waitFrom: c.opened})
		}
		if c.alloc == 0 {
			continue
		}
		// Overlapping allocations should not happen (Allocate ends the old
		// one); if they do, the latest started holds the case.
		h := &out[len(out)-1]
		if c.team != nil {
			h.team = c.team
		}
		h.worker = c.worker
	}
	return out
}

// waitingSince sets, for each holding with no worker, the day it began to
// wait: the day it opened or, if later, the day its last worker's hold
// ended up to d (the allocation's end, or the day after the worker left).
// One query per 500 waiting involvements, reading only the holds that had
// ended by d.
func waitingSince(ctx context.Context, db querier, d time.Time, hs []holding) error {
	at := map[int64]int{} // involvement id → index in hs
	var ids []int64
	for i, h := range hs {
		if h.worker == nil {
			at[h.inv] = i
			ids = append(ids, h.inv)
		}
	}
	return inChunks(ids, func(ph string, args []any) error {
		err := eachRow(ctx, db, func(r rowScanner) (heldRow, error) {
			var v heldRow
			var end, left dateCol
			err := r.Scan(&v.inv, &end, &left)
			v.ended = holdEnded(end.ptr(), left.ptr())
			return v, err
		}, func(v heldRow) {
			h := &hs[at[v.inv]]
			if v.ended.After(h.waitFrom) && !v.ended.After(d) {
				h.waitFrom = v.ended
			}
		}, `SELECT a.involvement_id, a.end_date, w.end_date FROM allocations a JOIN workers w ON w.id = a.worker_id
			WHERE a.start_date <= ? AND (a.end_date <= ? OR w.end_date < ?) AND a.involvement_id IN (`+ph+`)`,
			append([]any{day(d), day(d), day(d)}, args...)...)
		if err != nil {
			return fmt.Errorf("waiting since, on %s: %w", day(d), err)
		}
		return nil
	})
}

// heldRow is the day a worker's hold on an involvement ended.
type heldRow struct {
	inv   int64
	ended time.Time
}

// holdEnded is the day a worker's hold ended: the allocation's end or the
// day after the worker left, whichever came first (zero: neither).
func holdEnded(end, left *time.Time) time.Time {
	var out time.Time
	if end != nil {
		out = *end
	}
	if left != nil {
		after := left.AddDate(0, 0, 1)
		if out.IsZero() || after.Before(out) {
			out = after
		}
	}
	return out
}

// CaseStatesOn returns what each open case involved at the end of day
// asAt (zero: today), by child: the same facts casework.StateOn reads from
// a case file, read for every open child in three queries, with sibling
// groups.
func (s *Store) CaseStatesOn(ctx context.Context, asAt time.Time) (map[int64]casework.CaseState, error) {
	states, err := caseStatesOn(ctx, s, s.asAtOrToday(asAt))
	if err != nil {
		return nil, fmt.Errorf("store: case states: %w", err)
	}
	out := make(map[int64]casework.CaseState, len(states))
	for id, st := range states {
		out[id] = *st
	}
	return out, nil
}

// caseStatesOn returns, for each child with an involvement open on d, what
// their case involved on d: plans, enquiries and assessments in force that
// day, and their sibling group. Three queries.
func caseStatesOn(ctx context.Context, db querier, d time.Time) (map[int64]*casework.CaseState, error) {
	states := map[int64]*casework.CaseState{}
	state := func(child int64) *casework.CaseState {
		if states[child] == nil {
			states[child] = &casework.CaseState{ChildID: child}
		}
		return states[child]
	}
	inForce := func(table string) string {
		return `SELECT child_id, '` + table + `' FROM ` + table + ` WHERE error_reason = '' AND start_date <= ?
			AND (end_date IS NULL OR end_date > ?) AND child_id IN (` + openOn + `)`
	}
	q := inForce("cp_plans") + ` UNION ALL ` + inForce("s47_enquiries") + ` UNION ALL ` + inForce("cin_plans")
	args := make([]any, 12)
	for i := range args {
		args[i] = day(d)
	}
	err := eachRow(ctx, db, func(r rowScanner) (stateRow, error) {
		var v stateRow
		return v, r.Scan(&v.child, &v.table)
	}, func(v stateRow) {
		st := state(v.child)
		switch v.table {
		case "cp_plans":
			st.CPPlan = true
		case "s47_enquiries":
			st.S47 = true
		case "cin_plans":
			st.CINPlan = true
		}
	}, q, args...)
	if err != nil {
		return nil, fmt.Errorf("plans and enquiries on %s: %w", day(d), err)
	}
	as, err := openAssessmentsOn(ctx, db, d)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		state(a.child).Assessment = true
	}
	groups, err := siblingGroupsOn(ctx, db, d)
	if err != nil {
		return nil, err
	}
	for child, g := range groups {
		state(child).SiblingGroup = g
	}
	return states, nil
}

// stateRow is a record in force: the child and the table it is in.
type stateRow struct {
	child int64
	table string
}

// openAssessment is an assessment open at the end of day d, with the date
// of the referral its 45-working-day clock runs from.
type openAssessment struct {
	id, child int64
	start     time.Time
	completed *time.Time // completed on or before d, waiting for sign-off
	referral  time.Time
}

// openAssessmentsOn lists the assessments started on or before d and not
// authorised by d, of referrals not closed by d (an episode closed without
// sign-off leaves no assessment open, as in the timescale rules), for
// children whose case was open on d.
func openAssessmentsOn(ctx context.Context, db querier, d time.Time) ([]openAssessment, error) {
	var out []openAssessment
	err := eachRow(ctx, db, func(r rowScanner) (openAssessment, error) {
		var a openAssessment
		var start, completed, referral dateCol
		err := r.Scan(&a.id, &a.child, &start, &completed, &referral)
		a.start, a.referral = start.t, referral.t
		if completed.valid && !completed.t.After(d) {
			a.completed = completed.ptr()
		}
		return a, err
	}, func(a openAssessment) { out = append(out, a) },
		`SELECT a.id, a.child_id, a.start_date, a.completed_date, r.referral_date
		FROM assessments a JOIN referrals r ON r.id = a.referral_id
		WHERE a.error_reason = '' AND a.start_date <= ? AND (a.authorised_date IS NULL OR a.authorised_date > ?)
		AND (r.closure_date IS NULL OR r.closure_date > ?) AND a.child_id IN (`+openOn+`)
		ORDER BY r.referral_date, a.id`, day(d), day(d), day(d), day(d), day(d))
	if err != nil {
		return nil, fmt.Errorf("open assessments on %s: %w", day(d), err)
	}
	return out, nil
}

// siblingGroupsOn groups the children open on d who are linked to each
// other by a family relationship (a sibling, half-sibling or other child
// of the household): children linked directly or through another child
// share a group, numbered by its smallest child id.
func siblingGroupsOn(ctx context.Context, db querier, d time.Time) (map[int64]int64, error) {
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		root := find(p)
		parent[x] = root
		return root
	}
	err := eachRow(ctx, db, func(r rowScanner) ([2]int64, error) {
		var pair [2]int64
		return pair, r.Scan(&pair[0], &pair[1])
	}, func(pair [2]int64) {
		a, b := find(pair[0]), find(pair[1])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}, `SELECT child_id, related_child_id FROM relationships WHERE kind = 'family' AND related_child_id IS NOT NULL
		AND error_reason = '' AND child_id IN (`+openOn+`)`, day(d), day(d))
	if err != nil {
		return nil, fmt.Errorf("sibling groups on %s: %w", day(d), err)
	}
	out := make(map[int64]int64, len(parent))
	for x := range parent {
		out[x] = find(x)
	}
	return out, nil
}

// teamNames maps every team's id to its name.
func teamNames(ctx context.Context, db querier) (map[int64]string, error) {
	out := map[int64]string{}
	err := eachRow(ctx, db, func(r rowScanner) (casework.Team, error) {
		var t casework.Team
		return t, r.Scan(&t.ID, &t.Name)
	}, func(t casework.Team) { out[t.ID] = t.Name }, `SELECT id, name FROM teams`)
	return out, err
}

// nameOf is the name of a team or worker by optional id.
func nameOf(names map[int64]string, id *int64) string {
	if id == nil {
		return ""
	}
	return names[*id]
}

// idChunk is how many ids one IN (…) list carries: well under SQLite's
// and PostgreSQL's limits on parameters.
const idChunk = 500

// inChunks calls fn with each run of at most idChunk ids as a list of
// placeholders ("?,?,?") and its arguments.
func inChunks(ids []int64, fn func(placeholders string, args []any) error) error {
	for lo := 0; lo < len(ids); lo += idChunk {
		part := ids[lo:min(lo+idChunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		if err := fn(strings.TrimSuffix(strings.Repeat("?,", len(part)), ","), args); err != nil {
			return err
		}
	}
	return nil
}

// childrenByID loads the children with these ids.
func childrenByID(ctx context.Context, db querier, ids []int64) (map[int64]casework.Child, error) {
	out := make(map[int64]casework.Child, len(ids))
	err := inChunks(ids, func(ph string, args []any) error {
		return eachRow(ctx, db, scanChild, func(c casework.Child) { out[c.ID] = c },
			`SELECT `+childColumns+` FROM children WHERE id IN (`+ph+`)`, args...)
	})
	return out, err
}
