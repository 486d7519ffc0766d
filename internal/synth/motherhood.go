package synth

import (
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// Motherhood (SSDA903 Header MOTHER and MC_DOB), which the DfE wants for
// every girl looked after. On 31 March 2024, 200 of England's looked-after
// girls aged 12 and over were mothers, of 18,590 (1.1%; 200 of 18,240 in
// 2023, 210 of 18,140 in 2022: DfE, children looked after in England
// including adoption, national table "Motherhood status", whose total is
// taken to be the girls aged 12 and over). The generator gives each girl
// who is ever looked after a first child with a chance set (and measured
// by TestLookedAfterMothersFollowEngland) so that about that share of the
// girls aged 12 and over looked after on a 31 March are mothers: the
// first child is born at 14 to 18, a birth by the as-at date recorded
// with its date (MOTHER 1), every other girl looked after recorded as not
// a mother (MOTHER 0), as a worker saving the motherhood form would.
const (
	// EnglandLookedAfterMothers is England's share of looked-after girls
	// aged 12 and over who were mothers on 31 March 2024 (200 of 18,590).
	EnglandLookedAfterMothers = 200.0 / 18590
	firstChildChance          = 0.045 // of girls ever looked after: tuned to EnglandLookedAfterMothers
	firstChildFromAge         = 14
	firstChildToAge           = 18
)

// motherhood records the motherhood of every girl with a period of care.
func (w *world) motherhood() {
	for _, hh := range w.households {
		for _, k := range hh.kids {
			if k.known && k.rec.Sex == "F" && k.rec.DateOfBirth != nil && len(k.recs.CareEpisodes) > 0 {
				w.recordMotherhood(k)
			}
		}
	}
}

// recordMotherhood draws whether the girl has had a first child by the
// as-at date and records it, if the rules allow it.
func (w *world) recordMotherhood(k *kid) {
	r := newRNG(w.cfg.Seed, "motherhood", int(k.rec.ID))
	m := casework.Motherhood{Mother: "0"}
	if r.chance(firstChildChance) {
		from := casework.BirthdayOn(*k.rec.DateOfBirth, firstChildFromAge)
		to := casework.BirthdayOn(*k.rec.DateOfBirth, firstChildToAge)
		// The birth is on the record only if the service knew the girl on
		// or after it: a girl whose case closed at ten is not asked at
		// fourteen, and stays recorded as she was when last known.
		if born := r.dateIn(from, days(to, -1)); !born.After(w.asAt) && knownOnOrAfter(k.recs, born) {
			m = casework.Motherhood{Mother: "1", FirstChildBorn: &born}
		}
	}
	if k.rec.CheckMotherhood(m, w.asAt) != nil {
		return
	}
	k.rec.Motherhood = m
	k.recs.Children[0].Motherhood = m
}

// knownOnOrAfter reports whether the child's records show the service
// working with her on day d or later: a period of care, a referral's
// episode, or leaving-care services running then.
func knownOnOrAfter(recs *store.SyntheticBatch, d time.Time) bool {
	until := func(end *time.Time) bool { return end == nil || !end.Before(d) }
	for _, e := range recs.CareEpisodes {
		if until(e.EndDate) {
			return true
		}
	}
	for _, r := range recs.Referrals {
		if !r.Date.Before(d) || until(r.ClosureDate) {
			return true
		}
	}
	for _, l := range recs.Leavers {
		if until(l.ServicesEnded) {
			return true
		}
	}
	return false
}
