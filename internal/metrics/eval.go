package metrics

import (
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// eval is one computation: the data, the period, and what several rules
// share worked out once (who held each case at the end of the day).
type eval struct {
	d        *Data
	from, to Day // the period, both included; snapshots at the end of to
	held     []holding
	heldDone bool
	// worked out once for the rules that share them
	loads   *casework.CaseloadSummary
	figs    *casework.Figures
	seenDay []Day // each child's last visit in which they were seen
	care    careAt
	keyOf   map[Split]func(int32) string // each split's grouping, worked out once
}

// holding is who held one involvement open at the end of day to.
type holding struct {
	child  int32
	opened Day
	team   int32 // -1: none
	worker int32 // -1: no worker in post holds it
}

func (d *Data) newEval(q Query) *eval {
	asAt, from := q.period()
	return &eval{d: d, from: DayOf(from), to: DayOf(asAt)}
}

// warm works out what the rules share and keep in the evaluation (who
// holds each case, who is looked after, when each child was last seen,
// caseloads, the workforce figures and the split's grouping), after which
// the rules only read it and may run side by side.
func (e *eval) warm(split Split) {
	if split != ByNone {
		e.groupOf(split)
	}
	e.holdings()
	e.lookedAfter()
	e.seenDays()
	e.caseloads()
	e.figures()
}

func (e *eval) inPeriod(day Day) bool { return day >= e.from && day <= e.to }

// inForce reports a record started by the end of to and not ended by it.
func (e *eval) inForce(start, end Day) bool { return start <= e.to && end > e.to }

// holdings returns every involvement open at the end of day to with who
// held it, by the allocation queue's rules (store/allocation_state.go): an
// allocation holds the case from its start to the day before its end; its
// worker holds it only while in post (until their leaving date); a team
// on the allocation replaces the involvement's own.
func (e *eval) holdings() []holding {
	if e.heldDone {
		return e.held
	}
	e.heldDone = true
	d := e.d
	at := make([]int32, len(d.involvements.keys)) // involvement code → index in held + 1
	iv := &d.invs
	for i, c := range iv.child {
		if c < 0 || !e.inForce(iv.cols[ivStart][i], iv.cols[ivEnd][i]) {
			continue
		}
		e.held = append(e.held, holding{child: c, opened: iv.cols[ivStart][i], team: iv.cols[ivTeam][i], worker: -1})
		at[iv.cols[ivCode][i]] = int32(len(e.held))
	}
	left := e.leavingDays()
	al := &d.allocs
	for i, c := range al.child {
		if c < 0 || al.cols[alStart][i] > e.to {
			continue
		}
		k := at[al.cols[alInv][i]]
		if k == 0 {
			continue
		}
		h := &e.held[k-1]
		end, worker := al.cols[alEnd][i], al.cols[alWorker][i]
		covers := end > e.to
		if covers {
			if t := al.cols[alTeam][i]; t >= 0 {
				h.team = t
			}
			h.worker = -1
		}
		if worker < 0 {
			continue
		}
		hold := end // the hold ends with the allocation, or the day after the worker left
		if l := left[worker]; l != Never && l+1 < hold {
			hold = l + 1
		}
		if hold > e.to && covers {
			h.worker = worker
		}
	}
	return e.held
}

// leavingDays is each worker code's leaving date (Never while in post).
func (e *eval) leavingDays() []Day {
	pos := e.d.workerIndex()
	out := make([]Day, len(pos))
	for code, p := range pos {
		out[code] = Never
		if p >= 0 {
			out[code] = DayOfPtr(e.d.Org.Workers[p].EndDate)
		}
	}
	return out
}

// lastBy returns, for each child, the latest day in column col of table t
// that is on or before to (Never-free: -1 when none), counting only rows
// where keep is true (nil: every row).
func (e *eval) lastBy(t *table, col int, keep func(i int) bool) []Day {
	out := make([]Day, len(e.d.childID))
	for i := range out {
		out[i] = -1
	}
	days := t.cols[col]
	for i, c := range t.child {
		if c < 0 || days[i] > e.to || (keep != nil && !keep(i)) {
			continue
		}
		out[c] = max(out[c], days[i])
	}
	return out
}

// groupOf is grouper(s) worked out once for the evaluation: every
// indicator of a split question groups the children the same way.
func (e *eval) groupOf(s Split) func(int32) string {
	if f, ok := e.keyOf[s]; ok {
		return f
	}
	if e.keyOf == nil {
		e.keyOf = map[Split]func(int32) string{}
	}
	f := e.grouper(s)
	e.keyOf[s] = f
	return f
}

// grouper returns the group of a child for a split, as at the end of to.
func (e *eval) grouper(s Split) func(int32) string {
	d := e.d
	switch s {
	case ByTeam, ByWorker:
		team := make([]int32, len(d.childID))
		worker := make([]int32, len(d.childID))
		for i := range team {
			team[i], worker[i] = -2, -2
		}
		for _, h := range e.holdings() {
			team[h.child], worker[h.child] = h.team, h.worker
		}
		if s == ByTeam {
			return func(ci int32) string {
				if team[ci] == -2 {
					return "No open case"
				}
				return d.teamName(team[ci])
			}
		}
		return func(ci int32) string {
			if worker[ci] == -2 {
				return "No open case"
			}
			return d.workerName(worker[ci])
		}
	case ByAgeBand:
		return func(ci int32) string { return ageBand(d.born[ci], e.to) }
	case BySex:
		return func(ci int32) string { return codeName(d.sexes.keys, d.sex[ci]) }
	case ByEthnicity:
		return func(ci int32) string { return codeName(d.ethnicities.keys, d.ethnicity[ci]) }
	}
	return func(ci int32) string {
		if d.disabled[ci] {
			return "Disabled"
		}
		return "Not disabled"
	}
}

func codeName(keys []string, code int32) string {
	if code < 0 || keys[code] == "" {
		return "Not recorded"
	}
	return keys[code]
}

// ageBand is the DfE's age band of a child on day asAt.
func ageBand(born, asAt Day) string {
	if born == Never {
		return "Not recorded"
	}
	b, at := TimeOf(born), TimeOf(asAt)
	age := at.Year() - b.Year()
	if calendar.AddMonths(b, 12*age).After(at) {
		age--
	}
	switch {
	case age < 0:
		return "Unborn"
	case age < 1:
		return "Under 1"
	case age < 5:
		return "1 to 4"
	case age < 10:
		return "5 to 9"
	case age < 16:
		return "10 to 15"
	}
	return "16 and over"
}
