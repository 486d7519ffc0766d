package ssda903

import (
	"slices"
	"strings"
	"time"
)

// Rules on who may have care leaver information (OC3): not a young person
// who died in care, moved to another authority's care, was adopted, was
// never looked after long enough, or was still looked after on the 17th or
// 18th birthday the row is about; and on the other files of a child with
// no episode in the year.
var leaverRules = []Rule{
	{Code: "347", Message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
		check: eachRow(OC3, "ACCOM", func(x *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			// T1 and T2 are a foyer (suitable or not).
			return ok && strings.HasPrefix(row.Get("ACCOM"), "T") && ageOn(dob, x.Year.Start()) < 18
		})},
	{Code: "348", Message: "Care leaver has previously been reported as having died.",
		check: func(x *Context, r *Return) []Hit {
			died := map[string]bool{}
			if x.Previous != nil {
				for _, row := range x.Previous.Files[OC3] {
					if row.Get("IN_TOUCH") == "DIED" {
						died[row.Get("CHILD")] = true
					}
				}
			}
			return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
				return died[row.Get("CHILD")] && row.Get("IN_TOUCH") != "DIED"
			})(x, r)
		}},
	{Code: "1000", Message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
		check: func(x *Context, r *Return) []Hit {
			died := endedWith(r, "E2")
			if x.Previous != nil {
				for child := range endedWith(x.Previous, "E2") {
					died[child] = true
				}
			}
			return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool { return died[row.Get("CHILD")] })(x, r)
		}},
	{Code: "1001", Message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
		check: notRelevant},
	{Code: "1002", Message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
		check: func(x *Context, r *Return) []Hit {
			if x.Previous == nil {
				return nil
			}
			now, before := children(r, Episodes), children(x.Previous, Episodes)
			return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
				return !now[row.Get("CHILD")] && !before[row.Get("CHILD")]
			})(x, r)
		}},
	{Code: "1007", Message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
		check: leaverAt17or18(func(b time.Time, ep *Row) bool {
			start, ok := dateIn(ep, "DECOM")
			end, ended := dateIn(ep, "DEC")
			// An episode left open runs past 31 March, so past the birthday.
			return ok && !start.After(b) && (ep.Get("DEC") == "" || (ended && end.After(b)))
		})},
	{Code: "1016", Message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
		check: leaverAt17or18(func(b time.Time, ep *Row) bool {
			end, ok := dateIn(ep, "DEC")
			return ok && end.After(b)
		})},
	{Code: "1011", Message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
		check: func(x *Context, r *Return) []Hit {
			eps := byChild(r, Episodes, "DECOM")
			return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
				rows := eps[row.Get("CHILD")]
				return len(rows) > 0 && rows[len(rows)-1].Get("REC") == "E3" && hasLeaverInfo(row)
			})(x, r)
		}},
	{Code: "1012", Message: "No other data should be returned for OC3 children who had no episodes in the current year",
		check: func(x *Context, r *Return) []Hit {
			eps := children(r, Episodes)
			var hits []Hit
			for _, file := range []string{PlacedAdoption, Missing, Reviews, AD1, PrevPerm, OC2} {
				hits = append(hits, eachRow(file, "CHILD", func(_ *Context, row *Row) bool { return !eps[row.Get("CHILD")] })(x, r)...)
			}
			return hits
		}},
}

// hasLeaverInfo: an OC3 row says something about the young person.
func hasLeaverInfo(row *Row) bool {
	return row.Get("IN_TOUCH") != "" || row.Get("ACTIV") != "" || row.Get("ACCOM") != ""
}

// endedWith are the children with an episode ended with reason rec.
func endedWith(r *Return, rec string) map[string]bool {
	out := map[string]bool{}
	for _, row := range r.Files[Episodes] {
		if row.Get("REC") == rec {
			out[row.Get("CHILD")] = true
		}
	}
	return out
}

