package timescale_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

func TestSettingsFrom(t *testing.T) {
	def := timescale.DefaultSettings()
	custom := timescale.Settings{CPVisitWorkingDays: 5, CINPlanReviewMonths: 2, CINVisitWorkingDays: 30,
		CoreGroupWeeks: 4, PEPReviewMonths: 4, ExploitationReviewMonths: 6, PreProceedingsWeeks: 12, DueSoonWorkingDays: 0,
		WeekendReferralNextWorkingDay: true,
		LeaverContactMonthsBefore:     2, LeaverContactMonthsAfter: 2, PermanencePlanReview: 1}
	tests := []struct {
		name       string
		values     map[string]string
		want       timescale.Settings
		wantFields []string // keys in error, sorted; nil for none
	}{
		{name: "no values gives the defaults", values: nil, want: def},
		{name: "values are read and trimmed", values: map[string]string{
			timescale.KeyCPVisitWorkingDays: " 5 ", timescale.KeyCINPlanReviewMonths: "2",
			timescale.KeyCINVisitWorkingDays: "30", timescale.KeyCoreGroupWeeks: "4",
			timescale.KeyExploitationReviewMonths: "6", timescale.KeyPreProceedingsWeeks: "12",
			timescale.KeyDueSoonWorkingDays: "0", timescale.KeyWeekendReferralNextWorkingDay: "true",
			timescale.KeyLeaverContactMonthsBefore: "2", timescale.KeyLeaverContactMonthsAfter: "2",
			timescale.KeyPermanencePlanReview: "1"}, want: custom},
		{name: "a blank value takes the default", values: map[string]string{timescale.KeyCPVisitWorkingDays: " "}, want: def},
		{name: "other packages' keys are ignored", values: map[string]string{"caseload.weight_cp": "x"}, want: def},
		{name: "not a whole number", values: map[string]string{timescale.KeyCPVisitWorkingDays: "ten"},
			wantFields: []string{timescale.KeyCPVisitWorkingDays}},
		{name: "CP visits every 0 working days", values: map[string]string{timescale.KeyCPVisitWorkingDays: "0"},
			wantFields: []string{timescale.KeyCPVisitWorkingDays}},
		{name: "CP visits every 41 working days", values: map[string]string{timescale.KeyCPVisitWorkingDays: "41"},
			wantFields: []string{timescale.KeyCPVisitWorkingDays}},
		{name: "negative core group weeks", values: map[string]string{timescale.KeyCoreGroupWeeks: "-1"},
			wantFields: []string{timescale.KeyCoreGroupWeeks}},
		{name: "CIN plan reviews every 13 months", values: map[string]string{timescale.KeyCINPlanReviewMonths: "13"},
			wantFields: []string{timescale.KeyCINPlanReviewMonths}},
		{name: "pre-proceedings within 3 weeks", values: map[string]string{timescale.KeyPreProceedingsWeeks: "3"},
			wantFields: []string{timescale.KeyPreProceedingsWeeks}},
		{name: "weekend setting neither true nor false", values: map[string]string{timescale.KeyWeekendReferralNextWorkingDay: "maybe"},
			wantFields: []string{timescale.KeyWeekendReferralNextWorkingDay}},
		{name: "several bad values reported together", values: map[string]string{
			timescale.KeyCINVisitWorkingDays: "2.5", timescale.KeyDueSoonWorkingDays: "99"},
			wantFields: []string{timescale.KeyCINVisitWorkingDays, timescale.KeyDueSoonWorkingDays}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := timescale.SettingsFrom(tc.values)
			if tc.wantFields == nil {
				if err != nil || got != tc.want {
					t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
				}
				return
			}
			var v *casework.ValidationError
			if !errors.Is(err, casework.ErrInvalid) || !errors.As(err, &v) || !slices.Equal(v.Fields(), tc.wantFields) {
				t.Fatalf("error %v, want one on fields %v", err, tc.wantFields)
			}
			for _, key := range tc.wantFields {
				if raw := strings.TrimSpace(tc.values[key]); !strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), raw) {
					t.Errorf("error %q does not name key %s and value %q", err, key, raw)
				}
			}
			if got != def {
				t.Errorf("on error got %+v, want the defaults", got)
			}
		})
	}
}

func TestSettingsValidate(t *testing.T) {
	if err := timescale.DefaultSettings().Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
	var v *casework.ValidationError
	err := timescale.Settings{}.Validate()
	want := []string{timescale.KeyCINPlanReviewMonths, timescale.KeyCINVisitWorkingDays,
		timescale.KeyCoreGroupWeeks, timescale.KeyCPVisitWorkingDays, timescale.KeyExploitationReviewMonths,
		timescale.KeyPEPReviewMonths, timescale.KeyPermanencePlanReview, timescale.KeyPreProceedingsWeeks}
	if !errors.As(err, &v) || !slices.Equal(v.Fields(), want) {
		t.Errorf("zero settings: %v, want errors on %v", err, want)
	}
}

// Each key's stored default reads back as DefaultSettings.
func TestSettingKeys(t *testing.T) {
	keys := timescale.SettingKeys()
	values := map[string]string{}
	for _, k := range keys {
		if !strings.HasPrefix(k.Key, "timescale.") || k.Label == "" || k.Hint == "" || k.Default == "" || values[k.Key] != "" {
			t.Errorf("setting %+v: bad key, missing label, hint or default, or duplicate", k)
		}
		values[k.Key] = k.Default
	}
	got, err := timescale.SettingsFrom(values)
	if err != nil || got != timescale.DefaultSettings() || len(keys) != 12 {
		t.Errorf("defaults read back as %+v, %v (%d keys)", got, err, len(keys))
	}
}

// A changed CP visit standard changes the dates, end to end from the
// stored text.
func TestSettingsChangeCPVisitFrequency(t *testing.T) {
	s, err := timescale.SettingsFrom(map[string]string{timescale.KeyCPVisitWorkingDays: "5"})
	if err != nil {
		t.Fatal(err)
	}
	got := rows(timescale.Tasks(cpFile("2025-12-01", "2026-01-05"), nil, s, d("2026-01-05")), "cp_visit")
	if want := []string{"cp_visit 2026-01-05→2026-01-12 due local"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
