package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// userAction is one thing `sightline user` does.
type userAction struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func userActions() []userAction {
	return []userAction{
		{"add", "add a user, printing a one-time password", runUserAdd},
		{"passwd", "reset a user's password, printing a one-time password", runUserPasswd},
		{"role", "change a user's role", runUserRole},
		{"list", "list the users", runUserList},
		{"disable", "stop a user signing in and end their sessions", runUserDisable},
		{"enable", "let a disabled user sign in again", runUserEnable},
	}
}

func runUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef("user: say what to do: add, passwd, role, list, disable or enable (see 'sightline user -h')")
	}
	if isHelp(args[0]) {
		fmt.Fprint(e.stdout, "Usage: sightline user ACTION [flags]\n\nActions:\n")
		for _, a := range userActions() {
			fmt.Fprintf(e.stdout, "  %-8s  %s\n", a.name, a.summary)
		}
		fmt.Fprint(e.stdout, "\nPasswords are never given on the command line (where shell history would keep them):\n"+
			"sightline generates one and prints it once, or reads one from standard input with --password-stdin.\n"+
			"Run 'sightline user ACTION -h' for the flags of an action.\n")
		return nil
	}
	for _, a := range userActions() {
		if a.name == args[0] {
			return a.run(ctx, e, args[1:])
		}
	}
	return usagef("user: unknown action %q: use add, passwd, role, list, disable or enable", args[0])
}

// required reports the first flag, of {flag, value} pairs in order, that
// was not given.
func required(cmd string, flagValues ...[2]string) error {
	for _, fv := range flagValues {
		if strings.TrimSpace(fv[1]) == "" {
			return usagef("%s: --%s is required (see 'sightline %s -h')", cmd, fv[0], cmd)
		}
	}
	return nil
}

// parseRole turns --role into a Role; a wrong one is a usage error that
// lists the roles.
func parseRole(s string) (auth.Role, error) {
	r, err := auth.ParseRole(s)
	if err != nil {
		return "", usagef("--role: %v", err)
	}
	return r, nil
}

// noSuchUser turns the store's not-found into a plain message.
func noSuchUser(err error, username string) error {
	if errors.Is(err, casework.ErrNotFound) {
		return fmt.Errorf("no user called %q (see 'sightline user list')", username)
	}
	return err
}

func runUserRole(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "user role", "--username U --role ROLE [--db DB]", "Changes a user's role; their sessions end, so the new role applies at their next sign-in.")
	db := f.dbFlag()
	username := f.String("username", "", "the user's username")
	role := f.String("role", "", "the new role: "+roleNames())
	if err := f.parse(args); err != nil {
		return err
	}
	if err := required("user role", [2]string{"username", *username}, [2]string{"role", *role}); err != nil {
		return err
	}
	r, err := parseRole(*role)
	if err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetRole(ctx, store.System, *username, r); err != nil {
		return noSuchUser(err, *username)
	}
	fmt.Fprintf(e.stdout, "%s is now: %s\n", *username, r.Label())
	return nil
}

func runUserList(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "user list", "[--db DB]", "Lists every user by name.")
	db := f.dbFlag()
	if err := f.parse(args); err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	if len(users) == 0 {
		fmt.Fprintln(e.stdout, "no users yet: add one with 'sightline user add'")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tNAME\tROLE\tDISABLED")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Username, u.DisplayName, u.Role, yesNo(u.Disabled))
	}
	return tw.Flush()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func runUserDisable(ctx context.Context, e *env, args []string) error {
	return setDisabled(ctx, e, args, true)
}

func runUserEnable(ctx context.Context, e *env, args []string) error {
	return setDisabled(ctx, e, args, false)
}

func setDisabled(ctx context.Context, e *env, args []string, disabled bool) error {
	name, about := "user enable", "Lets a disabled user sign in again."
	if disabled {
		name, about = "user disable", "Stops a user signing in and ends their sessions. Nothing they recorded is removed."
	}
	f := newFlags(e, name, "--username U [--db DB]", about)
	db := f.dbFlag()
	username := f.String("username", "", "the user's username")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := required(name, [2]string{"username", *username}); err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetDisabled(ctx, store.System, *username, disabled); err != nil {
		return noSuchUser(err, *username)
	}
	if disabled {
		fmt.Fprintf(e.stdout, "%s is disabled: they cannot sign in, and their sessions have ended\n", *username)
	} else {
		fmt.Fprintf(e.stdout, "%s is enabled: they can sign in again\n", *username)
	}
	return nil
}

// roleNames lists the values --role accepts.
func roleNames() string {
	var names []string
	for _, r := range auth.Roles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}
