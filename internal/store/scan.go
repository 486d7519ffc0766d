package store

import (
	"fmt"
	"strings"
	"time"
)

// dateCol scans a civil date from either backend: SQLite returns text,
// PostgreSQL a time.Time.
type dateCol struct {
	t     time.Time
	valid bool
}

func (d *dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		d.valid = false
		return nil
	case time.Time:
		d.t, d.valid = time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC), true
		return nil
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	}
	return fmt.Errorf("store: cannot scan %T as a date", src)
}

func (d *dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("store: bad date %q: %w", s, err)
	}
	d.t, d.valid = t, true
	return nil
}

// ptr returns the date or nil.
func (d dateCol) ptr() *time.Time {
	if !d.valid {
		return nil
	}
	t := d.t
	return &t
}

// tsCol scans an instant from either backend.
type tsCol struct {
	t     time.Time
	valid bool
}

func (c *tsCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		c.valid = false
		return nil
	case time.Time:
		c.t, c.valid = v.UTC(), true
		return nil
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	}
	return fmt.Errorf("store: cannot scan %T as a time", src)
}

func (c *tsCol) parse(s string) error {
	for _, layout := range []string{tsLayout, time.RFC3339Nano, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			c.t, c.valid = t.UTC(), true
			return nil
		}
	}
	return fmt.Errorf("store: bad time %q", s)
}
