package metrics

import "testing"

func TestChildPopulationIsAWholeNumberOfChildren(t *testing.T) {
	for typed, want := range map[string]int{"55000": 55000, " 55,000 ": 55000, "1": 1, "1,000,000": 1_000_000} {
		if n, err := ParseChildPopulation(typed); err != nil || n != want {
			t.Errorf("%q: %d, %v; want %d", typed, n, err, want)
		}
	}
	for _, typed := range []string{"", "0", "-5", "55000.5", "fifty", "1000001", "+55000", "5.5e4"} {
		if n, err := ParseChildPopulation(typed); err == nil {
			t.Errorf("%q accepted as %d", typed, n)
		}
	}
}
