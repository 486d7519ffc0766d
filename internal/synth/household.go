package synth

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// household is a family: its children (known to the service or not yet),
// its home, its parents and the episodes in which the service met it.
// Siblings share the home, the episodes and the dates within them.
type household struct {
	idx       int
	r         rng
	ethnicity string // census code most of its children share
	surname   string
	kids      []*kid // by date of birth, eldest first
	homes     []home
	mother    string
	father    string
	episodes  []*episode
	team      int  // which team of a kind holds the family's work
	uasc      bool // a young person arrived alone: no parents, no home before care (uasc.go)
}

// home is where the family lived from a date.
type home struct {
	line1, town, postcode string
	from                  time.Time
}

// kid is one child of a household. Only children who come to the
// service's notice (known) become records.
type kid struct {
	hh       *household
	dob      time.Time  // birth (after the referral, for a child referred unborn)
	expected *time.Time // expected date of birth, for a child referred unborn
	sex      string
	first    string
	disabled []string
	known    bool
	rec      casework.Child
	recs     *store.SyntheticBatch // the child's own records (apart, so the rest can go once made)
	eps      []*kidEpisode
	plans    int            // CP plans so far in the records
	care     *careCandidate // the period of care planned for the child, or nil
}

// kidEpisode is one child's part in an episode: the ids of the records
// made for it, for allocation and case notes.
type kidEpisode struct {
	ep           *episode
	involvement  int64 // 0 when the contact was not referred
	contact      int64
	referral     int64
	invIndex     int // into recs.Involvements
	firstVisit   int // recs.Visits made for the episode: [firstVisit, endVisit)
	endVisit     int
	assessment   int // into recs.Assessments, -1 when none
	contactIndex int // into recs.Contacts
}

// eighteenth returns the day before the child's 18th birthday: the last day
// the service may work with the child as a child.
func (k *kid) eighteenth() time.Time {
	return days(calendar.AddMonths(k.dob, 18*12), -1)
}

// ageOn returns the child's age in whole years on d (negative before birth).
func (k *kid) ageOn(d time.Time) int {
	if d.Before(k.dob) {
		return -1
	}
	c := casework.Child{DateOfBirth: &k.dob}
	a, _ := c.AgeOn(d)
	return a
}

// livedAt reports whether postcode is that of one of the family's homes.
func (k *kid) livedAt(postcode string) bool {
	if k.hh == nil {
		return false
	}
	for _, h := range k.hh.homes {
		if h.postcode == postcode {
			return true
		}
	}
	return false
}

// newHousehold makes a family whose first child to be referred is of an
// age drawn from England's children in need, on day first.
func (w *world) newHousehold(first time.Time) *household {
	idx := len(w.households)
	r := newRNG(w.cfg.Seed, "household", idx)
	hh := &household{idx: idx, r: r, team: r.IntN(64)}
	hh.ethnicity = r.pick(ethnicCodes[r.pick(w.ethnicity)])
	hh.surname = r.surname(hh.ethnicity)
	hh.mother = joinName(r.adultName(hh.ethnicity, true))
	if r.chance(0.6) {
		hh.father = joinName(r.adultName(hh.ethnicity, false))
	}
	w.addKids(hh, first)
	w.addHomes(hh, first)
	w.households = append(w.households, hh)
	return hh
}

func joinName(first, last string) string { return first + " " + last }

// siblingCounts is how many children a family has: an assumption.
var siblingCounts = Weights{{"1", 0.4}, {"2", 0.28}, {"3", 0.18}, {"4", 0.09}, {"5", 0.05}}

// addKids gives the household its children: the index child first, of an
// age drawn from the age split of children in need, then siblings one to
// six years apart, some born later.
func (w *world) addKids(hh *household, first time.Time) {
	r := hh.r
	index := w.birthFor(r, first)
	n := r.index(siblingCounts) + 1
	births := []time.Time{index}
	for len(births) < n {
		gap := r.between(380, 6*365)
		if r.chance(0.5) {
			gap = -gap
		}
		b := days(births[r.IntN(len(births))], gap)
		if b.Year() > 1985 && b.Before(days(w.asAt, 365)) {
			births = append(births, b)
		}
	}
	for i, b := range births {
		k := &kid{hh: hh, dob: b, sex: "M"}
		if r.chance(0.45) {
			k.sex = "F"
		}
		if i == 0 && b.After(first) {
			k.expected = ptr(days(b, r.between(-10, 10)))
		}
		k.first = r.firstName(hh.ethnicity, k.sex)
		if r.chance(0.12) {
			k.disabled = []string{one(r, []string{"LD", "AUT", "COMM", "BEH", "MOB", "HEAR", "VIS", "PC"})}
		}
		hh.kids = append(hh.kids, k)
	}
	sortKids(hh.kids)
}

// ageBands are the bands of the profile's age split of children in need,
// as the youngest and oldest age in days at the referral.
var ageBands = map[string][2]int{
	"unborn": {-70, -20}, "under_1": {0, 364}, "1_4": {365, 5*365 - 1},
	"5_9": {5 * 365, 10*365 - 1}, "10_15": {10 * 365, 16*365 - 1}, "16_plus": {16 * 365, 18*365 - 30},
}

// birthFor draws the index child's date of birth for a referral on day d.
func (w *world) birthFor(r rng, d time.Time) time.Time {
	band := ageBands[r.pick(w.national.Children.Age)]
	return days(d, -r.between(band[0], band[1]))
}

// sortKids orders children eldest first (insertion sort: a few at most).
func sortKids(ks []*kid) {
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j].dob.Before(ks[j-1].dob); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

// addHomes gives the family the home it lived in when first known, and a
// move for some.
func (w *world) addHomes(hh *household, first time.Time) {
	r := hh.r
	from := days(first, -r.between(60, 8*365))
	l1, town, pc := r.address()
	hh.homes = []home{{l1, town, pc, from}}
	if r.chance(0.3) {
		l1, town, pc = r.address()
		hh.homes = append(hh.homes, home{l1, town, pc, days(first, r.between(30, 4*365))})
	}
}

// eligible reports whether child k can be part of an episode on day d:
// born (or, for the first, expected), under 18, and (with others) under 15,
// so that a family's episode never outlasts a child's 18th birthday.
func (k *kid) eligible(d time.Time, group bool) bool {
	if k.expected != nil && k.dob.After(d) {
		return !group && !d.Before(days(k.dob, -80))
	}
	age := k.ageOn(d)
	if age < 0 {
		return false
	}
	if group {
		return age < 15
	}
	return d.Before(k.eighteenth())
}

// involve chooses which of the household's children an episode on day d
// is about: all the eligible younger ones together, or one child.
func (hh *household) involve(d time.Time, firstChild bool) []*kid {
	r := hh.r
	if firstChild {
		for _, k := range hh.kids {
			if k.expected != nil {
				return []*kid{k}
			}
		}
	}
	var group []*kid
	for _, k := range hh.kids {
		if k.eligible(d, true) {
			group = append(group, k)
		}
	}
	if len(group) > 1 && r.chance(0.7) {
		return group
	}
	var single []*kid
	for _, k := range hh.kids {
		if k.eligible(d, false) {
			single = append(single, k)
		}
	}
	if len(single) == 0 {
		return nil
	}
	return []*kid{one(r, single)}
}
