package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/annexa"
	"sightline/internal/returns/cin"
	"sightline/internal/returns/workforce"
	"sightline/internal/store"
)

// returnKind splits `SUBCOMMAND KIND [FILE] [flags]`: the kind of return,
// the file when the subcommand takes one (before or after the flags), and
// the flags.
func returnKind(name string, args []string, kinds []string, wantFile bool) (kind, file string, rest []string, err error) {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return "", "", nil, usagef("%s: say which return: %s (see 'sightline %s -h')", name, strings.Join(kinds, " or "), name)
	}
	kind, rest = args[0], args[1:]
	if !contains(kinds, kind) {
		return "", "", nil, usagef("%s: unknown return %q: choose %s", name, kind, strings.Join(kinds, " or "))
	}
	if wantFile && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:]
	}
	return kind, file, rest, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// fileArg is the FILE given before the flags or as the one argument left
// after them.
func fileArg(f *flags, name, file string) (string, error) {
	if file == "" && f.NArg() == 1 {
		file = f.Arg(0)
	} else if f.NArg() > 0 {
		return "", usagef("%s: unexpected argument %q", name, f.Arg(0))
	}
	if file == "" {
		return "", usagef("%s: give the file to read (see 'sightline %s -h')", name, name)
	}
	return file, nil
}

// parseLoose parses flags allowing positional arguments (the FILE).
func (f *flags) parseLoose(args []string) error {
	err := f.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.printHelp()
		return err
	case err != nil:
		return usagef("%s: %v (see 'sightline %s -h')", f.name, err, f.name)
	}
	return nil
}

// runValidate is `sightline validate cin FILE`.
func runValidate(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		args = []string{"cin", "-h"}
	}
	kind, file, rest, err := returnKind("validate", args, []string{"cin", "ssda903"}, true)
	if err != nil {
		return err
	}
	if kind == "ssda903" {
		return validateSSDA903(e, file, rest)
	}
	f := newFlags(e, "validate", "cin FILE [--year 2026] [--previous LAST_YEARS_FILE]",
		"Checks a CIN census file against its schema and the DfE's validation rules for the year, and\n"+
			"prints every failure: rule code, error or query, child, line, element and message.\n"+
			"Exits 1 when there is any error (queries alone exit 0).")
	year := f.Int("year", 2026, "the collection year, named by the year it ends (2026 is 2025 to 2026)")
	previous := f.String("previous", "", "last year's return, for the rules that compare with it")
	if err := f.parseLoose(rest); err != nil {
		return err
	}
	if file, err = fileArg(f, "validate", file); err != nil {
		return err
	}
	defer censusGC()()
	began := time.Now()
	m, problems, err := readCIN(file, nil)
	if err != nil {
		return err
	}
	var prev *cin.Message
	if *previous != "" {
		p, _, err := readCIN(*previous, nil)
		if err != nil {
			return fmt.Errorf("validate: last year's return: %w", err)
		}
		prev = &p
	}
	failures, err := cin.Validate(&m, cin.NewContext(cin.Year(*year), nil, prev))
	if err != nil {
		return usagef("validate: %v", err)
	}
	errs := printFailures(e.stdout, problems, failures)
	queries := len(failures) - cin.Errors(failures)
	fmt.Fprintf(e.stderr, "%s: %d children; %d errors, %d queries (%d records checked in %s)\n", file, len(m.Children),
		errs, queries, cin.Records(&m), time.Since(began).Round(time.Millisecond))
	if errs > 0 {
		return silentFailure{}
	}
	return nil
}

// silentFailure exits 1 having said everything already.
type silentFailure struct{}

func (silentFailure) Error() string { return "" }

