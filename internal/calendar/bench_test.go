package calendar_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
)

// startDates returns n consecutive dates from 2012, so a benchmark does
// not time date arithmetic of its own.
func startDates(n int) []time.Time {
	ds := make([]time.Time, n)
	for i := range ds {
		ds[i] = calendar.Date(2012, 1, 1+i%5000)
	}
	return ds
}

func BenchmarkAddWorkingDays45(b *testing.B) {
	c := calendar.Default()
	ds := startDates(4096)
	for i := 0; b.Loop(); i++ {
		c.AddWorkingDays(ds[i%len(ds)], 45)
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := calendar.Default()
	ds := startDates(4096)
	end := calendar.Date(2026, 3, 31)
	for i := 0; b.Loop(); i++ {
		c.WorkingDaysBetween(ds[i%len(ds)], end)
	}
}

// The timescale engine's budget: 100k children in well under 200 ms.
func Benchmark100kChildrenAddWorkingDays45(b *testing.B) {
	c := calendar.Default()
	ds := startDates(100_000)
	for b.Loop() {
		for _, d := range ds {
			c.AddWorkingDays(d, 45)
		}
	}
}
