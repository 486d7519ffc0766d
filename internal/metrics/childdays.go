package metrics

import (
	"slices"
)

// childDays holds a set of days for each child, sorted, for the rules that
// ask only "the last such day on or before the date" of a few children
// (progress on an open case, the last visit a child on a plan was seen).
// A table would have to be walked whole for every question; here each
// child asked about costs a binary search, however long the history.
//
// The days live in one array, each child's as a run in it, found by
// offset and length: no pointer per child, so that the garbage collector
// has nothing to follow in it (a slice per child meant millions of
// pointers to scan in every collection while a national load ran).
type childDays struct {
	arena        []Day    // each child's days, a run each, ascending, no repeats
	start, count []uint32 // by child index: where the child's run begins, and its length
	dead         int      // days in arena no child holds any more
	pend         []uint64 // days added since the last settle (packDay)
}

// packDay packs a child and a day so that sorting the packed numbers
// sorts by child, then day.
func packDay(ci int32, d Day) uint64 { return uint64(ci)<<32 | uint64(uint32(d)^1<<31) }

func unpackDay(p uint64) (int32, Day) { return int32(p >> 32), Day(int32(uint32(p) ^ 1<<31)) }

// grow makes room for children up to index n-1.
func (c *childDays) grow(n int) {
	for len(c.start) < n {
		c.start = append(c.start, 0)
		c.count = append(c.count, 0)
	}
}

// add records one day of child ci; settle must follow before reading.
func (c *childDays) add(ci int32, d Day) {
	c.grow(int(ci) + 1)
	c.pend = append(c.pend, packDay(ci, d))
}

// drop forgets the days of the children marked in gone.
func (c *childDays) drop(gone []bool) {
	for ci, n := range c.count {
		if n > 0 && ci < len(gone) && gone[ci] {
			c.dead += int(n)
			c.count[ci] = 0
		}
	}
}

// days is child ci's run.
func (c *childDays) days(ci int32) []Day {
	if int(ci) >= len(c.start) {
		return nil
	}
	s := c.start[ci]
	return c.arena[s : s+c.count[ci]]
}

// settle merges the days added into each child's run: the child's run is
// written again at the end of the arena with the new days in order, and
// the arena is compacted once half of it is no child's.
func (c *childDays) settle() {
	slices.Sort(c.pend)
	for i := 0; i < len(c.pend); {
		ci, _ := unpackDay(c.pend[i])
		j := i
		for j < len(c.pend) && int32(c.pend[j]>>32) == ci {
			j++
		}
		old := c.days(ci) // before the appends below: they may move the arena
		begin := len(c.arena)
		k := 0
		for _, p := range c.pend[i:j] {
			_, d := unpackDay(p)
			for k < len(old) && old[k] < d {
				c.arena = append(c.arena, old[k])
				k++
			}
			if k < len(old) && old[k] == d {
				k++
			}
			if n := len(c.arena); n == begin || c.arena[n-1] != d {
				c.arena = append(c.arena, d)
			}
		}
		c.arena = append(c.arena, old[k:]...)
		c.dead += len(old)
		c.start[ci], c.count[ci] = uint32(begin), uint32(len(c.arena)-begin)
		i = j
	}
	c.pend = c.pend[:0]
	if c.dead > len(c.arena)/2 {
		c.compact()
	}
}

// compact writes every child's run into a new arena of the exact size.
func (c *childDays) compact() {
	arena := make([]Day, 0, len(c.arena)-c.dead)
	for ci := range c.start {
		run := c.days(int32(ci))
		c.start[ci] = uint32(len(arena))
		arena = append(arena, run...)
	}
	c.arena, c.dead = arena, 0
}

// last is child ci's latest day on or before to, or -1 when none.
func (c *childDays) last(ci int32, to Day) Day {
	ds := c.days(ci)
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
func (c *childDays) len() int { return len(c.arena) - c.dead }

// bytes is the memory the days hold.
func (c *childDays) bytes() int { return cap(c.arena)*4 + len(c.start)*8 }
