package casework

import (
	"strings"
	"time"
)

// MaxExtensionWeeks is the longest one extension of the 26-week timetable
// may be: Children Act 1989 s.32(5) and (8), as amended by the Children
// and Families Act 2014 s.14, let the court extend the period by up to 8
// weeks at a time where that is necessary to resolve the proceedings
// justly; extensions are not to be granted routinely and need a specific
// justification.
const MaxExtensionWeeks = 8

// ProceedingsExtension is one extension of the timetable of care
// proceedings granted by the court: how long, on what day and why. Each
// runs on from the end of the period it extends, so the case's target
// moves by its weeks.
type ProceedingsExtension struct {
	ID            int64
	ChildID       int64
	ProceedingsID int64
	Weeks         int
	GrantedOn     time.Time
	Reason        string
	Version       int
}

// ExtensionWeeks is how many weeks the extensions granted by the end of
// day asAt add to the proceedings' 26 weeks.
func (cf CaseFile) ExtensionWeeks(proceedingsID int64, asAt time.Time) int {
	n := 0
	for _, e := range cf.Extensions {
		if e.ProceedingsID == proceedingsID && !e.GrantedOn.After(asAt) {
			n += e.Weeks
		}
	}
	return n
}

// CheckExtension: an extension belongs to proceedings that are running (it
// cannot follow the final hearing), is granted on or after their issue and
// not in the future, is of 1 to 8 weeks, and says why (s.32(8): never
// routine).
func (cf CaseFile) CheckExtension(e ProceedingsExtension, today time.Time) error {
	p := cf.proceedings(e.ProceedingsID)
	if p == nil {
		return Invalid("weeks", "An extension needs care proceedings: issue them first")
	}
	v := &ValidationError{}
	if e.Weeks < 1 || e.Weeks > MaxExtensionWeeks {
		v.Add("weeks", "An extension is of 1 to 8 weeks (Children Act 1989 s.32(5))")
	}
	checkEventDate(v, "granted_on", "Date the extension was granted", e.GrantedOn, p.IssuedOn, "the day the proceedings were issued", today)
	if p.FinalHearing != nil && e.GrantedOn.After(*p.FinalHearing) && !v.Has("granted_on") {
		v.Add("granted_on", "The proceedings ended at the final hearing on "+p.FinalHearing.Format("2 January 2006")+": there is nothing to extend")
	}
	if strings.TrimSpace(e.Reason) == "" {
		v.Add("reason", "Enter why the court extended the timetable: extensions are not granted routinely")
	}
	return v.Err()
}
