package ssda903

import (
	"strings"
	"time"
)

// Rules linking missing periods and previous permanence to the episodes:
// a child goes missing from care, while looked after; a period of care
// started in the year says what permanence came before it.
var linkRules = []Rule{
	{Code: "575", Message: "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
		check: missingAgainst(func(start time.Time, mis *Row, eps []*Row) bool {
			if mis.Get("MIS_END") != "" {
				return false
			}
			for _, ep := range eps {
				from, ok := dateIn(ep, "DECOM")
				to, ended := dateIn(ep, "DEC")
				if ok && ended && !start.Before(from) && !start.After(to) {
					return true
				}
			}
			return false
		})},
	{Code: "581", Message: "Child is missing but has not yet started to be looked after.",
		check: missingAgainst(func(start time.Time, _ *Row, eps []*Row) bool {
			for _, ep := range eps {
				from, ok := dateIn(ep, "DECOM")
				to, ended := dateIn(ep, "DEC")
				// An episode without a valid end is open.
				if ok && !start.Before(from) && (!ended || !start.After(to)) {
					return false
				}
			}
			return len(eps) > 0
		})},
	{Code: "578", Message: "The date that the child started to be missing is after the child ceased to be looked after.",
		check: func(x *Context, r *Return) []Hit {
			return missingAgainst(func(start time.Time, _ *Row, eps []*Row) bool {
				var valid []*Row
				for _, ep := range eps {
					if _, ok := dateIn(ep, "DECOM"); ok {
						valid = append(valid, ep)
					}
				}
				for _, period := range runs(valid, x.Year) {
					from, _ := dateIn(period[0], "DECOM")
					last := period[len(period)-1]
					to, ended := dateIn(last, "DEC")
					if !start.Before(from) && (!ended || !start.After(to)) {
						return false
					}
				}
				return len(valid) > 0
			})(x, r)
		}},
	{Code: "580", Message: "Child is missing when cease being looked after but reason episode ceased not 'E8'.",
		check: func(x *Context, r *Return) []Hit {
			// The days a child came back from missing on the 18th birthday.
			backAt18 := map[string]map[string]bool{}
			for _, row := range r.Files[Missing] {
				dob, ok := dateIn(row, "DOB")
				end, ok2 := dateIn(row, "MIS_END")
				if ok && ok2 && end.Equal(dob.AddDate(18, 0, 0)) {
					if backAt18[row.Get("CHILD")] == nil {
						backAt18[row.Get("CHILD")] = map[string]bool{}
					}
					backAt18[row.Get("CHILD")][row.Get("MIS_END")] = true
				}
			}
			return eachRow(Episodes, "REC", func(_ *Context, row *Row) bool {
				return backAt18[row.Get("CHILD")][row.Get("DEC")] && row.Get("DEC") != "" && row.Get("REC") != "E8"
			})(x, r)
		}},
	{Code: "630", Message: "Information on previous permanence option should be returned.", check: func(x *Context, r *Return) []Hit {
		perms := byChild(r, PrevPerm, "DATE_PERM")
		return eachRow(Episodes, "RNE", func(x *Context, row *Row) bool {
			d, ok := dateIn(row, "DECOM")
			if !ok || row.Get("RNE") != "S" || d.Before(x.Year.Start()) {
				return false
			}
			rows := perms[row.Get("CHILD")]
			for _, p := range rows {
				if p.Get("PREV_PERM") == "" || (p.Get("PREV_PERM") != "Z1" && (p.Get("LA_PERM") == "" || p.Get("DATE_PERM") == "")) {
					return true
				}
			}
			return len(rows) == 0
		})(x, r)
	}},
	{Code: "632", Message: "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
		check: func(x *Context, r *Return) []Hit {
			eps := byChild(r, Episodes, "DECOM")
			return eachRow(PrevPerm, "DATE_PERM", func(_ *Context, row *Row) bool {
				rows := eps[row.Get("CHILD")]
				if len(rows) == 0 {
					return false
				}
				first, ok := dateIn(rows[0], "DECOM")
				if !ok || row.Get("DATE_PERM") == "" {
					return false
				}
				d, valid := permDate(row.Get("DATE_PERM"))
				return !valid || !d.Before(first)
			})(x, r)
		}},
	{Code: "634", Message: "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
		check: func(x *Context, r *Return) []Hit {
			eps := byChild(r, Episodes, "DECOM")
			return eachRow(PrevPerm, "PREV_PERM", func(x *Context, row *Row) bool {
				rows := eps[row.Get("CHILD")]
				if len(rows) == 0 || (row.Get("PREV_PERM") == "" && row.Get("LA_PERM") == "" && row.Get("DATE_PERM") == "") {
					return false
				}
				last, ok := dateIn(rows[len(rows)-1], "DECOM")
				return ok && last.Before(x.Year.Start())
			})(x, r)
		}},
}

// missingAgainst: a Missing row with a valid MIS_START breaks the rule
// when bad says so given the child's episodes (in DECOM order).
func missingAgainst(bad func(start time.Time, mis *Row, eps []*Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		eps := byChild(r, Episodes, "DECOM")
		return eachRow(Missing, "MIS_START", func(_ *Context, row *Row) bool {
			start, ok := dateIn(row, "MIS_START")
			return ok && bad(start, row, eps[row.Get("CHILD")])
		})(x, r)
	}
}

// permDate reads DATE_PERM, where ZZ may stand for an unknown day or
// month and ZZZZ for an unknown year (read as 2000), as the latest day it
// can be: ZZ/05/2020 is 31 May 2020, ZZ/ZZ/2020 is 31 December 2020.
func permDate(s string) (time.Time, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	months, days := 0, 0
	if parts[0] == "ZZ" {
		parts[0], months, days = "01", 1, -1
	}
	if parts[1] == "ZZ" {
		parts[1], months, days = "01", 12, -1
	}
	if parts[2] == "ZZZZ" {
		parts[2] = "2000"
	}
	d, err := time.Parse("2/1/2006", strings.Join(parts, "/"))
	if err != nil || len(parts[2]) != 4 {
		return time.Time{}, false
	}
	return d.AddDate(0, months, days), true
}
