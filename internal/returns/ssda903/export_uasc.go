package ssda903

import (
	"strings"
	"time"

	"sightline/internal/casework"
)

// addUASC writes the child's UASC row: a child looked after in the year
// who was an unaccompanied asylum-seeking child on some day of it (the
// status had not ceased before 1 April), with the day the status ceased
// when that was by 31 March (DUC; a later day is not yet known). A care
// leaver of the year has none: the DfE wants no UASC information about
// them (rule 1014).
func addUASC(r *Return, cf *casework.CaseFile, eps []episode, leaver bool, y Year) {
	c := cf.Child
	if len(eps) == 0 || leaver || !c.UASCSince(y.Start()) {
		return
	}
	r.Add(UASC, c.ID, c.LAChildID, c.Sex, dobOf(c), dateOf(by(c.UASCCeased, y)))
}

// addPrevPerm writes a row for each period of care started in the year:
// the previous permanence recorded when it began, Z1 (none, or not known)
// when none was recorded.
func addPrevPerm(r *Return, cf *casework.CaseFile, eps []episode, y Year) {
	for _, e := range eps {
		if e.rne != "S" || !inYear(e.start, y) {
			continue
		}
		perm, la, on := "Z1", "", ""
		if p := periodStarting(cf, e.period); p != nil && p.PrevPerm != "" {
			perm, la, on = p.PrevPerm, p.PrevPermLA, permDateText(p.PrevPermDate)
		}
		r.Add(PrevPerm, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), perm, la, on)
	}
}

// periodStarting is the child's period of care begun on day, or nil.
func periodStarting(cf *casework.CaseFile, day time.Time) *casework.CareEpisode {
	for i := range cf.CareEpisodes {
		if cf.CareEpisodes[i].StartDate.Equal(day) {
			return &cf.CareEpisodes[i]
		}
	}
	return nil
}

// permDateText writes a PartialDate string ("2019-06-ZZ") as DATE_PERM
// ("ZZ/06/2019").
func permDateText(s string) string {
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return ""
	}
	return parts[2] + "/" + parts[1] + "/" + parts[0]
}

// permDateValue reads DATE_PERM into a PartialDate string, false when it
// is no date with ZZ for the parts not known.
func permDateValue(s string) (string, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return "", false
	}
	iso := parts[2] + "-" + parts[1] + "-" + parts[0]
	p, err := casework.ParsePartialDate(iso)
	if err != nil || p.String() != iso {
		return "", false
	}
	return iso, true
}
