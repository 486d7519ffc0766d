package synth

import (
	"fmt"
	"time"
)

// Previous permanence. Of the 33,050 children who started to be looked
// after in England in the year to 31 March 2024, 170 had left care (or
// never been in it) under an adoption, 320 under a special guardianship
// order and 110 under a residence or child arrangements order; 25,870 had
// no previous permanence option and 6,590 were not known (DfE, "Children
// looked after in England including adoptions", 2024, national table of
// children starting to be looked after by previous permanence
// arrangement; Open Government Licence v3.0). Every other period of care
// records Z1 (none, or not known). The order was made by this authority
// (its fictional DfE number, as in its UPNs) some years before, with the
// day not known one time in five.
var previousPermanenceStarts = []struct {
	code string
	per  float64 // of the starts of care
}{{"P1", 170.0 / 33050}, {"P2", 320.0 / 33050}, {"P3", 110.0 / 33050}}

// previousPermanence draws the previous permanence of a period of care
// the child k begins on start: PREV_PERM, LA_PERM and DATE_PERM.
func previousPermanence(seed uint64, k *kid, start time.Time) (perm, la, date string) {
	r := newRNG(seed, "prevperm", int(k.rec.ID)<<5^start.YearDay())
	x := r.Float64()
	for _, p := range previousPermanenceStarts {
		if x >= p.per {
			x -= p.per
			continue
		}
		// The order came at least a year after birth and a year before
		// this period of care began.
		from, to := k.dob.AddDate(1, 0, 0), start.AddDate(-1, 0, 0)
		if !from.Before(to) || from.Year() < 1980 {
			return "Z1", "", ""
		}
		d := r.dateIn(from, to)
		day := fmt.Sprintf("%02d", d.Day())
		if r.chance(0.2) {
			day = "ZZ"
		}
		return p.code, laNumber, fmt.Sprintf("%04d-%02d-%s", d.Year(), d.Month(), day)
	}
	return "Z1", "", ""
}
