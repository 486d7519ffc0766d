package metrics

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

func jan2024(n int) time.Time { return time.Date(2024, 1, n, 0, 0, 0, 0, time.UTC) }

// TestPutReplacesAChildsRows: reading a child again drops their old rows
// and adds the new ones, leaving other children's alone; once a quarter
// of a table is dead it is compacted, keeping the order of the rest.
func TestPutReplacesAChildsRows(t *testing.T) {
	d := NewData(Org{})
	contacts := func(child int64, days ...int) casework.CaseFile {
		cf := casework.CaseFile{Child: casework.Child{ID: child, Sex: "F"}}
		for _, n := range days {
			cf.Contacts = append(cf.Contacts, casework.Contact{ChildID: child, Date: jan2024(n)})
		}
		return cf
	}
	d.Put(Records{Files: []casework.CaseFile{contacts(1, 1, 2), contacts(2, 3), contacts(3, 4, 5, 6)}})
	d.Put(Records{Files: []casework.CaseFile{contacts(2, 7, 8)}})
	if got := d.Rows()["contacts"]; got != 7 {
		t.Errorf("live contacts: %d, want 7", got)
	}
	if d.contacts.dead != 1 {
		t.Errorf("dead rows: %d, want 1 (below a quarter: not yet compacted)", d.contacts.dead)
	}
	d.Put(Records{Files: []casework.CaseFile{contacts(3)}})
	if d.contacts.dead != 0 || d.contacts.len() != 4 {
		t.Errorf("after child 3's contacts went: %d rows, %d dead; want 4 rows, compacted", d.contacts.len(), d.contacts.dead)
	}
	var days []Day
	for i, c := range d.contacts.child {
		days = append(days, d.contacts.cols[ctDay][i]-DayOf(jan2024(0)))
		if d.childID[c] == 3 {
			t.Error("a contact of child 3 is left")
		}
	}
	if !slices.Equal(days, []Day{1, 2, 7, 8}) {
		t.Errorf("contact days in order: %v, want [1 2 7 8]", days)
	}
}

// TestTheLastDaySeenFollowsTheChildsVisits: the last visit in which a
// child was seen, on or before a date, counts only visits in which they
// were seen, whatever order they were recorded in, and a child read again
// keeps only their new visits.
func TestTheLastDaySeenFollowsTheChildsVisits(t *testing.T) {
	d := NewData(Org{})
	visits := func(child int64, seen map[int]bool) casework.CaseFile {
		cf := casework.CaseFile{Child: casework.Child{ID: child}}
		for n, s := range seen {
			cf.Visits = append(cf.Visits, casework.Visit{ChildID: child, Date: jan2024(n), Seen: s})
		}
		return cf
	}
	d.Put(Records{Files: []casework.CaseFile{visits(1, map[int]bool{20: true, 3: true, 10: false, 12: true}), visits(2, nil)}})
	one, two := d.childIx[1], d.childIx[2]
	for _, c := range []struct {
		on, want int
	}{{2, -1}, {3, 3}, {11, 3}, {12, 12}, {19, 12}, {31, 20}} {
		got := d.seen.last(one, DayOf(jan2024(c.on)))
		want := Day(-1)
		if c.want > 0 {
			want = DayOf(jan2024(c.want))
		}
		if got != want {
			t.Errorf("last seen on or before 2024-01-%02d: day %d, want %d", c.on, got, want)
		}
	}
	if got := d.seen.last(two, DayOf(jan2024(31))); got != -1 {
		t.Errorf("a child never seen: %d, want -1", got)
	}
	d.Put(Records{Files: []casework.CaseFile{visits(1, map[int]bool{5: true})}})
	if got := d.seen.last(one, DayOf(jan2024(31))); got != DayOf(jan2024(5)) {
		t.Errorf("after the child was read again: last seen %s, want 2024-01-05", TimeOf(got).Format("2006-01-02"))
	}
	if d.Rows()["seen_days"] != 1 {
		t.Errorf("seen days held: %d, want 1", d.Rows()["seen_days"])
	}
}

// TestTheFirstRecordFollowsWrites: the first contact or referral held
// moves earlier when an earlier one is added, and later when the child
// who had it is read again without it.
func TestTheFirstRecordFollowsWrites(t *testing.T) {
	d := NewData(Org{})
	if d.First() != Never {
		t.Fatalf("no records: first %d, want Never", d.First())
	}
	contact := func(child int64, days ...int) casework.CaseFile {
		cf := casework.CaseFile{Child: casework.Child{ID: child}}
		for _, n := range days {
			cf.Contacts = append(cf.Contacts, casework.Contact{ChildID: child, Date: jan2024(n)})
		}
		return cf
	}
	d.Put(Records{Files: []casework.CaseFile{contact(1, 10), contact(2, 20)}})
	d.Put(Records{Files: []casework.CaseFile{contact(3, 5)}})
	if d.First() != DayOf(jan2024(5)) {
		t.Errorf("after an earlier contact: first %s, want 2024-01-05", TimeOf(d.First()).Format("2006-01-02"))
	}
	d.Put(Records{Files: []casework.CaseFile{contact(3)}})
	if d.First() != DayOf(jan2024(10)) {
		t.Errorf("after it went: first %s, want 2024-01-10", TimeOf(d.First()).Format("2006-01-02"))
	}
}
