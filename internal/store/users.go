package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// User is a person who signs in: a worker, a manager, an analyst, a partner.
type User struct {
	ID          int64
	Username    string
	DisplayName string
	Role        auth.Role
	WorkerID    *int64
	TeamID      *int64
	Disabled    bool
	Version     int
}

// Actor is the user as the author of a change.
func (u User) Actor() Actor { return Actor{UserID: u.ID, Name: u.DisplayName} }

// NewUser is what is needed to add a user.
type NewUser struct {
	Username    string
	DisplayName string
	Password    string
	Role        auth.Role
	WorkerID    *int64
	TeamID      *int64
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// WithPasswordHasher sets the argon2id parameters (tests use cheap ones).
func WithPasswordHasher(h auth.Hasher) Option { return func(s *Store) { s.hasher = h } }

func (s *Store) hash(pw string) (string, error) {
	if s.hasher.Memory == 0 {
		return auth.HashPassword(pw)
	}
	return s.hasher.Hash(pw)
}

// CreateUser validates and adds a user with an argon2id password hash.
func (s *Store) CreateUser(ctx context.Context, actor Actor, nu NewUser) (User, error) {
	nu.Username = strings.ToLower(strings.TrimSpace(nu.Username))
	v := &casework.ValidationError{}
	if !usernamePattern.MatchString(nu.Username) {
		v.Add("username", "Username must be 2 to 64 lower-case letters, digits, dots, hyphens or underscores")
	}
	if strings.TrimSpace(nu.DisplayName) == "" {
		v.Add("display_name", "Enter the person's name")
	}
	if !nu.Role.Valid() {
		v.Add("role", "Choose a role")
	}
	if err := auth.ValidateNewPassword(nu.Password); err != nil {
		v.Add("password", err.Error())
	}
	if err := v.Err(); err != nil {
		return User{}, err
	}
	hash, err := s.hash(nu.Password)
	if err != nil {
		return User{}, fmt.Errorf("store: hash password: %w", err)
	}
	u := User{Username: nu.Username, DisplayName: strings.TrimSpace(nu.DisplayName), Role: nu.Role,
		WorkerID: nu.WorkerID, TeamID: nu.TeamID, Version: 1}
	err = s.write(ctx, actor, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM users WHERE username = ?`, u.Username).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return casework.Invalid("username", "A user with this username already exists")
		}
		id, err := tx.insert(ctx, `INSERT INTO users (username, display_name, password_hash, role, worker_id, team_id,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, u.Username, u.DisplayName, hash, string(u.Role),
			u.WorkerID, u.TeamID, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert user: %w", err)
		}
		u.ID = id
		return tx.record("user", id, "create", nil, u, "")
	})
	if err != nil {
		return u, fmt.Errorf("store: create user %q: %w", nu.Username, err)
	}
	return u, nil
}

const userColumns = `id, username, display_name, role, worker_id, team_id, disabled, version`

func scanUser(r rowScanner) (User, error) {
	var u User
	var role string
	err := r.Scan(&u.ID, &u.Username, &u.DisplayName, &role, &u.WorkerID, &u.TeamID, &u.Disabled, &u.Version)
	u.Role = auth.Role(role)
	return u, err
}

// UserByUsername finds a user.
func (s *Store) UserByUsername(ctx context.Context, username string) (User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE username = ?`,
		strings.ToLower(strings.TrimSpace(username))))
	if errors.Is(err, sql.ErrNoRows) {
		return u, fmt.Errorf("store: user %q: %w", username, casework.ErrNotFound)
	}
	return u, err
}

// Users lists every user by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.query(ctx, `SELECT `+userColumns+` FROM users ORDER BY display_name`)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetPassword replaces a user's password.
func (s *Store) SetPassword(ctx context.Context, actor Actor, username, password string) error {
	if err := auth.ValidateNewPassword(password); err != nil {
		return casework.Invalid("password", err.Error())
	}
	hash, err := s.hash(password)
	if err != nil {
		return fmt.Errorf("store: hash password: %w", err)
	}
	return s.changeUser(ctx, actor, username, "password", `password_hash = ?`, hash)
}

// SetRole changes a user's role.
func (s *Store) SetRole(ctx context.Context, actor Actor, username string, role auth.Role) error {
	if !role.Valid() {
		return casework.Invalid("role", "Choose a role")
	}
	return s.changeUser(ctx, actor, username, "role", `role = ?`, string(role))
}

// SetDisabled stops (or lets again) a user signing in, ending their sessions.
func (s *Store) SetDisabled(ctx context.Context, actor Actor, username string, disabled bool) error {
	return s.changeUser(ctx, actor, username, "disable", `disabled = ?`, disabled)
}

// changeUser updates one thing about a user and records it; the password
// hash never enters the history.
func (s *Store) changeUser(ctx context.Context, actor Actor, username, what, set string, arg any) error {
	before, err := s.UserByUsername(ctx, username)
	if err != nil {
		return err
	}
	err = s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.updateVersioned(ctx, "users", "user", before.ID, before.Version, set, arg); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL`,
			tx.s.d.ts(tx.now), before.ID); err != nil {
			return err
		}
		after, err := scanUser(tx.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, before.ID))
		if err != nil {
			return err
		}
		return tx.record("user", before.ID, what, before, after, "")
	})
	if err != nil {
		return fmt.Errorf("store: change %s of user %q: %w", what, username, err)
	}
	return nil
}

