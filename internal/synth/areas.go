package synth

import (
	"fmt"
)

// Stream makes cfg's authority and hands it to each. A size made in areas
// (national) is made one area at a time, each an authority of its own
// (its teams named for the area) with its share of the population, its
// own random streams and ids following on from the area before. The next
// area is made while each writes the one before (making is one core's
// work, and so is writing to SQLite); an area is dropped once written, so
// memory holds two areas however big the size. Every other size is one
// call.
func Stream(cfg Config, each func(*Authority) error) error {
	n := cfg.Size.Areas()
	if n == 1 {
		a, err := Generate(cfg)
		if err != nil {
			return err
		}
		return each(a)
	}
	made, stop := makeAreas(cfg, n)
	defer stop()
	batch := cfg.firstBatch
	for m := range made {
		if m.err != nil {
			return m.err
		}
		// Batches are numbered on from the area before's last, known only
		// once that area has been cut into batches.
		m.a.firstSeq, m.a.next.firstBatch = batch, batch
		if err := each(m.a); err != nil {
			return err
		}
		batch = m.a.next.firstBatch
		// m.a is garbage from here: nothing keeps it.
	}
	return nil
}

// madeArea is an area made, or why it could not be.
type madeArea struct {
	a   *Authority
	err error
}

// makeAreas makes the n areas in turn in a goroutine of its own, handing
// each over on made as soon as the area before has been taken (so one
// waits while the other is used). stop ends it early and waits for it.
func makeAreas(cfg Config, n int) (made <-chan madeArea, stop func()) {
	out, done := make(chan madeArea), make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		for i := 1; i <= n; i++ {
			a, err := makeArea(cfg, n, i)
			if err == nil { // read before a is handed over: it is the taker's after
				cfg.IDs, cfg.nhs, cfg.upns, cfg.placed = a.next.IDs, a.next.nhs, a.next.upns, a.next.placed
			}
			select {
			case out <- madeArea{a, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out, func() {
		close(done)
		<-finished
	}
}

// makeArea makes area i of n, its ids following on from cfg's.
func makeArea(cfg Config, n, i int) (*Authority, error) {
	c := cfg
	c.area = i
	c.Seed = areaSeed(cfg.Seed, i)
	c.Size.Population = cfg.Size.Population / n
	if i <= cfg.Size.Population%n {
		c.Size.Population++
	}
	a, err := Generate(c)
	if err != nil {
		return nil, fmt.Errorf("synth: area %d of %d: %w", i, n, err)
	}
	a.Seed, a.Areas = cfg.Seed, n
	return a, nil
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
