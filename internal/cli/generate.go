package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/metrics"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// generateActor is who the history says wrote a generated authority.
var generateActor = store.Actor{UserID: 0, Name: "sightline generate"}

// generateOptions are generate's flags, checked.
type generateOptions struct {
	dsn       string
	scenario  synth.Scenario
	size      synth.Size
	seed      uint64
	asAt      time.Time
	now       func() time.Time // the store's clock; nil: the real one (tests fix it)
	batchRows int
	start     time.Time // the first day of history; zero: the size's years before the as-at date
	fresh     bool      // the database is a SQLite file made by this run (store.BulkWriter)
}

// runGenerate is `sightline generate`: it writes a synthetic authority.
func runGenerate(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "generate", "--db DB [--scenario NAME] [--size small|la|national] [--seed N] [--as-at YYYY-MM-DD]",
		"Writes a synthetic (fictional) authority into a database that holds no children yet: teams,\n"+
			"staff, children and their help and protection work, at England's rates or a scenario's.\n"+
			"The same scenario, size, seed and as-at date always give the same records.\n"+
			"Scenarios: "+strings.Join(synth.ScenarioNames(), ", ")+". Sizes: "+strings.Join(synth.SizeNames(), ", ")+".")
	db := f.dbFlag()
	scenario := f.String("scenario", "steady", "the kind of authority: "+strings.Join(synth.ScenarioNames(), ", "))
	size := f.String("size", "small", "how big: "+strings.Join(synth.SizeNames(), ", "))
	seed := f.Uint64("seed", 1, "the seed: the same seed gives the same authority")
	asAt := f.String("as-at", "", "the last day of history, YYYY-MM-DD (default: the scenario's date; today for steady)")
	if err := f.parse(args); err != nil {
		return err
	}
	o, err := generateOptionsFrom(*db, *scenario, *size, *seed, *asAt, time.Now())
	if err != nil {
		return err
	}
	return generate(ctx, e, o)
}

// generateOptionsFrom checks the flags: an unknown scenario or size, or a
// bad date, is a usage error naming the valid values.
func generateOptionsFrom(db, scenario, size string, seed uint64, asAt string, now time.Time) (generateOptions, error) {
	o := generateOptions{seed: seed, batchRows: 25000}
	var err error
	if o.dsn, err = database(db); err != nil {
		return o, err
	}
	o.fresh = newFile(o.dsn)
	if o.scenario, err = synth.LookupScenario(scenario); err != nil {
		return o, usagef("generate: %v", err)
	}
	if o.size, err = synth.LookupSize(size); err != nil {
		return o, usagef("generate: %v", err)
	}
	today := calendar.Today(now)
	o.asAt = o.scenario.AsAt
	if o.asAt.IsZero() {
		o.asAt = today
	}
	if asAt != "" {
		d, err := time.Parse(time.DateOnly, strings.TrimSpace(asAt))
		if err != nil {
			return o, usagef("generate: --as-at %q is not a date: give it as YYYY-MM-DD, like 2017-09-30", asAt)
		}
		o.asAt = d
	}
	if o.asAt.After(today) {
		return o, usagef("generate: --as-at %s is in the future: history can run only to today (%s)",
			calendar.FormatDate(o.asAt), calendar.FormatDate(today))
	}
	if o.asAt.Year() < 2010 {
		return o, usagef("generate: --as-at %s is too early: give a date from 2010-01-01", calendar.FormatDate(o.asAt))
	}
	return o, nil
}

// generate makes the authority and writes it batch by batch, with progress
// on stderr and a summary on stdout. A size made in areas (national) is
// made and written one area at a time.
func generate(ctx context.Context, e *env, o generateOptions) error {
	st, err := openForGenerate(ctx, e.stderr, o)
	if err != nil {
		return err
	}
	defer st.Close()
	return generateInto(ctx, st, e.stderr, e.stdout, o)
}

