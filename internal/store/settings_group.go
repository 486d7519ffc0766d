package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// SettingChange is one setting to save: its new value and the version the
// user read (0 for a key not yet stored).
type SettingChange struct {
	Key, Value string
	Version    int
}

// PutSettings saves a group of settings (a settings form) in one
// transaction: all of them or, if any was changed by someone else since it
// was read (a *casework.ConflictError) or is unknown, none.
func (s *Store) PutSettings(ctx context.Context, actor Actor, changes []SettingChange) error {
	err := s.write(ctx, actor, func(tx *Tx) error {
		for _, c := range changes {
			if err := tx.putSetting(ctx, c.Key, c.Value, c.Version); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save settings: %w", err)
	}
	return nil
}

// SettingEvent is one change to a setting, from the history.
type SettingEvent struct {
	At            time.Time
	By            string
	Key           string
	Before, After string // "" before the first save: the default applied
}

// SettingHistory returns the changes to the settings keys, newest first,
// from the hash-chained history.
func (s *Store) SettingHistory(ctx context.Context, keys []string) ([]SettingEvent, error) {
	events, err := s.History(ctx, "setting", 0)
	if err != nil {
		return nil, fmt.Errorf("store: setting history: %w", err)
	}
	var out []SettingEvent
	for _, e := range slices.Backward(events) {
		if !slices.Contains(keys, e.Reason) {
			continue
		}
		var before, after Setting
		if err := json.Unmarshal([]byte(e.Before), &before); err != nil {
			return nil, fmt.Errorf("store: setting history %d: %w", e.Seq, err)
		}
		if err := json.Unmarshal([]byte(e.After), &after); err != nil {
			return nil, fmt.Errorf("store: setting history %d: %w", e.Seq, err)
		}
		at, err := time.Parse(tsLayout, e.At)
		if err != nil {
			return nil, fmt.Errorf("store: setting history %d: %w", e.Seq, err)
		}
		out = append(out, SettingEvent{At: at, By: e.Actor, Key: e.Reason, Before: before.Value, After: after.Value})
	}
	return out, nil
}
