package ssda903

import "testing"

// onShortBreaks adds child C3 on an agreed series of short breaks, each
// recorded as an episode (V3): five breaks in the year, the first four of
// the 17 days a break may last and the last of 7, so 75 days, the most a
// year may hold. A short break has no placement location (rules 214 and
// 398) and, each starting a period of care, a previous permanence row (630).
func onShortBreaks(r, _ *Return) {
	r.Add(Header, 3, "C3", "M", "01/01/2015", "WBRI", "C123456789012", "", "")
	for _, b := range [][2]string{{"05/05/2025", "22/05/2025"}, {"02/06/2025", "19/06/2025"}, {"07/07/2025", "24/07/2025"},
		{"04/08/2025", "21/08/2025"}, {"01/09/2025", "08/09/2025"}} {
		r.Add(Episodes, 3, "C3", b[0], "S", "V3", "N1", "U6", "PR1", b[1], "E4A", "", "", "", "")
	}
	r.Add(PrevPerm, 3, "C3", "01/01/2015", "Z1", "", "")
}

// breakEpisode is C3's i-th break.
func breakEpisode(r *Return, i int) *Row { return row(r, Episodes, 2+i) }

var respiteCases = map[string]struct{ passes, fails func(r, last *Return) }{
	"365": {
		passes: onShortBreaks,
		fails:  then(onShortBreaks, func(r, _ *Return) { assign(breakEpisode(r, 0), "DEC", "23/05/2025") }),
	},
	"366": {
		passes: onShortBreaks,
		fails:  then(onShortBreaks, func(r, _ *Return) { assign(breakEpisode(r, 1), "RNE", "P") }),
	},
	"367": {
		passes: onShortBreaks,
		fails:  then(onShortBreaks, func(r, _ *Return) { assign(breakEpisode(r, 4), "DEC", "09/09/2025") }),
	},
	"384": {
		passes: onShortBreaks,
		fails:  then(onShortBreaks, func(r, _ *Return) { assign(breakEpisode(r, 2), "PLACE", "U4") }),
	},
	"426": {
		passes: onShortBreaks,
		fails:  then(onShortBreaks, func(r, _ *Return) { assign(breakEpisode(r, 4), "LS", "V4") }),
	},
}

func init() { addCases(respiteCases) }

// TestRespiteRules checks each rule on short breaks.
func TestRespiteRules(t *testing.T) { checkCases(t, respiteCases) }

// TestShortBreaksPassEveryRule: a year of short breaks up to the limits is
// a good return.
func TestShortBreaksPassEveryRule(t *testing.T) {
	r, last := goodReturn(), goodPrevious()
	onShortBreaks(r, last)
	for _, f := range Validate(r, &Context{Year: 2026, Previous: last}) {
		t.Errorf("%s %s %s %s: %s", f.Code, f.Child, f.File, f.Field, f.Message)
	}
}

// TestRespiteCountsOnlyTheYear: a break begun before 1 April counts from
// it, and one still open runs to 31 March.
func TestRespiteCountsOnlyTheYear(t *testing.T) {
	for _, c := range []struct {
		decom, dec string
		days       int
	}{{"25/03/2025", "05/04/2025", 4}, {"20/03/2026", "", 11}, {"20/03/2026", "10/04/2026", 11}, {"01/05/2025", "bad", 0}} {
		ep := NewRow(Episodes, 0)
		set(ep, "LS", "V3", "DECOM", c.decom, "DEC", c.dec)
		if got := respiteDays(2026, ep); got != c.days {
			t.Errorf("%s to %q: %d days, want %d", c.decom, c.dec, got, c.days)
		}
	}
}
