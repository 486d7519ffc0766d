package ssda903

import "time"

// Rules on short breaks (respite): legal status V3, a series of short
// breaks each recorded as an episode, and V4, a series recorded as one
// agreement.
var respiteRules = []Rule{
	{Code: "365", Message: "Any individual short- term respite placement must not exceed 17 days.", check: episodeLonger("LS", "V3", 17)},
	{Code: "366", Message: "A child cannot change placement during the course of an individual short-term respite break.",
		check: eachRow(Episodes, "RNE", func(_ *Context, ep *Row) bool { return ep.Get("LS") == "V3" && ep.Get("RNE") != "S" })},
	{Code: "367", Message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
		check: func(x *Context, r *Return) []Hit {
			var hits []Hit
			for _, eps := range byChild(r, Episodes, "DECOM") {
				var breaks []*Row
				total := 0
				for _, ep := range eps {
					if days := respiteDays(x.Year, ep); days > 0 {
						breaks, total = append(breaks, ep), total+days
					}
				}
				if total > 75 {
					for _, ep := range breaks {
						hits = append(hits, Hit{File: Episodes, Row: ep, Field: "LS"})
					}
				}
			}
			return hits
		}},
	{Code: "384", Message: "A child receiving respite care cannot be in a long-term foster placement ",
		check: eachRow(Episodes, "PLACE", func(_ *Context, ep *Row) bool {
			return in([]string{"V3", "V4"}, ep.Get("LS")) && in([]string{"U1", "U4"}, ep.Get("PLACE"))
		})},
	{Code: "426", Message: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
		check: func(x *Context, r *Return) []Hit {
			v3, v4 := map[string]bool{}, map[string]bool{}
			for _, ep := range r.Files[Episodes] {
				v3[ep.Get("CHILD")] = v3[ep.Get("CHILD")] || ep.Get("LS") == "V3"
				v4[ep.Get("CHILD")] = v4[ep.Get("CHILD")] || ep.Get("LS") == "V4"
			}
			return eachRow(Episodes, "LS", func(_ *Context, ep *Row) bool {
				return in([]string{"V3", "V4"}, ep.Get("LS")) && v3[ep.Get("CHILD")] && v4[ep.Get("CHILD")]
			})(x, r)
		}},
}

// respiteDays are the days of a V3 episode within the year (an open one
// to 31 March), 0 for another episode or one whose dates are bad.
func respiteDays(y Year, ep *Row) int {
	start, ok := dateIn(ep, "DECOM")
	if ep.Get("LS") != "V3" || !ok {
		return 0
	}
	end, ok := dateIn(ep, "DEC")
	switch {
	case ep.Get("DEC") == "" || (ok && end.After(y.End())):
		end = y.End()
	case !ok:
		return 0
	}
	start = latestOf(start, y.Start())
	return int(end.Sub(start).Hours() / 24)
}

func latestOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
