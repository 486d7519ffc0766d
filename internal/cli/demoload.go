package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// ErrDemoLoaded means the demo's users are there already, so the demo
// authority was not loaded again.
var ErrDemoLoaded = errors.New("the database already holds the demo authority, so it was not loaded again")

// LoadDemo loads the demo authority's hand-written journeys
// (demofixtures.go) into a migrated database, every record through the
// store so the history chain is real. The database may already hold a
// generated authority (synthetic children, see demogenerate.go): a
// fixture team whose name a generated team has joins it. It refuses a
// database holding any child not marked synthetic, and returns
// ErrDemoLoaded, changing nothing, when the demo's users exist. Users get
// throwaway passwords: the demo command resets them before serving.
func LoadDemo(ctx context.Context, st *store.Store) error {
	if err := demoLoadable(ctx, st); err != nil {
		return err
	}
	l := &demoLoader{st: st, teams: map[string]int64{}, workers: map[string]int64{},
		users: map[string]store.User{}, children: map[string]int64{}}
	for _, step := range []func(context.Context) error{l.loadTeams, l.loadWorkers, l.loadUsers, l.loadChildren,
		l.loadNetwork, l.loadStories, l.loadNotes} {
		if err := step(ctx); err != nil {
			return fmt.Errorf("load the demo authority: %w", err)
		}
	}
	return nil
}

// demoLoadable refuses a database with real children or a clock before the
// demo's story, and returns ErrDemoLoaded when the demo's users exist.
func demoLoadable(ctx context.Context, st *store.Store) error {
	_, real, err := countChildren(ctx, st)
	if err != nil {
		return err
	}
	if real > 0 {
		return fmt.Errorf("refusing to load the demo authority: this database holds %d real (not synthetic) children", real)
	}
	_, err = st.UserByUsername(ctx, demoUsers()[0].username)
	switch {
	case err == nil:
		return ErrDemoLoaded
	case !errors.Is(err, casework.ErrNotFound):
		return err
	}
	if st.Now().Before(demoAsAt) {
		return fmt.Errorf("the demo authority's records run to %s, but this computer's clock says %s",
			calendar.FormatDate(demoAsAt), st.Now().Format("2006-01-02"))
	}
	return nil
}

// countChildren counts all children and those not marked synthetic. It
// reads through DB() because the store has no count yet; it writes nothing.
func countChildren(ctx context.Context, st *store.Store) (total, real int, err error) {
	db := st.DB()
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM children`).Scan(&total); err != nil {
		return 0, 0, fmt.Errorf("count children: %w", err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM children WHERE NOT synthetic`).Scan(&real); err != nil {
		return 0, 0, fmt.Errorf("count children: %w", err)
	}
	return total, real, nil
}

// demoLoader keeps the ids of what it has made, by fixture key.
type demoLoader struct {
	st       *store.Store
	teams    map[string]int64
	workers  map[string]int64
	users    map[string]store.User
	children map[string]int64 // by LA child ID
}

func (l *demoLoader) loadTeams(ctx context.Context) error {
	existing, err := l.st.Teams(ctx)
	if err != nil {
		return err
	}
	for _, t := range demoTeams() {
		if i := slices.IndexFunc(existing, func(e casework.Team) bool { return e.Name == t.name }); i >= 0 {
			l.teams[t.key] = existing[i].ID
			continue
		}
		made, err := l.st.CreateTeam(ctx, store.System, casework.Team{Name: t.name, Kind: t.kind})
		if err != nil {
			return err
		}
		l.teams[t.key] = made.ID
	}
	return nil
}

func (l *demoLoader) loadWorkers(ctx context.Context) error {
	for _, dw := range demoWorkers() {
		w := dw.w
		w.TeamID = l.teamID(dw.team)
		made, err := l.st.CreateWorker(ctx, store.System, w)
		if err != nil {
			return err
		}
		l.workers[dw.key] = made.ID
	}
	return nil
}

func (l *demoLoader) loadUsers(ctx context.Context) error {
	for _, du := range demoUsers() {
		u, err := l.st.CreateUser(ctx, store.System, store.NewUser{Username: du.username, DisplayName: du.name,
			Password: auth.GeneratePassword(), Role: du.role, WorkerID: l.workerID(du.worker), TeamID: l.teamID(du.team)})
		if err != nil {
			return err
		}
		l.users[du.username] = u
	}
	return nil
}

func (l *demoLoader) loadChildren(ctx context.Context) error {
	for _, dc := range demoChildren() {
		c, err := l.st.CreateChild(ctx, store.System, dc.c)
		if err != nil {
			return err
		}
		l.children[c.LAChildID] = c.ID
		if !dc.opened.IsZero() {
			if _, err := l.st.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
				StartDate: dc.opened, TeamID: l.teamID(dc.team), WorkerID: l.workerID(dc.worker)}); err != nil {
				return err
			}
		}
		for _, username := range dc.access {
			if err := l.st.GrantChildAccess(ctx, store.System, c.ID, l.users[username].ID); err != nil {
				return err
			}
		}
	}
	return nil
}

func (l *demoLoader) loadNotes(ctx context.Context) error {
	for _, dn := range demoNotes() {
		author := l.users[dn.author].Actor()
		n, err := l.st.AddNote(ctx, author, casework.Note{ChildID: l.children[dn.child], Date: dn.date, Kind: dn.kind,
			Subject: dn.subject, Body: dn.body})
		if err != nil {
			return err
		}
		if dn.errorReason == "" {
			continue
		}
		if err := l.st.MarkNoteInError(ctx, author, n.ID, n.Version, dn.errorReason); err != nil {
			return err
		}
	}
	return nil
}

// teamID and workerID turn a fixture key into an id ("" is none).
func (l *demoLoader) teamID(key string) *int64   { return idOf(l.teams, key) }
func (l *demoLoader) workerID(key string) *int64 { return idOf(l.workers, key) }

func idOf(ids map[string]int64, key string) *int64 {
	if key == "" {
		return nil
	}
	id := ids[key]
	return &id
}
