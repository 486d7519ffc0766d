package store_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestASettingIsSavedOnlyAgainstItsCurrentVersion(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.Administrator)
		bob := newUser(t, s, "bob", auth.Administrator)
		const key = "timescale.assessment_days"
		want := func(value string, version int, by string) {
			t.Helper()
			all, err := s.Settings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			st := all[key]
			if st.Value != value || st.Version != version || st.UpdatedBy != by || !st.UpdatedAt.Equal(fixedNow) {
				t.Errorf("setting = %+v, want %q version %d by %q", st, value, version, by)
			}
		}

		if err := s.PutSetting(ctx, alice.Actor(), key, "45", 0); err != nil {
			t.Fatalf("new setting: %v", err)
		}
		want("45", 1, alice.DisplayName)
		if err := s.PutSetting(ctx, bob.Actor(), key, "40", 1); err != nil {
			t.Fatalf("update at the current version: %v", err)
		}
		want("40", 2, bob.DisplayName)

		events := historyLen(t, s)
		wantConflict(t, s.PutSetting(ctx, alice.Actor(), key, "35", 1), bob.DisplayName)
		wantConflict(t, s.PutSetting(ctx, alice.Actor(), key, "35", 0), bob.DisplayName) // "new" but it exists
		want("40", 2, bob.DisplayName)
		if historyLen(t, s) != events {
			t.Error("a refused setting was written to the history")
		}
		if err := s.PutSetting(ctx, alice.Actor(), "no.such.key", "1", 3); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("updating a setting never stored = %v, want casework.ErrNotFound", err)
		}

		hist, err := s.History(ctx, "setting", 0)
		if err != nil || len(hist) != 2 || hist[1].Reason != key || !strings.Contains(hist[1].After, `"40"`) ||
			!strings.Contains(hist[1].Before, `"45"`) {
			t.Errorf("setting history = %+v, %v", hist, err)
		}
	})
}

func TestAnAddedBankHolidayIsNotAWorkingDay(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		admin := newUser(t, s, "admin", auth.Administrator)
		friday, testDay := d(2026, 11, 27), d(2026, 11, 30)

		cal, err := s.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := cal.AddWorkingDays(friday, 1); !got.Equal(testDay) {
			t.Fatalf("before the addition, 1 working day after Friday 27 November is %v, want Monday 30", got)
		}

		if err := s.AddHoliday(ctx, admin.Actor(), testDay, "  Test day "); err != nil {
			t.Fatal(err)
		}
		cal, err = s.Calendar(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := cal.AddWorkingDays(friday, 1); !got.Equal(d(2026, 12, 1)) {
			t.Errorf("1 working day after Friday 27 November = %v, want Tuesday 1 December", got)
		}
		if cal.IsWorkingDay(testDay) {
			t.Error("the added day is still a working day")
		}
		if name, ok := cal.HolidayName(testDay); !ok || name != "Test day" {
			t.Errorf("HolidayName = %q, %v", name, ok)
		}
		added, err := s.AddedHolidays(ctx)
		if err != nil || len(added) != 1 || !added[0].Date.Equal(testDay) || added[0].Name != "Test day" || added[0].Source != "added" {
			t.Errorf("AddedHolidays = %+v, %v", added, err)
		}
		hist, err := s.History(ctx, "holiday", 0)
		if err != nil || len(hist) != 1 || hist[0].Action != "create" || hist[0].Actor != admin.DisplayName ||
			!strings.Contains(hist[0].After, "Test day") {
			t.Errorf("holiday history = %+v, %v", hist, err)
		}

		cases := []struct {
			name   string
			day    int
			month  time.Month
			hname  string
			fields []string
		}{
			{"a Saturday", 28, 11, "Test", []string{"date"}},
			{"a Sunday", 29, 11, "Test", []string{"date"}},
			{"Christmas Day, already a bank holiday", 25, 12, "Extra Christmas", []string{"date"}},
			{"the day already added", 30, 11, "Test again", []string{"date"}},
			{"no name", 1, 12, "  ", []string{"name"}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				events := historyLen(t, s)
				err := s.AddHoliday(ctx, admin.Actor(), d(2026, tc.month, tc.day), tc.hname)
				wantFields(t, err, tc.fields...)
				if historyLen(t, s) != events {
					t.Error("a refused holiday was written to the history")
				}
			})
		}
		if added, _ := s.AddedHolidays(ctx); len(added) != 1 {
			t.Errorf("%d added holidays after the refusals, want 1", len(added))
		}
	})
}
