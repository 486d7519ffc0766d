package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Setting is one local setting (a local timescale, a caseload weight).
type Setting struct {
	Key       string
	Value     string
	Version   int
	UpdatedAt time.Time
	UpdatedBy string
}

// Settings returns every stored setting by key; keys not stored take their
// defaults from the package that owns them.
func (s *Store) Settings(ctx context.Context) (map[string]Setting, error) {
	rows, err := s.query(ctx, `SELECT key, value, version, updated_at, updated_by FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	out := map[string]Setting{}
	for rows.Next() {
		var st Setting
		var at tsCol
		if err := rows.Scan(&st.Key, &st.Value, &st.Version, &at, &st.UpdatedBy); err != nil {
			return nil, err
		}
		st.UpdatedAt = at.t
		out[st.Key] = st
	}
	return out, rows.Err()
}

// PutSetting sets a value. version is the version read (0 for a key not yet
// stored); a stale version is refused like any other concurrent edit.
func (s *Store) PutSetting(ctx context.Context, actor Actor, key, value string, version int) error {
	err := s.write(ctx, actor, func(tx *Tx) error { return tx.putSetting(ctx, key, value, version) })
	if err != nil {
		return fmt.Errorf("store: set %q: %w", key, err)
	}
	return nil
}

// putSetting sets one value against the version read, with its history.
func (t *Tx) putSetting(ctx context.Context, key, value string, version int) error {
	var before Setting
	err := t.queryRow(ctx, `SELECT key, value, version FROM settings WHERE key = ?`, key).
		Scan(&before.Key, &before.Value, &before.Version)
	switch {
	case errors.Is(err, sql.ErrNoRows) && version == 0:
		_, err = t.exec(ctx, `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?,?,?,?)`,
			key, value, t.s.d.ts(t.now), t.actor.Name)
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("setting %q: %w", key, casework.ErrNotFound)
	case err == nil:
		err = t.updateSetting(ctx, key, value, version)
	}
	if err != nil {
		return err
	}
	return t.record("setting", 0, "set", before, Setting{Key: key, Value: value}, key)
}

func (t *Tx) updateSetting(ctx context.Context, key, value string, version int) error {
	res, err := t.exec(ctx, `UPDATE settings SET value = ?, version = version + 1, updated_at = ?, updated_by = ?
		WHERE key = ? AND version = ?`, value, t.s.d.ts(t.now), t.actor.Name, key, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	var by string
	var at tsCol
	if err := t.queryRow(ctx, `SELECT updated_by, updated_at FROM settings WHERE key = ?`, key).Scan(&by, &at); err != nil {
		return err
	}
	return &casework.ConflictError{Entity: "setting " + key, ChangedBy: by, ChangedAt: at.t}
}

// AddedHolidays returns the bank holidays an administrator has added.
func (s *Store) AddedHolidays(ctx context.Context) ([]calendar.Holiday, error) {
	rows, err := s.query(ctx, `SELECT day, name FROM added_holidays ORDER BY day`)
	if err != nil {
		return nil, fmt.Errorf("store: added holidays: %w", err)
	}
	defer rows.Close()
	var out []calendar.Holiday
	for rows.Next() {
		var d dateCol
		var h calendar.Holiday
		if err := rows.Scan(&d, &h.Name); err != nil {
			return nil, err
		}
		h.Date, h.Source = d.t, "added"
		out = append(out, h)
	}
	return out, rows.Err()
}

// Calendar is the embedded England and Wales table with the added days.
func (s *Store) Calendar(ctx context.Context) (*calendar.Calendar, error) {
	added, err := s.AddedHolidays(ctx)
	if err != nil {
		return nil, err
	}
	return calendar.Default().With(added...), nil
}

// AddHoliday adds a bank holiday announced after the release (the state
// funeral of 19 September 2022 was announced ten days ahead). Due dates are
// computed from the calendar, so open ones move at once; the change is in
// the history.
func (s *Store) AddHoliday(ctx context.Context, actor Actor, d time.Time, name string) error {
	name = strings.TrimSpace(name)
	v := &casework.ValidationError{}
	if name == "" {
		v.Add("name", "Enter the name of the bank holiday")
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		v.Add("date", "A bank holiday falls on a weekday: check the date")
	}
	if _, ok := calendar.Default().HolidayName(d); ok {
		v.Add("date", "This day is already a bank holiday")
	}
	if err := v.Err(); err != nil {
		return err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, `SELECT count(*) FROM added_holidays WHERE day = ?`, day(d)).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return casework.Invalid("date", "This day has already been added")
		}
		if _, err := tx.exec(ctx, `INSERT INTO added_holidays (day, name, added_at, added_by) VALUES (?,?,?,?)`,
			day(d), name, tx.s.d.ts(tx.now), actor.Name); err != nil {
			return err
		}
		return tx.record("holiday", 0, "create", nil, calendar.Holiday{Date: d, Name: name, Source: "added"}, "")
	})
	if err != nil {
		return fmt.Errorf("store: add holiday %s: %w", d.Format("2006-01-02"), err)
	}
	return nil
}
