package synth_test

import (
	"testing"

	"sightline/internal/synth"
)

// BenchmarkGenerate measures making an authority in memory (writing it is
// the store's part: see `sightline generate`, which reports rows/s).
func BenchmarkGenerate(b *testing.B) {
	for _, size := range []string{"small", "la"} {
		b.Run(size, func(b *testing.B) {
			cfg := config(b, "improving-2017", size, 1)
			rows := 0
			for b.Loop() {
				a, err := synth.Generate(cfg)
				if err != nil {
					b.Fatal(err)
				}
				rows = 0
				for bt := range a.Batches(25000) {
					rows += synth.BatchRows(bt)
				}
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}
