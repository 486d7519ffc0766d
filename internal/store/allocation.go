package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// QueueFilter chooses an unallocated queue: one team's (the team that held
// the case that day) or, with TeamID 0, the whole service's, as at the end
// of day AsAt (zero: today).
type QueueFilter struct {
	TeamID int64
	AsAt   time.Time
}

// QueueEntry is one child waiting for a worker.
type QueueEntry struct {
	InvolvementID int64
	Child         casework.Child
	TeamID        *int64
	TeamName      string
	OpenedOn      time.Time          // the day the involvement opened
	WaitingSince  time.Time          // the day it opened, or the day its last worker's allocation ended
	DaysWaiting   int                // calendar days from WaitingSince to the date asked
	State         casework.CaseState // what the case involved that day
	Priority      casework.Priority
	Next          *timescale.Task // the next open task that day, overdue first; nil when nothing is due
}

// Queue is the unallocated work of a team or the service as at a date.
type Queue struct {
	AsAt    time.Time
	Entries []QueueEntry // child protection first, then the longest wait
	// Service-wide, whatever the filter: the open cases that day and
	// those of them with no worker (the target is none).
	ServiceOpen, ServiceUnallocated int
}

// asAtOrToday is the civil date asked, or today by the store's clock.
func (s *Store) asAtOrToday(d time.Time) time.Time {
	if d.IsZero() {
		return calendar.Today(s.Now())
	}
	return calendar.Civil(d)
}

// UnallocatedQueue lists every involvement open at the end of day f.AsAt
// with no worker in post holding it (never allocated, its worker left, or
// taken from its worker), with how long it has waited, its priority (child
// protection first: casework.StateOn its case file) and its next timescale
// task that day under the local settings and calendar. It runs a fixed
// number of queries: who held each open case, the teams, the settings
// and holidays, and for the waiting children when their last worker's
// hold ended and what the timescale rules read of their case files (13
// per 500 of them).
func (s *Store) UnallocatedQueue(ctx context.Context, f QueueFilter) (Queue, error) {
	q, err := s.unallocatedQueue(ctx, f)
	if err != nil {
		return q, fmt.Errorf("store: unallocated queue: %w", err)
	}
	return q, nil
}

func (s *Store) unallocatedQueue(ctx context.Context, f QueueFilter) (Queue, error) {
	d := s.asAtOrToday(f.AsAt)
	q := Queue{AsAt: d}
	hs, err := holdingsOn(ctx, s, d)
	if err != nil {
		return q, err
	}
	var waiting []holding
	for _, h := range hs {
		if h.worker != nil {
			continue
		}
		q.ServiceUnallocated++
		if f.TeamID == 0 || (h.team != nil && *h.team == f.TeamID) {
			waiting = append(waiting, h)
		}
	}
	q.ServiceOpen = len(hs)
	if len(waiting) == 0 {
		return q, nil
	}
	if err := waitingSince(ctx, s, d, waiting); err != nil {
		return q, err
	}
	teams, err := teamNames(ctx, s)
	if err != nil {
		return q, err
	}
	files, err := s.caseFilesOf(ctx, waiting)
	if err != nil {
		return q, err
	}
	tasks, err := s.taskReader(ctx, d)
	if err != nil {
		return q, err
	}
	for _, h := range waiting {
		e := QueueEntry{InvolvementID: h.inv, TeamID: h.team, TeamName: nameOf(teams, h.team), OpenedOn: h.opened,
			WaitingSince: h.waitFrom, DaysWaiting: int(d.Sub(h.waitFrom).Hours() / 24), State: casework.CaseState{ChildID: h.child}}
		if cf, ok := files[h.child]; ok {
			e.Child, e.State, e.Next = cf.Child, casework.StateOn(cf, d), tasks(cf)
		}
		e.Priority = e.State.Priority()
		q.Entries = append(q.Entries, e)
	}
	sortQueue(q.Entries)
	return q, nil
}

// sortQueue puts child protection first, then the longest wait, then the
// earliest opened, then by child.
func sortQueue(es []QueueEntry) {
	slices.SortFunc(es, func(a, b QueueEntry) int {
		if c := cmp.Compare(a.Priority, b.Priority); c != 0 {
			return c
		}
		if c := a.WaitingSince.Compare(b.WaitingSince); c != 0 {
			return c
		}
		if c := a.OpenedOn.Compare(b.OpenedOn); c != 0 {
			return c
		}
		return cmp.Compare(a.Child.ID, b.Child.ID)
	})
}

// caseFilesOf loads what the queue reads of the case files of the
// holdings' children (timingParts), by id.
func (s *Store) caseFilesOf(ctx context.Context, hs []holding) (map[int64]casework.CaseFile, error) {
	ids := make([]int64, len(hs))
	for i, h := range hs {
		ids[i] = h.child
	}
	out := make(map[int64]casework.CaseFile, len(ids))
	err := inChunks(ids, func(ph string, args []any) error {
		files, err := loadCaseFilesWith(ctx, s, timingParts, `SELECT id AS child_id FROM children WHERE id IN (`+ph+`)`, args...)
		for _, cf := range files {
			out[cf.Child.ID] = cf
		}
		return err
	})
	return out, err
}

// taskReader returns a function giving a case file's next open task as at
// d, under the stored timescale settings and the calendar with the
// holidays an administrator added.
func (s *Store) taskReader(ctx context.Context, d time.Time) (func(casework.CaseFile) *timescale.Task, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	values, err := s.settingValues(ctx)
	if err != nil {
		return nil, err
	}
	st, err := timescale.SettingsFrom(values)
	if err != nil {
		return nil, err
	}
	return func(cf casework.CaseFile) *timescale.Task {
		return timescale.Next(timescale.Tasks(cf, cal, st, d))
	}, nil
}

// settingValues reads the stored settings as key/value text.
func (s *Store) settingValues(ctx context.Context) (map[string]string, error) {
	stored, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	values := make(map[string]string, len(stored))
	for k, v := range stored {
		values[k] = v.Value
	}
	return values, nil
}

// UnallocatedCount is the service-wide count as at the end of day asAt
// (zero: today): the open cases, and those with no worker in post holding
// them. One query.
func (s *Store) UnallocatedCount(ctx context.Context, asAt time.Time) (open, unallocated int, err error) {
	hs, err := holdingsOn(ctx, s, s.asAtOrToday(asAt))
	if err != nil {
		return 0, 0, fmt.Errorf("store: unallocated count: %w", err)
	}
	for _, h := range hs {
		if h.worker == nil {
			unallocated++
		}
	}
	return len(hs), unallocated, nil
}
