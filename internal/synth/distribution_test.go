package synth_test

import (
	"fmt"
	"math"
	"testing"

	"sightline/internal/calendar"
	"sightline/internal/synth"
)

// tolerance is how far a generated figure may be from England's: points
// of a share (absolute) or a fraction of a rate (relative).
type tolerance struct {
	name      string
	got, want float64
	abs, rel  float64 // allowed difference: absolute, or relative to want
}

func (tl tolerance) check(t *testing.T) {
	t.Helper()
	allowed := tl.abs
	if tl.rel > 0 {
		allowed = tl.rel * tl.want
	}
	if math.Abs(tl.got-tl.want) > allowed {
		t.Errorf("%s = %.4g, want %.4g ± %.3g", tl.name, tl.got, tl.want, allowed)
	}
}

// TestDistributionsSmall checks the steady scenario's rates and splits
// against the profile on the small size, over its three years (the
// re-referral rate over the last two, so that every referral has a year
// before it). The tolerances allow for a small authority's chance: its
// children come in sibling groups, so a few hundred referrals vary more
// than their count suggests. Each is named in the test's output.
func TestDistributionsSmall(t *testing.T) {
	checkDistributions(t, "small", 1)
}

// TestDistributionsLA checks the same on a large authority, ten years of
// history, with tighter tolerances, and the length of ended plans.
func TestDistributionsLA(t *testing.T) {
	if testing.Short() {
		t.Skip("generating a large authority takes a couple of seconds")
	}
	checkDistributions(t, "la", 0.5)
}

// checkDistributions generates the steady scenario at size and compares
// its figures with the profile, tolerances scaled by scale.
func checkDistributions(t *testing.T, size string, scale float64) {
	a := generate(t, "steady", size, 1)
	files := caseFiles(a)
	sz, _ := synth.LookupSize(size)
	all := measure(files, window{a.Start, a.AsAt}, sz.Population)
	recent := measure(files, window{calendar.AddMonths(a.AsAt, -24), a.AsAt}, sz.Population)
	p := synth.National()
	cat := p.CP.Category.Split
	checks := []tolerance{
		{name: "referrals per 10,000 (±3%)", got: all.referralsPer10k, want: p.Referrals.Per10k, rel: 0.03},
		{name: "re-referrals within 12 months (±4 points)", got: recent.reReferral, want: p.Referrals.ReReferral, abs: 0.04},
		{name: "no further action at referral (±2.5 points)", got: all.nfa, want: p.Referrals.NFA, abs: 0.025},
		{name: "referrals from the police (±4 points)", got: all.sourcePolice, want: p.ReferralSources.Split.Get("police"), abs: 0.04},
		{name: "assessments within 45 working days (±4 points)", got: all.within45, want: p.Assessments.Within45, abs: 0.04},
		{name: "section 47 enquiries per 10,000 (±15%)", got: all.s47Per10k, want: p.S47.Per10k, rel: 0.15},
		{name: "ICPCs per 10,000 (±20%)", got: all.icpcPer10k, want: p.S47.ICPCPer10k, rel: 0.2},
		{name: "ICPCs within 15 working days (±9 points)", got: all.icpcWithin15, want: p.S47.ICPCWithin15, abs: 0.09},
		{name: "CP plans started per 10,000 (±20%)", got: all.plansPer10k, want: p.CP.StartsPer10k, rel: 0.2},
		{name: "second or later plans (±12 points)", got: all.secondPlans, want: p.CP.SecondPlans, abs: 0.12},
		{name: "plans for neglect (±12 points)", got: all.categories["NEG"], want: cat.Get("neglect"), abs: 0.12},
		{name: "plans for emotional abuse (±12 points)", got: all.categories["EMO"], want: cat.Get("emotional"), abs: 0.12},
		{name: "plans for physical abuse (±6 points)", got: all.categories["PHY"], want: cat.Get("physical"), abs: 0.06},
		{name: "plans for sexual abuse (±4 points)", got: all.categories["SAB"], want: cat.Get("sexual"), abs: 0.04},
	}
	// A family's factors are shared by its children, so they vary more.
	for _, f := range []string{"Domestic_Abuse_parent", "Mental_Health_parent", "Alcohol_Misuse_parent",
		"Drug_Misuse_parent", "Other"} {
		checks = append(checks, tolerance{name: fmt.Sprintf("factor %s (±5 points)", f),
			got: all.factors[synth.FactorCode(f)], want: p.Factors.Prevalence.Get(f), abs: 0.05})
	}
	for _, f := range []string{"Mental_Health_child", "Learning_Disability_child", "Self_harm"} {
		checks = append(checks, tolerance{name: fmt.Sprintf("factor %s (±4 points)", f),
			got: all.factors[synth.FactorCode(f)], want: p.Factors.Prevalence.Get(f), abs: 0.04})
	}
	// Neglect and emotional abuse are also added by a plan's category, so
	// they run higher where plans do (see factors.go): wider.
	for _, f := range []string{"Neglect", "Emotional_Abuse"} {
		checks = append(checks, tolerance{name: fmt.Sprintf("factor %s (±6 points)", f),
			got: all.factors[synth.FactorCode(f)], want: p.Factors.Prevalence.Get(f), abs: 0.06})
	}
	if size == "la" {
		for _, b := range p.CP.Ended.Bins {
			checks = append(checks, tolerance{name: fmt.Sprintf("ended plans lasting %s (±6 points)", b.Key),
				got: all.endedLength[b.Key], want: b.W, abs: 0.06 / scale})
		}
	}
	for _, c := range checks {
		c.abs, c.rel = c.abs*scale, c.rel*scale
		c.check(t)
	}
	t.Logf("%d children, %d referrals, %d assessments, %d plans", len(files), all.referrals, all.assessments, all.plans)
}

// TestSmallIsSmall checks the small size is about 2,000 children known
// over three years.
func TestSmallIsSmall(t *testing.T) {
	a := generate(t, "steady", "small", 1)
	if n := len(a.Children()); n < 1700 || n > 2300 {
		t.Errorf("small has %d children, want about 2,000", n)
	}
	if y := a.AsAt.Sub(a.Start).Hours() / 24 / 365.25; math.Abs(y-3) > 0.01 {
		t.Errorf("small covers %.2f years, want 3", y)
	}
}
