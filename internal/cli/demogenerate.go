package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// The demo file holds two things: a generated authority (the
// improving-2017 scenario, package synth) and, beside it, the hand-written
// journeys (demofixtures.go, demostory*.go) whose users sign in. Both end
// on demoAsAt: the scenario's periods run on from 2017 to the fixtures'
// Tuesday, so the service a demo user sees today is one service with one
// timeline. History starts in April 2013, when the scenario's decline
// begins, so the pages that take an as-at date show the authority as
// inspected (30 June 2015) and improving (30 September 2017) with a year
// and more behind each. docs/decisions/0004-demo-dates.md says why.

// demoScenario is the generated authority's scenario.
const demoScenario = "improving-2017"

// demoHistoryFrom is the first day of the generated history.
var demoHistoryFrom = calendar.Date(2013, time.April, 1)

// demoSeed makes every demo the same authority.
const demoSeed = 1

// demoSize reads --size: the demo runs small (quick) or la.
func demoSize(name string) (synth.Size, error) {
	sz, err := synth.LookupSize(name)
	if err != nil {
		return sz, usagef("demo: %v", err)
	}
	if sz.Areas() > 1 {
		return sz, usagef("demo: --size %s is for measuring the generator ('sightline generate'); the demo runs small or la", name)
	}
	return sz, nil
}

// demoGenerateOptions is what the demo generates into the file at path.
func demoGenerateOptions(path string, size synth.Size) (generateOptions, error) {
	sc, err := synth.LookupScenario(demoScenario)
	if err != nil {
		return generateOptions{}, err
	}
	return generateOptions{dsn: path, scenario: sc, size: size, seed: demoSeed, asAt: demoAsAt,
		start: demoHistoryFrom, batchRows: 25000}, nil
}

// prepareDemo opens (creating) the demo file and migrates it. On the first
// run it generates the authority, with progress on progress, then loads
// the journeys; later runs find the demo's users and use the file as it is.
func prepareDemo(ctx context.Context, w, progress io.Writer, path string, size synth.Size) (*store.Store, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	done, err := st.Migrate(ctx)
	for _, m := range done {
		fmt.Fprintf(w, "applied %04d %s\n", m.Version, m.Name)
	}
	if err == nil {
		err = demoLoadable(ctx, st)
	}
	if err == nil {
		err = fillDemo(ctx, st, w, progress, path, size)
	}
	switch {
	case err == nil:
		fmt.Fprintf(w, "loaded the demo authority into %s\n", path)
	case errors.Is(err, ErrDemoLoaded):
		fmt.Fprintf(w, "using the demo authority in %s\n", path)
	default:
		st.Close()
		return nil, err
	}
	return st, nil
}

// fillDemo generates the authority into an empty file, then loads the
// journeys beside it.
func fillDemo(ctx context.Context, st *store.Store, w, progress io.Writer, path string, size synth.Size) error {
	if err := checkEmpty(ctx, st, path); err != nil {
		return fmt.Errorf("%w. If it is an unfinished demo, start again with --fresh", err)
	}
	o, err := demoGenerateOptions(path, size)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "generating the demo authority (%s, size %s, %s to %s); this takes a minute or more, once\n",
		o.scenario.Name, size.Name, calendar.FormatDate(o.start), calendar.FormatDate(o.asAt))
	if err := generateInto(ctx, st, progress, progress, o); err != nil {
		return err
	}
	fmt.Fprintf(w, "adding the journeys and the demo users\n")
	return LoadDemo(ctx, st)
}
