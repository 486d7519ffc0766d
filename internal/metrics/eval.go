package metrics

import (
	"slices"
	"sync"

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
	loads  *casework.CaseloadSummary
	figs   *casework.Figures
	care   careAt
	placed map[int32]int      // the placement row in force of each child placed
	onPlan []planAt           // the children on a child protection plan
	keyOf  map[Split]grouping // each split's grouping, worked out once
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
// holds each case, who is looked after or on a plan and where placed,
// caseloads, the workforce figures and the split's grouping), after which
// the rules only read it and may run side by side.
func (e *eval) warm(split Split) {
	// Two independent halves, one on each core: the children in care and
	// on plans, and the workforce; who holds each case, and what follows
	// from it.
	var wg sync.WaitGroup
	wg.Go(func() {
		e.lookedAfter()
		e.placementAt()
		e.plansAt()
		e.figures()
	})
	e.holdings()
	e.caseloads()
	if split != ByNone {
		e.groupOf(split)
	}
	wg.Wait()
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
	n := 0 // counted first: grown as it went, held was copied over and over at national scale
	for i, c := range iv.child {
		if c >= 0 && e.inForce(iv.cols[ivStart][i], iv.cols[ivEnd][i]) {
			n++
		}
	}
	e.held = make([]holding, 0, n)
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

// sortedKeys returns a map's children in order.
func sortedKeys[V any](m map[int32]V) []int32 {
	out := make([]int32, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}
