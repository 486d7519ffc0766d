package casework

import (
	"regexp"
	"strings"
	"time"
)

// postcodePattern is the shape of a UK postcode (outward code, space,
// inward code), after upper-casing and tidying spaces.
var postcodePattern = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$`)

// NormalisePostcode upper-cases a postcode and puts one space before the
// inward code: "ls11aa" → "LS1 1AA".
func NormalisePostcode(p string) string {
	p = strings.ToUpper(strings.Join(strings.Fields(p), ""))
	if len(p) < 5 {
		return p
	}
	return p[:len(p)-3] + " " + p[len(p)-3:]
}

// Validate checks an address period.
func (a Address) Validate(today time.Time) error {
	v := &ValidationError{}
	if strings.TrimSpace(a.Line1) == "" {
		v.Add("line1", "Enter the first line of the address")
	}
	if a.Postcode != "" && !postcodePattern.MatchString(NormalisePostcode(a.Postcode)) {
		v.Add("postcode", "Enter a real postcode, like LS1 1AA")
	}
	checkPeriod(v, a.StartDate, a.EndDate, today, "start_date", "end_date")
	return v.Err()
}

// checkPeriod applies the rules every dated period keeps: a start, not in
// the future, and an end (if any) on or after the start and not in the
// future.
func checkPeriod(v *ValidationError, start time.Time, end *time.Time, today time.Time, startField, endField string) {
	switch {
	case start.IsZero():
		v.Add(startField, "Enter the start date")
	case start.After(today):
		v.Add(startField, "Start date must be today or in the past")
	}
	if end == nil {
		return
	}
	switch {
	case end.After(today):
		v.Add(endField, "End date must be today or in the past")
	case !start.IsZero() && end.Before(start):
		v.Add(endField, "End date must be on or after the start date")
	}
}

var relationshipKinds = []Code{{"family", "Family and household"}, {"professional", "Professional"}}

// RelationshipKinds returns the kinds of relationship.
func RelationshipKinds() []Code { return append([]Code(nil), relationshipKinds...) }

// Validate checks a relationship.
func (r Relationship) Validate(today time.Time) error {
	v := &ValidationError{}
	if !inCodes(relationshipKinds, r.Kind) {
		v.Add("kind", "Select family or professional")
	}
	if strings.TrimSpace(r.Relationship) == "" {
		v.Add("relationship", "Enter the relationship, for example mother or GP")
	}
	if strings.TrimSpace(r.Name) == "" && r.RelatedChildID == nil {
		v.Add("name", "Enter the person's name")
	}
	if r.StartDate != nil {
		checkPeriod(v, *r.StartDate, r.EndDate, today, "start_date", "end_date")
	}
	return v.Err()
}

// HomePostcodeOn is the normalised postcode of the home held on day: of
// the addresses begun on or before it and not ended before it, the latest
// begun (the later recorded on a tie), so that on a moving day the new
// home is held. Blank when none was held. addresses may be in any order.
func HomePostcodeOn(addresses []Address, day time.Time) string {
	var held *Address
	for i := range addresses {
		a := &addresses[i]
		if a.StartDate.After(day) || (a.EndDate != nil && a.EndDate.Before(day)) {
			continue
		}
		if held == nil || a.StartDate.After(held.StartDate) || (a.StartDate.Equal(held.StartDate) && a.ID > held.ID) {
			held = a
		}
	}
	if held == nil {
		return ""
	}
	return NormalisePostcode(held.Postcode)
}
