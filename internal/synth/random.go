package synth

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"time"

	"sightline/internal/calendar"
)

// rng is the generator's source of chance: a PCG seeded from the seed and a
// named stream, so that each part (the workforce, each household) draws
// from its own sequence and the same seed always gives the same records.
type rng struct{ *rand.Rand }

// newRNG returns the stream name (and index) of seed.
func newRNG(seed uint64, name string, index int) rng {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rng{rand.New(rand.NewPCG(seed, h.Sum64()^uint64(index)*0x9E3779B97F4A7C15))}
}

// chance reports true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// between returns a whole number in [lo, hi].
func (r rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// whole rounds x to a whole number at random, up or down by how near it
// is to each, so that the expected result is x (0 for x below 0).
func (r rng) whole(x float64) int {
	if x <= 0 {
		return 0
	}
	n := int(x)
	if r.chance(x - float64(n)) {
		n++
	}
	return n
}

// pick returns the key of a split drawn by its weights.
func (r rng) pick(ws Weights) string { return ws[r.index(ws)].Key }

// index returns the position of a split's entry drawn by its weights.
func (r rng) index(ws Weights) int {
	x := r.Float64() * ws.Sum()
	for i, w := range ws {
		if x < w.W {
			return i
		}
		x -= w.W
	}
	return len(ws) - 1
}

// one returns an element of xs.
func one[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// lognormal draws from a lognormal with the given median and spread.
func (r rng) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*r.NormFloat64())
}

// days moves d by n calendar days.
func days(d time.Time, n int) time.Time { return d.AddDate(0, 0, n) }

// notAfter reports whether a is on or before b.
func notAfter(a, b time.Time) bool { return !a.After(b) }

// earliest returns the earlier date.
func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// latest returns the later date.
func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// dateIn returns a day in [from, to].
func (r rng) dateIn(from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours() / 24)
	return days(from, r.between(0, n))
}

// cal is the calendar the generator counts working days with: England's
// bank holidays, as the timescale engine uses them.
var cal = calendar.Default()

// wd adds n working days to d (day 0 is d).
func wd(d time.Time, n int) time.Time { return cal.AddWorkingDays(d, n) }

// workday returns d if it is a working day, else the working day before.
func workday(d time.Time) time.Time {
	for !cal.IsWorkingDay(d) {
		d = days(d, -1)
	}
	return d
}

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }
