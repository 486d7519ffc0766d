package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"strings"

	"sightline/internal/store"
)

// flags is a subcommand's flag set with its help.
type flags struct {
	*flag.FlagSet
	e        *env
	name     string // "serve", "user add"
	synopsis string // "--db DB [--addr ADDR]"
	about    string // what the subcommand does, one paragraph
}

// newFlags makes a flag set whose errors come back from parse as one-line
// usage errors (exit status 2) and whose -h prints help on stdout.
func newFlags(e *env, name, synopsis, about string) *flags {
	fs := flag.NewFlagSet("sightline "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flags{FlagSet: fs, e: e, name: name, synopsis: synopsis, about: about}
}

// parse parses args, allowing no positional arguments.
func (f *flags) parse(args []string) error {
	err := f.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.printHelp()
		return err
	case err != nil:
		return usagef("%s: %v (see 'sightline %s -h')", f.name, err, f.name)
	case f.NArg() > 0:
		return usagef("%s: unexpected argument %q (see 'sightline %s -h')", f.name, f.Arg(0), f.name)
	}
	return nil
}

func (f *flags) printHelp() {
	w := f.e.stdout
	fmt.Fprintf(w, "Usage: sightline %s %s\n\n%s\n\nFlags:\n", f.name, f.synopsis, f.about)
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// dbFlag adds --db.
func (f *flags) dbFlag() *string {
	return f.String("db", "", "the database: a SQLite file path or a postgres:// URL (default $SIGHTLINE_DB)")
}

// database returns the database named by --db or SIGHTLINE_DB.
func database(flagValue string) (string, error) {
	dsn := strings.TrimSpace(flagValue)
	if dsn == "" {
		dsn = strings.TrimSpace(os.Getenv("SIGHTLINE_DB"))
	}
	if dsn == "" {
		return "", usagef("no database given: use --db (a SQLite file path or a postgres:// URL) or set SIGHTLINE_DB")
	}
	return dsn, nil
}

// isPostgres reports whether dsn names a PostgreSQL database (the rule
// store.Open applies).
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// displayDSN is dsn safe to print: a PostgreSQL password is masked.
func displayDSN(dsn string) string {
	if !isPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "the PostgreSQL database"
	}
	return u.Redacted()
}

// openExisting opens a database that must already exist: SQLite would
// otherwise quietly create an empty file at a mistyped path.
func openExisting(ctx context.Context, dsn string) (*store.Store, error) {
	if !isPostgres(dsn) {
		if _, err := os.Stat(strings.TrimPrefix(dsn, "file:")); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("database %s does not exist: create it with `sightline migrate --db %s`", dsn, dsn)
		}
	}
	return store.Open(ctx, dsn)
}

// openNamed opens the existing, up-to-date database named by --db or
// SIGHTLINE_DB.
func openNamed(ctx context.Context, db string) (*store.Store, error) {
	dsn, err := database(db)
	if err != nil {
		return nil, err
	}
	return openCurrent(ctx, dsn)
}

// openCurrent opens an existing database whose schema is up to date.
func openCurrent(ctx context.Context, dsn string) (*store.Store, error) {
	st, err := openExisting(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := checkSchema(ctx, st, dsn); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// checkSchema refuses a database with pending migrations, saying how to
// bring it up to date.
func checkSchema(ctx context.Context, st *store.Store, dsn string) error {
	err := st.CheckSchema(ctx)
	if !errors.Is(err, store.ErrSchemaOutOfDate) {
		return err
	}
	status, serr := st.Status(ctx)
	if serr != nil {
		return err
	}
	return fmt.Errorf("the database schema is at version %d but this sightline needs version %d: run `sightline migrate --db %s` first",
		status.Current, status.Latest, displayDSN(dsn))
}

// newLogger makes the structured logger: text or JSON lines on w.
func newLogger(w io.Writer, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, usagef("--log-format must be text or json, not %q", format)
}
