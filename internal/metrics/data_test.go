package metrics

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// TestPutReplacesAChildsRows: reading a child again drops their old rows
// and adds the new ones, leaving other children's alone; once a quarter
// of a table is dead it is compacted, keeping the order of the rest.
func TestPutReplacesAChildsRows(t *testing.T) {
	d := NewData(Org{})
	visits := func(child int64, days ...int) casework.CaseFile {
		cf := casework.CaseFile{Child: casework.Child{ID: child, Sex: "F"}}
		for _, n := range days {
			cf.Visits = append(cf.Visits, casework.Visit{ChildID: child, Date: time.Date(2024, 1, n, 0, 0, 0, 0, time.UTC), Seen: true})
		}
		return cf
	}
	d.Put(Records{Files: []casework.CaseFile{visits(1, 1, 2), visits(2, 3), visits(3, 4, 5, 6)}})
	d.Put(Records{Files: []casework.CaseFile{visits(2, 7, 8)}})
	if got := d.Rows()["visits"]; got != 7 {
		t.Errorf("live visits: %d, want 7", got)
	}
	if d.visits.dead != 1 {
		t.Errorf("dead rows: %d, want 1 (below a quarter: not yet compacted)", d.visits.dead)
	}
	d.Put(Records{Files: []casework.CaseFile{visits(3)}})
	if d.visits.dead != 0 || d.visits.len() != 4 {
		t.Errorf("after child 3's visits went: %d rows, %d dead; want 4 rows, compacted", d.visits.len(), d.visits.dead)
	}
	var days []Day
	for i, c := range d.visits.child {
		days = append(days, d.visits.cols[viDay][i]-DayOf(time.Date(2024, 1, 0, 0, 0, 0, 0, time.UTC)))
		if d.childID[c] == 3 {
			t.Error("a visit of child 3 is left")
		}
	}
	if !slices.Equal(days, []Day{1, 2, 7, 8}) {
		t.Errorf("visit days in order: %v, want [1 2 7 8]", days)
	}
}
