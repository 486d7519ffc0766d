package annexa_test

import (
	"io"
	"testing"

	"sightline/internal/returns/annexa"
)

// BenchmarkExportSmall reads a small generated authority's case files and
// writes its Annex A workbook as at 30 June 2026.
func BenchmarkExportSmall(b *testing.B) {
	st := generated(b)
	for b.Loop() {
		if _, err := annexa.ExportStore(ctx, st, io.Discard, asAt); err != nil {
			b.Fatal(err)
		}
	}
}