// generateInto writes the authority into st (opened, migrated and found
// empty), with progress on progress and the summary on summary.
func generateInto(ctx context.Context, st *store.Store, progress, summary io.Writer, o generateOptions) error {
	ids, err := st.NextIDs(ctx)
	if err != nil {
		return err
	}
	writers, err := batchWriters(ctx, st, o.fresh)
	if err != nil {
		return err
	}
	defer closeWriters(writers)
	defer collectLess()()
	began := time.Now()
	restore, err := loadSchema(ctx, progress, writers[0])
	if err != nil {
		return err
	}
	var t tally
	var last *synth.Authority
	err = synth.Stream(synth.Config{Scenario: o.scenario, Size: o.size, Seed: o.seed, AsAt: o.asAt, Start: o.start, IDs: ids},
		func(a *synth.Authority) error {
			area := ""
			if a.Area > 0 {
				area = fmt.Sprintf(", area %d of %d", a.Area, a.Areas)
			}
			fmt.Fprintf(progress, "generated %s at size %s%s (seed %d, %s to %s) in %s; writing\n", o.scenario.Name,
				o.size.Name, area, o.seed, calendar.FormatDate(a.Start), calendar.FormatDate(a.AsAt),
				time.Since(began).Round(time.Millisecond))
			if err := writeBatches(ctx, progress, writers, a, o.batchRows, &t); err != nil {
				return err
			}
			t.inPost += inPostAt(a)
			last = a
			return nil
		})
	if err = errors.Join(err, restore()); err != nil {
		return err
	}
	// The child population is the denominator of every rate per 10,000.
	pop := strconv.Itoa(o.size.Population)
	if err := st.PutSetting(ctx, generateActor, metrics.KeyChildPopulation, pop, 0); err != nil {
		return err
	}
	if err := ownLACode(ctx, st); err != nil {
		return err
	}
	fmt.Fprintf(progress, "analysing the tables for the query planner\n")
	analysed := time.Now()
	if err := writers[0].Analyze(ctx); err != nil {
		return err
	}
	fmt.Fprintf(progress, "analysed the tables in %s\n", time.Since(analysed).Round(time.Millisecond))
	printGenerated(summary, o, last, t, time.Since(began))
	return nil
}

// ownLACode gives a generated authority the DfE number its register of
// placement providers calls its own (synth.OwnLACode, not a real
// authority's), so its returns carry an LA code and the rule comparing a
// provider's authority with the placing one (SSDA903 229) runs; and the
// ONS code its postcode directory puts its own postcodes in
// (synth.OwnArea), la_area, so that a placement there is IN the
// authority as the DfE works PL_LOCATION out. A setting already set is
// left as it is.
func ownLACode(ctx context.Context, st *store.Store) error {
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	for _, s := range []struct{ key, value string }{{"la_code", synth.OwnLACode}, {"la_area", synth.OwnArea}} {
		if _, ok := settings[s.key]; ok {
			continue
		}
		if err := st.PutSetting(ctx, generateActor, s.key, s.value, 0); err != nil {
			return err
		}
	}
	return nil
}

// loadSchema readies the tables for the load: it drops their secondary
// indexes (store.DropIndexes: each batch would otherwise change pages all
// over the date indexes) and stops their foreign keys being checked row by
// row (store.DeferForeignKeys), and returns the function that builds the
// indexes again and checks every row against the keys at once, to be
// called however the load ends; the two run side by side, each on a
// connection of its own. Building each index in one sort costs
// less than keeping it up row by row from the first batch, even at la's
// million rows.
func loadSchema(ctx context.Context, progress io.Writer, sw *store.SyntheticWriter) (restore func() error, err error) {
	build, err := sw.DropIndexes(ctx)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	check, err := sw.DeferForeignKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", errors.Join(err, build(context.WithoutCancel(ctx))))
	}
	return func() error {
		ctx := context.WithoutCancel(ctx)
		fmt.Fprintf(progress, "building the indexes and checking the foreign keys\n")
		began := time.Now()
		var checkErr error
		var checked time.Duration
		var wg sync.WaitGroup
		wg.Go(func() {
			checkErr = check(ctx)
			checked = time.Since(began)
		})
		err := build(ctx)
		built := time.Since(began)
		wg.Wait()
		fmt.Fprintf(progress, "built the indexes in %s, checked the foreign keys in %s\n",
			built.Round(time.Millisecond), checked.Round(time.Millisecond))
		if err = errors.Join(err, checkErr); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
		return nil
	}, nil
}

