package metrics

import (
	"strconv"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// Data is the engine's in-memory, columnar copy of the authority's dated
// records: per child a few fixed columns (date of birth, sex, ethnicity,
// disability), and one table per kind of record holding day numbers and
// codes. Indicator rules are pure functions over it.
type Data struct {
	childIx map[int64]int32 // child id → index
	childID []int64
	born    []Day
	sex     []int32
	// ethnicity is a code of ethnicities; disabled is any disability recorded.
	ethnicity []int32
	disabled  []bool
	present   []bool // false for an index whose child has gone (none yet: nothing is deleted)
	// factors holds each child's assessments' start days and factor codes,
	// replaced whole when the child is read again (CP plan analysis).
	factors [][]datedCodes

	sexes, ethnicities, categories, rules dict[string]
	teams, workers, involvements          dict[int64]

	contacts, referrals, assessments, s47s, plans, cinPlans table
	invs, allocs, family                                    table
	// tasks holds each timescale rule's tasks (by rule code) apart, so an
	// indicator reads only its rules' tasks.
	tasks []table
	// progress is the days each child's case moved on; seen the days of
	// visits in which the child was seen.
	progress, seen childDays
	// children in care, missing, court, adoption and care leavers (records_care.go)
	episodes, placements, missing, proceedings, adoptions, leavers table

	first Day // the earliest contact or referral held (First)

	Org Org
}

// Org is what the engine knows of the authority beyond the children: its
// staff, settings, calendar and child population.
type Org struct {
	Workers    []casework.Worker
	Teams      []casework.Team
	Register   casework.Register
	Caseload   casework.CaseloadSettings
	Calendar   *calendar.Calendar
	Population int // children aged 0 to 17 living in the authority; 0: not recorded
	// CPVisitWorkingDays is the local standard for visits to a child on a
	// child protection plan (timescale setting).
	CPVisitWorkingDays int
}

// NewData returns an empty data set for the authority described by org.
func NewData(org Org) *Data {
	if org.Calendar == nil {
		org.Calendar = calendar.Default()
	}
	return &Data{
		childIx:  map[int64]int32{},
		contacts: newTable(3), referrals: newTable(5), assessments: newTable(4), s47s: newTable(2),
		plans: newTable(4), cinPlans: newTable(2),
		invs: newTable(4), allocs: newTable(5), family: newTable(1),
		episodes: newTable(4), placements: newTable(4), missing: newTable(4), proceedings: newTable(2),
		adoptions: newTable(5), leavers: newTable(5),
		first: Never, Org: org,
	}
}

// Put replaces the records of every child in r.Files with r's: the
// children's old rows are dropped and the new ones added, so putting a
// child read again after a write brings the data up to date.
func (d *Data) Put(r Records) {
	// Only children put before have rows to drop: a load a slice at a time
	// then never walks the tables already filled.
	gone, any := make([]bool, len(d.childID)+len(r.Files)), false
	for _, cf := range r.Files {
		if ci, ok := d.childIx[cf.Child.ID]; ok && d.present[ci] {
			gone[ci], any = true, true
		}
	}
	if any {
		for _, t := range d.tables() {
			t.drop(gone)
		}
		d.progress.drop(gone)
		d.seen.drop(gone)
	}
	// The first record is kept rather than sought on every question: only
	// the rows added now can move it earlier, and only a drop later.
	from := [2]int{d.contacts.len(), d.referrals.len()}
	defer func() {
		if any {
			from = [2]int{}
			d.first = Never
		}
		d.first = min(d.first, d.firstFrom(from))
	}()
	for _, cf := range r.Files {
		d.put(d.index(cf.Child.ID), cf)
	}
	for _, iv := range r.Involvements {
		if ci, ok := d.childIx[iv.ChildID]; ok {
			d.putInvolvement(ci, iv)
		}
	}
	for _, p := range r.Progress {
		if ci, ok := d.childIx[p.ChildID]; ok {
			d.progress.add(ci, DayOf(p.Day))
		}
	}
	for _, l := range r.FamilyLinks {
		a, b := d.index(l[0]), d.index(l[1])
		d.family.add(a, b)
	}
	for _, t := range r.Tasks {
		if ci, ok := d.childIx[t.ChildID]; ok {
			d.tasksOf(d.rules.of(t.Rule)).add(ci, DayOf(t.Start), DayOf(t.Due), DayOfPtr(t.Done))
		}
	}
	d.progress.settle()
	d.seen.settle()
}

// tasksOf is the table of the tasks of a timescale rule's code.
func (d *Data) tasksOf(rule int32) *table {
	for int(rule) >= len(d.tasks) {
		d.tasks = append(d.tasks, newTable(3))
	}
	return &d.tasks[rule]
}

// index returns a child's index, giving a new child one.
func (d *Data) index(id int64) int32 {
	if ci, ok := d.childIx[id]; ok {
		return ci
	}
	ci := int32(len(d.childID))
	d.childIx[id] = ci
	d.childID = append(d.childID, id)
	d.born = append(d.born, Never)
	d.sex = append(d.sex, -1)
	d.ethnicity = append(d.ethnicity, -1)
	d.disabled = append(d.disabled, false)
	d.present = append(d.present, false)
	d.factors = append(d.factors, nil)
	return ci
}

func (d *Data) tables() []*table {
	ts := []*table{&d.contacts, &d.referrals, &d.assessments, &d.s47s, &d.plans, &d.cinPlans,
		&d.invs, &d.allocs, &d.family,
		&d.episodes, &d.placements, &d.missing, &d.proceedings, &d.adoptions, &d.leavers}
	for i := range d.tasks {
		ts = append(ts, &d.tasks[i])
	}
	return ts
}

// Children is the number of children held.
func (d *Data) Children() int { return len(d.childID) }

// ChildID is the id of the child at index ci.
func (d *Data) ChildID(ci int32) int64 { return d.childID[ci] }

// Bytes is roughly the memory the columns hold (not the maps).
func (d *Data) Bytes() int {
	n := len(d.childID)*8 + len(d.born)*4*3 + len(d.disabled)*2 + d.progress.bytes() + d.seen.bytes()
	for _, t := range d.tables() {
		n += t.bytes()
	}
	return n
}

// Rows is the number of live rows of each kind of record.
func (d *Data) Rows() map[string]int {
	names := []string{"contacts", "referrals", "assessments", "s47_enquiries", "cp_plans", "cin_plans",
		"involvements", "allocations", "family_links",
		"care_episodes", "placements", "missing_episodes", "proceedings", "adoptions", "leaver_records"}
	out := map[string]int{"progress_days": d.progress.len(), "seen_days": d.seen.len(), "tasks": 0}
	for i, t := range d.tables() {
		if i < len(names) {
			out[names[i]] = t.len() - t.dead
		} else {
			out["tasks"] += t.len() - t.dead
		}
	}
	return out
}

// First is the earliest contact or referral held: indicators are not
// asked for before the records of children start. Never when there are
// none.
func (d *Data) First() Day { return d.first }

// firstFrom is the earliest day of the live contacts and referrals from
// row from[0] and from[1] on.
func (d *Data) firstFrom(from [2]int) Day {
	first := Never
	for k, t := range []*table{&d.contacts, &d.referrals} {
		for i := from[k]; i < t.len(); i++ {
			if t.child[i] >= 0 {
				first = min(first, t.cols[0][i])
			}
		}
	}
	return first
}

// workerIndex maps each worker code to the worker's place in Org.Workers.
func (d *Data) workerIndex() []int {
	pos := make(map[int64]int, len(d.Org.Workers))
	for i, w := range d.Org.Workers {
		pos[w.ID] = i
	}
	out := make([]int, len(d.workers.keys))
	for code, id := range d.workers.keys {
		p, ok := pos[id]
		if !ok {
			p = -1
		}
		out[code] = p
	}
	return out
}

// teamName names a team code.
func (d *Data) teamName(code int32) string {
	if code < 0 {
		return "No team"
	}
	id := d.teams.keys[code]
	for _, t := range d.Org.Teams {
		if t.ID == id {
			return t.Name
		}
	}
	return "Team " + itoa(id)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
