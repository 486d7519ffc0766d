// Package engine keeps the indicator engine's in-memory copy of the
// records (metrics.Data) up to date with the store: it reads everything
// once, then after each write reads only the children the history chain
// shows were touched. The indicator rules themselves are in package
// metrics and know nothing of the database.
package engine

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/metrics"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// Engine answers indicator queries from an in-memory copy of the records.
// It is safe for concurrent use.
type Engine struct {
	st *store.Store

	mu      sync.RWMutex
	data    *metrics.Data
	seq     int64 // the last history event the data reflects
	gen     int64 // bumped on every change to data, so cached results know they are stale
	loads   int   // full loads done
	updates int   // children read again after writes

	results resultCache // figures already worked out for the data as it is (cache.go)
	warm    warmState   // the load started in the background at start-up (warm.go)
}

// New returns an engine over st; the first query (or Warm) loads it.
func New(st *store.Store) *Engine { return &Engine{st: st} }

// Stats says how the engine has read the store.
type Stats struct {
	Seq        int64 // the last history event applied
	FullLoads  int   // times everything was read
	Rereads    int   // children read again after writes
	Children   int
	ColumnsMiB float64
	Rows       map[string]int
}

// Stats reports the engine's state.
func (e *Engine) Stats() Stats {
	e.mu.RLock()
	defer e.mu.RUnlock()
	s := Stats{Seq: e.seq, FullLoads: e.loads, Rereads: e.updates}
	if e.data != nil {
		s.Children = e.data.Children()
		s.ColumnsMiB = float64(e.data.Bytes()) / (1 << 20)
		s.Rows = e.data.Rows()
	}
	return s
}

// Load reads every record again.
func (e *Engine) Load(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.load(ctx)
}

func (e *Engine) load(ctx context.Context) error {
	// The head is read first: a write committed while the records are
	// read is then applied again by the next Refresh, which is harmless.
	seq, err := e.st.HistoryHead(ctx)
	if err != nil {
		return err
	}
	org, ts, err := e.readOrg(ctx)
	if err != nil {
		return err
	}
	data := metrics.NewData(org)
	if err := e.putAll(ctx, data, ts); err != nil {
		return err
	}
	e.data, e.seq = data, seq
	e.loads++
	e.gen++
	return nil
}

// Refresh applies the writes made since the data was read: it reads again
// the children the history names, the staff when they changed, and
// everything when a write named no children (a generator batch) or
// changed a setting or the calendar that every figure depends on.
func (e *Engine) Refresh(ctx context.Context) error {
	// Most queries find nothing written since the last: one read of the
	// history head answers that without taking the write lock, so
	// concurrent readers do not queue behind one another.
	e.mu.RLock()
	loaded, seq := e.data != nil, e.seq
	e.mu.RUnlock()
	if loaded {
		head, err := e.st.HistoryHead(ctx)
		if err != nil || head == seq {
			return err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.data == nil {
		return e.load(ctx)
	}
	ch, err := e.st.ChangesSince(ctx, e.seq)
	if err != nil || ch.Head == e.seq {
		return err
	}
	if ch.Unknown || ch.Entities["setting"] || ch.Entities["holiday"] {
		return e.load(ctx)
	}
	org, ts, err := e.readOrg(ctx)
	if err != nil {
		return err
	}
	e.gen++
	e.data.Org = org
	if len(ch.Children) > 0 {
		if err := e.put(ctx, e.data, ts, ch.Children); err != nil {
			return err
		}
		e.updates += len(ch.Children)
	}
	e.seq = ch.Head
	return nil
}

// put reads the records of the children ids (nil: all) into data, with
// their timescale tasks.
func (e *Engine) put(ctx context.Context, data *metrics.Data, ts timescale.Settings, ids []int64) error {
	recs, err := e.st.MetricsRecords(ctx, ids)
	if err != nil {
		return err
	}
	data.Put(Convert(recs, data.Org.Calendar, ts, calendar.Today(e.st.Now())))
	return nil
}

// loadSlice is how many child ids a full load reads at a time: the store's
// records of a slice are turned into columns and let go before the next is
// read, so a national data set never holds every record at once.
var loadSlice int64 = 50_000

// putAll reads every child's records into data, a slice of ids at a time.
func (e *Engine) putAll(ctx context.Context, data *metrics.Data, ts timescale.Settings) error {
	lo, hi, err := e.st.ChildIDBounds(ctx)
	if err != nil || hi == 0 {
		return err
	}
	today := calendar.Today(e.st.Now())
	for from := lo; from <= hi; from += loadSlice {
		recs, err := e.st.MetricsRecordsBetween(ctx, from, min(hi, from+loadSlice-1))
		if err != nil {
			return err
		}
		data.Put(Convert(recs, data.Org.Calendar, ts, today))
	}
	return nil
}

// readOrg reads the staff, settings, calendar and population.
func (e *Engine) readOrg(ctx context.Context) (metrics.Org, timescale.Settings, error) {
	var org metrics.Org
	var err error
	wrap := func(what string, err error) error { return fmt.Errorf("indicators: read %s: %w", what, err) }
	if org.Workers, err = e.st.Workers(ctx, 0); err != nil {
		return org, timescale.Settings{}, wrap("workers", err)
	}
	if org.Teams, err = e.st.Teams(ctx); err != nil {
		return org, timescale.Settings{}, wrap("teams", err)
	}
	if org.Register, err = e.st.WorkforceRegister(ctx, 0); err != nil {
		return org, timescale.Settings{}, wrap("workforce register", err)
	}
	if org.Caseload, err = e.st.CaseloadSettings(ctx); err != nil {
		return org, timescale.Settings{}, wrap("caseload settings", err)
	}
	if org.Calendar, err = e.st.Calendar(ctx); err != nil {
		return org, timescale.Settings{}, wrap("calendar", err)
	}
	stored, err := e.st.Settings(ctx)
	if err != nil {
		return org, timescale.Settings{}, wrap("settings", err)
	}
	values := map[string]string{}
	for k, s := range stored {
		values[k] = s.Value
	}
	ts, err := timescale.SettingsFrom(values)
	if err != nil {
		return org, ts, wrap("timescale settings", err)
	}
	org.CPVisitWorkingDays = ts.CPVisitWorkingDays
	if raw := strings.TrimSpace(values[metrics.KeyChildPopulation]); raw != "" {
		if org.Population, err = strconv.Atoi(raw); err != nil || org.Population < 0 {
			return org, ts, fmt.Errorf("indicators: setting %s: %q is not a number of children", metrics.KeyChildPopulation, raw)
		}
	}
	return org, ts, nil
}

// Convert turns the store's records into the engine's, working out each
// child's timescale tasks as at today (a task done after a date asked for
// counts as open on it: the rules read the done date against the date).
func Convert(r store.MetricsRecords, cal *calendar.Calendar, ts timescale.Settings, today time.Time) metrics.Records {
	out := metrics.Records{Files: r.Files, FamilyLinks: r.FamilyLinks}
	for _, iv := range r.Involvements {
		m := metrics.Involvement{ID: iv.ID, ChildID: iv.ChildID, Start: iv.Start, End: iv.End, TeamID: iv.TeamID}
		for _, a := range iv.Allocations {
			m.Allocations = append(m.Allocations, metrics.Allocation{TeamID: a.TeamID, WorkerID: a.WorkerID, Start: a.Start, End: a.End})
		}
		out.Involvements = append(out.Involvements, m)
	}
	for _, p := range r.Progress {
		out.Progress = append(out.Progress, metrics.ChildDay{ChildID: p.ChildID, Day: p.Day})
	}
	var buf []timescale.Task
	for _, cf := range r.Files {
		buf = timescale.AppendTasks(buf[:0], cf, cal, ts, today)
		for _, t := range buf {
			out.Tasks = append(out.Tasks, metrics.Task{ChildID: t.ChildID, Rule: t.Rule.ID, Start: t.Start, Due: t.Due, Done: t.Done})
		}
	}
	return out
}

// Compute brings the engine up to date and works out the indicators the
// query asks for; a query the records cannot answer (a date before them
// or in the future, an empty period) is refused with the reason.
func (e *Engine) Compute(ctx context.Context, q metrics.Query) ([]metrics.Result, error) {
	rs, _, err := e.ComputeGen(ctx, q)
	return rs, err
}

// ComputeGen is Compute that also names the generation of the data the
// figures come from: the same query on the same generation gives the same
// figures, so a caller may keep what it makes from them (a rendered page)
// until the generation changes.
func (e *Engine) ComputeGen(ctx context.Context, q metrics.Query) ([]metrics.Result, int64, error) {
	if err := e.Refresh(ctx); err != nil {
		return nil, 0, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if err := e.data.Check(q, e.st.Now()); err != nil {
		return nil, 0, err
	}
	return e.results.get(e.gen, q, e.data.Compute), e.gen, nil
}

// Contributors lists the children behind one indicator's figure.
func (e *Engine) Contributors(ctx context.Context, q metrics.Query, id string) ([]metrics.Contribution, error) {
	if err := e.Refresh(ctx); err != nil {
		return nil, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if err := e.data.Check(q, e.st.Now()); err != nil {
		return nil, err
	}
	return e.data.Contributors(q, id)
}

// First is the first day of the records (zero when there are none).
func (e *Engine) First(ctx context.Context) (time.Time, error) {
	if err := e.Refresh(ctx); err != nil {
		return time.Time{}, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	f := e.data.First()
	if f == metrics.Never {
		return time.Time{}, nil
	}
	return metrics.TimeOf(f), nil
}

// DataFrom builds the in-memory data from records read (or made) without
// an engine: for measuring and checking the rules on generated records.
func DataFrom(org metrics.Org, recs store.MetricsRecords, ts timescale.Settings, today time.Time) *metrics.Data {
	data := metrics.NewData(org)
	data.Put(Convert(recs, data.Org.Calendar, ts, today))
	return data
}

// CPPlans analyses the child protection plans in force at the end of asAt.
func (e *Engine) CPPlans(ctx context.Context, asAt time.Time) (metrics.CPAnalysis, error) {
	if err := e.Refresh(ctx); err != nil {
		return metrics.CPAnalysis{}, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if err := e.data.Check(metrics.Query{AsAt: asAt}, e.st.Now()); err != nil {
		return metrics.CPAnalysis{}, err
	}
	return e.data.CPPlans(asAt), nil
}

// CPShares is the plans' category shares at each quarter end in the years
// to asAt, from the first quarter end the records cover.
func (e *Engine) CPShares(ctx context.Context, asAt time.Time, years int) (metrics.CPTrend, error) {
	if err := e.Refresh(ctx); err != nil {
		return metrics.CPTrend{}, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	if err := e.data.Check(metrics.Query{AsAt: asAt}, e.st.Now()); err != nil {
		return metrics.CPTrend{}, err
	}
	return e.data.CPShares(metrics.QuarterEnds(asAt, years, metrics.TimeOf(e.data.First()))), nil
}
