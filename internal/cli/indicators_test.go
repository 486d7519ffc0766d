package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndicatorsCommand generates a small authority and prints its
// indicators as JSON: each object has the five keys scripts depend on and
// every required id is there; a date before the records, in the future, or
// an empty period is refused with exit status 2.
func TestIndicatorsCommand(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "la.db")
	var out, errs bytes.Buffer
	if code := Run(ctx, []string{"generate", "--db", db, "--scenario", "inadequate-2015", "--size", "small"}, &out, &errs); code != 0 {
		t.Fatalf("generate: %d %s", code, errs.String())
	}
	out.Reset()
	if code := Run(ctx, []string{"indicators", "--db", db, "--as-at", "2015-06-30", "--format", "json"}, &out, &errs); code != 0 {
		t.Fatalf("indicators: %d %s", code, errs.String())
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	ids := map[string]map[string]any{}
	for _, r := range rows {
		for _, k := range []string{"id", "value", "numerator", "denominator", "as_at"} {
			if _, ok := r[k]; !ok {
				t.Errorf("%v: no %q", r["id"], k)
			}
		}
		ids[r["id"].(string)] = r
	}
	for _, id := range strings.Fields(`referrals_per_10k rereferrals_12m_pct referral_decision_1wd_pct assessments_45wd_pct
		s47_per_10k icpc_15wd_pct cp_plans_per_10k cp_plans_neglect_pct cp_second_plans_pct cp_visits_standard_pct
		cp_visits_28d_pct cin_per_10k cla_per_10k cla_placements_3plus_pct cla_out_of_area_pct cla_visits_in_time_pct
		cla_reviews_in_time_pct missing_rhi_72h_pct proceedings_26w_pct adoption_a1_days adoption_a2_days
		care_leavers_eet_pct care_leavers_accommodation_pct cla_long_term_stability_pct cla_over_20_miles_pct
		cla_health_in_time_pct cla_pep_in_time_pct missing_episodes unallocated_cases caseload_average caseload_weighted_average workers_over_capacity
		drift_cases agency_rate_pct vacancy_rate_pct turnover_pct agency_spend_gbp`) {
		if ids[id] == nil {
			t.Errorf("no indicator %s", id)
		}
	}
	if v, _ := ids["unallocated_cases"]["value"].(float64); v != 34 {
		t.Errorf("unallocated_cases = %v, want 34 (269 scaled to 7,000 children)", ids["unallocated_cases"]["value"])
	}
	// the generator makes children in care: their figures have values
	for _, id := range []string{"cla_per_10k", "cla_placements_3plus_pct", "cla_out_of_area_pct", "cla_reviews_in_time_pct"} {
		if ids[id]["value"] == nil || ids[id]["numerator"] == nil || ids[id]["denominator"] == nil {
			t.Errorf("%s: %v, want a value, numerator and denominator", id, ids[id])
		}
	}
	for _, bad := range [][]string{{"--as-at", "2009-01-01"}, {"--as-at", "2099-01-01"},
		{"--as-at", "2015-06-30", "--from", "2015-07-01"}, {"--as-at", "30/13/2015"}, {"--as-at", "2015-06-30", "--format", "xml"}} {
		errs.Reset()
		if code := Run(ctx, append([]string{"indicators", "--db", db}, bad...), &out, &errs); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", bad, code, errs.String(), exitUsage)
		}
	}
}
