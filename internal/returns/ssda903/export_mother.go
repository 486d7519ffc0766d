package ssda903

import (
	"slices"
	"time"

	"sightline/internal/casework"
)

// motherhoodOf is what the Header says of a child's motherhood: for a
// girl looked after in the year other than on short breaks (rules 393,
// 607; rule 399 wants nothing under V3 or V4, rule 628 nothing for a care
// leaver not looked after in the year), her motherhood as recorded, as it
// stood on the day her care ended in the year, or on 31 March while it
// lasted (rule 625: her first child born by then). Blank otherwise, and
// blank when not recorded (which rules 393 and 607 then report).
func motherhoodOf(cf *casework.CaseFile, eps []episode, y Year) casework.Motherhood {
	if cf.Child.Sex != "F" {
		return casework.Motherhood{}
	}
	looked := slices.ContainsFunc(eps, func(e episode) bool { return !slices.Contains(shortBreakStatuses, e.legal) })
	if !looked {
		return casework.Motherhood{}
	}
	return cf.Child.Motherhood.OnDay(careEndedOrYearEnd(eps, y))
}

// careEndedOrYearEnd is the end of the child's last episode of the year,
// or 31 March when it is open.
func careEndedOrYearEnd(eps []episode, y Year) time.Time {
	if last := eps[len(eps)-1]; last.end != nil {
		return *last.end
	}
	return y.End()
}
