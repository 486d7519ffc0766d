package timescale

import (
	"fmt"
	"strconv"
	"strings"

	"sightline/internal/casework"
)

// Settings are the local standards the rules use where there is no
// national number, and how the engine reports. The app stores them as
// key/value text (SettingKeys, SettingsFrom).
type Settings struct {
	// CPVisitWorkingDays: a child on a CP plan is seen at least every N
	// working days. No national number (timescales.md cp_visit, conf. M);
	// commonly 10 in local procedures.
	CPVisitWorkingDays int
	// CINPlanReviewMonths: a CIN plan is reviewed at least every N months.
	// No national number (timescales.md cin_plan_review, conf. M).
	CINPlanReviewMonths int
	// CINVisitWorkingDays: a child on a CIN plan is seen at least every N
	// working days. Local standard (conf. M).
	CINVisitWorkingDays int
	// CoreGroupWeeks: core groups after the first at least every N weeks.
	// WT2023 sets only the first (timescales.md core_group_first, conf. S).
	CoreGroupWeeks int
	// PEPReviewMonths: a child in care's PEP is reviewed at least every N
	// months. The PEP guidance asks for one each school term (conf. S).
	PEPReviewMonths int
	// ExploitationReviewMonths: an exploitation screening recorded without
	// a review date is reviewed within N months. No national interval
	// (local standard, conf. M).
	ExploitationReviewMonths int
	// PreProceedingsWeeks: pre-proceedings end (proceedings issued or the
	// concerns reduced) within N weeks. No statutory timescale; the Public
	// Law Working Group's best-practice guidance is commonly cited as 16
	// weeks (timescales.md pre_proceedings, conf. M).
	PreProceedingsWeeks int
	// LeaverContactMonthsBefore and LeaverContactMonthsAfter: the window
	// around a care leaver's 17th to 21st birthdays in which contact counts
	// as "in touch" (SSDA903 OC3). The DfE guide was not read; 3 months
	// before to 1 month after is the window as commonly applied.
	LeaverContactMonthsBefore int
	LeaverContactMonthsAfter  int
	// PermanencePlanReview: the looked-after review (1st, 2nd…) by which a
	// child has a permanence plan. Statutory guidance expects the second;
	// the domain reference does not confirm it, so it is a setting.
	PermanencePlanReview int
	// DueSoonWorkingDays: an open task due within N working days (or
	// today) is "due soon"; 0 means only tasks due today.
	DueSoonWorkingDays int
	// WeekendReferralNextWorkingDay counts a referral received on a
	// weekend or bank holiday from the next working day (timescales.md
	// edge case 1: WT2023 does not settle it).
	WeekendReferralNextWorkingDay bool
}

// Setting keys, as stored by the app.
const (
	KeyCPVisitWorkingDays            = "timescale.cp_visit_working_days"
	KeyCINPlanReviewMonths           = "timescale.cin_plan_review_months"
	KeyCINVisitWorkingDays           = "timescale.cin_visit_working_days"
	KeyCoreGroupWeeks                = "timescale.core_group_weeks"
	KeyDueSoonWorkingDays            = "timescale.due_soon_working_days"
	KeyPEPReviewMonths               = "timescale.pep_review_months"
	KeyExploitationReviewMonths      = "timescale.exploitation_review_months"
	KeyPreProceedingsWeeks           = "timescale.pre_proceedings_weeks"
	KeyLeaverContactMonthsBefore     = "timescale.leaver_contact_months_before"
	KeyLeaverContactMonthsAfter      = "timescale.leaver_contact_months_after"
	KeyPermanencePlanReview          = "timescale.permanence_plan_review"
	KeyWeekendReferralNextWorkingDay = "timescale.weekend_referral_next_working_day"
)

// SettingKey describes one setting for the settings page.
type SettingKey struct {
	Key     string // e.g. "timescale.cp_visit_working_days"
	Label   string // what the field is called
	Hint    string // the allowed values and where the default comes from
	Default string // the default, as stored text
}

// intSetting is one whole-number setting: its key, bounds and field.
type intSetting struct {
	key, label, hint string
	def, min, max    int
	field            func(*Settings) *int
}

