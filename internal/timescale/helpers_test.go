package timescale_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// d parses an ISO date in a test table; test data is fixed, so a typo
// panics at once.
func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(fmt.Sprintf("bad test date %q: %v", s, err))
	}
	return t
}

// p is d as a pointer, for optional dates.
func p(s string) *time.Time { t := d(s); return &t }

func id(n int64) *int64 { return &n }

// row renders a task in one line for comparison:
// "icpc 2026-03-31→2026-04-23 due_soon", with " done 2026-04-20" and
// " local" when they apply.
func row(t timescale.Task) string {
	s := fmt.Sprintf("%s %s→%s %s", t.Rule.ID, calendar.FormatDate(t.Start), calendar.FormatDate(t.Due), t.Status)
	if t.Done != nil {
		s += " done " + calendar.FormatDate(*t.Done)
	}
	if t.Local {
		s += " local"
	}
	return s
}

// rows renders the tasks of the given rules, in Tasks' order.
func rows(ts []timescale.Task, ids ...string) []string {
	out := []string{}
	for _, t := range ts {
		if len(ids) == 0 || slices.Contains(ids, t.Rule.ID) {
			out = append(out, row(t))
		}
	}
	return out
}

// ruleCase is one case of a rule's table: a case file, the date asked and
// the rows expected for the rule.
type ruleCase struct {
	name string
	cf   casework.CaseFile
	asAt string
	set  func(*timescale.Settings) // changes to the default settings, if any
	cal  *calendar.Calendar        // nil: calendar.Default()
	want []string
}

// checkRule runs a rule's table, comparing only the given rules' tasks.
func checkRule(t *testing.T, cases []ruleCase, ids ...string) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := timescale.DefaultSettings()
			if tc.set != nil {
				tc.set(&s)
			}
			got := rows(timescale.Tasks(tc.cf, tc.cal, s, d(tc.asAt)), ids...)
			want := tc.want
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(got, want) {
				t.Errorf("as at %s:\ngot\n\t%s\nwant\n\t%s", tc.asAt, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
			}
		})
	}
}

// child is the test child's id.
const child = 42

// referral returns a referral on day s with id 1, open.
func referral(s string) casework.Referral {
	return casework.Referral{ID: 1, ChildID: child, Date: d(s)}
}

// cpFile returns a case file with a referral on day ref and a CP plan
// (id 10) starting on day start.
func cpFile(ref, start string) casework.CaseFile {
	return casework.CaseFile{
		Child:     casework.Child{ID: child},
		Referrals: []casework.Referral{referral(ref)},
		Plans:     []casework.CPPlan{{ID: 10, ChildID: child, ReferralID: 1, StartDate: d(start)}},
	}
}

// cinFile returns a case file with a referral on day ref and a CIN plan
// (id 20) starting on day start.
func cinFile(ref, start string) casework.CaseFile {
	return casework.CaseFile{
		Child:     casework.Child{ID: child},
		Referrals: []casework.Referral{referral(ref)},
		CINPlans:  []casework.CINPlan{{ID: 20, ChildID: child, ReferralID: 1, StartDate: d(start)}},
	}
}

// seen returns visits on the given days in which the child was seen.
func seen(days ...string) []casework.Visit {
	var vs []casework.Visit
	for i, s := range days {
		vs = append(vs, casework.Visit{ID: int64(100 + i), ChildID: child, Date: d(s), Kind: "cp", Seen: true, Place: "home"})
	}
	return vs
}
