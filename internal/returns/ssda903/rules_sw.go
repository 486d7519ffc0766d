package ssda903

import (
	"strings"
	"time"
)

// Rules on social worker episodes (SWEpisodes); SW02STG1 is with the
// other single-field rules (rules_other.go). Readings chosen where the
// DfE's validator and the rule's message part are noted at each rule.
var swRules = []Rule{
	{Code: "SW01aSTG1", Message: "For each social worker episode, information should be complete",
		check: swComplete(false)},
	{Code: "SW01bSTG1", Message: "For each social worker episode, information should be complete",
		check: swComplete(true)},
	{Code: "SW04STG1", Message: "Date social worker episode began is not a valid date..",
		check: eachRow(SWEpisodes, "SW_DECOM", func(_ *Context, row *Row) bool { return !swDateValid(row.Get("SW_DECOM")) })},
	// The DfE's message for SW05STG1 says "began"; the rule is on SW_DEC.
	{Code: "SW05STG1", Message: "Date social worker episode began is not a valid date.",
		check: eachRow(SWEpisodes, "SW_DEC", func(_ *Context, row *Row) bool {
			v := row.Get("SW_DEC")
			return v != "" && !swDateValid(v)
		})},
	{Code: "SW06STG2", Message: "Social worker episode data should be within the social worker data reporting year.",
		check: eachRow(SWEpisodes, "SW_DECOM", func(x *Context, row *Row) bool {
			d, ok := dateIn(row, "SW_DECOM")
			return ok && d.After(x.Year.End())
		})},
	// SW07STG2: the social worker reporting period starts a year before
	// the collection year (the validator's collection start less a year).
	{Code: "SW07STG2", Message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
		check: eachRow(SWEpisodes, "SW_DEC", func(x *Context, row *Row) bool {
			d, ok := dateIn(row, "SW_DEC")
			return ok && (d.Before(x.Year.Start().AddDate(-1, 0, 0)) || d.After(x.Year.End()))
		})},
	{Code: "SW08STG2", Message: "A new social worker episode has started, but the previous episode has not ended.",
		check: swEarlierOpen},
	// SW09STG2 compares the two dates as written, as the validator does.
	{Code: "SW09STG2", Message: "Social worker episode appears to have lasted for less than 24 hours.",
		check: eachRow(SWEpisodes, "SW_DEC", func(_ *Context, row *Row) bool {
			return row.Get("SW_DEC") != "" && row.Get("SW_DEC") == row.Get("SW_DECOM")
		})},
	{Code: "SW10STG2", Message: "A new social worker episode has started before the end date of the previous social worker episode.",
		check: swStartsNearLastEnd},
	{Code: "SW11bSTG2", Message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
		check: swEndedWithoutNext},
	{Code: "SW12STG2", Message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
		check: swCoversCare},
	{Code: "SW13STG1", Message: "The reason for social worker change is not valid.", check: swReasonValid},
	{Code: "SW17STG2", Message: "There is no social worker episode open at 31 March", check: swLatestOpen},
}

// swReasonsFrom is the day from which an episode needs a reason
// (SW01bSTG1): social worker episodes began to be collected in 2023 to
// 2024.
var swReasonsFrom = time.Date(2023, time.April, 1, 0, 0, 0, 0, time.UTC)

// swComplete: SW01aSTG1 (withReason false) wants a start date, and an ID
// for an episode begun before 1 April 2023; SW01bSTG1 wants a start date,
// and an ID and a reason for an episode begun on or after it. Like the
// validator, each row is checked on its own.
func swComplete(withReason bool) func(*Context, *Return) []Hit {
	return func(_ *Context, r *Return) []Hit {
		var hits []Hit
		for _, row := range r.Files[SWEpisodes] {
			d, ok := dateIn(row, "SW_DECOM")
			field := ""
			switch {
			case !ok:
				field = "SW_DECOM"
			case d.Before(swReasonsFrom) == withReason:
			case row.Get("SW_ID") == "":
				field = "SW_ID"
			case withReason && row.Get("SW_REASON") == "":
				field = "SW_REASON"
			}
			if field != "" {
				hits = append(hits, Hit{File: SWEpisodes, Row: row, Field: field})
			}
		}
		return hits
	}
}

