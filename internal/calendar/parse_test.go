package calendar_test

import (
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
)

func TestParseDateAcceptsISOAndUKForms(t *testing.T) {
	for in, want := range map[string]string{
		"2006-01-02":      "2006-01-02",
		"2/1/2006":        "2006-01-02",
		"02/01/2006":      "2006-01-02",
		"2 1 2006":        "2006-01-02",
		"2-1-2006":        "2006-01-02",
		"2.1.2006":        "2006-01-02",
		"  27 3 2025  ":   "2025-03-27",
		"27  /  3 / 2025": "2025-03-27",
		"2006-1-2":        "2006-01-02",
		"29/02/2024":      "2024-02-29",
		"31/12/2200":      "2200-12-31",
		"1/1/1900":        "1900-01-01",
		"\t31 12 2025\n":  "2025-12-31",
	} {
		got, err := calendar.ParseDate(in)
		if err != nil {
			t.Errorf("ParseDate(%q) error: %v", in, err)
			continue
		}
		if !got.Equal(day(t, want)) || got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) = %v, want %s at midnight UTC", in, got, want)
		}
	}
}

func TestParseDateRejectsWithAMessageForTheUser(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "Enter a date, for example 27 3 2025",
		"   ":                    "Enter a date, for example 27 3 2025",
		"31/02/2025":             "Enter a real date: February 2025 has 28 days",
		"29/02/2025":             "Enter a real date: February 2025 has 28 days",
		"31/04/2025":             "Enter a real date: April 2025 has 30 days",
		"1/13/2025":              "Month must be a number from 1 to 12",
		"0/1/2025":               "Day must be a number from 1 to 31",
		"32/1/2025":              "Day must be a number from 1 to 31",
		"2025-00-10":             "Month must be a number from 1 to 12",
		"1/1/1899":               "Year must be between 1900 and 2200",
		"1/1/2201":               "Year must be between 1900 and 2200",
		"0000-01-01":             "Year must be between 1900 and 2200",
		"2/1/06":                 "Year must include 4 numbers, for example 27 3 2025",
		"2 1 206":                "Year must include 4 numbers, for example 27 3 2025",
		"tomorrow":               "Enter a real date, for example 27 3 2025",
		"27 March 2025":          "Enter a real date, for example 27 3 2025",
		"2025-03-27T10:00:00Z":   "Enter a real date, for example 27 3 2025",
		"27/3":                   "Enter a real date, for example 27 3 2025",
		"1/2/3/2025":             "Enter a real date, for example 27 3 2025",
		"/1/2/2025":              "Enter a real date, for example 27 3 2025",
		"1/2/2025/":              "Enter a real date, for example 27 3 2025",
		"-1-2-2025":              "Enter a real date, for example 27 3 2025",
		"100/1/2025":             "Enter a real date, for example 27 3 2025",
		"1/1/20250":              "Enter a real date, for example 27 3 2025",
		"２７/３/２０２５":              "Enter a real date, for example 27 3 2025",
		strings.Repeat("1", 100): "Enter a real date, for example 27 3 2025",
	} {
		_, err := calendar.ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) succeeded, want error %q", in, want)
		} else if err.Error() != want {
			t.Errorf("ParseDate(%q) error %q, want %q", in, err, want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2006-01-02", "2/1/2006", "02/01/2006", "2 1 2006", "2-1-2006", "31/02/2025",
		"29/02/2024", "1/1/1899", "", " ", "//", "1//2", "9999-99-99", "27 March 2025", "\x00", "1.2.3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.ParseDate(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseDate(%q): empty error message", s)
			}
			return
		}
		if d != calendar.Civil(d) {
			t.Fatalf("ParseDate(%q) = %v, not a civil date", s, d)
		}
		if y := d.Year(); y < calendar.MinYear || y > calendar.MaxYear {
			t.Fatalf("ParseDate(%q) = %v, year out of range", s, d)
		}
		back, err := calendar.ParseDate(calendar.FormatDate(d))
		if err != nil || back != d {
			t.Fatalf("round trip of %q: %v, %v; want %v", s, back, err, d)
		}
	})
}
