package metrics

import (
	"slices"
)

// childDays holds a set of days for each child, sorted, for the rules that
// ask only "the last such day on or before the date" of a few children
// (progress on an open case, the last visit a child on a plan was seen).
// A table would have to be walked whole for every question; here each
// child asked about costs a binary search, however long the history.
type childDays struct {
	days    [][]Day // by child index, ascending, no repeats
	touched []int32 // children added to since the last settle
	mark    []bool  // by child index: in touched
	n       int     // days held
}

// grow makes room for children up to index n-1.
func (c *childDays) grow(n int) {
	for len(c.days) < n {
		c.days = append(c.days, nil)
		c.mark = append(c.mark, false)
	}
}

// add records one day of child ci; settle must follow before reading.
func (c *childDays) add(ci int32, d Day) {
	c.grow(int(ci) + 1)
	if !c.mark[ci] {
		c.mark[ci] = true
		c.touched = append(c.touched, ci)
		c.n -= len(c.days[ci]) // counted again, whole, by settle
	}
	c.days[ci] = append(c.days[ci], d)
}

// drop forgets the days of the children marked in gone.
func (c *childDays) drop(gone []bool) {
	for ci := range c.days {
		if ci < len(gone) && gone[ci] && c.days[ci] != nil {
			c.n -= len(c.days[ci])
			c.days[ci] = nil
		}
	}
}

// settle sorts the days of the children added to, drops repeats, and
// moves them into one array of the exact size (the slices add grew
// leave their spare room behind as garbage). An array lives while any of
// its children's days are held, so a child read again after a write
// leaves its old days behind in the load's array: four bytes a day, until
// that array's children have all been read again or the data is loaded
// afresh.
func (c *childDays) settle() {
	if len(c.touched) == 0 {
		return
	}
	total := 0
	for _, ci := range c.touched {
		ds := c.days[ci]
		slices.Sort(ds)
		ds = slices.Compact(ds)
		c.days[ci] = ds
		total += len(ds)
	}
	all := make([]Day, 0, total)
	for _, ci := range c.touched {
		start := len(all)
		all = append(all, c.days[ci]...)
		c.days[ci] = all[start:len(all):len(all)] // full: a later add copies
		c.mark[ci] = false
	}
	c.n += total
	c.touched = c.touched[:0]
}

// last is child ci's latest day on or before to, or -1 when none.
func (c *childDays) last(ci int32, to Day) Day {
	if int(ci) >= len(c.days) {
		return -1
	}
	ds := c.days[ci]
	lo, hi := 0, len(ds) // the first day after to is in [lo, hi]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ds[mid] > to {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo == 0 {
		return -1
	}
	return ds[lo-1]
}

// len is the number of days held.
func (c *childDays) len() int { return c.n }

// bytes is the memory the days hold (with each child's slice header).
func (c *childDays) bytes() int { return c.n*4 + len(c.days)*24 }