// swDateValid: a dd/mm/yyyy date, where the validator lets a day or month
// of "ZZ" and a year of "ZZZZ" stand for one not known.
func swDateValid(s string) bool {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return false
	}
	if parts[0] == "ZZ" {
		parts[0] = "01"
	}
	if parts[1] == "ZZ" {
		parts[1] = "01"
	}
	if parts[2] == "ZZZZ" {
		parts[2] = "2000"
	}
	_, ok := parseDate(strings.Join(parts, "/"))
	return ok
}

// swEarlierOpen: SW08STG2, an episode with no (valid) end that is not the
// child's latest to start.
func swEarlierOpen(_ *Context, r *Return) []Hit {
	var hits []Hit
	for _, rows := range byChild(r, SWEpisodes, "SW_DECOM") {
		for _, row := range rows[:len(rows)-1] {
			_, started := dateIn(row, "SW_DECOM")
			if _, ended := dateIn(row, "SW_DEC"); started && !ended {
				hits = append(hits, Hit{File: SWEpisodes, Row: row, Field: "SW_DEC"})
			}
		}
	}
	return hits
}

// swStartsNearLastEnd: SW10STG2, an episode (other than a first contact or
// re-referral, FCONTA) that does not start within 7 days either side of
// the end of the episode before it; as in the validator, an episode before
// it with no end, or a start that is not a date, fails too.
func swStartsNearLastEnd(_ *Context, r *Return) []Hit {
	var hits []Hit
	for _, rows := range byChild(r, SWEpisodes, "SW_DECOM") {
		for i := 1; i < len(rows); i++ {
			if rows[i].Get("SW_REASON") == "FCONTA" {
				continue
			}
			start, ok := dateIn(rows[i], "SW_DECOM")
			end, ok2 := dateIn(rows[i-1], "SW_DEC")
			if !ok || !ok2 || start.Before(end.AddDate(0, 0, -7)) || start.After(end.AddDate(0, 0, 7)) {
				hits = append(hits, Hit{File: SWEpisodes, Row: rows[i], Field: "SW_DECOM"})
			}
		}
	}
	return hits
}

// swEndedWithoutNext: SW11bSTG2 read as its message says, an episode ended
// before 31 March with no episode of the child starting after it began.
// (The validator looks only at episodes ended in the last five days and
// reports every child with a single episode, open or not.)
func swEndedWithoutNext(x *Context, r *Return) []Hit {
	var hits []Hit
	for _, rows := range byChild(r, SWEpisodes, "SW_DECOM") {
		for i, row := range rows {
			end, ok := dateIn(row, "SW_DEC")
			if !ok || !end.Before(x.Year.End()) {
				continue
			}
			start, _ := dateIn(row, "SW_DECOM")
			next := false
			for _, later := range rows[i+1:] {
				if d, ok := dateIn(later, "SW_DECOM"); ok && d.After(start) {
					next = true
				}
			}
			if !next {
				hits = append(hits, Hit{File: SWEpisodes, Row: row, Field: "SW_DEC"})
			}
		}
	}
	return hits
}

// swLatestOpen: SW17STG2, the child's latest episode to start has an end.
func swLatestOpen(_ *Context, r *Return) []Hit {
	var hits []Hit
	for _, rows := range byChild(r, SWEpisodes, "SW_DECOM") {
		var latest *Row
		var at time.Time
		for _, row := range rows {
			if d, ok := dateIn(row, "SW_DECOM"); ok && (latest == nil || !d.Before(at)) {
				latest, at = row, d
			}
		}
		if latest != nil && latest.Get("SW_DEC") != "" {
			hits = append(hits, Hit{File: SWEpisodes, Row: latest, Field: "SW_DEC"})
		}
	}
	return hits
}

