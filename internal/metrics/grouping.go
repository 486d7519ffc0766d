package metrics

import (
	"time"

	"sightline/internal/calendar"
)

// grouping divides the children among the named groups of a split.
type grouping struct {
	of    func(ci int32) int32 // a child's group: an index into names
	names []string
}

// name is the name of a child's group.
func (g grouping) name(ci int32) string { return g.names[g.of(ci)] }

// groupOf is grouper(s) worked out once for the evaluation: every
// indicator of a split question groups the children the same way.
func (e *eval) groupOf(s Split) grouping {
	if g, ok := e.keyOf[s]; ok {
		return g
	}
	if e.keyOf == nil {
		e.keyOf = map[Split]grouping{}
	}
	g := e.grouper(s)
	e.keyOf[s] = g
	return g
}

// grouper returns the grouping of the children for a split, as at the end
// of to. Each group's name is worked out once, not once per child: a
// figure split by team names thousands of children.
func (e *eval) grouper(s Split) grouping {
	d := e.d
	switch s {
	case ByTeam, ByWorker:
		return e.holderGrouping(s)
	case ByAgeBand:
		return e.ageBands()
	case BySex:
		return codeGrouping(d.sexes.keys, d.sex)
	case ByEthnicity:
		return codeGrouping(d.ethnicities.keys, d.ethnicity)
	}
	return grouping{
		of:    func(ci int32) int32 { return int32(flag(!d.disabled[ci])) },
		names: []string{"Disabled", "Not disabled"},
	}
}

// holderGrouping groups the children by the team or worker holding their
// case at the end of to.
func (e *eval) holderGrouping(s Split) grouping {
	d := e.d
	holder := make([]int32, len(d.childID)) // team or worker code + 2; 0: no open case (then the group)
	for _, h := range e.holdings() {
		if s == ByTeam {
			holder[h.child] = h.team + 2
		} else {
			holder[h.child] = h.worker + 2
		}
	}
	var ix []int32
	var names []string
	if s == ByTeam {
		ix, names = namesOf(len(d.teams.keys)+2, func(r int) string {
			if r == 0 {
				return "No open case"
			}
			return d.teamName(int32(r - 2))
		})
	} else {
		named := make(map[int64]string, len(d.Org.Workers))
		for _, w := range d.Org.Workers {
			named[w.ID] = w.Name
		}
		ix, names = namesOf(len(d.workers.keys)+2, func(r int) string {
			switch {
			case r == 0:
				return "No open case"
			case r == 1:
				return "No worker"
			}
			id := d.workers.keys[r-2]
			if n, ok := named[id]; ok {
				return n
			}
			return "Worker " + itoa(id)
		})
	}
	for ci, h := range holder {
		holder[ci] = ix[h] // now the group itself: one look per child counted
	}
	return grouping{of: func(ci int32) int32 { return holder[ci] }, names: names}
}

// codeGrouping groups the children by a coded characteristic (codes by
// child, -1 when none is recorded).
func codeGrouping(keys []string, codes []int32) grouping {
	ix, names := namesOf(len(keys)+1, func(r int) string { return codeName(keys, int32(r-1)) })
	return grouping{of: func(ci int32) int32 { return ix[codes[ci]+1] }, names: names}
}

func codeName(keys []string, code int32) string {
	if code < 0 || keys[code] == "" {
		return "Not recorded"
	}
	return keys[code]
}

// namesOf numbers the distinct names of raw groups 0 to n-1, so that
// groups sharing a name (two teams of one name, two codes not recorded)
// are one: ix[r] is raw group r's index in names.
func namesOf(n int, name func(r int) string) (ix []int32, names []string) {
	at := map[string]int32{}
	ix = make([]int32, n)
	for r := range n {
		nm := name(r)
		k, ok := at[nm]
		if !ok {
			k = int32(len(names))
			at[nm] = k
			names = append(names, nm)
		}
		ix[r] = k
	}
	return ix, names
}

// The DfE's age bands, youngest first, after the two without an age.
var ageBandNames = []string{"Not recorded", "Unborn", "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"}

// ageBandFrom is the age at which each band after "Unborn" begins.
var ageBandFrom = []int{0, 1, 5, 10, 16}

// ageBands groups the children by their age on the last day of the
// period. Each band's earliest birthday is found once (the last day of
// birth giving that age), so a child costs a few comparisons.
func (e *eval) ageBands() grouping {
	at := TimeOf(e.to)
	// latest[k]: born on or before it, a child is at least ageBandFrom[k].
	latest := make([]Day, len(ageBandFrom))
	for k, years := range ageBandFrom {
		lo, hi := e.to-Day(366*(years+1)), e.to+1 // age(lo) > years; age(hi) < years
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if ageOn(TimeOf(mid), at) >= years {
				lo = mid
			} else {
				hi = mid
			}
		}
		latest[k] = lo
	}
	born := e.d.born
	return grouping{
		of: func(ci int32) int32 {
			b := born[ci]
			if b == Never {
				return 0
			}
			band := int32(1) // unborn
			for _, l := range latest {
				if b > l {
					break
				}
				band++
			}
			return band
		},
		names: ageBandNames,
	}
}

// ageOn is the age in whole years on day at of a child born on b.
func ageOn(b, at time.Time) int {
	age := at.Year() - b.Year()
	if calendar.AddMonths(b, 12*age).After(at) {
		age--
	}
	return age
}