// ErrBadCredentials means the username or password was wrong (the message
// never says which, so it cannot be used to find usernames).
var ErrBadCredentials = errors.New("the username or password is not right")

// ThrottledError means too many failed sign-ins; try again after RetryAfter.
type ThrottledError struct{ RetryAfter time.Duration }

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("too many failed sign-in attempts: try again in %d minutes", int(e.RetryAfter.Minutes())+1)
}

// Authenticate checks a username and password from address, counting
// failures per account and per address in the database so that every app
// instance applies the same limit.
func (s *Store) Authenticate(ctx context.Context, username, password, address string) (User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	now := s.Now()
	th := auth.DefaultThrottle
	att, err := s.recentFailures(ctx, username, address, now.Add(-th.Window))
	if err != nil {
		return User{}, err
	}
	if ok, retry := th.Check(att, now); !ok {
		return User{}, &ThrottledError{RetryAfter: retry}
	}
	u, ok, err := s.checkCredentials(ctx, username, password)
	if err != nil {
		return User{}, err
	}
	if _, err := s.exec(ctx, `INSERT INTO login_attempts (username, address, at, ok) VALUES (?,?,?,?)`,
		username, address, s.d.ts(now), ok); err != nil {
		return User{}, fmt.Errorf("store: record sign-in attempt: %w", err)
	}
	if !ok {
		return User{}, ErrBadCredentials
	}
	return u, nil
}

func (s *Store) checkCredentials(ctx context.Context, username, password string) (User, bool, error) {
	var hash string
	row := s.queryRow(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE username = ?`, username)
	var u User
	var role string
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &role, &u.WorkerID, &u.TeamID, &u.Disabled, &u.Version, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		// Hash anyway so an unknown username takes as long as a known one.
		_, _ = s.hash(password)
		return u, false, nil
	}
	if err != nil {
		return u, false, fmt.Errorf("store: read user: %w", err)
	}
	u.Role = auth.Role(role)
	ok, err := auth.CheckPassword(hash, password)
	if err != nil {
		return u, false, fmt.Errorf("store: check password of %q: %w", username, err)
	}
	return u, ok && !u.Disabled, nil
}

func (s *Store) recentFailures(ctx context.Context, username, address string, since time.Time) (auth.Attempts, error) {
	var a auth.Attempts
	var oldestUser, oldestAddr tsCol
	err := s.queryRow(ctx, `SELECT count(*), min(at) FROM login_attempts WHERE username = ? AND at > ? AND NOT ok`,
		username, s.d.ts(since)).Scan(&a.AccountFailures, &oldestUser)
	if err == nil {
		err = s.queryRow(ctx, `SELECT count(*), min(at) FROM login_attempts WHERE address = ? AND at > ? AND NOT ok`,
			address, s.d.ts(since)).Scan(&a.AddressFailures, &oldestAddr)
	}
	if err != nil {
		return a, fmt.Errorf("store: count sign-in failures: %w", err)
	}
	a.OldestFailure = earliest(oldestUser, oldestAddr)
	return a, nil
}

func earliest(a, b tsCol) time.Time {
	switch {
	case !a.valid:
		return b.t
	case !b.valid || a.t.Before(b.t):
		return a.t
	}
	return b.t
}
