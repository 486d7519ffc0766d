package synth

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/store"
)

// Config says what authority to generate.
type Config struct {
	Scenario Scenario
	Size     Size
	Seed     uint64
	AsAt     time.Time     // the last day of history; nothing is dated after it
	IDs      store.NextIDs // the first free id of each table
	// Start, when set, is the first day of history instead of Size.Years
	// before the as-at date (the demo runs a scenario on to its own date).
	Start time.Time

	area       int // which area of a size made in areas (Stream); 0: the whole authority
	nhs, upns  int // identifiers handed out by earlier areas
	firstBatch int64
	placed     map[string]bool // postcodes whose directory entries earlier areas gave (directory.go)
}

// ErrMadeInAreas refuses to make a size in one go that is made area by area.
var ErrMadeInAreas = errors.New("made area by area: use Stream")

// earliestAsAt is the first as-at date allowed: ten years of history and
// eighteen years of births before it stay after 1980 (the earliest date of
// birth a child record accepts).
var earliestAsAt = calendar.Date(2010, time.January, 1)

// world is an authority being made: the families, the staff and the
// counters that hand out ids.
type world struct {
	cfg        Config
	sc         Scenario
	national   Profile
	ethnicity  Weights
	start      time.Time // the first day of history
	asAt       time.Time
	pop        int
	ids        store.NextIDs
	r          rng
	households []*household
	referrals  []int // child referrals planned, by month of history
	nhs, upns  int
	org        *org
	carePlans  []careCandidate // the periods of care planned (care_flow.go)
}

// Generate makes the authority cfg describes. It reads no clock and no
// map order: the same Config gives the same records.
func Generate(cfg Config) (*Authority, error) {
	if cfg.Size.Areas() > 1 && cfg.area == 0 {
		return nil, fmt.Errorf("synth: size %s: %w", cfg.Size.Name, ErrMadeInAreas)
	}
	cfg.AsAt = calendar.Civil(cfg.AsAt)
	if cfg.AsAt.Before(earliestAsAt) {
		return nil, fmt.Errorf("synth: the as-at date must be on or after %s", calendar.FormatDate(earliestAsAt))
	}
	w := &world{cfg: cfg, sc: cfg.Scenario, national: National(), asAt: cfg.AsAt, pop: cfg.Size.Population,
		ids: cfg.IDs, r: newRNG(cfg.Seed, "demand", 0), nhs: cfg.nhs, upns: cfg.upns}
	w.start = calendar.AddMonths(w.asAt, -12*cfg.Size.Years).AddDate(0, 0, 1)
	if !cfg.Start.IsZero() {
		w.start = calendar.Civil(cfg.Start)
		if !w.start.Before(w.asAt) || w.start.Before(earliestAsAt.AddDate(-10, 0, 0)) {
			return nil, fmt.Errorf("synth: history must start before the as-at date %s and after 1999: %s",
				calendar.FormatDate(w.asAt), calendar.FormatDate(w.start))
		}
	}
	w.ethnicity = w.sc.Ethnicity
	if w.ethnicity == nil {
		w.ethnicity = w.national.Children.Ethnicity
	}
	w.demand()
	w.drift()
	w.arrivals() // uasc.go: young people arriving alone, apart from the families
	w.materialise()
	w.planCare() // care.go: who comes into care, before the teams are sized
	w.staff()
	w.allocate()
	w.unallocate()
	w.overload()
	w.writeAllocations()
	w.writeNotes()
	w.care()    // care.go, care_alloc.go
	w.missing() // missing.go
	w.court()   // court.go
	w.leavers() // leaver.go
	w.motherhood()
	w.outcomes()               // outcomes.go: SDQs, convictions, immunisations, substance misuse
	providers := w.providers() // providers.go: the register, from every placement made (before the ids are handed on)
	a := w.authority()
	a.providers = providers
	placed := cfg.placed
	if placed == nil {
		placed = map[string]bool{}
	}
	a.directory(placed)
	a.next.placed = placed
	return a, nil
}

// next hands out the next id of a table.
func next(p *int64) int64 {
	id := *p
	*p++
	return id
}

