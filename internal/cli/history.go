package cli

import (
	"context"
	"errors"
	"fmt"

	"sightline/internal/store"
)

func runHistory(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		if len(args) > 0 && isHelp(args[0]) {
			fmt.Fprint(e.stdout, "Usage: sightline history verify --db DB\n\n"+
				"Walks the hash-chained history of every change and reports the first event that was altered,\n"+
				"removed or re-ordered. Exit status 1 when the chain is broken.\n")
			return nil
		}
		return usagef("history: say what to do: 'sightline history verify --db DB'")
	}
	f := newFlags(e, "history verify", "--db DB",
		"Walks the hash-chained history of every change and reports the first event that was altered,\n"+
			"removed or re-ordered. Exit status 1 when the chain is broken.")
	db := f.dbFlag()
	if err := f.parse(args[1:]); err != nil {
		return err
	}
	st, err := openNamed(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.VerifyHistory(ctx)
	if errors.Is(err, store.ErrChainBroken) {
		return fmt.Errorf("history broken at event %d: %s", rep.BrokenAt, rep.Problem)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "history verified: %d events, chain intact\n", rep.Events)
	return nil
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}