// While an authority is written it is held whole (la: some 400 MB), so
// each garbage collection marks all of it again though only the batches'
// values are new garbage. Collecting when the heap has grown by twice the
// live data rather than once halves that work (for la, about a second of
// CPU out of twelve) for a third more memory at the peak (la: 1.3 GiB of
// RSS to 1.55). The soft limit has the collector work harder again should
// the heap near 3 GiB, so that with SQLite's page cache beside it the
// process stays under 4 GiB.
const (
	loadGCPercent   = 200
	loadMemoryLimit = 3 << 30
)

// collectLess sets the garbage collector for a load and returns the
// function that sets it back.
func collectLess() (restore func()) {
	pct := debug.SetGCPercent(loadGCPercent)
	limit := debug.SetMemoryLimit(loadMemoryLimit)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}

// inPostAt counts an authority's staff in post at its as-at date.
func inPostAt(a *synth.Authority) int {
	n := 0
	for _, w := range a.Staff().Workers {
		if w.ActiveOn(a.AsAt) {
			n++
		}
	}
	return n
}

// openForGenerate opens (creating a SQLite file) and migrates the
// database, and refuses one that holds any child or staff: the generator
// writes only into a database of its own, and never beside real records.
func openForGenerate(ctx context.Context, w io.Writer, o generateOptions) (*store.Store, error) {
	var opts []store.Option
	if o.now != nil {
		opts = append(opts, store.WithClock(o.now))
	}
	st, err := store.Open(ctx, o.dsn, opts...)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, w, st); err != nil {
		st.Close()
		return nil, err
	}
	if err := checkEmpty(ctx, st, o.dsn); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// newFile reports whether dsn names a SQLite file that is not there yet
// (or is empty): one the load makes, with nothing in it to lose.
func newFile(dsn string) bool {
	if isPostgres(dsn) {
		return false
	}
	path := dsn
	if uri, ok := strings.CutPrefix(dsn, "file:"); ok {
		path, _, _ = strings.Cut(uri, "?")
	}
	fi, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode().IsRegular() && fi.Size() == 0)
}

// checkEmpty refuses a database holding real children, or a generated
// authority already, or teams and staff of its own.
func checkEmpty(ctx context.Context, st *store.Store, dsn string) error {
	total, real, err := st.CountChildren(ctx)
	if err != nil {
		return err
	}
	where := displayDSN(dsn)
	switch {
	case real > 0:
		return fmt.Errorf("generate: refusing to write into %s: it holds %d real (not synthetic) children. "+
			"The generator never writes beside real records: give it a new database", where, real)
	case total > 0:
		return fmt.Errorf("generate: %s already holds a generated authority (%d synthetic children). "+
			"An authority is generated once, whole: give a new database (or remove this one)", where, total)
	}
	teams, err := st.Teams(ctx)
	if err != nil {
		return err
	}
	workers, err := st.Workers(ctx, 0)
	if err != nil {
		return err
	}
	if len(teams) > 0 || len(workers) > 0 {
		return fmt.Errorf("generate: refusing to write into %s: it already has %d teams and %d staff of its own. "+
			"The generator makes a whole authority: give it a new database", where, len(teams), len(workers))
	}
	return nil
}

// tally counts what was written, table by table, in the order first met.
type tally struct {
	tables []store.TableRows
	rows   int
	took   time.Duration
	began  time.Time
	inPost int // staff in post at the as-at date
}

func (t *tally) add(s store.BatchSummary) {
	for _, tr := range s.Tables {
		found := false
		for i := range t.tables {
			if t.tables[i].Table == tr.Table {
				t.tables[i].Rows += tr.Rows
				found = true
			}
		}
		if !found {
			t.tables = append(t.tables, tr)
		}
	}
	t.rows += s.Rows
}

func (t *tally) of(table string) int {
	for _, tr := range t.tables {
		if tr.Table == table {
			return tr.Rows
		}
	}
	return 0
}

// batchResult is one batch written, or the error that stopped it.
type batchResult struct {
	seq int64
	sum store.BatchSummary
	err error
}

// batchWriters are the writers generate writes with, kept from one area to
// the next. On PostgreSQL two work side by side (the server does the work
// of a COPY, a core per connection); SQLite takes one writer at a time,
// which holds its connection, with settings for a bulk load, for the whole
// run (store.BulkWriter).
func batchWriters(ctx context.Context, st *store.Store, fresh bool) ([]*store.SyntheticWriter, error) {
	if st.Backend() == "postgres" {
		return []*store.SyntheticWriter{st.SyntheticWriter(), st.SyntheticWriter()}, nil
	}
	sw, err := st.BulkWriter(ctx, fresh)
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	return []*store.SyntheticWriter{sw}, nil
}