// printFailures prints the reader's problems, then the rules' failures
// not already said by a problem on the same child and element, one a line
// and tab-separated; it returns the number of errors printed.
func printFailures(w io.Writer, problems []cin.Problem, failures []cin.Failure) int {
	said := map[[2]string]bool{}
	errs := 0
	for _, p := range problems {
		said[[2]string{p.Child, p.Field}] = true
		fmt.Fprintf(w, "schema\terror\t%s\tline %d\t%s\t%s\n", orFile(p.Child), p.Line, p.Field, p.Message)
		errs++
	}
	for _, f := range failures {
		if said[[2]string{f.Child, f.Field}] {
			continue
		}
		line := ""
		if f.Line > 0 {
			line = fmt.Sprintf("line %d", f.Line)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", f.Code, f.Kind(), orFile(f.Child), line, f.Field, f.Message)
		if !f.Query {
			errs++
		}
	}
	return errs
}

func orFile(child string) string {
	if child == "" {
		return "(file)"
	}
	return child
}

// readCIN reads a CIN census file, reporting progress to w (when not nil)
// for files over a megabyte.
func readCIN(path string, w io.Writer) (cin.Message, []cin.Problem, error) {
	fh, err := os.Open(path)
	if err != nil {
		return cin.Message{}, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if st, err := fh.Stat(); err == nil && w != nil && st.Size() > 1<<20 {
		r = &progressReader{r: fh, total: st.Size(), w: w, name: path}
	}
	m, problems, err := cin.Read(r)
	if p, ok := r.(*progressReader); ok {
		p.finish()
	}
	if err != nil {
		return m, problems, fmt.Errorf("%s: %w", path, err)
	}
	return m, problems, nil
}

// progressReader prints how much of a big file has been read, every 5%,
// on one terminal line.
type progressReader struct {
	r     io.Reader
	total int64
	read  int64
	shown int64
	w     io.Writer
	name  string
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.read += int64(n)
	if pct := p.read * 100 / p.total; pct >= p.shown+5 {
		p.shown = pct - pct%5
		fmt.Fprintf(p.w, "\rreading %s: %3d%% [%-20s]", p.name, p.shown, strings.Repeat("#", int(p.shown/5)))
	}
	return n, err
}

func (p *progressReader) finish() { fmt.Fprintln(p.w) }

// exportCIN builds the census of year from st and writes it to out.
func exportCIN(ctx context.Context, st *store.Store, year cin.Year, laCode string, at time.Time, out io.Writer) (cin.Message, error) {
	cal, err := st.Calendar(ctx)
	if err != nil {
		return cin.Message{}, err
	}
	return cin.ExportStore(ctx, st, out, cin.Options{Year: year, LACode: laCode, Generated: at, Calendar: cal})
}

// writeFile writes what fill writes to path, or to stdout for "-"; a
// failed write leaves no half file behind.
func writeFile(e *env, path string, fill func(io.Writer) error) error {
	if path == "-" {
		return fill(e.stdout)
	}
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// laCodeOf is --la, else the authority's la_code setting, else none.
func laCodeOf(ctx context.Context, st *store.Store, flag string) (string, error) {
	if flag != "" {
		if !casework.ValidLACode(flag) {
			return "", usagef("export: --la %q is not a three-digit DfE LA code", flag)
		}
		return flag, nil
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return "", err
	}
	return settings["la_code"].Value, nil
}

// exportWorkforce writes the workforce census for 30 September of year.
func exportWorkforce(ctx context.Context, st *store.Store, year int, out io.Writer) (workforce.Census, error) {
	reg, err := st.WorkforceRegister(ctx, 0)
	if err != nil {
		return workforce.Census{}, err
	}
	on := workforce.ReferenceDate(year)
	cases, err := st.CasesHeld(ctx, on)
	if err != nil {
		return workforce.Census{}, err
	}
	cal, err := st.Calendar(ctx)
	if err != nil {
		return workforce.Census{}, err
	}
	return workforce.Export(out, workforce.Input{Register: reg, AsAt: on, CasesHeld: cases, Calendar: cal})
}

// runExport is `sightline export cin|workforce --db DB --year Y --out PATH`.
func runExport(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		args = []string{"cin", "-h"}
	}
	kind, _, rest, err := returnKind("export", args, []string{"cin", "ssda903", "workforce", "annexa"}, false)
	if err != nil {
		return err
	}
	if kind == "ssda903" {
		return exportSSDA903(ctx, e, rest)
	}
	f := newFlags(e, "export", "cin|ssda903|workforce|annexa --db DB --year YEAR --out PATH [--la CODE] [--at YYYY-MM-DDTHH:MM:SS] [--as-at DATE]",
		"Writes a statutory return from the record.\n"+
			"  cin        the CIN census XML of the collection year ending 31 March YEAR (CIN_schema_2026.xsd),\n"+
			"             checked with the DfE's rules as it is written: failures are listed on stderr\n"+
			"  ssda903    the children looked after return of the year ending 31 March YEAR (a folder or .zip of\n"+
			"             CSVs; see export ssda903 -h)\n"+
			"  workforce  the children's social work workforce census as at 30 September YEAR (a zip of CSVs)\n"+
			"  annexa     Ofsted's Annex A lists as at --as-at (an .xlsx workbook; restricted children included)")
	db := f.dbFlag()
	year := f.Int("year", 2026, "the year: for cin, the year the collection ends; for workforce, the census's September")
	out := f.String("out", "", "where to write the file (- for standard output)")
	la := f.String("la", "", "the authority's three-digit DfE LA code for the CIN header (default: the la_code setting)")
	at := f.String("at", "", "the time the CIN header says the file was made, for files compared byte by byte (default: now)")
	asAt := f.String("as-at", "", "annexa: the inspection's day, YYYY-MM-DD (default: today)")
	if err := f.parse(rest); err != nil {
		return err
	}
	if *out == "" {
		return usagef("export: give --out PATH (or --out - for standard output)")
	}
	day := calendar.Today(time.Now())
	if *asAt != "" {
		if day, err = time.Parse(time.DateOnly, *asAt); err != nil {
			return usagef("export: --as-at %q is not a date: give it as 2026-06-30", *asAt)
		}
	}
	made := time.Now().UTC().Truncate(time.Second)
	if *at != "" {
		if made, err = time.Parse("2006-01-02T15:04:05", *at); err != nil {
			return usagef("export: --at %q is not a time: give it as 2026-04-10T09:00:00", *at)
		}
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	began := time.Now()
	if kind == "annexa" {
		return writeFile(e, *out, func(w io.Writer) error {
			wb, err := annexa.ExportStore(ctx, st, w, day)
			if err == nil {
				fmt.Fprintf(e.stderr, "Annex A as at %s: %s; %d restricted children included; %s\n",
					day.Format(time.DateOnly), annexa.Summary(wb), wb.Restricted, time.Since(began).Round(time.Millisecond))
			}
			return err
		})
	}
	if kind == "workforce" {
		return writeFile(e, *out, func(w io.Writer) error {
			c, err := exportWorkforce(ctx, st, *year, w)
			if err == nil {
				fmt.Fprintf(e.stderr, "workforce census as at %s: %d workers, %d left out for problems (Problems.csv); %s\n",
					workforce.ReferenceDate(*year).Format(time.DateOnly), len(c.Workers), len(c.Problems), time.Since(began).Round(time.Millisecond))
			}
			return err
		})
	}
	if !contains([]string{"2026"}, fmt.Sprint(*year)) {
		return usagef("export: sightline writes the CIN census for 2026 (2025 to 2026) only, not %d", *year)
	}
	code, err := laCodeOf(ctx, st, *la)
	if err != nil {
		return err
	}
	return writeFile(e, *out, func(w io.Writer) error {
		m, err := exportCIN(ctx, st, cin.Year(*year), code, made, w)
		if err != nil {
			return err
		}
		took := time.Since(began)
		fs, err := cin.Validate(&m, cin.NewContext(cin.Year(*year), nil, nil))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "CIN census %s: %d children, %d records, written in %s; %d errors and %d queries by the DfE's rules (sightline validate cin %s lists them)\n",
			cin.Year(*year), len(m.Children), cin.Records(&m), took.Round(time.Millisecond), cin.Errors(fs), len(fs)-cin.Errors(fs), *out)
		return nil
	})
}

// runImport is `sightline import cin FILE --db DB [--partial]`.
func runImport(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && isHelp(args[0]) {
		args = []string{"cin", "-h"}
	}
	kind, file, rest, err := returnKind("import", args, []string{"cin", "ssda903", "providers", "postcodes"}, true)
	if err != nil {
		return err
	}
	switch kind {
	case "ssda903":
		return importSSDA903(ctx, e, file, rest)
	case "providers":
		return importProviders(ctx, e, file, rest)
	case "postcodes":
		return importPostcodes(ctx, e, file, rest)
	}
	f := newFlags(e, "import", "cin FILE --db DB [--partial]",
		"Reads a CIN census made by another system into sightline. Children are matched to those held by\n"+
			"LA child ID (a UPN held by another child refuses the row). Every refused child is listed with\n"+
			"file, line, element and why; nothing is written unless every child is good, or --partial is given.")
	db := f.dbFlag()
	partial := f.Bool("partial", false, "write the good children even when some are refused")
	if err := f.parseLoose(rest); err != nil {
		return err
	}
	if file, err = fileArg(f, "import", file); err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	m, problems, err := readCIN(file, e.stderr)
	if err != nil {
		return err
	}
	rep, err := cin.Import(ctx, st, &m, problems, cin.ImportOptions{Source: file, Partial: *partial,
		Actor: store.Actor{Name: "sightline import"}})
	if err != nil {
		return err
	}
	for _, r := range rep.Refused {
		fmt.Fprintf(e.stderr, "%s:%d: child %s: %s: %s\n", file, r.Line, orFile(r.Child), r.Field, r.Why)
	}
	if !rep.Written {
		return fmt.Errorf("import: %d refusals in %s: nothing written (fix them, or give --partial to write the good children)",
			len(rep.Refused), file)
	}
	fmt.Fprintf(e.stdout, "imported %s: %d new children, %d matched to children held, %d episodes; %d episodes already held; %d refusals\n",
		file, rep.Children, rep.Matched, rep.Episodes, rep.Held, len(rep.Refused))
	return nil
}
