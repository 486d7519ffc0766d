package metrics

import (
	"sightline/internal/calendar"
)

// The rules about children in care, missing children, care proceedings,
// adoption and care leavers (indicators.md; records in records_care.go).

// careAt is who is looked after at the end of the as-at date (an episode
// in force that is not a series of short breaks, which the DfE leaves out
// of every CLA count), each with the day their period of care began, in
// child order.
type careAt struct {
	kids  []int32
	since []Day
	done  bool
}

func (e *eval) lookedAfter() careAt {
	if e.care.done {
		return e.care
	}
	e.care.done = true
	since := map[int32]Day{}
	ep := &e.d.episodes
	for i, c := range ep.child {
		if c >= 0 && ep.cols[epShortBreaks][i] == 0 && e.inForce(ep.cols[epStart][i], ep.cols[epEnd][i]) {
			since[c] = ep.cols[epPeriod][i]
		}
	}
	e.care.kids = sortedKeys(since)
	e.care.since = make([]Day, len(e.care.kids))
	for k, c := range e.care.kids {
		e.care.since[k] = since[c]
	}
	return e.care
}

// eachLookedAfter calls fn for every child looked after at the date.
func (e *eval) eachLookedAfter(fn func(c int32, since Day)) {
	ca := e.lookedAfter()
	for k, c := range ca.kids {
		fn(c, ca.since[k])
	}
}

// claPer10k counts the children looked after at the date.
func claPer10k(e *eval, add emit) { e.eachLookedAfter(func(c int32, _ Day) { add(c, 1, 0) }) }

// placementAt is the placement row in force at the date of each child
// placed (the latest started, should two be), worked out once.
func (e *eval) placementAt() map[int32]int {
	if e.placed != nil {
		return e.placed
	}
	out := map[int32]int{}
	p := &e.d.placements
	for i, c := range p.child {
		if c < 0 || !e.inForce(p.cols[plStart][i], p.cols[plEnd][i]) {
			continue
		}
		if j, ok := out[c]; !ok || p.cols[plStart][i] >= p.cols[plStart][j] {
			out[c] = i
		}
	}
	e.placed = out
	return out
}

// claPlacements3Plus: children looked after at the date who had 3 or more
// placements in the 12 months to it (every placement in force on any day
// of those months counts, the one at their start included).
func claPlacements3Plus(e *eval, add emit) {
	yearAgo := DayOf(calendar.AddMonths(TimeOf(e.to), -12))
	count := map[int32]int{}
	p := &e.d.placements
	for i, c := range p.child {
		if c >= 0 && p.cols[plStart][i] <= e.to && p.cols[plEnd][i] > yearAgo {
			count[c]++
		}
	}
	e.eachLookedAfter(func(c int32, _ Day) { add(c, float64(flag(count[c] >= 3)), 1) })
}

// claStability: children under 16 looked after continuously for 2.5
// years or more at the date, in the same placement for the last 2 years.
func claStability(e *eval, add emit) {
	at := TimeOf(e.to)
	thirtyMonths, twoYears := DayOf(calendar.AddMonths(at, -30)), DayOf(calendar.AddMonths(at, -24))
	sixteen := DayOf(calendar.AddMonths(at, -16*12)) // born after this day: under 16
	place := e.placementAt()
	e.eachLookedAfter(func(c int32, since Day) {
		born := e.d.born[c]
		if born == Never || born <= sixteen || since > thirtyMonths {
			return
		}
		i, ok := place[c]
		same := ok && e.d.placements.cols[plStart][i] <= twoYears
		add(c, float64(flag(same)), 1)
	})
}

// claPlacedAway: children looked after and placed at the date whose
// placement away says (out of the area, or more than 20 miles).
func claPlacedAway(away func(p *table, i int) bool) rule {
	return func(e *eval, add emit) {
		place := e.placementAt()
		e.eachLookedAfter(func(c int32, _ Day) {
			if i, ok := place[c]; ok {
				add(c, float64(flag(away(&e.d.placements, i))), 1)
			}
		})
	}
}

var (
	claOutOfArea = claPlacedAway(func(p *table, i int) bool { return p.cols[plInArea][i] == 0 })
	claOver20    = claPlacedAway(func(p *table, i int) bool { return p.cols[plTenths][i] > 200 })
)

// overdueAt marks, by child, who has a task of the named timescale rules
// overdue at the end of the date (its due day passed, not done by then),
// and who has any such task started by then.
func (e *eval) overdueAt(ruleIDs ...string) (overdue, covered []bool) {
	overdue, covered = make([]bool, len(e.d.childID)), make([]bool, len(e.d.childID))
	e.eachTask(ruleIDs, func(c int32, start, due, done Day) {
		if start > e.to {
			return
		}
		covered[c] = true
		if due < e.to && done > e.to {
			overdue[c] = true
		}
	})
	return overdue, covered
}

// claVisitsInTime: children looked after at the date with no statutory
// visit overdue (timescale rules cla_visit_first, cla_visit_next).
func claVisitsInTime(e *eval, add emit) {
	late, _ := e.overdueAt("cla_visit_first", "cla_visit_next")
	e.eachLookedAfter(func(c int32, _ Day) { add(c, float64(flag(!late[c])), 1) })
}