// swReasonValid: SW13STG1, a reason not in the code list, or none; only
// the child's first episode of the year may have none: the last begun
// before 1 April if it was still open on that day, else the first begun
// in the year.
func swReasonValid(x *Context, r *Return) []Hit {
	var hits []Hit
	for _, rows := range byChild(r, SWEpisodes, "SW_DECOM") {
		first := firstOfYear(rows, x.Year)
		for _, row := range rows {
			v := row.Get("SW_REASON")
			if (v == "" && row != first) || (v != "" && !in(swReasonCodes, v)) {
				hits = append(hits, Hit{File: SWEpisodes, Row: row, Field: "SW_REASON"})
			}
		}
	}
	return hits
}

// firstOfYear is the episode a child had on 1 April (the last begun
// before it, when still open that day), else their first begun in the
// year; rows are in start order.
func firstOfYear(rows []*Row, y Year) *Row {
	var before, during *Row
	for _, row := range rows {
		d, ok := dateIn(row, "SW_DECOM")
		switch {
		case !ok:
		case d.Before(y.Start()):
			before = row
		case during == nil:
			during = row
		}
	}
	if before != nil {
		// an end that is not a date counts as none, as in the validator
		if end, ok := dateIn(before, "SW_DEC"); !ok || !end.Before(y.Start()) {
			return before
		}
	}
	return during
}

// swCoversCare: SW12STG2, read as its message says: a child looked after
// on 31 March (an open episode not of V3/V4 short breaks) has a social
// worker episode open on 1 April when their care began before the year,
// on the day each period of care of the year began (RNE S) and on the day
// each ended (REC other than X1). The validator pairs each such episode
// with every social worker episode of the child, so that an episode
// begun before care, which the rule asks for, fails it; here one
// episode open on the day is enough.
func swCoversCare(x *Context, r *Return) []Hit {
	sw := byChild(r, SWEpisodes, "SW_DECOM")
	var hits []Hit
	for child, eps := range byChild(r, Episodes, "DECOM") {
		if !lookedAfterAtEnd(eps) {
			continue
		}
		for i, ep := range eps {
			if in([]string{"V3", "V4"}, ep.Get("LS")) {
				continue
			}
			start, ok := dateIn(ep, "DECOM")
			end, ended := dateIn(ep, "DEC")
			if ok && i == 0 && start.Before(x.Year.Start()) && (!ended || !end.Before(x.Year.Start())) && !swOpenOn(sw[child], x.Year.Start()) {
				hits = append(hits, Hit{File: Episodes, Row: ep, Field: "DECOM"})
			}
			if ok && ep.Get("RNE") == "S" && inYear(start, x.Year) && !swOpenOn(sw[child], start) {
				hits = append(hits, Hit{File: Episodes, Row: ep, Field: "DECOM"})
			}
			if rec := ep.Get("REC"); ended && rec != "" && rec != "X1" && inYear(end, x.Year) && !swOpenOn(sw[child], end) {
				hits = append(hits, Hit{File: Episodes, Row: ep, Field: "DEC"})
			}
		}
	}
	return hits
}

// lookedAfterAtEnd: one of the episodes is open, and not of short breaks.
func lookedAfterAtEnd(eps []*Row) bool {
	for _, ep := range eps {
		if ep.Get("DEC") == "" && !in([]string{"V3", "V4"}, ep.Get("LS")) {
			return true
		}
	}
	return false
}

// swOpenOn: one of the social worker episodes was open on day d.
func swOpenOn(rows []*Row, d time.Time) bool {
	for _, row := range rows {
		start, ok := dateIn(row, "SW_DECOM")
		end, ended := dateIn(row, "SW_DEC")
		if ok && !start.After(d) && (row.Get("SW_DEC") == "" || (ended && !end.Before(d))) {
			return true
		}
	}
	return false
}
