package metrics

import (
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// The columns of the tables of children in care, missing, court, adoption
// and care leavers.
const (
	// care episodes: the start of the period of care the episode belongs
	// to (episodes that follow on the same day continue it), and whether
	// its legal status is a series of short breaks (V3, V4)
	epStart, epEnd, epPeriod, epShortBreaks = 0, 1, 2, 3
	// placements: distance in tenths of a mile
	plStart, plEnd, plInArea, plTenths = 0, 1, 2, 3
	// missing episodes: the day a return home interview was held (Never:
	// none, or declined), and whether the child was missing (M) rather
	// than away without authorisation (A)
	msStart, msEnd, msInterview, msMissing = 0, 1, 2, 3
	// care and supervision proceedings
	prIssued, prFinal = 0, 1
	// adoptions: the adoption order, the move to the adopters, the start of
	// the period of care that ended in adoption, the placement order and
	// the match
	adOrder, adPlaced, adEntered, adPO, adMatched = 0, 1, 2, 3, 4
	// care leavers' OC3 records: the birthday they are about, the age,
	// whether in education, employment or training and suitably housed, and
	// the day the record was made
	lvBirthday, lvAge, lvEET, lvSuitable, lvRecorded = 0, 1, 2, 3, 4
)

// putCare appends a child's records of care, missing, court, adoption and
// leaving care.
func (d *Data) putCare(ci int32, cf casework.CaseFile) {
	short := map[int64]bool{}
	for _, l := range cf.LegalStatuses {
		if l.Code == "V3" || l.Code == "V4" {
			short[l.EpisodeID] = true
		}
	}
	period, prevEnd := Never, Never
	for _, e := range cf.CareEpisodes {
		start := DayOf(e.StartDate)
		if start != prevEnd {
			period = start
		}
		prevEnd = DayOfPtr(e.EndDate)
		d.episodes.add(ci, start, prevEnd, period, flag(short[e.ID]))
	}
	for _, p := range cf.Placements {
		d.placements.add(ci, DayOf(p.StartDate), DayOfPtr(p.EndDate), flag(p.InArea), int32(p.DistanceMiles*10+0.5))
	}
	for _, m := range cf.Missing {
		held := Never
		if ri := cf.InterviewFor(m.ID); ri != nil && !ri.Declined {
			held = DayOfPtr(ri.HeldOn)
		}
		d.missing.add(ci, DayOf(m.StartDate), DayOfPtr(m.EndDate), held, flag(m.Kind == "M"))
	}
	for _, p := range cf.Proceedings {
		if p.Application == "care" || p.Application == "supervision" {
			d.proceedings.add(ci, DayOf(p.IssuedOn), DayOfPtr(p.FinalHearing))
		}
	}
	for _, p := range cf.Permanence {
		if p.AdoptionOrder != nil {
			d.adoptions.add(ci, DayOf(*p.AdoptionOrder), DayOfPtr(p.Placed), enteredCare(cf, p),
				DayOfPtr(p.PlacementOrder), DayOfPtr(p.Matched))
		}
	}
	d.putLeaverRecords(ci, cf)
}

// enteredCare is the start of the period of care in which the child moved
// in with the adopters: from the care episodes, or the one recorded on
// the plan until those exist.
func enteredCare(cf casework.CaseFile, p casework.PermanencePlan) Day {
	at := DayOfPtr(p.Placed)
	period, prevEnd, found := Never, Never, Never
	for _, e := range cf.CareEpisodes {
		start := DayOf(e.StartDate)
		if start != prevEnd {
			period = start
		}
		prevEnd = DayOfPtr(e.EndDate)
		if start <= at {
			found = period
		}
	}
	if found != Never {
		return found
	}
	return DayOfPtr(p.CareStarted)
}

// putLeaverRecords appends the OC3 records of the birthdays from 17 to
// 21 (a rule keeps the last one made by the date for each birthday).
func (d *Data) putLeaverRecords(ci int32, cf casework.CaseFile) {
	if cf.Child.DateOfBirth == nil {
		return
	}
	for _, c := range cf.LeaverContacts {
		if c.Birthday < 17 || c.Birthday > 21 {
			continue
		}
		birthday := DayOf(calendar.AddMonths(*cf.Child.DateOfBirth, 12*c.Birthday))
		d.leavers.add(ci, birthday, int32(c.Birthday), flag(casework.InEET(c.Activity)),
			flag(casework.AccomSuitable(c.Accom)), DayOf(c.Date))
	}
}
