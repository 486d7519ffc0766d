package store

import (
	"context"
	"fmt"
	"time"

	"sightline/internal/auth"
)

// ChildAccess returns what the access policy needs to know about a child.
func (s *Store) ChildAccess(ctx context.Context, childID int64) (auth.ChildAccess, error) {
	var a auth.ChildAccess
	if err := s.queryRow(ctx, `SELECT restricted FROM children WHERE id = ?`, childID).Scan(&a.Restricted); err != nil {
		return a, fmt.Errorf("store: %w", notFound(err, "child", childID))
	}
	if !a.Restricted {
		return a, nil
	}
	rows, err := s.query(ctx, `SELECT user_id FROM child_access WHERE child_id = ? ORDER BY user_id`, childID)
	if err != nil {
		return a, fmt.Errorf("store: access list of child %d: %w", childID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return a, err
		}
		a.NamedUsers = append(a.NamedUsers, id)
	}
	return a, rows.Err()
}

// GrantChildAccess names a user who may open a restricted child's record.
func (s *Store) GrantChildAccess(ctx context.Context, actor Actor, childID, userID int64) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.exec(ctx, `INSERT INTO child_access (child_id, user_id) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, childID, userID); err != nil {
			return err
		}
		return tx.record("child_access", childID, "grant", nil, map[string]int64{"user_id": userID}, "")
	})
	if err != nil {
		return fmt.Errorf("store: grant access to child %d: %w", childID, err)
	}
	return nil
}

// AccessEntry is one view of a child's record.
type AccessEntry struct {
	At      time.Time
	UserID  int64
	User    string
	ChildID int64
	Action  string
	Address string
	Path    string
}

// LogChildAccess records that a user opened a child's record.
func (s *Store) LogChildAccess(ctx context.Context, e AccessEntry) error {
	_, err := s.exec(ctx, `INSERT INTO access_log (at, user_id, child_id, action, address, path) VALUES (?,?,?,?,?,?)`,
		s.d.ts(s.Now()), e.UserID, e.ChildID, e.Action, e.Address, e.Path)
	if err != nil {
		return fmt.Errorf("store: log access to child %d: %w", e.ChildID, err)
	}
	return nil
}

// AccessLog lists who opened a child's record since a time, newest first.
func (s *Store) AccessLog(ctx context.Context, childID int64, since time.Time) ([]AccessEntry, error) {
	rows, err := s.query(ctx, `SELECT a.at, a.user_id, COALESCE(u.display_name, ''), a.child_id, a.action, a.address, a.path
		FROM access_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.child_id = ? AND a.at >= ?
		ORDER BY a.at DESC, a.id DESC`, childID, s.d.ts(since))
	if err != nil {
		return nil, fmt.Errorf("store: access log of child %d: %w", childID, err)
	}
	defer rows.Close()
	var out []AccessEntry
	for rows.Next() {
		var e AccessEntry
		var at tsCol
		if err := rows.Scan(&at, &e.UserID, &e.User, &e.ChildID, &e.Action, &e.Address, &e.Path); err != nil {
			return nil, err
		}
		e.At = at.t
		out = append(out, e)
	}
	return out, rows.Err()
}

// RestrictedFor returns the restricted children the user is not named on:
// lists (the front door, a team, the sign-off queue) hide their details
// from that user. Restricted records are few, so this is a small set.
func (s *Store) RestrictedFor(ctx context.Context, userID int64) (map[int64]bool, error) {
	rows, err := s.query(ctx, `SELECT c.id FROM children c WHERE c.restricted
		AND NOT EXISTS (SELECT 1 FROM child_access a WHERE a.child_id = c.id AND a.user_id = ?)`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: restricted children for user %d: %w", userID, err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}
