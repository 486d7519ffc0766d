package synth

import (
	"fmt"
)

// Stream makes cfg's authority and hands it to each. A size made in areas
// (national) is made one area at a time, each an authority of its own
// (its teams named for the area) with its share of the population, its
// own random streams and ids following on from the area before: each is
// handed over, written and dropped before the next is made, so memory
// holds one area however big the size. Every other size is one call.
func Stream(cfg Config, each func(*Authority) error) error {
	n := cfg.Size.Areas()
	if n == 1 {
		a, err := Generate(cfg)
		if err != nil {
			return err
		}
		return each(a)
	}
	for i := 1; i <= n; i++ {
		c := cfg
		c.area = i
		c.Seed = areaSeed(cfg.Seed, i)
		c.Size.Population = cfg.Size.Population / n
		if i <= cfg.Size.Population%n {
			c.Size.Population++
		}
		a, err := Generate(c)
		if err != nil {
			return fmt.Errorf("synth: area %d of %d: %w", i, n, err)
		}
		a.Seed, a.Areas = cfg.Seed, n
		if err := each(a); err != nil {
			return err
		}
		cfg.IDs, cfg.nhs, cfg.upns, cfg.firstBatch = a.next.IDs, a.next.nhs, a.next.upns, a.next.firstBatch
		// a is garbage from here: nothing keeps it.
	}
	return nil
}

// areaSeed is area i's seed: the seed's streams, mixed with the area
// (SplitMix64's finaliser), so no two areas draw alike.
func areaSeed(seed uint64, i int) uint64 {
	z := seed + uint64(i)*0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// areaName prefixes a team's name with its area's, when the size is made
// in areas (team names are unique across the authority).
func (w *world) areaName(name string) string {
	if w.cfg.area == 0 {
		return name
	}
	return fmt.Sprintf("Area %d %s", w.cfg.area, name)
}
