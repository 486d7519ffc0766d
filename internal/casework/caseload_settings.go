package casework

import (
	"fmt"
	"strconv"
	"strings"
)

// CaseloadSettings are the local policy behind caseload weights, capacity
// and drift. None is national: the DfE counts cases held per FTE case
// holder (workforce census) but sets no weights and no ceiling, so each
// authority chooses its own (domain/indicators.md caseload_weighted_average,
// workers_over_capacity, drift_cases: "local definition"). The app stores
// them as key/value text (CaseloadSettingKeys, CaseloadSettingsFrom).
type CaseloadSettings struct {
	// WeightCPPlan is what a child on a child protection plan (or in a
	// section 47 enquiry) counts for.
	WeightCPPlan float64
	// WeightCIN is what any other open case counts for: a child in need,
	// with or without a plan; the unit the others are measured against.
	WeightCIN float64
	// WeightAssessment is what a child whose assessment is open counts for.
	WeightAssessment float64
	// WeightProceedings is added for a child in care proceedings (court
	// work is recorded by a later issue; until then no child has it).
	WeightProceedings float64
	// SiblingShare is the fraction each further sibling held by the same
	// worker counts for: visits and meetings are shared with the first.
	SiblingShare float64
	// CapacityFullTime is the weighted caseload a 1.0 FTE case holder can
	// carry; part-time workers have their share of it.
	CapacityFullTime float64
	// NewlyQualifiedFactor scales a newly qualified worker's capacity: the
	// assessed and supported year in employment (ASYE) expects a protected,
	// reduced caseload.
	NewlyQualifiedFactor float64
	// TargetAverage is the average caseload (cases per FTE case holder) the
	// service aims at, for comparison with the DfE's national average.
	TargetAverage float64
	// DriftWorkingDays: an open case with no recorded progress for more
	// than this many working days is drifting.
	DriftWorkingDays int
}

// Caseload setting keys, as stored by the app.
const (
	KeyWeightCPPlan         = "caseload.weight_cp_plan"
	KeyWeightCIN            = "caseload.weight_cin"
	KeyWeightAssessment     = "caseload.weight_assessment"
	KeyWeightProceedings    = "caseload.weight_proceedings"
	KeySiblingShare         = "caseload.sibling_share"
	KeyCapacityFullTime     = "caseload.capacity_full_time"
	KeyNewlyQualifiedFactor = "caseload.newly_qualified_factor"
	KeyTargetAverage        = "caseload.target_average"
	KeyDriftWorkingDays     = "drift.working_days"
)

// CaseloadSettingKey describes one setting for a settings page.
type CaseloadSettingKey struct {
	Key     string // e.g. "caseload.weight_cp_plan"
	Label   string // what the field is called
	Hint    string // the allowed values and why the default
	Default string // the default, as stored text
}

// numSetting is one setting: its key, label, bounds and field. Whole
// numbers have a nil num and a non-nil whole.
type numSetting struct {
	key, label, hint string
	def, min, max    float64
	num              func(*CaseloadSettings) *float64
	whole            func(*CaseloadSettings) *int
}

