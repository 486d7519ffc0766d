package cli

import (
	"context"
	"fmt"
	"io"

	"sightline/internal/store"
)

func runMigrate(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "migrate", "--db DB [--status]",
		"Applies every pending schema migration, each in its own transaction, and prints each step.\n"+
			"A SQLite file that does not exist is created. With --status it only reports.")
	db := f.dbFlag()
	statusOnly := f.Bool("status", false, "print the current, latest and pending versions without changing anything")
	if err := f.parse(args); err != nil {
		return err
	}
	dsn, err := database(*db)
	if err != nil {
		return err
	}
	var st *store.Store
	if *statusOnly {
		st, err = openExisting(ctx, dsn) // looking must not create a file
	} else {
		st, err = store.Open(ctx, dsn)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if *statusOnly {
		return printStatus(ctx, e.stdout, st)
	}
	return migrate(ctx, e.stdout, st)
}

// migrate applies the pending steps, printing each one applied, then the
// version reached. A failed step's error names it; the steps before it
// stay applied and are printed.
func migrate(ctx context.Context, w io.Writer, st *store.Store) error {
	done, err := st.Migrate(ctx)
	for _, m := range done {
		fmt.Fprintf(w, "applied %04d %s\n", m.Version, m.Name)
	}
	if err != nil {
		return err
	}
	status, err := st.Status(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "schema is up to date (version %d)\n", status.Current)
	return nil
}

func printStatus(ctx context.Context, w io.Writer, st *store.Store) error {
	status, err := st.Status(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "current version: %d\nlatest version:  %d\n", status.Current, status.Latest)
	if len(status.Pending) == 0 {
		fmt.Fprintln(w, "pending:         none")
		return nil
	}
	for i, m := range status.Pending {
		label := "pending:        "
		if i > 0 {
			label = "                "
		}
		fmt.Fprintf(w, "%s %04d %s\n", label, m.Version, m.Name)
	}
	return nil
}
