package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sightline/internal/casework"
)

// updateVersioned runs "UPDATE table SET set… WHERE id = ? AND version = ?",
// bumping the version and stamping who changed it. When no row matches it
// tells a stale version (a *casework.ConflictError naming who saved last)
// from a missing row (casework.ErrNotFound).
func (t *Tx) updateVersioned(ctx context.Context, table, entity string, id int64, version int, set string, args ...any) error {
	args = append(args, t.s.d.ts(t.now), t.actor.Name, id, version)
	res, err := t.exec(ctx, `UPDATE `+table+` SET `+set+`, version = version + 1, updated_at = ?, updated_by = ?
		WHERE id = ? AND version = ?`, args...)
	if err != nil {
		return fmt.Errorf("update %s %d: %w", entity, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("update %s %d: %w", entity, id, err)
	}
	if n == 1 {
		return nil
	}
	return t.conflict(ctx, table, entity, id)
}

// conflict explains why a versioned update matched no row.
func (t *Tx) conflict(ctx context.Context, table, entity string, id int64) error {
	var by string
	var at tsCol
	err := t.queryRow(ctx, `SELECT updated_by, updated_at FROM `+table+` WHERE id = ?`, id).Scan(&by, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", entity, id, casework.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("%s %d: %w", entity, id, err)
	}
	return &casework.ConflictError{Entity: entity, ID: id, ChangedBy: by, ChangedAt: at.t}
}

// notFound turns sql.ErrNoRows into casework.ErrNotFound with context.
func notFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", what, id, casework.ErrNotFound)
	}
	return fmt.Errorf("%s %d: %w", what, id, err)
}
