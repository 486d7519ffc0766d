package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Years ParseDate accepts. Dates in children's records (births, referrals,
// reviews) fall well inside; anything outside is a typing mistake.
const (
	MinYear = 1900
	MaxYear = 2200
)

// Messages follow the GOV.UK date input pattern, so a form can show the
// error as it is, next to the field.
var (
	errEmpty     = errors.New("Enter a date, for example 27 3 2025")
	errNotReal   = errors.New("Enter a real date, for example 27 3 2025")
	errYearShape = errors.New("Year must include 4 numbers, for example 27 3 2025")
	errMonth     = errors.New("Month must be a number from 1 to 12")
	errDay       = errors.New("Day must be a number from 1 to 31")
	errYearRange = fmt.Errorf("Year must be between %d and %d", MinYear, MaxYear)
)

// maxInput bounds the input length so that absurd input fails fast.
const maxInput = 40

// ParseDate parses a date typed by a user: "2006-01-02", or day first in
// the UK forms "2/1/2006", "02/01/2006", "2 1 2006", "2-1-2006" (also
// "2.1.2006"), ignoring surrounding spaces. It returns the civil date at
// midnight UTC. Impossible dates (31/02/2025), years outside
// MinYear..MaxYear, two-digit years and anything else are rejected with
// an error whose message can be shown to the user as it is.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errEmpty
	}
	f, ok := splitDate(s)
	if !ok {
		return time.Time{}, errNotReal
	}
	switch {
	case len(f[0]) == 4: // year first: ISO 8601
		return checkDate(f[0], f[1], f[2])
	case len(f[2]) == 4: // day first: UK
		return checkDate(f[2], f[1], f[0])
	}
	return time.Time{}, errYearShape
}

// splitDate splits s into three runs of ASCII digits separated by runs of
// spaces, slashes, hyphens or dots. It fails on any other character, on a
// leading or trailing separator, on other than three fields, and on fields
// of more than four digits.
func splitDate(s string) ([3]string, bool) {
	var f [3]string
	if len(s) > maxInput || isDateSep(s[0]) || isDateSep(s[len(s)-1]) {
		return f, false
	}
	n := 0
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 4 || n == 3 {
			return f, false
		}
		f[n], n = s[i:j], n+1
		for i = j; i < len(s) && isDateSep(s[i]); i++ {
		}
		if i < len(s) && i == j {
			return f, false // a character that is neither digit nor separator
		}
	}
	return f, n == 3
}

func isDateSep(b byte) bool {
	return b == ' ' || b == '\t' || b == '/' || b == '-' || b == '.'
}

// checkDate converts the digit fields and rejects impossible dates, with
// a message saying which part is wrong.
func checkDate(ys, ms, ds string) (time.Time, error) {
	if len(ms) > 2 || len(ds) > 2 {
		return time.Time{}, errNotReal
	}
	y, _ := strconv.Atoi(ys) // at most 4 ASCII digits: cannot fail
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	switch {
	case m < 1 || m > 12:
		return time.Time{}, errMonth
	case d < 1 || d > 31:
		return time.Time{}, errDay
	case y < MinYear || y > MaxYear:
		return time.Time{}, errYearRange
	}
	month := time.Month(m)
	if n := daysIn(y, month); d > n {
		return time.Time{}, fmt.Errorf("Enter a real date: %s %d has %d days", month, y, n)
	}
	return Date(y, month, d), nil
}