var intSettings = []intSetting{
	{KeyCPVisitWorkingDays, "Child protection visits: at least every (working days)",
		"No national frequency: Working Together 2023 leaves it to the plan and local procedures (commonly 10 working days).",
		10, 1, 40, func(s *Settings) *int { return &s.CPVisitWorkingDays }},
	{KeyCINPlanReviewMonths, "Child in need plan reviews: at least every (months)",
		"No national interval: Working Together 2023 sets none (commonly 3 months).",
		3, 1, 6, func(s *Settings) *int { return &s.CINPlanReviewMonths }},
	{KeyCINVisitWorkingDays, "Child in need visits: at least every (working days)",
		"No national frequency: a local standard.",
		20, 1, 60, func(s *Settings) *int { return &s.CINVisitWorkingDays }},
	{KeyCoreGroupWeeks, "Core groups after the first: at least every (weeks)",
		"Working Together 2023 sets the first core group (10 working days after the ICPC) but no interval after it (commonly monthly to 6-weekly).",
		6, 1, 12, func(s *Settings) *int { return &s.CoreGroupWeeks }},
	{KeyPEPReviewMonths, "Personal education plan reviews: at least every (months)",
		"The PEP guidance asks for a review each school term (about every 4 months).",
		4, 1, 6, func(s *Settings) *int { return &s.PEPReviewMonths }},
	{KeyExploitationReviewMonths, "Exploitation screenings with no review date: review within (months)",
		"No national interval: a screening normally sets its own review date; this is the local default when it does not.",
		3, 1, 12, func(s *Settings) *int { return &s.ExploitationReviewMonths }},
	{KeyPreProceedingsWeeks, "Pre-proceedings: decide within (weeks)",
		"No statutory timescale: the Public Law Working Group's best-practice guidance is commonly cited as 16 weeks.",
		16, 4, 52, func(s *Settings) *int { return &s.PreProceedingsWeeks }},
	{KeyLeaverContactMonthsBefore, "Care leaver birthday contact: window opens (months before the birthday)",
		"SSDA903 OC3 records contact around the 17th to 21st birthdays; the DfE guide's window was not confirmed (commonly 3 months before).",
		3, 0, 6, func(s *Settings) *int { return &s.LeaverContactMonthsBefore }},
	{KeyLeaverContactMonthsAfter, "Care leaver birthday contact: window closes (months after the birthday)",
		"The contact is due by the end of the window (commonly 1 month after the birthday).",
		1, 0, 6, func(s *Settings) *int { return &s.LeaverContactMonthsAfter }},
	{KeyPermanencePlanReview, "Permanence plan: by the looked-after review number",
		"Statutory guidance expects a permanence plan by the second review (not confirmed in the domain reference).",
		2, 1, 4, func(s *Settings) *int { return &s.PermanencePlanReview }},
	{KeyDueSoonWorkingDays, "Show a task as due soon from (working days before it is due)",
		"0 shows only tasks due today as due soon.",
		3, 0, 20, func(s *Settings) *int { return &s.DueSoonWorkingDays }},
}

const weekendLabel = "Count a referral received on a weekend or bank holiday from the next working day"

// DefaultSettings returns the settings used when none are stored.
func DefaultSettings() Settings {
	var s Settings
	for _, is := range intSettings {
		*is.field(&s) = is.def
	}
	return s
}

// SettingKeys lists every setting with its label, hint and default.
func SettingKeys() []SettingKey {
	out := make([]SettingKey, 0, len(intSettings)+1)
	for _, is := range intSettings {
		hint := fmt.Sprintf("A whole number from %d to %d. %s", is.min, is.max, is.hint)
		out = append(out, SettingKey{Key: is.key, Label: is.label, Hint: hint, Default: strconv.Itoa(is.def)})
	}
	return append(out, SettingKey{Key: KeyWeekendReferralNextWorkingDay, Label: weekendLabel,
		Hint:    "true or false. Working Together 2023 does not settle it; with false the referral date is day 0 whatever day it is.",
		Default: "false"})
}

// Validate checks each setting is within sane bounds. The error is a
// *casework.ValidationError whose fields are the setting keys.
func (s Settings) Validate() error {
	v := &casework.ValidationError{}
	for _, is := range intSettings {
		if n := *is.field(&s); n < is.min || n > is.max {
			v.Add(is.key, fmt.Sprintf("%s must be from %d to %d (it is %d)", is.label, is.min, is.max, n))
		}
	}
	return v.Err()
}

// SettingsFrom reads settings stored as key/value text. A missing or
// blank key takes its default; keys of other packages are ignored. A bad
// value is a *casework.ValidationError naming the key and the value.
func SettingsFrom(values map[string]string) (Settings, error) {
	s := DefaultSettings()
	v := &casework.ValidationError{}
	for _, is := range intSettings {
		raw := strings.TrimSpace(values[is.key])
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil {
			v.Add(is.key, fmt.Sprintf("%s: %q is not a whole number", is.label, values[is.key]))
			continue
		}
		*is.field(&s) = n
	}
	if raw := strings.TrimSpace(values[KeyWeekendReferralNextWorkingDay]); raw != "" {
		b, err := strconv.ParseBool(raw)
		if err != nil {
			v.Add(KeyWeekendReferralNextWorkingDay, fmt.Sprintf("%s: %q is not true or false", weekendLabel, raw))
		}
		s.WeekendReferralNextWorkingDay = b
	}
	if err := s.Validate(); err != nil {
		for _, fe := range err.(*casework.ValidationError).Errors {
			if !v.Has(fe.Field) {
				v.Add(fe.Field, fe.Message)
			}
		}
	}
	if err := v.Err(); err != nil {
		return DefaultSettings(), fmt.Errorf("timescale settings: %w", err)
	}
	return s, nil
}
