package metrics

import "testing"

func TestRate(t *testing.T) {
	pct := Indicator{Unit: Percent, Polarity: HigherBetter, Target: target(95)}
	low := Indicator{Unit: Percent, Polarity: LowerBetter, Target: target(15)}
	count := Indicator{Unit: Count, Polarity: LowerBetter, Target: target(0)}
	neutral := Indicator{Unit: Per10k, Polarity: Neutral}
	v := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		rule  string
		in    Indicator
		value *float64
		want  RAG
	}{
		{"meeting a higher-is-better target is green", pct, v(95), Green},
		{"within 5 points below it is amber", pct, v(90), Amber},
		{"more than 5 points below it is red", pct, v(89.9), Red},
		{"at or under a lower-is-better target is green", low, v(15), Green},
		{"up to 5 points over it is amber", low, v(20), Amber},
		{"further over is red", low, v(20.1), Red},
		{"a count target of none: one is amber (a tenth of the target and one)", count, v(1), Amber},
		{"a count target of none: two is red", count, v(2), Red},
		{"no target gives no rating", neutral, v(500), None},
		{"no value gives no rating", pct, nil, None},
	} {
		if got := c.in.Rate(c.value); got != c.want {
			t.Errorf("%s: got %q, want %q", c.rule, got, c.want)
		}
	}
}

// TestCatalogue: ids are unique, every indicator the engine can compute
// has a rule, and those it cannot say why.
func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, in := range Catalogue() {
		if seen[in.ID] {
			t.Errorf("%s twice", in.ID)
		}
		seen[in.ID] = true
		if (in.rule == nil) == (in.Unavailable == "") {
			t.Errorf("%s: a rule or a reason it is unavailable, not both or neither", in.ID)
		}
		if in.Title == "" || in.Numerator == "" || in.Source == "" || in.Unit == "" || in.Period == "" {
			t.Errorf("%s: definition incomplete", in.ID)
		}
	}
}
