// Package cli is the sightline command: one file per subcommand, each with
// its own flag set. Run takes the arguments and the streams it may use, and
// returns the exit status, so tests run the whole program in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sightline/internal/casework"
)

// Exit statuses.
const (
	exitOK      = 0 // it worked
	exitFailure = 1 // it could not be done (or, for history verify, the answer is "broken")
	exitUsage   = 2 // sightline was called wrongly
)

// env is what a subcommand may use besides its arguments.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"serve", "serve the web UI against --db on --addr", runServe},
		{"migrate", "bring a database schema up to date (--status to look only)", runMigrate},
		{"user", "add users, reset passwords, set roles, list, disable and enable", runUser},
		{"history", "verify the hash-chained history of every change", runHistory},
		{"demo", "create a demo authority in a local SQLite file and serve it", runDemo},
		{"generate", "write a synthetic authority: --scenario, --size small|la|national, --seed, --as-at", runGenerate},
		{"indicators", "print every indicator as at --as-at (--format table|csv|json)", runIndicators},
		{"export", "write a return: export cin|ssda903|workforce|annexa --db DB --year YEAR|--as-at DATE --out PATH", runExport},
		{"validate", "check a return with the DfE's rules: validate cin FILE | ssda903 DIR", runValidate},
		{"import", "read another system's return in: import cin FILE | ssda903 DIR | providers FILE.csv | postcodes FILE.csv --db DB [--partial]", runImport},
		{"help", "show this help", nil},
	}
}

// Run runs sightline with args (without the program name), reading any
// password from the process's standard input, and returns the exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return RunWithInput(ctx, args, os.Stdin, stdout, stderr)
}

// RunWithInput is Run with standard input given, for tests and for
// `--password-stdin`. It never panics: an unexpected failure is reported
// on stderr as one line with exit status 1.
func RunWithInput(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "sightline: internal error: %v (please report this)\n", p)
			code = exitFailure
		}
	}()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		printHelp(stderr)
		return exitUsage
	}
	name := args[0]
	if isHelp(name) {
		printHelp(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return report(stderr, c.run(ctx, e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "sightline: unknown subcommand %q\n\n", name)
	printHelp(stderr)
	return exitUsage
}

// printHelp lists the subcommands.
func printHelp(w io.Writer) {
	fmt.Fprint(w, "sightline: case management for children's social care\n\n")
	fmt.Fprint(w, "Usage: sightline SUBCOMMAND [flags]\n\nSubcommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s  %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nThe database is --db or the environment variable SIGHTLINE_DB: a file path\n"+
		"(SQLite) or a postgres:// URL (PostgreSQL).\n"+
		"Run 'sightline SUBCOMMAND -h' for the flags of a subcommand.\n")
}

// report prints err and turns it into an exit status.
func report(stderr io.Writer, err error) int {
	var u *usageError
	var v *casework.ValidationError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(silentFailure)):
		return exitFailure
	case errors.As(err, &u):
		fmt.Fprintf(stderr, "sightline: %s\n", u.msg)
		return exitUsage
	case errors.As(err, &v):
		for _, fe := range v.Errors {
			fmt.Fprintf(stderr, "%s: %s\n", flagName(fe.Field), fe.Message)
		}
		return exitFailure
	}
	fmt.Fprintf(stderr, "sightline: %s\n", oneLine(err.Error()))
	return exitFailure
}

// flagName names the flag that sets a field the store validated.
func flagName(field string) string {
	if field == "display_name" {
		return "name"
	}
	return field
}

// oneLine keeps a message (a database driver's, say) to one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// usageError is a mistake in how sightline was called: exit status 2.
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}
