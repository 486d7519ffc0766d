package synth

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// profileJSON is the national statistical profile the generator draws
// from: a trimmed copy of sightline's shared profile (DfE statistics, Open
// Government Licence v3.0; see README.md and the file's _meta). The
// product reads only this embedded copy, never the shared data at run time.
//
//go:embed profile.json
var profileJSON []byte

// Profile is England's children's social care in numbers: the rates and
// splits a steady authority follows. Splits keep the order of the file, so
// that a draw from them never depends on map order.
type Profile struct {
	Referrals struct {
		Per10k     float64 `json:"referrals_per_10k"`
		ReReferral float64 `json:"rereferral_within_12m_rate"`
		NFA        float64 `json:"nfa_rate"`
		NotInNeed  float64 `json:"assessed_not_in_need_rate"`
		CINPer10k  float64 `json:"cin_per_10k"`
	} `json:"referrals"`
	ReferralSources struct {
		Split Weights `json:"split"`
	} `json:"referral_source_split"`
	Assessments struct {
		Bins     Weights `json:"duration_working_days_bins"`
		Within45 float64 `json:"within_45_working_days_rate"`
		Median   float64 `json:"median_days"`
	} `json:"assessments"`
	Factors struct {
		Prevalence Weights `json:"prevalence_fraction_of_assessments"`
		Mean       float64 `json:"mean_factors_per_assessment"`
	} `json:"assessment_factors"`
	S47 struct {
		Per10k       float64 `json:"s47_per_10k"`
		ICPCPer10k   float64 `json:"icpc_per_10k"`
		ICPCBins     Weights `json:"icpc_days_bins"`
		ICPCWithin15 float64 `json:"icpc_within_15_wd_rate"`
		PlanPerICPC  float64 `json:"icpc_to_cpp_conversion"`
	} `json:"s47_icpc"`
	CP struct {
		StartsPer10k float64 `json:"cpp_starts_per_10k"`
		SecondPlans  float64 `json:"second_or_subsequent_rate"`
		Per10k       float64 `json:"cpp_per_10k"`
		Ended        struct {
			Bins Weights `json:"bins"`
		} `json:"ended_plan_duration"`
		Category struct {
			Split Weights `json:"split"`
		} `json:"initial_category"`
	} `json:"child_protection"`
	Children struct {
		Sex       Weights `json:"sex"`
		Ethnicity Weights `json:"ethnicity"`
		Age       Weights `json:"age_at_31_march_RECALL"`
	} `json:"children"`
	CareFlows struct {
		StartsPer10k float64 `json:"started_per_10k"`
	} `json:"cla_flows_2024"`
	Workforce struct {
		Turnover float64 `json:"turnover_rate"`
		Agency   float64 `json:"agency_rate"`
		Caseload float64 `json:"caseload_per_case_holding_fte"`
	} `json:"workforce"`
}

// Weight is one key of a split and its share.
type Weight struct {
	Key string
	W   float64
}

// Weights is a split in the order the file gives it.
type Weights []Weight

// UnmarshalJSON reads a JSON object of numbers keeping its key order.
func (ws *Weights) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("synth: a split must be a JSON object")
	}
	*ws = nil
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		var w float64
		if err := dec.Decode(&w); err != nil {
			return fmt.Errorf("synth: split key %v: %w", k, err)
		}
		*ws = append(*ws, Weight{Key: k.(string), W: w})
	}
	return nil
}

// Get returns the share of key, or 0.
func (ws Weights) Get(key string) float64 {
	for _, w := range ws {
		if w.Key == key {
			return w.W
		}
	}
	return 0
}

// Sum is the total of the shares.
func (ws Weights) Sum() float64 {
	s := 0.0
	for _, w := range ws {
		s += w.W
	}
	return s
}

// National returns England's profile, parsed once from the embedded copy.
// It panics if the embedded file is broken, which a test catches.
func National() Profile { return national() }

var national = sync.OnceValue(func() Profile {
	var p Profile
	if err := json.Unmarshal(profileJSON, &p); err != nil {
		panic("synth: embedded profile.json: " + err.Error())
	}
	return p
})