// leaverAt17or18: an OC3 row with information about a young person aged
// 17 or 18 on 31 March (who turned 17 or 18 in the year) breaks the rule
// when bad says one of the child's episodes of the year does, given that
// birthday.
func leaverAt17or18(bad func(birthday time.Time, ep *Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		eps := byChild(r, Episodes, "DECOM")
		return eachRow(OC3, "IN_TOUCH", func(_ *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			if !ok || !hasLeaverInfo(row) {
				return false
			}
			age := ageOn(dob, x.Year.End())
			if age != 17 && age != 18 {
				return false
			}
			birthday := dob.AddDate(age, 0, 0)
			for _, ep := range eps[row.Get("CHILD")] {
				if bad(birthday, ep) {
					return true
				}
			}
			return false
		})(x, r)
	}
}

// notRelevant is rule 1001 as the DfE's validator applies it, given last
// year's return: a young person whose episodes of both years (but V3 and
// V4 short breaks) hold fewer than 91 days after the 14th birthday or
// none after the 16th, or whose latest episode ended in adoption, was not
// a relevant or former relevant child. Those 20 or over on 31 March are
// not checked: two years of episodes cannot show their time in care.
func notRelevant(x *Context, r *Return) []Hit {
	if x.Previous == nil || len(r.Files[Episodes]) == 0 || len(r.Files[Header]) == 0 || len(x.Previous.Files[Episodes]) == 0 {
		return nil
	}
	eps := episodesOfBothYears(r, x.Previous)
	born := dobs(r)
	return eachRow(OC3, "IN_TOUCH", func(x *Context, row *Row) bool {
		rows := eps[row.Get("CHILD")]
		if len(rows) > 0 && adopted(rows[len(rows)-1]) {
			return true
		}
		dob, ok := born[row.Get("CHILD")]
		if !ok || ageOn(dob, x.Year.End()) >= 20 {
			return false
		}
		return daysInCareFrom(rows, dob.AddDate(14, 0, 0), x.Year) < 91 || daysInCareFrom(rows, dob.AddDate(16, 0, 0), x.Year) < 1
	})(x, r)
}

// episodesOfBothYears are each child's episodes of this year's and last
// year's returns in DECOM order, an episode in both once (with its end
// when one of them has it); episodes without a valid DECOM are left out.
func episodesOfBothYears(r, last *Return) map[string][]*Row {
	out := map[string][]*Row{}
	for _, ret := range []*Return{last, r} {
		for child, rows := range byChild(ret, Episodes, "DECOM") {
			for _, row := range rows {
				if _, ok := dateIn(row, "DECOM"); ok {
					out[child] = append(out[child], row)
				}
			}
		}
	}
	for child, rows := range out {
		out[child] = onePerStart(sortedBy(rows, "DECOM"))
	}
	return out
}

// sortedBy orders rows (all with a valid date in field) by that date.
func sortedBy(rows []*Row, field string) []*Row {
	slices.SortStableFunc(rows, func(a, b *Row) int {
		da, _ := dateIn(a, field)
		db, _ := dateIn(b, field)
		return da.Compare(db)
	})
	return rows
}

// onePerStart keeps one of the episodes starting the same day: the one
// with the earliest valid end, else the first.
func onePerStart(rows []*Row) []*Row {
	var out []*Row
	for _, row := range rows {
		n := len(out)
		if n == 0 || out[n-1].Get("DECOM") != row.Get("DECOM") {
			out = append(out, row)
			continue
		}
		kept, okKept := dateIn(out[n-1], "DEC")
		end, ok := dateIn(row, "DEC")
		if ok && (!okKept || end.Before(kept)) {
			out[n-1] = row
		}
	}
	return out
}

// daysInCareFrom counts the days of the episodes (in DECOM order) from
// day on, leaving out V3 and V4 short breaks; the latest episode, when
// open, runs to 31 March; another without a valid end counts nothing.
func daysInCareFrom(rows []*Row, day time.Time, y Year) int {
	days := 0
	for i, row := range rows {
		if in([]string{"V3", "V4"}, row.Get("LS")) {
			continue
		}
		start, _ := dateIn(row, "DECOM")
		end, ok := dateIn(row, "DEC")
		if !ok && i == len(rows)-1 && row.Get("DEC") == "" {
			end, ok = y.End(), true
		}
		if !ok {
			continue
		}
		if start.Before(day) {
			start = day
		}
		if end.After(start) {
			days += int(end.Sub(start).Hours() / 24)
		}
	}
	return days
}
