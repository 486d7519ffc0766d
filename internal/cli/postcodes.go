package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"sightline/internal/postcode"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
)

// importPostcodes is `sightline import postcodes FILE.csv --db DB
// [--partial]`: the ONS Postcode Directory as sightline's postcode
// directory, replacing the one held.
func importPostcodes(ctx context.Context, e *env, file string, args []string) error {
	f := newFlags(e, "import", "postcodes FILE.csv --db DB [--partial]",
		"Loads a postcode directory, the ONS Postcode Directory's CSV file (ONSPD) or the DfE validator's\n"+
			"postcode file, from which sightline works out the SSDA903 fields PL_LA, PL_LOCATION and PL_DISTANCE\n"+
			"as the DfE does: columns "+postcode.ColumnNames()+"\n"+
			"(any order and case; others are skipped). It replaces the directory held. Set the setting\n"+
			"la_area to the authority's ONS code (as E06000047) for the rules on those fields to run. Every bad\n"+
			"row is listed with file, line, field and why; nothing is written unless every row is good, or\n"+
			"--partial is given.")
	file, db, partial, err := listImportArgs(f, file, args)
	if err != nil {
		return err
	}
	entries, problems, err := readPostcodeFile(file, nil, e.stderr)
	if err != nil {
		return err
	}
	printPostcodeProblems(e.stderr, problems)
	if err := refuseFaults(len(problems), file, partial); err != nil {
		return err
	}
	if len(entries) == 0 {
		return fmt.Errorf("import: %s holds no postcode: the directory held is kept", file)
	}
	st, err := openNamed(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := st.ReplacePostcodes(ctx, store.Actor{Name: "sightline import"}, entries, file)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %s: the postcode directory now holds %d postcodes; %d faults\n", file, sum.Postcodes, len(problems))
	return nil
}

// readPostcodeFile reads a postcode directory from a file, keeping the
// postcodes want keeps (postcode.ReadWhere; nil: all), reporting progress
// to w for a file over a megabyte: the ONS directory is about 1 GB.
func readPostcodeFile(file string, want func(string) bool, w io.Writer) ([]postcode.Entry, []postcode.Problem, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("postcodes: %w", err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if st, err := fh.Stat(); err == nil && st.Size() > 1<<20 {
		p := &progressReader{r: fh, total: st.Size(), w: w, name: file}
		defer p.finish()
		r = p
	}
	return postcode.ReadWhere(r, file, want)
}

// printPostcodeProblems lists each fault of a directory file, one a line.
func printPostcodeProblems(w io.Writer, problems []postcode.Problem) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
}

// postcodeContext works out the postcode fields of r and x.Previous from
// the directory in file (only their postcodes kept, and only their rows'
// faults named) against the authority's ONS code area, so that the rules
// on them run; without a file or a code it says which rules do not run.
func postcodeContext(w io.Writer, x *ssda903.Context, r *ssda903.Return, file, area string) error {
	area = strings.ToUpper(strings.TrimSpace(area))
	switch {
	case file == "":
		fmt.Fprintf(w, "no postcode directory given (--postcodes FILE.csv): rules %s not run\n", strings.Join(ssda903.DerivedRules, ", "))
		return nil
	case !postcode.ValidAuthority(area):
		return usagef("validate: --postcodes needs --area, the authority's ONS code (as E06000047), not %q", area)
	}
	used := map[string]bool{}
	for _, pc := range ssda903.Postcodes(r, x.Previous) {
		used[pc] = true
	}
	entries, problems, err := readPostcodeFile(file, func(pc string) bool { return used[pc] }, w)
	if err != nil {
		return err
	}
	printPostcodeProblems(w, problems)
	places := make(map[string]postcode.Place, len(entries))
	for _, e := range entries {
		places[e.Postcode] = e.Place
	}
	for _, ret := range []*ssda903.Return{r, x.Previous} {
		if ret != nil {
			ssda903.Derive(ret, places, area)
		}
	}
	x.Derived, x.Area = true, area
	return nil
}
