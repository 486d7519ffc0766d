package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
)

// exportSSDA903 is `sightline export ssda903 --db DB --year 2026 --out DIR`.
func exportSSDA903(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "export", "ssda903 --db DB --year YEAR --out DIR|FILE.zip",
		"Writes the children looked after return (SSDA903) of the collection year ending 31 March YEAR:\n"+
			"one CSV file per table (Header.csv, Episodes.csv …) into DIR, or into a zip when --out ends .zip.\n"+
			"It is checked with the DfE's rules as it is written: the count of failures is printed on stderr.")
	db := f.dbFlag()
	year := f.Int("year", 2026, "the collection year, named by the year it ends (2026 is 2025 to 2026)")
	out := f.String("out", "", "the folder to write the CSV files into (made if needed), or a .zip file")
	if err := f.parse(args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("export: give --out DIR (a folder for the CSV files) or --out FILE.zip")
	}
	if *year != 2026 {
		return usagef("export: sightline writes the SSDA903 return for 2026 (2025 to 2026) only, not %d", *year)
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	began := time.Now()
	y := ssda903.Year(*year)
	r, err := ssda903.ExportStore(ctx, st, ssda903.Options{Year: y})
	if err != nil {
		return err
	}
	if strings.HasSuffix(strings.ToLower(*out), ".zip") {
		err = writeFile(e, *out, r.WriteZip)
	} else {
		err = writeCSVDir(*out, r)
	}
	if err != nil {
		return err
	}
	took := time.Since(began)
	x := &ssda903.Context{Year: y}
	if err := ssda903.WithRegister(ctx, st, x); err != nil { // the URN rules, against the register
		return err
	}
	if err := ssda903.WithDirectory(ctx, st, x, r); err != nil { // the postcode fields' rules
		return err
	}
	fs := ssda903.Validate(r, x)
	fmt.Fprintf(e.stderr, "SSDA903 %s: %d children, %d episodes, %d rows, written in %s; %d errors and %d queries by the DfE's rules (sightline validate ssda903 lists them)\n",
		y, len(r.Files[ssda903.Header]), len(r.Files[ssda903.Episodes]), r.Records(), took.Round(time.Millisecond),
		ssda903.Errors(fs), len(fs)-ssda903.Errors(fs))
	return nil
}

// writeCSVDir writes each file of the return as DIR/NAME.csv.
func writeCSVDir(dir string, r *ssda903.Return) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: make %s: %w", dir, err)
	}
	for _, n := range ssda903.FileNames {
		path := filepath.Join(dir, n+".csv")
		fh, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		err = r.WriteCSV(n, fh)
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("export: write %s: %w", path, err)
		}
	}
	return nil
}

// validateSSDA903 is `sightline validate ssda903 DIR`.
func validateSSDA903(e *env, dir string, args []string) error {
	f := newFlags(e, "validate", "ssda903 DIR [--year 2026] [--previous LAST_YEARS_DIR] [--providers FILE.csv [--la CODE]] [--postcodes FILE.csv --area CODE]",
		"Checks the CSV files of an SSDA903 return in DIR (Header.csv, Episodes.csv …) against the\n"+
			"columns and codes of the year and the DfE's validation rules, and prints every failure:\n"+
			"rule code, error or query, child, file, line, field and message. Exits 1 when there is any error.\n"+
			"With --previous, the rules that compare with last year's return (502, 503A–F, 560–562, 576, 584,\n"+
			"1010, NoE, 202–204, 208 and others) run too. With --providers, a list of placement providers as\n"+
			"'sightline import providers' reads it, the rules checking URNs against it (219, 221, 224, 227, 228,\n"+
			"229 with --la, 1008) run too; without it they do not, and the command says so. With --postcodes, a\n"+
			"postcode directory as 'sightline import postcodes' reads it, and --area, the fields the DfE works out\n"+
			"from the postcodes (PL_LA, PL_LOCATION, PL_DISTANCE) are worked out and the rules on them run too.")
	year := f.Int("year", 2026, "the collection year, named by the year it ends (2026 is 2025 to 2026)")
	previous := f.String("previous", "", "the folder of last year's return, for the rules that compare with it")
	providers := f.String("providers", "", "a list of placement providers (CSV), for the rules checking URNs")
	la := f.String("la", "", "the authority's three-digit DfE LA code, for rule 229")
	postcodes := f.String("postcodes", "", "a postcode directory (the ONS Postcode Directory's CSV), for the rules on PL_LA, PL_LOCATION, PL_DISTANCE")
	area := f.String("area", "", "the authority's ONS code (as E06000047), with --postcodes")
	if err := f.parseLoose(args); err != nil {
		return err
	}
	dir, err := fileArg(f, "validate", dir)
	if err != nil {
		return err
	}
	if *year != 2026 {
		return usagef("validate: sightline knows the SSDA903 rules for 2026 (2025 to 2026) only, not %d", *year)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usagef("validate: %s is not a folder: give the folder holding the return's CSV files", dir)
	}
	began := time.Now()
	r, problems, err := ssda903.ReadFS(os.DirFS(dir))
	if err != nil {
		return err
	}
	x := &ssda903.Context{Year: ssda903.Year(*year)}
	if *previous != "" {
		if st, err := os.Stat(*previous); err != nil || !st.IsDir() {
			return usagef("validate: --previous %s is not a folder: give the folder of last year's CSV files", *previous)
		}
		// Last year's return is read for comparison only: its own faults
		// were last year's to fix.
		if x.Previous, _, err = ssda903.ReadFS(os.DirFS(*previous)); err != nil {
			return fmt.Errorf("validate: last year's return: %w", err)
		}
	}
	if err := providerContext(e.stderr, x, *providers, *la); err != nil {
		return fmt.Errorf("validate: %w", err)
	}
	if err := postcodeContext(e.stderr, x, r, *postcodes, *area); err != nil {
		return err
	}
	fs := ssda903.Validate(r, x)
	errs := printSSDA903Failures(e.stdout, problems, fs)
	fmt.Fprintf(e.stderr, "%s: %d children; %d fields in error, %d queries (%d rows checked in %s)\n", dir, len(r.Files[ssda903.Header]),
		errs, len(fs)-ssda903.Errors(fs), r.Records(), time.Since(began).Round(time.Millisecond))
	if errs > 0 {
		return silentFailure{}
	}
	return nil
}

