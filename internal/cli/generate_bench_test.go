package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"sightline/internal/store/storetest"
)

// BenchmarkGenerateNationalAreas writes the first areas of the national
// size (SIGHTLINE_BENCH_AREAS of them, 3 unless set) into a fresh database
// on each backend, exactly as `sightline generate --size national` writes
// them (the same areas, seeds and batches), and reports rows/s over the
// whole run, generation included. With -v it logs when each area was
// handed over, so a rate that falls as the database grows shows.
//
//	nice -n 10 go test -run '^$' -bench GenerateNationalAreas -benchtime=1x -timeout 60m ./internal/cli/
func BenchmarkGenerateNationalAreas(b *testing.B) {
	areas := 3
	if s := os.Getenv("SIGHTLINE_BENCH_AREAS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("SIGHTLINE_BENCH_AREAS=%q: want a number of areas", s)
		}
		areas = n
	}
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			b.StopTimer()
			for range b.N {
				dsn := storetest.DSN(b, backend)
				progress, summary := timedGenerate(b, nationalAreas(b, dsn, areas))
				for line := range strings.Lines(progress.String()) {
					if strings.HasPrefix(line, "generated ") || strings.HasPrefix(line, "analysing") || strings.HasPrefix(line, "built") {
						b.Log(strings.TrimSpace(line))
					}
				}
				b.Log(strings.TrimSpace(lastLine(summary.String())))
			}
		})
	}
}

// nationalAreas is the options of `generate --size national --scenario
// steady --seed 1` cut to its first n areas: the national population per
// area, so each area is the one national makes.
func nationalAreas(b *testing.B, dsn string, n int) generateOptions {
	o, err := generateOptionsFrom(dsn, "steady", "national", 1, "2026-11-20", time.Now())
	if err != nil {
		b.Fatal(err)
	}
	if n > o.size.Areas() {
		b.Fatalf("national has %d areas, not %d", o.size.Areas(), n)
	}
	whole := o.size
	o.size.Population = n * whole.Population / whole.Areas()
	if o.size.Areas() != n || whole.Population%whole.Areas() != 0 {
		b.Fatalf("cut national does not split into %d of its own areas", n)
	}
	return o
}

// writtenRows reads the row count from generate's summary.
func writtenRows(b *testing.B, summary string) int {
	f := strings.Fields(lastLine(summary))
	for i := range f {
		if f[i] == "rows" && i > 0 {
			n, err := strconv.Atoi(f[i-1])
			if err == nil {
				return n
			}
		}
	}
	b.Fatalf("no row count in the summary:\n%s", summary)
	return 0
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], " rows in ") {
			return lines[i]
		}
	}
	return ""
}

// BenchmarkGenerateLA writes `sightline generate --size la --scenario
// improving-2017` into a fresh database on each backend, as the command
// does (generation, writing, ANALYZE), and reports rows/s over the whole
// run. With -cpuprofile it shows where an la's time goes.
//
//	nice -n 10 go test -run '^$' -bench 'GenerateLA/sqlite' -benchtime=1x -cpuprofile /tmp/la.prof ./internal/cli/
func BenchmarkGenerateLA(b *testing.B) {
	for _, backend := range storetest.Backends {
		b.Run(backend, func(b *testing.B) {
			b.StopTimer()
			for range b.N {
				o, err := generateOptionsFrom(storetest.DSN(b, backend), "improving-2017", "la", 1, "", time.Now())
				if err != nil {
					b.Fatal(err)
				}
				timedGenerate(b, o)
			}
		})
	}
}

// timedGenerate opens the database o names and generates into it, timing
// the generation alone; it reports the rows and rows per second and
// returns the progress and summary written.
func timedGenerate(b *testing.B, o generateOptions) (progress, summary *bytes.Buffer) {
	st, err := openForGenerate(context.Background(), io.Discard, o)
	if err != nil {
		b.Fatal(err)
	}
	progress, summary = new(bytes.Buffer), new(bytes.Buffer)
	b.StartTimer()
	began := time.Now()
	err = generateInto(context.Background(), st, progress, summary, o)
	took := time.Since(began)
	b.StopTimer()
	st.Close()
	if err != nil {
		b.Fatalf("generate: %v\n%s", err, progress.String())
	}
	rows := writtenRows(b, summary.String())
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(rows)/took.Seconds(), "rows/s")
	return progress, summary
}
