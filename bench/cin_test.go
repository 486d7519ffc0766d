package bench

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/cin"
)

// TestCINCensusAtScale measures the CIN census of 2025 to 2026 on a
// generated `la` authority (export from the store, validation) and on a
// synthetic national-sized file (SIGHTLINE_CIN_CHILDREN children, default
// 650,000, about England's children in need in a year) made by repeating
// the la census's children under new identifiers: reading it, and
// validating it. It reports wall and CPU time and records a second; it
// asserts none. It runs only with SIGHTLINE_BENCH=1, on SQLite.
func TestCINCensusAtScale(t *testing.T) {
	if os.Getenv("SIGHTLINE_BENCH") != "1" {
		t.Skip("set SIGHTLINE_BENCH=1 to measure the CIN census at scale")
	}
	st := generatedLA(t, "sqlite")
	cal, err := st.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := cin.Options{Year: 2026, LACode: "999", Generated: laAsAt, Calendar: cal}
	var file bytes.Buffer
	m := measure(t, "la: export from the store", func() cin.Message {
		m, err := cin.ExportStore(ctx, st, &file, opts)
		if err != nil {
			t.Fatal(err)
		}
		return m
	})
	t.Logf("la: %d children, %d records, %.1f MB", len(m.Children), cin.Records(&m), float64(file.Len())/1e6)
	validate(t, "la", &m)

	n := 650000
	if v, err := strconv.Atoi(os.Getenv("SIGHTLINE_CIN_CHILDREN")); err == nil {
		n = v
	}
	national := repeat(m, n)
	var big bytes.Buffer
	if err := cin.Write(&big, national); err != nil {
		t.Fatal(err)
	}
	national = cin.Message{}
	runtime.GC()
	t.Logf("national: %d children, %.0f MB", n, float64(big.Len())/1e6)
	read := measure(t, "national: read the file", func() cin.Message {
		m, _, err := cin.Read(bytes.NewReader(big.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return m
	})
	validate(t, "national", &read)
}

// measure runs fn once and logs its wall and CPU time.
func measure(t *testing.T, what string, fn func() cin.Message) cin.Message {
	cpu, start := processCPU(), time.Now()
	m := fn()
	wall := time.Since(start)
	t.Logf("%s: %s wall, %s CPU; %.0f records/s (wall)", what, wall.Round(time.Millisecond),
		(processCPU() - cpu).Round(time.Millisecond), float64(cin.Records(&m))/wall.Seconds())
	return m
}

func validate(t *testing.T, what string, m *cin.Message) {
	var fs []cin.Failure
	measure(t, what+": validate with the 2025 to 2026 rules", func() cin.Message {
		var err error
		if fs, err = cin.Validate(m, cin.NewContext(2026, calendar.Default(), nil)); err != nil {
			t.Fatal(err)
		}
		return *m
	})
	t.Logf("%s: %d errors, %d queries (GOMAXPROCS %d)", what, cin.Errors(fs), len(fs)-cin.Errors(fs), runtime.GOMAXPROCS(0))
}

// repeat makes n children from m's, each copy with its own LA child ID and
// UPN, so no rule on unique identifiers fires that would not on real data.
func repeat(m cin.Message, n int) cin.Message {
	out := cin.Message{Header: m.Header, Children: make([]cin.Child, 0, n)}
	for i := 0; len(out.Children) < n; i++ {
		c := m.Children[i%len(m.Children)]
		c.Identifiers.LAchildID = fmt.Sprintf("N%08d", i)
		if c.Identifiers.UPN != "" {
			rest := fmt.Sprintf("999%09d", i)
			c.Identifiers.UPN = string(casework.UPNCheckLetter(rest)) + rest
		}
		out.Children = append(out.Children, c)
	}
	return out
}
