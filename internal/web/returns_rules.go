package web

import (
	"slices"
	"strconv"
)

// returnRules is one return's failures as the returns page shows them:
// a table of rules, then each rule's children. The CIN census and SSDA903
// share it, so the two sections read and behave alike.
type returnRules struct {
	TableID     string // the table of rules
	Prefix      string // each rule's details: Prefix+"rule-"+code
	Caption     string
	ChildHeader string // what the child column shows, e.g. "Child (CHILD)"
	ShowFile    bool   // SSDA903 names the CSV file of each failure
	CSVHref     string
	CSVText     string
	CSVID       string
	CleanID     string
	CleanText   string
	Rules       []ruleFailures
	CanOpen     bool // the user may open children's records (the links)
	OpenAll     bool // ?open=1: every rule's children shown, for printing
}

// ruleFailures is one rule's failures, the children that break it.
type ruleFailures struct {
	Code, Kind, Message string
	Count               int           // failures of the rule
	Failures            []failureLine // the first returnsShown
	More                int           // not shown; in the CSV
}

// failureLine is one failure as a row: the child, where, and the link.
type failureLine struct {
	Child   string // the return's own child identifier
	ChildID int64  // sightline's record, 0 when the failure is the file's
	File    string
	Field   string
}

// returnFailure is what the page needs of a return's failure, whichever
// return it comes from.
type returnFailure struct {
	Code, Kind, Message string
	Line                failureLine
}

// returnsShown is how many children a rule lists on the page; the CSV has
// them all.
const returnsShown = 25

// byRule groups failures by rule, errors first, then by code.
func byRule(fs []returnFailure) []ruleFailures {
	at := map[string]int{}
	var out []ruleFailures
	for _, f := range fs {
		i, ok := at[f.Code]
		if !ok {
			i = len(out)
			at[f.Code] = i
			out = append(out, ruleFailures{Code: f.Code, Kind: f.Kind, Message: f.Message})
		}
		out[i].Count++
		if len(out[i].Failures) < returnsShown {
			out[i].Failures = append(out[i].Failures, f.Line)
		} else {
			out[i].More++
		}
	}
	slices.SortStableFunc(out, func(a, b ruleFailures) int {
		if a.Kind != b.Kind {
			if a.Kind == "error" {
				return -1
			}
			return 1
		}
		return compareNum(a.Code, b.Code)
	})
	return out
}

// compareNum orders rule codes by their number.
func compareNum(a, b string) int {
	na, _ := strconv.Atoi(trimQ(a))
	nb, _ := strconv.Atoi(trimQ(b))
	return na - nb
}

func trimQ(s string) string {
	if n := len(s); n > 0 && s[n-1] == 'Q' {
		return s[:n-1]
	}
	return s
}
