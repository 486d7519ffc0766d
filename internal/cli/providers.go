package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/returns/ssda903"
	"sightline/internal/store"
)

// importProviders is `sightline import providers FILE.csv --db DB
// [--partial]`: an Ofsted-style list of placement providers into the
// register, each URN added or, when held, updated to the list's values.
func importProviders(ctx context.Context, e *env, file string, args []string) error {
	f := newFlags(e, "import", "providers FILE.csv --db DB [--partial]",
		"Reads a list of placement providers (Ofsted-registered settings) into sightline's register, from which\n"+
			"a placement's URN is chosen: columns "+providerColumnNames()+"\n"+
			"(any order and case; dates dd/mm/yyyy; codes separated by / or ,). A URN the register holds is updated\n"+
			"to the list's values. Every bad row is listed with file, line, field and why; nothing is written\n"+
			"unless every row is good, or --partial is given.")
	file, db, partial, err := listImportArgs(f, file, args)
	if err != nil {
		return err
	}
	ps, problems, err := readProviderFile(file)
	if err != nil {
		return err
	}
	printProviderProblems(e.stderr, problems)
	if err := refuseFaults(len(problems), file, partial); err != nil {
		return err
	}
	st, err := openNamed(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	added, updated, err := st.PutProviders(ctx, store.Actor{Name: "sightline import"}, ps)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported %s: %d providers added, %d updated; %d faults\n", file, added, updated, len(problems))
	return nil
}

// readProviderFile reads a list of providers from a file.
func readProviderFile(file string) ([]casework.Provider, []ssda903.Problem, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, nil, fmt.Errorf("providers: %w", err)
	}
	defer fh.Close()
	return ssda903.ReadProviders(fh, file)
}

// printProviderProblems lists each fault of a list, one a line.
func printProviderProblems(w io.Writer, problems []ssda903.Problem) {
	for _, p := range problems {
		fmt.Fprintf(w, "%s:%d: URN %s: %s: %s\n", p.File, p.Line, orFile(p.Child), p.Field, p.Message)
	}
}

// providerColumnNames are the columns a list of providers needs, quoted.
func providerColumnNames() string {
	var out []string
	for _, c := range ssda903.ProviderColumns {
		n := fmt.Sprintf("%q", c.Names[0])
		if c.Optional {
			n += " (optional)"
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

// providerContext gives x the provider information of the list in file
// (its faulty rows listed on w and left out) and the authority's code;
// without a file it says which rules do not run.
func providerContext(w io.Writer, x *ssda903.Context, file, la string) error {
	if file == "" {
		fmt.Fprintf(w, "no provider information given (--providers FILE.csv): rules %s not run\n",
			strings.Join(ssda903.ProviderRules, ", "))
		return nil
	}
	ps, problems, err := readProviderFile(file)
	if err != nil {
		return err
	}
	printProviderProblems(w, problems)
	x.Providers, x.LACode = ssda903.ProvidersByURN(ps), la
	if la == "" {
		fmt.Fprintln(w, "no LA code given (--la CODE): rule 229 not run")
	}
	return nil
}

// listImportArgs reads the flags every list import takes, --db and
// --partial, and the list's file.
func listImportArgs(f *flags, file string, args []string) (path, db string, partial bool, err error) {
	dbf := f.dbFlag()
	partialf := f.Bool("partial", false, "write the good rows even when some are refused")
	if err := f.parseLoose(args); err != nil {
		return "", "", false, err
	}
	path, err = fileArg(f, "import", file)
	return path, *dbf, *partialf, err
}

// refuseFaults is the rule of every list sightline imports: with faults,
// nothing is written unless --partial asks for the good rows.
func refuseFaults(faults int, file string, partial bool) error {
	if faults > 0 && !partial {
		return fmt.Errorf("import: %d faults in %s: nothing written (fix them, or give --partial to write the good rows)",
			faults, file)
	}
	return nil
}
