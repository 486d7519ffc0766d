package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"text/tabwriter"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "demo", "[--db ./sightline-demo.db] [--addr 127.0.0.1:8080] [--fresh] [--size la|small] [--log-format text|json]",
		"Serves a fictional authority from a local SQLite file. The first run generates it (the\n"+
			"improving-2017 scenario, run on to the demo's date) and adds the demo's journeys and users;\n"+
			"later runs reuse the file. Each start gives the demo users new passwords and prints them.\n"+
			"SIGHTLINE_DB is ignored, so the demo never touches a real database.")
	db := f.String("db", "sightline-demo.db", "the demo's SQLite file")
	fresh := f.Bool("fresh", false, "start again: remove the demo file (and its -wal and -shm files) first")
	sizeName := f.String("size", "la", "how big an authority the first run generates: la (55,000 children) or small (quick)")
	var o serveOptions
	o.register(f)
	if err := f.parse(args); err != nil {
		return err
	}
	if isPostgres(*db) {
		return usagef("demo: the demo always uses a local SQLite file, not PostgreSQL: give --db a file path, " +
			"or use 'sightline serve' for a PostgreSQL database")
	}
	size, err := demoSize(*sizeName)
	if err != nil {
		return err
	}
	logger, err := newLogger(e.stderr, o.logFormat)
	if err != nil {
		return err
	}
	if *fresh {
		if err := removeDemo(ctx, *db); err != nil {
			return err
		}
	}
	st, err := prepareDemo(ctx, e.stdout, e.stderr, *db, size)
	if err != nil {
		return err
	}
	defer st.Close()
	signIns, err := resetDemoPasswords(ctx, st)
	if err != nil {
		return err
	}
	return serveStore(ctx, st, o, logger, func(url string) { printDemoBanner(e.stdout, url, *db, signIns) })
}

// removeDemo deletes a demo database and its WAL files, once it has made
// sure the file is a sightline database holding no real children: --fresh
// pointed at the wrong file must not delete it.
func removeDemo(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		if err := checkDemoFile(ctx, path); err != nil {
			return err
		}
	}
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--fresh: %w", err)
		}
	}
	return nil
}

func checkDemoFile(ctx context.Context, path string) error {
	st, err := store.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("--fresh: refusing to remove %s: it is not a sightline database (%v)", path, err)
	}
	defer st.Close()
	_, real, err := countChildren(ctx, st)
	if err != nil {
		return fmt.Errorf("--fresh: refusing to remove %s: it is not a sightline demo database (%v)", path, err)
	}
	if real > 0 {
		return fmt.Errorf("--fresh: refusing to remove %s: it holds %d real (not synthetic) children", path, real)
	}
	return nil
}

// demoSignIn is one line of the sign-ins the demo prints.
type demoSignIn struct {
	username, name string
	role           auth.Role
	password       string
}

// resetDemoPasswords gives every demo user a new one-time password (and
// lets them sign in, if someone disabled them while trying the demo).
func resetDemoPasswords(ctx context.Context, st *store.Store) ([]demoSignIn, error) {
	var out []demoSignIn
	for _, du := range demoUsers() {
		pw := auth.GeneratePassword()
		if err := st.SetPassword(ctx, store.System, du.username, pw); errors.Is(err, casework.ErrNotFound) {
			return nil, fmt.Errorf("this database has no demo user %q, so it was not made by 'sightline demo': "+
				"choose another --db, or start again with --fresh", du.username)
		} else if err != nil {
			return nil, err
		}
		u, err := st.UserByUsername(ctx, du.username)
		if err == nil && u.Disabled {
			err = st.SetDisabled(ctx, store.System, du.username, false)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, demoSignIn{username: u.Username, name: u.DisplayName, role: u.Role, password: pw})
	}
	return out, nil
}

// printDemoBanner says where the demo is and how to sign in.
func printDemoBanner(w io.Writer, url, path string, signIns []demoSignIn) {
	fmt.Fprintf(w, "\nsightline demo: a fictional authority; every child in it is synthetic.\n")
	fmt.Fprintf(w, "Database: %s (start again with --fresh)\n\n", path)
	fmt.Fprintf(w, "sightline is serving on %s\n\n", url)
	fmt.Fprint(w, "Sign in as any of these. The passwords are new each time the demo starts.\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  USERNAME\tROLE\tNAME\tPASSWORD")
	for _, s := range signIns {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.username, s.role.Label(), s.name, s.password)
	}
	tw.Flush()
	fmt.Fprint(w, "\nPress Ctrl+C to stop.\n")
}
