package store

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/casework"
)

// CaseloadFilter chooses caseloads: one team's workers (their team now)
// or, with TeamID 0, every worker's, as at the end of day AsAt (zero:
// today).
type CaseloadFilter struct {
	TeamID int64
	AsAt   time.Time
}

// Caseloads is the workers' caseloads as at a date.
type Caseloads struct {
	AsAt     time.Time
	Settings casework.CaseloadSettings // the weights and capacity used
	Workers  []casework.WorkerCaseload // over capacity first (casework.SortCaseloads)
	Summary  casework.CaseloadSummary
}

// Caseloads counts and weighs the cases each worker held at the end of day
// f.AsAt: every case holder in post that day, and anyone else who held a
// case, with the weights and capacities of the stored caseload settings.
// It runs six queries whatever the size of the service: the allocations,
// plans and enquiries, assessments, sibling links, workers and settings.
func (s *Store) Caseloads(ctx context.Context, f CaseloadFilter) (Caseloads, error) {
	c, err := s.caseloads(ctx, f)
	if err != nil {
		return c, fmt.Errorf("store: caseloads: %w", err)
	}
	return c, nil
}

func (s *Store) caseloads(ctx context.Context, f CaseloadFilter) (Caseloads, error) {
	d := s.asAtOrToday(f.AsAt)
	out := Caseloads{AsAt: d}
	settings, err := s.CaseloadSettings(ctx)
	if err != nil {
		return out, err
	}
	out.Settings = settings
	held, err := heldCases(ctx, s, d)
	if err != nil {
		return out, err
	}
	workers, err := workersOn(ctx, s, d, f.TeamID, held)
	if err != nil {
		return out, err
	}
	for _, w := range workers {
		out.Workers = append(out.Workers, settings.Load(w, held[w.ID]))
	}
	casework.SortCaseloads(out.Workers)
	out.Summary = settings.SummariseCaseloads(out.Workers)
	return out, nil
}

// CaseloadSettings reads the stored caseload and drift settings (defaults
// for those not stored).
func (s *Store) CaseloadSettings(ctx context.Context) (casework.CaseloadSettings, error) {
	values, err := s.settingValues(ctx)
	if err != nil {
		return casework.DefaultCaseloadSettings(), fmt.Errorf("store: caseload settings: %w", err)
	}
	return casework.CaseloadSettingsFrom(values)
}

// heldCases returns the state of every case each worker held on d, by
// worker id.
func heldCases(ctx context.Context, db querier, d time.Time) (map[int64][]casework.CaseState, error) {
	hs, err := holdingsOn(ctx, db, d)
	if err != nil {
		return nil, err
	}
	states, err := caseStatesOn(ctx, db, d)
	if err != nil {
		return nil, err
	}
	out := map[int64][]casework.CaseState{}
	for _, h := range hs {
		if h.worker == nil {
			continue
		}
		st := casework.CaseState{ChildID: h.child}
		if p := states[h.child]; p != nil {
			st = *p
		}
		out[*h.worker] = append(out[*h.worker], st)
	}
	return out, nil
}

// workersOn lists the case holders in post on d and anyone else holding
// cases that day (a manager, a worker who has not started),
// of team teamID (0: all), by name. Those who had left by d hold no cases
// (holdingsOn), so they are not read.
func workersOn(ctx context.Context, db querier, d time.Time, teamID int64, held map[int64][]casework.CaseState) ([]casework.Worker, error) {
	var out []casework.Worker
	err := eachRow(ctx, db, scanWorker, func(w casework.Worker) {
		if (w.ActiveOn(d) && casework.CaseHoldingRole(w.JobRole)) || len(held[w.ID]) > 0 {
			out = append(out, w)
		}
	}, `SELECT `+workerColumns+` FROM workers w LEFT JOIN teams t ON t.id = w.team_id
		WHERE (? = 0 OR w.team_id = ?) AND (w.end_date IS NULL OR w.end_date >= ?) ORDER BY w.name, w.id`, teamID, teamID, day(d))
	if err != nil {
		return nil, fmt.Errorf("workers on %s: %w", day(d), err)
	}
	return out, nil
}