// demand makes the families month by month: each month new families are
// referred until the month's referrals (the period's rate per 10,000
// children, counting the repeat referrals planned in earlier months) are
// reached, and contacts that are not referred are added to reach the
// period's contacts per referral.
func (w *world) demand() {
	var owed, owedContacts float64
	for m, from := 0, w.start; !from.After(w.asAt); m, from = m+1, calendar.AddMonths(w.start, m+1) {
		to := earliest(days(calendar.AddMonths(w.start, m+1), -1), w.asAt)
		p := w.sc.At(from)
		share := (float64(to.Sub(from).Hours()/24) + 1) / 30.44
		target := p.ReferralsPer10k / 12 * float64(w.pop) / 10000 * share
		owed += target
		w.grow(m)
		for try := 0; owed-float64(w.referrals[m]) > 0.5 && try < maxTries; try++ {
			d := w.r.dateIn(from, to)
			hh := w.newHousehold(d)
			w.live(hh, d)
		}
		owed -= float64(w.referrals[m])
		owedContacts += target * (p.ContactsPerReferral - 1)
		for try := 0; owedContacts > 0.5 && try < maxTries; try++ {
			owedContacts -= float64(w.contactOnly(w.r.dateIn(from, to)))
		}
	}
	for _, hh := range w.households {
		slices.SortStableFunc(hh.episodes, func(a, b *episode) int { return a.start.Compare(b.start) })
	}
}

// maxTries bounds the families made in a month, should none of them ever be
// referred (every new family is, with children of an age to be).
const maxTries = 1 << 20

// grow makes room to count referrals in month m.
func (w *world) grow(m int) {
	for len(w.referrals) <= m {
		w.referrals = append(w.referrals, 0)
	}
}

// monthOf returns the month of history day d falls in.
func (w *world) monthOf(d time.Time) int {
	m := (d.Year()-w.start.Year())*12 + int(d.Month()) - int(w.start.Month())
	if d.Day() < w.start.Day() {
		m--
	}
	return m
}

// live plans a family's episodes from its first referral on day first:
// after each closure it may be referred again (the period's repeat rate),
// soon or years later, while it has children of an age to be.
func (w *world) live(hh *household, first time.Time) {
	r := hh.r
	d, firstChild := first, true
	for n := 0; n < 8 && !d.After(w.asAt); n++ {
		kids := hh.involve(d, firstChild)
		if len(kids) == 0 {
			return
		}
		firstChild = false
		e := w.newEpisode(hh, kids, d, true)
		hh.episodes = append(hh.episodes, e)
		m := w.monthOf(d)
		w.grow(m)
		w.referrals[m] += len(kids)
		if e.closed == nil || !r.chance(e.per.RepeatRate) {
			return
		}
		gap := r.between(365, 5*365)
		if r.chance(0.65) {
			gap = 7 + int(r.ExpFloat64()*100)
		}
		d = days(*e.closed, gap)
	}
}

// contactOnly adds a contact that is not referred on day d: about a child
// the service already knows (a third of them: an assumption), or about a
// new family. It returns the number of children it is about.
func (w *world) contactOnly(d time.Time) int {
	if len(w.households) > 0 && w.r.chance(0.35) {
		for try := 0; try < 3; try++ {
			hh := w.households[w.r.IntN(len(w.households))]
			if k := hh.knownBefore(d); k != nil {
				hh.episodes = append(hh.episodes, w.newEpisode(hh, []*kid{k}, d, false))
				return 1
			}
		}
	}
	hh := w.newHousehold(d)
	kids := hh.involve(d, false)
	if len(kids) > 2 {
		kids = kids[:2]
	}
	if len(kids) == 0 {
		w.households = w.households[:len(w.households)-1]
		return 0
	}
	hh.episodes = append(hh.episodes, w.newEpisode(hh, kids, d, false))
	return len(kids)
}

// knownBefore returns a child of the family the service met before day d
// who is still a child on d, or nil.
func (hh *household) knownBefore(d time.Time) *kid {
	for _, e := range hh.episodes {
		for _, k := range e.kids {
			if e.start.Before(d) && k.eligible(d, false) && !k.dob.After(e.start) {
				return k
			}
		}
	}
	return nil
}