// printSSDA903Failures prints the reader's problems, then the rules'
// failures, one a line and tab-separated: code, kind, child, file, line,
// field, message. It returns the number of errors, counting a field
// once when both the reader and a rule fault it.
func printSSDA903Failures(w io.Writer, problems []ssda903.Problem, fs []ssda903.Failure) int {
	type spot struct {
		child, file, field string
		line               int
	}
	faulted := map[spot]bool{}
	for _, p := range problems {
		fmt.Fprintf(w, "schema\terror\t%s\t%s.csv\tline %d\t%s\t%s\n", orFile(p.Child), p.File, p.Line, p.Field, p.Message)
		faulted[spot{p.Child, p.File, p.Field, p.Line}] = true
	}
	for _, f := range fs {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s.csv\tline %d\t%s\t%s\n", f.Code, f.Kind(), orFile(f.Child), f.File, f.Line, f.Field, f.Message)
		if !f.Query {
			faulted[spot{f.Child, f.File, f.Field, f.Line}] = true
		}
	}
	return len(faulted)
}

// importSSDA903 is `sightline import ssda903 DIR --db DB [--partial]`.
func importSSDA903(ctx context.Context, e *env, dir string, args []string) error {
	f := newFlags(e, "import", "ssda903 DIR --db DB [--year 2026] [--partial]",
		"Reads an SSDA903 return made by another system (the CSV files in DIR) into sightline: each child of\n"+
			"Header.csv not already held, with the periods of care, legal statuses and placements of\n"+
			"Episodes.csv, the reviews of Reviews.csv, health checks (OC2), care leavers' birthday records (OC3),\n"+
			"adoptions (AD1, PlacedAdoption) and missing periods (Missing). Every refused row is listed with file,\n"+
			"line, field and why; nothing is written unless every row is good, or --partial is given. Values\n"+
			"sightline has nowhere to keep (an SDQ score, who adopted…) are listed too.")
	db := f.dbFlag()
	year := f.Int("year", 2026, "the return's collection year, named by the year it ends (2026 is 2025 to 2026)")
	partial := f.Bool("partial", false, "write the good children even when some rows are refused")
	if err := f.parseLoose(args); err != nil {
		return err
	}
	dir, err := fileArg(f, "import", dir)
	if err != nil {
		return err
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usagef("import: %s is not a folder: give the folder holding the return's CSV files", dir)
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	r, problems, err := ssda903.ReadFS(os.DirFS(dir))
	if err != nil {
		return err
	}
	rep, err := ssda903.Import(ctx, st, r, problems, ssda903.ImportOptions{Source: dir, Partial: *partial,
		Actor: store.Actor{Name: "sightline import"}, Year: ssda903.Year(*year)})
	if err != nil {
		return err
	}
	for _, x := range rep.Refused {
		fmt.Fprintf(e.stderr, "%s.csv:%d: child %s: %s: %s\n", filepath.Join(dir, x.File), x.Line, orFile(x.Child), x.Field, x.Why)
	}
	for _, x := range rep.NotKept {
		fmt.Fprintf(e.stderr, "%s.csv:%d: child %s: %s: %s\n", filepath.Join(dir, x.File), x.Line, orFile(x.Child), x.Field, x.Why)
	}
	for _, n := range ssda903.FileNames {
		if k := rep.NotRead[n]; k > 0 {
			fmt.Fprintf(e.stderr, "%s.csv: %d rows not imported\n", n, k)
		}
	}
	if !rep.Written {
		return fmt.Errorf("import: %d refusals in %s: nothing written (fix them, or give --partial to write the good children)",
			len(rep.Refused), dir)
	}
	fmt.Fprintf(e.stdout, "imported %s: %d children, %d periods of care from %d episodes, %d reviews, %d health rows, "+
		"%d care leavers' records, %d adoption plans, %d missing periods, %d social worker episodes, %d UASC; %d refusals, "+
		"%d values not kept\n", dir, rep.Children, rep.Periods, rep.Episodes, rep.Reviews, rep.Health, rep.Leavers, rep.Adoptions,
		rep.Missing, rep.SocialWorkers, rep.UASC, len(rep.Refused), len(rep.NotKept))
	return nil
}
