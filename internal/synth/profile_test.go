package synth_test

import (
	"math"
	"testing"

	"sightline/internal/synth"
)

// TestProfileParses checks the embedded profile: each split sums to one
// (within rounding) and every factor but the two with no current code maps
// to a census code.
func TestProfileParses(t *testing.T) {
	p := synth.National()
	for name, split := range map[string]synth.Weights{
		"referral sources": p.ReferralSources.Split, "assessment lengths": p.Assessments.Bins,
		"ICPC days": p.S47.ICPCBins, "plan lengths": p.CP.Ended.Bins, "categories": p.CP.Category.Split,
		"ethnicity": p.Children.Ethnicity, "ages": p.Children.Age,
	} {
		if len(split) == 0 || math.Abs(split.Sum()-1) > 0.011 {
			t.Errorf("%s: %d entries summing to %.4f, want 1", name, len(split), split.Sum())
		}
	}
	if p.Referrals.Per10k != 518.3 || p.S47.Per10k != 191.6 || p.Assessments.Within45 != 0.8567 {
		t.Errorf("headline rates = %v, %v, %v; want the profile's", p.Referrals.Per10k, p.S47.Per10k, p.Assessments.Within45)
	}
	missing := 0
	for _, f := range p.Factors.Prevalence {
		if synth.FactorCode(f.Key) == "" {
			missing++
		}
	}
	if missing != 2 || len(p.Factors.Prevalence) != 39 {
		t.Errorf("%d of %d factors without a code, want 2 of 39 (the unknown physical and sexual abuse)",
			missing, len(p.Factors.Prevalence))
	}
}
