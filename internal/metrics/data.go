package metrics

import (
	"math"
	"time"
)

// Day is a civil date as a day number: days since 1970-01-01. Every date
// the engine holds is one, so comparing dates is comparing integers.
type Day = int32

// Never stands for a date that has not happened (an open plan's end, a
// decision not yet made): it is after every real date, so "ended by d" is
// simply end <= d.
const Never Day = math.MaxInt32

const secondsPerDay = 24 * 60 * 60

// DayOf is the day number of t's civil date.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay)
}

// DayOfPtr is the day number of *t, or Never for nil.
func DayOfPtr(t *time.Time) Day {
	if t == nil {
		return Never
	}
	return DayOf(*t)
}

// TimeOf is the civil date of day number d (midnight UTC).
func TimeOf(d Day) time.Time { return time.Unix(int64(d)*secondsPerDay, 0).UTC() }

// table is one kind of dated record held column by column: row i's child
// is child[i] and its k-th field cols[k][i]. A child's rows are appended
// together, in the order the store gives them; when the child is read
// again its old rows are marked dead (child -1) and the new ones appended,
// and the table is compacted once a quarter of it is dead.
type table struct {
	child []int32
	cols  [][]int32
	dead  int
}

func newTable(ncols int) table { return table{cols: make([][]int32, ncols)} }

// add appends one row.
func (t *table) add(child int32, vals ...int32) {
	t.child = append(t.child, child)
	for k, v := range vals {
		t.cols[k] = append(t.cols[k], v)
	}
}

// len is the number of rows, dead ones included.
func (t *table) len() int { return len(t.child) }

// drop marks every row of the children marked in gone dead.
func (t *table) drop(gone []bool) {
	for i, c := range t.child {
		if c >= 0 && gone[c] {
			t.child[i] = -1
			t.dead++
		}
	}
	if t.dead*4 > len(t.child) {
		t.compact()
	}
}

// compact removes the dead rows, keeping the order of the rest.
func (t *table) compact() {
	n := 0
	for i, c := range t.child {
		if c < 0 {
			continue
		}
		t.child[n] = c
		for k := range t.cols {
			t.cols[k][n] = t.cols[k][i]
		}
		n++
	}
	t.child = t.child[:n]
	for k := range t.cols {
		t.cols[k] = t.cols[k][:n]
	}
	t.dead = 0
}

// bytes is the memory the table's columns hold.
func (t *table) bytes() int {
	n := cap(t.child)
	for _, c := range t.cols {
		n += cap(c)
	}
	return n * 4
}

// dict numbers a set of identifiers or codes densely from 0, so that
// columns can hold an int32 in their place.
type dict[K comparable] struct {
	code map[K]int32
	keys []K
}

func (d *dict[K]) of(k K) int32 {
	if c, ok := d.code[k]; ok {
		return c
	}
	if d.code == nil {
		d.code = map[K]int32{}
	}
	c := int32(len(d.keys))
	d.code[k] = c
	d.keys = append(d.keys, k)
	return c
}

// lookup returns k's code, or -1 when k has none.
func (d *dict[K]) lookup(k K) int32 {
	if c, ok := d.code[k]; ok {
		return c
	}
	return -1
}