var caseloadSettings = []numSetting{
	{key: KeyWeightCPPlan, label: "Weight of a child on a child protection plan or in a section 47 enquiry",
		hint: "A local choice; 1.5 is a common weighting (indicators.md caseload_weighted_average).",
		def:  1.5, min: 0, max: 5, num: func(s *CaseloadSettings) *float64 { return &s.WeightCPPlan }},
	{key: KeyWeightCIN, label: "Weight of a child in need (any other open case)",
		hint: "The unit the other weights are measured against.",
		def:  1, min: 0, max: 5, num: func(s *CaseloadSettings) *float64 { return &s.WeightCIN }},
	{key: KeyWeightAssessment, label: "Weight of a child whose assessment is open",
		hint: "A local choice; 1 counts an assessment like any child in need.",
		def:  1, min: 0, max: 5, num: func(s *CaseloadSettings) *float64 { return &s.WeightAssessment }},
	{key: KeyWeightProceedings, label: "Added weight of a child in care proceedings",
		hint: "Added to the child's other weight; 0.5 is a common weighting.",
		def:  0.5, min: 0, max: 5, num: func(s *CaseloadSettings) *float64 { return &s.WeightProceedings }},
	{key: KeySiblingShare, label: "Share of the load for each further sibling held by the same worker",
		hint: "From 0 (siblings count as one) to 1 (every child counts in full).",
		def:  0.5, min: 0, max: 1, num: func(s *CaseloadSettings) *float64 { return &s.SiblingShare }},
	{key: KeyCapacityFullTime, label: "Capacity of a full-time case holder (weighted cases)",
		hint: "Commonly 18 to 20; a part-time worker has their FTE's share.",
		def:  18, min: 1, max: 60, num: func(s *CaseloadSettings) *float64 { return &s.CapacityFullTime }},
	{key: KeyNewlyQualifiedFactor, label: "Share of full capacity for a newly qualified worker",
		hint: "The assessed and supported year in employment expects a protected caseload (commonly 0.8 or less).",
		def:  0.8, min: 0.1, max: 1, num: func(s *CaseloadSettings) *float64 { return &s.NewlyQualifiedFactor }},
	{key: KeyTargetAverage, label: "Target average caseload (cases per FTE case holder)",
		hint: "Compared with the DfE's national average (16.0 at 30 September 2023).",
		def:  20, min: 1, max: 60, num: func(s *CaseloadSettings) *float64 { return &s.TargetAverage }},
	{key: KeyDriftWorkingDays, label: "A case drifts after this many working days without recorded progress",
		hint: "A local standard; no national interval.",
		def:  20, min: 1, max: 130, whole: func(s *CaseloadSettings) *int { return &s.DriftWorkingDays }},
}

// DefaultCaseloadSettings returns the settings used when none are stored.
func DefaultCaseloadSettings() CaseloadSettings {
	var s CaseloadSettings
	for _, ns := range caseloadSettings {
		ns.set(&s, ns.def)
	}
	return s
}

func (ns numSetting) get(s *CaseloadSettings) float64 {
	if ns.whole != nil {
		return float64(*ns.whole(s))
	}
	return *ns.num(s)
}

func (ns numSetting) set(s *CaseloadSettings, v float64) {
	if ns.whole != nil {
		*ns.whole(s) = int(v)
		return
	}
	*ns.num(s) = v
}

func (ns numSetting) text(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// CaseloadSettingKeys lists every setting with its label, hint and default.
func CaseloadSettingKeys() []CaseloadSettingKey {
	out := make([]CaseloadSettingKey, 0, len(caseloadSettings))
	for _, ns := range caseloadSettings {
		kind := "A number"
		if ns.whole != nil {
			kind = "A whole number"
		}
		hint := fmt.Sprintf("%s from %s to %s. %s", kind, ns.text(ns.min), ns.text(ns.max), ns.hint)
		out = append(out, CaseloadSettingKey{Key: ns.key, Label: ns.label, Hint: hint, Default: ns.text(ns.def)})
	}
	return out
}

// Validate checks each setting is within its bounds. The error is a
// *ValidationError whose fields are the setting keys.
func (s CaseloadSettings) Validate() error {
	v := &ValidationError{}
	for _, ns := range caseloadSettings {
		if n := ns.get(&s); !(n >= ns.min && n <= ns.max) { // NaN fails too
			v.Add(ns.key, fmt.Sprintf("%s must be from %s to %s (it is %s)", ns.label, ns.text(ns.min), ns.text(ns.max), ns.text(n)))
		}
	}
	return v.Err()
}

// CaseloadSettingsFrom reads settings stored as key/value text. A missing
// or blank key takes its default; keys of other packages are ignored. A
// bad value is a *ValidationError naming the key, and the defaults come
// back with it.
func CaseloadSettingsFrom(values map[string]string) (CaseloadSettings, error) {
	s := DefaultCaseloadSettings()
	v := &ValidationError{}
	for _, ns := range caseloadSettings {
		raw := strings.TrimSpace(values[ns.key])
		if raw == "" {
			continue
		}
		n, err := strconv.ParseFloat(raw, 64)
		if ns.whole != nil {
			var i int
			i, err = strconv.Atoi(raw)
			n = float64(i)
		}
		if err != nil {
			v.Add(ns.key, fmt.Sprintf("%s: %q is not a number of the right kind", ns.label, raw))
			continue
		}
		ns.set(&s, n)
	}
	if err := s.Validate(); err != nil {
		mergeInto(v, err)
	}
	if err := v.Err(); err != nil {
		return DefaultCaseloadSettings(), fmt.Errorf("caseload settings: %w", err)
	}
	return s, nil
}
