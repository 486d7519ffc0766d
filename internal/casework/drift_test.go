package casework_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

func TestDrift(t *testing.T) {
	cal := calendar.Default()
	asAt := day(2026, 11, 24) // a Tuesday
	opened := day(2026, 6, 1)
	for _, tc := range []struct {
		name     string
		opened   time.Time
		last     *time.Time
		at       time.Time // the date asked; zero: asAt
		days     int
		drifting bool
	}{
		{"progress today is no drift", opened, ptr(asAt), time.Time{}, 0, false},
		{"progress exactly 20 working days ago is still in time", opened, ptr(day(2026, 10, 27)), time.Time{}, 20, false},
		{"progress 21 working days ago is drift", opened, ptr(day(2026, 10, 26)), time.Time{}, 21, true},
		{"weekends do not count", opened, ptr(day(2026, 11, 20)), time.Time{}, 2, false},
		{"a case with no progress counts from the day it opened", day(2026, 10, 1), nil, time.Time{}, 38, true},
		{"progress before the case opened does not count", day(2026, 11, 16), ptr(day(2026, 1, 5)), time.Time{}, 6, false},
		// Christmas Day (Fri 25th) and Boxing Day (Sat 26th, moved to Mon 28th).
		{"bank holidays do not count", day(2026, 12, 21), nil, day(2026, 12, 29), 4, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := asAt
			if !tc.at.IsZero() {
				at = tc.at
			}
			st := casework.StallOn(cal, tc.opened, tc.last, at)
			if st.WorkingDays != tc.days || st.Drifting(20) != tc.drifting {
				t.Errorf("StallOn = %+v, drifting %v; want %d working days, drifting %v", st, st.Drifting(20), tc.days, tc.drifting)
			}
		})
	}
}

func TestWhichNotesCountAsProgress(t *testing.T) {
	for kind, want := range map[string]bool{"case_note": true, "meeting": true, "management_oversight": true,
		"phone_call": false, "email": false, "out_of_hours": false} {
		if got := casework.NoteIsProgress(kind); got != want {
			t.Errorf("NoteIsProgress(%q) = %v, want %v", kind, got, want)
		}
	}
	for _, k := range casework.NoteKinds() {
		if _, ok := map[string]bool{"case_note": true, "meeting": true, "management_oversight": true,
			"phone_call": true, "email": true, "out_of_hours": true}[k.Code]; !ok {
			t.Errorf("note kind %q is new: decide whether it counts as progress (drift.go)", k.Code)
		}
	}
}

func TestAssessmentsPast45WorkingDays(t *testing.T) {
	cal := calendar.Default()
	asAt := day(2026, 11, 24)
	for _, tc := range []struct {
		name       string
		referral   time.Time
		days, over int
	}{
		{"an assessment referred today has run 0 days", asAt, 0, 0},
		{"45 working days from the referral is within the limit", cal.AddWorkingDays(asAt, -45), 45, 0},
		{"46 working days is one over", cal.AddWorkingDays(asAt, -46), 46, 1},
		{"far past: 90 working days is 45 over", cal.AddWorkingDays(asAt, -90), 90, 45},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := casework.AgeOfAssessment(cal, tc.referral, asAt, 45)
			if got.WorkingDays != tc.days || got.DaysOver != tc.over {
				t.Errorf("AgeOfAssessment = %+v, want %d working days, %d over", got, tc.days, tc.over)
			}
		})
	}
}