// claHealthInTime: children looked after for 12 months or more at the
// date with no health assessment overdue (rules iha, rha).
func claHealthInTime(e *eval, add emit) {
	yearAgo := DayOf(calendar.AddMonths(TimeOf(e.to), -12))
	late, _ := e.overdueAt("iha", "rha")
	e.eachLookedAfter(func(c int32, since Day) {
		if since <= yearAgo {
			add(c, float64(flag(!late[c])), 1)
		}
	})
}

// claPEPInTime: children looked after at the date whom the PEP rules
// cover (of school age: they have a pep or pep_review task), with none
// overdue.
func claPEPInTime(e *eval, add emit) {
	late, covered := e.overdueAt("pep", "pep_review")
	e.eachLookedAfter(func(c int32, _ Day) {
		if covered[c] {
			add(c, float64(flag(!late[c])), 1)
		}
	})
}

// rhiDays is the 72 hours after a return, in days: an interview held by
// the third day after the return is in time (timescale.RHIDue).
const rhiDays = 3

// missingRHI72h: missing episodes (MISSING = M) ending in the period with
// a return home interview held within 72 hours and by the date.
func missingRHI72h(e *eval, add emit) {
	m := &e.d.missing
	for i, c := range m.child {
		end := m.cols[msEnd][i]
		if c < 0 || m.cols[msMissing][i] == 0 || !e.inPeriod(end) {
			continue
		}
		held := m.cols[msInterview][i]
		add(c, float64(flag(held <= e.to && held <= end+rhiDays)), 1)
	}
}

// missingEpisodes counts the episodes of going missing or away that
// started in the period.
func missingEpisodes(e *eval, add emit) { countIn(&e.d.missing, msStart)(e, add) }

// proceedingsWeeks is the limit for care and supervision proceedings
// (Children Act 1989 s.32(1)(a)): the final hearing by the last day of the
// 26 weeks beginning with the issue day (timescale.FinalHearingDue).
const proceedingsWeeks = 26

// proceedings26w: care and supervision cases disposed of (final hearing)
// in the period within 26 weeks of issue.
func proceedings26w(e *eval, add emit) {
	p := &e.d.proceedings
	for i, c := range p.child {
		final := p.cols[prFinal][i]
		if c < 0 || !e.inPeriod(final) {
			continue
		}
		add(c, float64(flag(final <= p.cols[prIssued][i]+7*proceedingsWeeks-1)), 1)
	}
}

// adoptedIn3Years calls fn for each adoption order in the 3 years to the
// date (the scorecard's period, whatever the query's).
func (e *eval) adoptedIn3Years(fn func(i int, c int32)) {
	threeYears := DayOf(calendar.AddMonths(TimeOf(e.to), -36))
	a := &e.d.adoptions
	for i, c := range a.child {
		if c >= 0 && a.cols[adOrder][i] > threeYears && a.cols[adOrder][i] <= e.to {
			fn(i, c)
		}
	}
}

// adoptionA1: days from entering care to moving in with the adopters,
// over the children adopted with both dates (casework.A1Days).
func adoptionA1(e *eval, add emit) {
	a := &e.d.adoptions
	e.adoptedIn3Years(func(i int, c int32) {
		placed, entered := a.cols[adPlaced][i], a.cols[adEntered][i]
		if placed != Never && entered != Never {
			add(c, float64(placed-entered), 1)
		}
	})
}

// adoptionA2: days from the placement order to the match (0 when matched
// first), over the children adopted with a placement order who were
// placed before the order (casework.A2Days).
func adoptionA2(e *eval, add emit) {
	a := &e.d.adoptions
	e.adoptedIn3Years(func(i int, c int32) {
		po, matched := a.cols[adPO][i], a.cols[adMatched][i]
		if po != Never && matched != Never && a.cols[adPlaced][i] != Never {
			add(c, float64(max(matched-po, 0)), 1)
		}
	})
}

// leaverRecords calls fn with the last OC3 record made by the date of each
// care leaver's 19th, 20th and 21st birthdays falling in the period.
func (e *eval) leaverRecords(fn func(i int, c int32)) {
	l := &e.d.leavers
	last := map[[2]int32]int{}
	var order [][2]int32
	for i, c := range l.child {
		age := l.cols[lvAge][i]
		if c < 0 || age < 19 || !e.inPeriod(l.cols[lvBirthday][i]) || l.cols[lvRecorded][i] > e.to {
			continue
		}
		k := [2]int32{c, age}
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = i
	}
	for _, k := range order {
		fn(last[k], k[0])
	}
}

// careLeaversEET: care leavers aged 19 to 21 in education, employment or
// training around the birthday, out of all of them (those not in touch
// stay in the denominator, as in DfE's tables).
func careLeaversEET(e *eval, add emit) {
	e.leaverRecords(func(i int, c int32) { add(c, float64(e.d.leavers.cols[lvEET][i]), 1) })
}

// careLeaversSuitable: the same care leavers in suitable accommodation.
func careLeaversSuitable(e *eval, add emit) {
	e.leaverRecords(func(i int, c int32) { add(c, float64(e.d.leavers.cols[lvSuitable][i]), 1) })
}
