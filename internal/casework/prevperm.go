package casework

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// Previous permanence: whether a child who starts to be looked after had
// left an earlier period of care (or never been in care) under an
// adoption, special guardianship or residence/child arrangements order
// that broke down. The SSDA903 return asks it of every period of care
// begun in the year (PrevPerm: PREV_PERM, LA_PERM, DATE_PERM; rules
// 630–635). It is recorded when the period begins and can be corrected.

// previousPermanence is SSDA903 PREV_PERM (rule 631). The DfE guide was
// not to hand: the meanings follow the DfE's published breakdown of
// children starting to be looked after by previous permanence
// (adoption, special guardianship, residence or child arrangements order,
// none, not known).
var previousPermanence = []Code{
	{"P1", "Adoption"},
	{"P2", "Special guardianship order"},
	{"P3", "Residence order or child arrangements order (with whom the child lives)"},
	{"P4", "A permanence order of a type not known"},
	{"Z1", "None, or not known"},
}

// PreviousPermanenceCodes returns the PREV_PERM code set.
func PreviousPermanenceCodes() []Code { return slices.Clone(previousPermanence) }

// laPermOutsideEngland are the LA_PERM codes for an order made outside
// England (rule 633); otherwise it is the authority's 3-digit DfE number.
var laPermOutsideEngland = []string{"WAL", "SCO", "NUK", "NIR"}

var threeDigits = regexp.MustCompile(`^[0-9]{3}$`)

// ValidPermanenceLA reports whether s is an LA_PERM code (rule 633).
func ValidPermanenceLA(s string) bool {
	return threeDigits.MatchString(s) || slices.Contains(laPermOutsideEngland, s)
}

// PartialDate is a date of which the day, the month or even the year may
// not be known (SSDA903 DATE_PERM writes ZZ for them): 0 is not known.
type PartialDate struct{ Year, Month, Day int }

// ParsePartialDate reads "YYYY-MM-DD" with ZZ (ZZZZ for the year) for a
// part not known; "" is no date.
func ParsePartialDate(s string) (PartialDate, error) {
	var p PartialDate
	if s == "" {
		return p, nil
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return p, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	parts := []struct {
		text string
		to   *int
		max  int
	}{{s[:4], &p.Year, 9999}, {s[5:7], &p.Month, 12}, {s[8:], &p.Day, 31}}
	for _, part := range parts {
		if part.text == "ZZ" || part.text == "ZZZZ" {
			continue
		}
		n, err := strconv.Atoi(part.text)
		if err != nil || n < 1 || n > part.max {
			return p, fmt.Errorf("date %q has a part that is neither a number nor ZZ", s)
		}
		*part.to = n
	}
	if p.Year != 0 && p.Month != 0 && p.Day != 0 &&
		time.Date(p.Year, time.Month(p.Month), p.Day, 0, 0, 0, 0, time.UTC).Day() != p.Day {
		return p, fmt.Errorf("date %q is not a day of the calendar", s)
	}
	return p, nil
}

// IsZero reports whether nothing of the date is known.
func (p PartialDate) IsZero() bool { return p == PartialDate{} }

// String is "YYYY-MM-DD" with ZZ (ZZZZ) for a part not known, "" for none.
func (p PartialDate) String() string {
	if p.IsZero() {
		return ""
	}
	part := func(n, width int) string {
		if n == 0 {
			return "ZZZZ"[:width]
		}
		return fmt.Sprintf("%0*d", width, n)
	}
	return part(p.Year, 4) + "-" + part(p.Month, 2) + "-" + part(p.Day, 2)
}

// Latest is the last day the date can be (an unknown day is the month's
// last, an unknown month December), and false when the year is not known.
func (p PartialDate) Latest() (time.Time, bool) {
	if p.Year == 0 {
		return time.Time{}, false
	}
	m, d := p.Month, p.Day
	if m == 0 {
		m = 12
	}
	if d == 0 {
		return time.Date(p.Year, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC), true
	}
	return time.Date(p.Year, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// CheckPreviousPermanence checks a period of care's previous permanence:
// blank (not recorded) or Z1 carries no authority or date (rule 635); an
// order (P1–P4) names the authority that made it (633) and its date
// (630), as far as known, before the period began (632).
func (e CareEpisode) CheckPreviousPermanence(v *ValidationError) {
	switch {
	case e.PrevPerm != "" && !inCodes(previousPermanence, e.PrevPerm):
		v.Add("prev_perm", "Select the child's previous permanence")
	case e.PrevPerm == "" || e.PrevPerm == "Z1":
		if e.PrevPermLA != "" || e.PrevPermDate != "" {
			v.Add("prev_perm", "With no previous permanence order, leave its authority and date blank (SSDA903 rule 635)")
		}
	default:
		if !ValidPermanenceLA(e.PrevPermLA) {
			v.Add("prev_perm_la", "Enter the 3-digit DfE number of the authority that arranged the order, or WAL, SCO, NIR or NUK (SSDA903 rule 633)")
		}
		e.checkPermanenceDate(v)
	}
}

func (e CareEpisode) checkPermanenceDate(v *ValidationError) {
	p, err := ParsePartialDate(e.PrevPermDate)
	latest, known := p.Latest()
	switch {
	case err != nil:
		v.Add("prev_perm_date", "Enter the date of the order as far as it is known: a real day, month and year, or leave the day, or the day and month, blank")
	case !known:
		v.Add("prev_perm_date", "Enter at least the year of the order (SSDA903 rule 630)")
	case p.Year < 1980:
		v.Add("prev_perm_date", "The order's year must be 1980 or later")
	case !e.StartDate.IsZero() && !latest.Before(e.StartDate):
		v.Add("prev_perm_date", "The order must have been made before the child became looked after (SSDA903 rule 632)")
	}
}
