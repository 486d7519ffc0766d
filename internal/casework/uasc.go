package casework

import "time"

// An unaccompanied asylum-seeking child (UASC) is a child who has applied
// for asylum in their own right and is separated from both parents and
// from any adult who by law or custom is responsible for them. The status
// is a fact of the child's record, not of a period of care: the SSDA903
// return lists the children who were UASC in the year with the day the
// status ceased (DUC), which the DfE wants on or before the 18th birthday
// (SSDA903 rule 304), and Ofsted's Annex A marks them on lists 8 and 9.

// UASCOn reports whether the child was UASC on day d: recorded as UASC
// and the status not yet ceased (it ceases on the DUC itself).
func (c Child) UASCOn(d time.Time) bool {
	return c.UASC && (c.UASCCeased == nil || d.Before(*c.UASCCeased))
}

// UASCSince reports whether the child was UASC on some day from d on.
func (c Child) UASCSince(d time.Time) bool {
	return c.UASC && (c.UASCCeased == nil || !c.UASCCeased.Before(d))
}

// FormerlyUASC reports whether the child was UASC and the status has
// ceased by day d.
func (c Child) FormerlyUASC(d time.Time) bool {
	return c.UASC && c.UASCCeased != nil && !d.Before(*c.UASCCeased)
}

// CheckUASC checks the child's UASC status against today: a date the
// status ceased belongs to a UASC child, is not in the future, not before
// birth, and on or before the 18th birthday (SSDA903 rule 304).
func (c Child) CheckUASC(today time.Time) error {
	v := &ValidationError{}
	duc := c.UASCCeased
	switch {
	case duc == nil:
	case !c.UASC:
		v.Add("uasc_ceased", "A child who was never UASC has no date the status ceased: leave it blank, or answer yes")
	case duc.After(today):
		v.Add("uasc_ceased", "The date UASC status ceased must be today or in the past")
	case c.DateOfBirth != nil && duc.Before(*c.DateOfBirth):
		v.Add("uasc_ceased", "The date UASC status ceased must be on or after the date of birth")
	case c.DateOfBirth != nil && duc.After(BirthdayOn(*c.DateOfBirth, 18)):
		v.Add("uasc_ceased", "UASC status ceases by the 18th birthday ("+
			BirthdayOn(*c.DateOfBirth, 18).Format("2 January 2006")+"): enter that day or earlier (SSDA903 rule 304)")
	}
	return v.Err()
}
