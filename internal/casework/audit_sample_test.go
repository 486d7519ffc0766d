package casework_test

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

func TestASampleIsReproducibleFromItsSeed(t *testing.T) {
	var ids []int64
	for i := int64(1); i <= 40; i++ {
		ids = append(ids, i*3)
	}
	first := casework.DrawSample(ids, 10, 20261124)
	if len(first) != 10 {
		t.Fatalf("drew %d, want 10", len(first))
	}
	shuffled := slices.Clone(ids)
	slices.Reverse(shuffled)
	if again := casework.DrawSample(append(shuffled, ids[0]), 10, 20261124); !slices.Equal(again, first) {
		t.Errorf("the same seed over the same children (in another order, one twice) drew %v, then %v", first, again)
	}
	if other := casework.DrawSample(ids, 10, 20261125); slices.Equal(other, first) {
		t.Errorf("seeds 20261124 and 20261125 drew the same sample %v", first)
	}
	// The draw is pinned: a seed must draw the same children on any Go
	// release, or a stored seed could not be checked later.
	if want := []int64{114, 63, 30, 81, 66, 6, 45, 117, 99, 12}; !slices.Equal(first, want) {
		t.Errorf("seed 20261124 drew %v, want %v", first, want)
	}
	seen := map[int64]bool{}
	for _, id := range first {
		if seen[id] || !slices.Contains(ids, id) {
			t.Errorf("drew %d twice or from outside the candidates: %v", id, first)
		}
		seen[id] = true
	}
}

func TestASampleOfMoreThanThereAreTakesEveryone(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []int64
		n    int
		want int
	}{
		{"no candidates", nil, 10, 0},
		{"fewer than asked", []int64{5, 3, 9}, 10, 3},
		{"exactly as many", []int64{5, 3, 9}, 3, 3},
		{"none asked", []int64{5, 3, 9}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := casework.DrawSample(tc.ids, tc.n, 1)
			if len(got) != tc.want {
				t.Errorf("drew %v, want %d children", got, tc.want)
			}
			sorted := slices.Sorted(slices.Values(got))
			if tc.want == len(tc.ids) && !slices.Equal(sorted, slices.Sorted(slices.Values(tc.ids))) {
				t.Errorf("drew %v, want all of %v", got, tc.ids)
			}
		})
	}
}

func TestEveryCandidateIsEquallyLikelyToBeDrawn(t *testing.T) {
	ids := []int64{1, 2, 3, 4, 5}
	counts := map[int64]int{}
	const draws = 20000
	for seed := range int64(draws) {
		for _, id := range casework.DrawSample(ids, 2, seed) {
			counts[id]++
		}
	}
	// Each child is in 2 of 5 draws: 8,000 of 20,000, give or take a few
	// standard deviations (about 69).
	for _, id := range ids {
		if c := counts[id]; c < 7700 || c > 8300 {
			t.Errorf("child %d drawn %d times in %d draws of 2 from 5, want about 8000", id, c, draws)
		}
	}
}

func TestChildrenAuditedInTheLastSixMonthsAreLeftOut(t *testing.T) {
	for _, tc := range []struct {
		drawn, cutoff time.Time
	}{
		{day(2026, 11, 24), day(2026, 5, 24)},
		{day(2026, 8, 31), day(2026, 2, 28)}, // no 31 February: the end of the month
		{day(2028, 8, 31), day(2028, 2, 29)}, // a leap year
		{day(2027, 3, 15), day(2026, 9, 15)},
	} {
		if got := casework.RecentAuditCutoff(tc.drawn); !got.Equal(tc.cutoff) {
			t.Errorf("RecentAuditCutoff(%s) = %s, want %s", tc.drawn.Format(time.DateOnly), got.Format(time.DateOnly),
				tc.cutoff.Format(time.DateOnly))
		}
	}
}

func TestSampleSizeIsBetweenOneAndFifty(t *testing.T) {
	for n, ok := range map[int]bool{-1: false, 0: false, 1: true, 10: true, 50: true, 51: false} {
		if err := casework.ValidateSampleSize(n); (err == nil) != ok {
			t.Errorf("ValidateSampleSize(%d) = %v", n, err)
		}
	}
	for range 100 {
		if s := casework.NewSampleSeed(); s <= 0 || s >= 1<<53 {
			t.Fatalf("NewSampleSeed() = %d, want 1 to 2^53-1", s)
		}
	}
}
