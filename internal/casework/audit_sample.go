package casework

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"sightline/internal/calendar"
)

// Sample sizes. Ten cases a team is the usual monthly audit; fifty is more
// than one person grades in a month.
const (
	DefaultSampleSize = 10
	MaxSampleSize     = 50
)

// RecentAuditMonths is how long an audited case is left out of new
// samples: a child whose case was audited in the six calendar months up to
// the day of the draw is not drawn again, so that successive samples cover
// more of a team's work and no case is graded twice in half a year. An
// audit exactly six months before the draw (24 May for a draw on 24
// November) no longer counts; one a day later does.
const RecentAuditMonths = 6

// RecentAuditCutoff is the last audit date that no longer keeps a child out
// of a sample drawn on drawn: audits after it do.
func RecentAuditCutoff(drawn time.Time) time.Time {
	return calendar.AddMonths(drawn, -RecentAuditMonths)
}

// AuditSample is a random sample of one team's open cases, drawn on a day
// from a seed. The seed is kept so that the draw can be checked: the same
// seed over the same eligible children draws the same sample.
type AuditSample struct {
	ID       int64
	TeamID   int64
	TeamName string
	Size     int // how many were asked for
	Seed     int64
	DrawnOn  time.Time
	DrawnBy  string
	Eligible int // how many children could have been drawn
	Children []SampledChild
}

// SampledChild is one child of a sample, in the order drawn, with where
// their audit stands.
type SampledChild struct {
	Position   int
	ChildID    int64
	LAChildID  string
	Name       string
	Restricted bool
	WorkerName string
	AuditID    *int64 // the audit made from this sample, once done
	Grade      string // its overall grade
	HandedBack bool   // an open hand-back flags the child
}

// ValidateSampleSize checks the number of cases asked for.
func ValidateSampleSize(n int) error {
	if n < 1 || n > MaxSampleSize {
		return Invalid("size", "Number of cases must be between 1 and 50")
	}
	return nil
}

// sampleStream is the PCG stream used for samples ("sightln" in ASCII), so
// that a seed means the same draw wherever it is used.
const sampleStream = 0x73696768746c6e

// DrawSample picks n of the candidate ids at random, reproducibly from
// seed: the candidates are put in ascending order (duplicates dropped) and
// shuffled by a partial Fisher–Yates shuffle driven by a PCG generator
// (math/rand/v2) seeded with seed. Every candidate is equally likely to be
// drawn. With n at least the number of candidates, all are returned, in
// drawn order.
func DrawSample(candidates []int64, n int, seed int64) []int64 {
	ids := slices.Clone(candidates)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	n = max(min(n, len(ids)), 0)
	src := rand.NewPCG(uint64(seed), sampleStream)
	for i := range n {
		j := i + below(src, len(ids)-i)
		ids[i], ids[j] = ids[j], ids[i]
	}
	return ids[:n:n]
}

// below returns a uniform integer in [0, n) from src by rejection, using
// only the PCG's own output (whose sequence Go specifies), so that a seed
// draws the same sample whatever Go release built sightline.
func below(src *rand.PCG, n int) int {
	bound := uint64(n)
	limit := math.MaxUint64 - math.MaxUint64%bound
	for {
		if v := src.Uint64(); v < limit {
			return int(v % bound)
		}
	}
}

// NewSampleSeed returns a fresh random seed: positive and below 2^53, so
// it survives a spreadsheet or JavaScript unchanged.
func NewSampleSeed() int64 { return 1 + rand.Int64N(1<<53-1) }