func closeWriters(writers []*store.SyntheticWriter) {
	for _, sw := range writers {
		sw.Close()
	}
}

// writeBatches writes the staff batch, then the families' batches, one
// transaction each, printing progress. A failed batch stops the rest; the
// batches written before it stay.
func writeBatches(ctx context.Context, w io.Writer, writers []*store.SyntheticWriter, a *synth.Authority, rows int, t *tally) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make(chan batchResult)
	go feedBatches(ctx, writers, a, rows, results)
	var errs []error
	if t.began.IsZero() {
		t.began = time.Now()
	}
	for r := range results {
		if r.err != nil {
			errs = append(errs, fmt.Errorf("batch %d: %w", r.seq, r.err))
			cancel()
			continue
		}
		t.add(r.sum)
		t.took = time.Since(t.began)
		fmt.Fprintf(w, "batch %d: %d rows; %d rows written, %.0f rows/s\n", r.seq, r.sum.Rows, t.rows, rate(t.rows, t.took))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("generate: %w (the batches reported written stay)", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("generate: stopped (the batches reported written stay): %w", err)
	}
	return nil
}

// feedBatches writes the first batch (the staff, whom every later batch
// refers to) with the first writer, then hands the rest to the writers,
// sending every result and closing results when all are done.
func feedBatches(ctx context.Context, writers []*store.SyntheticWriter, a *synth.Authority, rows int, results chan<- batchResult) {
	jobs := make(chan *store.SyntheticBatch)
	var wg sync.WaitGroup
	for _, sw := range writers {
		wg.Go(func() { writeEach(ctx, sw, jobs, results) })
	}
	defer func() {
		close(jobs)
		wg.Wait()
		close(results)
	}()
	first := true
	for b := range a.Batches(rows) {
		if first {
			first = false
			sum, err := writers[0].Write(ctx, generateActor, b)
			results <- batchResult{b.Seq, sum, err}
			if err != nil {
				return
			}
			continue
		}
		select {
		case jobs <- b:
		case <-ctx.Done():
			return
		}
	}
}

// writeEach writes the batches it is given with its writer.
func writeEach(ctx context.Context, sw *store.SyntheticWriter, jobs <-chan *store.SyntheticBatch, results chan<- batchResult) {
	for b := range jobs {
		if ctx.Err() != nil {
			continue
		}
		sum, err := sw.Write(ctx, generateActor, b)
		results <- batchResult{b.Seq, sum, err}
	}
}

func rate(rows int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(rows) / d.Seconds()
}

// printGenerated prints what was made.
func printGenerated(w io.Writer, o generateOptions, a *synth.Authority, t tally, took time.Duration) {
	fmt.Fprintf(w, "%s: %s\n", synth.AuthorityName, o.scenario.Title)
	fmt.Fprintf(w, "size %s, seed %d, history %s to %s\n", o.size.Name, o.seed, calendar.FormatDate(a.Start),
		calendar.FormatDate(a.AsAt))
	fmt.Fprintf(w, "  %-22s %d in post at the end, %d over the years\n", "staff", t.inPost, t.of("workers"))
	fmt.Fprintf(w, "  %-22s %d\n", "posts", t.of("posts"))
	for _, line := range [][2]string{{"teams", "teams"}, {"children", "children"},
		{"contacts", "contacts"}, {"referrals", "referrals"}, {"assessments", "assessments"},
		{"strategy discussions", "strategy_discussions"}, {"section 47 enquiries", "s47_enquiries"},
		{"conferences", "conferences"}, {"child protection plans", "cp_plans"}, {"core groups", "core_groups"},
		{"child in need plans", "cin_plans"}, {"visits", "visits"}, {"case notes", "case_notes"}} {
		fmt.Fprintf(w, "  %-22s %d\n", line[0], t.of(line[1]))
	}
	fmt.Fprintf(w, "%d rows in %s (%.0f rows/s written)\n", t.rows, took.Round(time.Millisecond), rate(t.rows, t.took))
	fmt.Fprintf(w, "Every child is synthetic. Staff cannot sign in until given a password ('sightline user').\n")
}
