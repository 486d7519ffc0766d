package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func runUserAdd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "user add", `--username U --name "Full Name" --role ROLE [--worker-id N] [--team-id N] [--password-stdin] [--db DB]`,
		"Adds a user. sightline generates a one-time password and prints it once; with --password-stdin it\n"+
			"reads the password from the first line of standard input instead.")
	db := f.dbFlag()
	username := f.String("username", "", "the name they sign in with: lower-case letters, digits, dots, hyphens, underscores")
	name := f.String("name", "", "their full name, as shown to others")
	role := f.String("role", "", "their role: "+roleNames())
	workerID := f.Int64("worker-id", 0, "the id of their staff record, for people who hold cases")
	teamID := f.Int64("team-id", 0, "the id of their team")
	fromStdin := f.Bool("password-stdin", false, "read the password from standard input")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := required("user add", [2]string{"username", *username}, [2]string{"name", *name}, [2]string{"role", *role}); err != nil {
		return err
	}
	r, err := parseRole(*role)
	if err != nil {
		return err
	}
	pw, err := newPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	nu := store.NewUser{Username: *username, DisplayName: *name, Password: pw, Role: r}
	if nu.WorkerID, nu.TeamID, err = staffLinks(ctx, st, *workerID, *teamID); err != nil {
		return err
	}
	u, err := st.CreateUser(ctx, store.System, nu)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added user %s: %s, %s\n", u.Username, u.DisplayName, u.Role.Label())
	printOneTimePassword(e, pw, *fromStdin, u.DisplayName)
	return nil
}

// staffLinks checks that the worker and team given exist (0 means none).
func staffLinks(ctx context.Context, st *store.Store, workerID, teamID int64) (*int64, *int64, error) {
	var w, t *int64
	if workerID != 0 {
		if _, err := st.Worker(ctx, workerID); errors.Is(err, casework.ErrNotFound) {
			return nil, nil, fmt.Errorf("--worker-id: no worker has id %d", workerID)
		} else if err != nil {
			return nil, nil, err
		}
		w = &workerID
	}
	if teamID != 0 {
		teams, err := st.Teams(ctx)
		if err != nil {
			return nil, nil, err
		}
		if !hasTeam(teams, teamID) {
			return nil, nil, fmt.Errorf("--team-id: no team has id %d", teamID)
		}
		t = &teamID
	}
	return w, t, nil
}

func hasTeam(teams []casework.Team, id int64) bool {
	for _, t := range teams {
		if t.ID == id {
			return true
		}
	}
	return false
}

func runUserPasswd(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "user passwd", "--username U [--password-stdin] [--db DB]",
		"Resets a user's password and ends their sessions. sightline generates a one-time password and\n"+
			"prints it once; with --password-stdin it reads the password from standard input instead.")
	db := f.dbFlag()
	username := f.String("username", "", "the user's username")
	fromStdin := f.Bool("password-stdin", false, "read the password from standard input")
	if err := f.parse(args); err != nil {
		return err
	}
	if err := required("user passwd", [2]string{"username", *username}); err != nil {
		return err
	}
	pw, err := newPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetPassword(ctx, store.System, *username, pw); err != nil {
		return noSuchUser(err, *username)
	}
	fmt.Fprintf(e.stdout, "password of %s changed; their sessions have ended\n", *username)
	printOneTimePassword(e, pw, *fromStdin, *username)
	return nil
}

// newPassword generates a one-time password, or reads one from stdin.
func newPassword(e *env, fromStdin bool) (string, error) {
	if !fromStdin {
		return auth.GeneratePassword(), nil
	}
	return readPassword(e.stdin)
}

// readPassword reads the first line of r, without its line ending. A
// password longer than the limit is refused rather than cut short.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", usagef("--password-stdin: there is no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, auth.MaxPasswordBytes+3))
	if err != nil {
		return "", fmt.Errorf("--password-stdin: read standard input: %w", err)
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	switch {
	case len(line) == 0:
		return "", usagef("--password-stdin: standard input was empty: pipe the password in")
	case len(line) > auth.MaxPasswordBytes:
		return "", casework.Invalid("password", auth.ErrPasswordTooLong.Error())
	}
	return string(line), nil
}

// printOneTimePassword shows a generated password, once.
func printOneTimePassword(e *env, pw string, fromStdin bool, who string) {
	if fromStdin {
		return
	}
	fmt.Fprintf(e.stdout, "one-time password: %s\n", pw)
	fmt.Fprintf(e.stdout, "It is shown only now: give it to %s by a secure route.\n", who)
}
