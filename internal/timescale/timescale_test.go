package timescale_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// The status rules, on an ICPC due Thu 23 Apr 2026 (strategy discussion
// Tue 31 Mar 2026).
func TestStatus(t *testing.T) {
	bst := time.FixedZone("BST", 3600)
	tests := []struct {
		name    string
		asAt    time.Time
		held    string // ICPC date, if held
		dueSoon int
		want    timescale.Status
	}{
		{"open well before the due date is due", d("2026-04-01"), "", 3, timescale.Due},
		{"open 4 working days before is due", d("2026-04-17"), "", 3, timescale.Due},
		{"open over the weekend before counts working days", d("2026-04-19"), "", 3, timescale.Due},
		{"open 3 working days before is due soon", d("2026-04-20"), "", 3, timescale.DueSoon},
		{"open on the due day is due soon", d("2026-04-23"), "", 3, timescale.DueSoon},
		{"open on the due day in the evening is still due soon", time.Date(2026, 4, 23, 18, 30, 0, 0, bst), "", 3, timescale.DueSoon},
		{"open the day after is overdue", d("2026-04-24"), "", 3, timescale.Overdue},
		{"window of 0: the day before is due", d("2026-04-22"), "", 0, timescale.Due},
		{"window of 0: the due day is due soon", d("2026-04-23"), "", 0, timescale.DueSoon},
		{"window of 10 working days", d("2026-04-09"), "", 10, timescale.DueSoon},
		{"done early is in time", d("2026-05-01"), "2026-04-14", 3, timescale.DoneInTime},
		{"done on the due day is in time", d("2026-05-01"), "2026-04-23", 3, timescale.DoneInTime},
		{"done a day late is late", d("2026-05-01"), "2026-04-24", 3, timescale.DoneLate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cf := s47File("2026-03-31", enquiry("2026-04-01"))
			if tc.held != "" {
				cf.Conferences = []casework.Conference{icpcOn(7, tc.held)}
			}
			s := timescale.DefaultSettings()
			s.DueSoonWorkingDays = tc.dueSoon
			ts := filter(timescale.Tasks(cf, calendar.Default(), s, tc.asAt), "icpc")
			if len(ts) != 1 || ts[0].Status != tc.want {
				t.Errorf("got %v, want one icpc task %s", rows(ts), tc.want)
			}
		})
	}
}

func filter(ts []timescale.Task, id string) []timescale.Task {
	return slices.DeleteFunc(slices.Clone(ts), func(t timescale.Task) bool { return t.Rule.ID != id })
}

// fullFile is one child's year: a referral, a strategy discussion and
// s47, an ICPC and CP plan with core groups, reviews and visits, the plan
// ending, a CIN plan with reviews and visits, and the episode closing.
func fullFile() casework.CaseFile {
	cf := cpFile("2025-12-01", "2026-01-05")
	cf.Referrals[0].Decision, cf.Referrals[0].DecisionDate = casework.ReferralToStrategy, p("2025-12-02")
	cf.Referrals[0].ClosureDate = p("2026-11-30")
	cf.Assessments = []casework.Assessment{assessment(1, "2025-12-02", on("2026-02-10"))}
	cf.Strategies = []casework.StrategyDiscussion{{ID: 5, ReferralID: 1, Date: d("2025-12-03"), InitiatedS47: true}}
	cf.S47s = []casework.S47Enquiry{enquiry("2025-12-03")}
	cf.Conferences = []casework.Conference{icpcOn(7, "2026-01-05")}
	cf = withGroups(cf, "2026-01-14", "2026-02-25", "2026-04-20")
	cf = withReviews(cf, "2026-04-02", "2026-06-30")
	cf = endPlan(cf, "2026-06-30")
	cf.Visits = append(seen("2026-01-12", "2026-01-23", "2026-02-12", "2026-02-20", "2026-03-20",
		"2026-04-01", "2026-05-05", "2026-06-01", "2026-06-29", "2026-07-20", "2026-09-01"),
		casework.Visit{ID: 99, Date: d("2026-03-05"), Kind: "cp", Seen: false})
	cf.CINPlans = []casework.CINPlan{{ID: 20, ReferralID: 1, StartDate: d("2026-06-30"), EndDate: p("2026-11-30")}}
	return withCINReviews(cf, 20, "2026-09-25")
}

// truncate returns cf as it stood at the end of day asAt: later records
// gone, later done, end and closure dates unset.
func truncate(cf casework.CaseFile, asAt time.Time) casework.CaseFile {
	after := func(t time.Time) bool { return t.After(asAt) }
	clear := func(p **time.Time) {
		if *p != nil && after(**p) {
			*p = nil
		}
	}
	cf.Referrals = slices.DeleteFunc(slices.Clone(cf.Referrals), func(r casework.Referral) bool { return after(r.Date) })
	for i := range cf.Referrals {
		clear(&cf.Referrals[i].DecisionDate)
		clear(&cf.Referrals[i].ClosureDate)
	}
	cf.Assessments = slices.DeleteFunc(slices.Clone(cf.Assessments), func(a casework.Assessment) bool { return after(a.StartDate) })
	for i := range cf.Assessments {
		clear(&cf.Assessments[i].AuthorisedDate)
	}
	cf.Strategies = slices.DeleteFunc(slices.Clone(cf.Strategies), func(s casework.StrategyDiscussion) bool { return after(s.Date) })
	cf.S47s = slices.DeleteFunc(slices.Clone(cf.S47s), func(s casework.S47Enquiry) bool { return after(s.StartDate) })
	cf.Conferences = slices.DeleteFunc(slices.Clone(cf.Conferences), func(c casework.Conference) bool { return after(c.Date) })
	cf.Plans = slices.DeleteFunc(slices.Clone(cf.Plans), func(p casework.CPPlan) bool { return after(p.StartDate) })
	for i := range cf.Plans {
		clear(&cf.Plans[i].EndDate)
	}
	cf.CoreGroups = slices.DeleteFunc(slices.Clone(cf.CoreGroups), func(g casework.CoreGroup) bool { return after(g.Date) })
	cf.Visits = slices.DeleteFunc(slices.Clone(cf.Visits), func(v casework.Visit) bool { return after(v.Date) })
	cf.CINPlans = slices.DeleteFunc(slices.Clone(cf.CINPlans), func(p casework.CINPlan) bool { return after(p.StartDate) })
	for i := range cf.CINPlans {
		clear(&cf.CINPlans[i].EndDate)
	}
	cf.CINReviews = slices.DeleteFunc(slices.Clone(cf.CINReviews), func(r casework.CINPlanReview) bool { return after(r.Date) })
	return cf
}

// Records after the date asked are ignored: asking as at any past day
// gives the same tasks as the case file held at the end of that day.
func TestAsAtIgnoresLaterRecords(t *testing.T) {
	cf, cal, s := fullFile(), calendar.Default(), timescale.DefaultSettings()
	for day := d("2025-11-28"); !day.After(d("2027-01-31")); day = day.AddDate(0, 0, 1) {
		got := rows(timescale.Tasks(cf, cal, s, day))
		want := rows(timescale.Tasks(truncate(cf, day), cal, s, day))
		if !slices.Equal(got, want) {
			t.Fatalf("as at %s:\ngot\n\t%s\nwant (records to that day only)\n\t%s", calendar.FormatDate(day),
				strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}

// Asking as at a past date gives the tasks as they stood then.
func TestAsAtPastDate(t *testing.T) {
	cf := fullFile()
	tests := []struct {
		name, asAt string
		want       []string
	}{
		{"before the ICPC: conference open, no plan yet", "2025-12-22", []string{
			"referral_decision 2025-12-01→2025-12-02 done_in_time done 2025-12-02",
			"icpc 2025-12-03→2025-12-24 due_soon",
			"assessment_complete 2025-12-01→2026-02-05 due"}},
		{"the day after it: held late, plan tasks open", "2026-01-06", []string{
			"referral_decision 2025-12-01→2025-12-02 done_in_time done 2025-12-02",
			"icpc 2025-12-03→2025-12-24 done_late done 2026-01-05",
			"core_group_first 2026-01-05→2026-01-19 due",
			"cp_visit 2026-01-05→2026-01-19 due local",
			"assessment_complete 2025-12-01→2026-02-05 due",
			"rcpc_first 2026-01-05→2026-04-05 due"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := rows(timescale.Tasks(cf, nil, timescale.DefaultSettings(), d(tc.asAt)))
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
	open := rows(timescale.Open(timescale.Tasks(cf, nil, timescale.DefaultSettings(), d("2026-07-01"))))
	if want := []string{"cin_visit 2026-06-30→2026-07-28 due local", "cin_plan_review 2026-06-30→2026-09-30 due local"}; !slices.Equal(open, want) {
		t.Errorf("open as at 1 Jul 2026, after the CP plan ended: %v, want %v", open, want)
	}
}

// A bank holiday announced late (timescales.md edge case 15) moves the
// open deadlines it falls within; the old calendar still gives the old
// dates, for audit.
func TestLateBankHolidayMovesDueDates(t *testing.T) {
	cf := s47File("2026-03-31", enquiry("2026-04-01"))
	cf.Plans = []casework.CPPlan{{ID: 10, ReferralID: 1, StartDate: d("2026-04-09")}}
	old := calendar.Default()
	late := old.With(calendar.Holiday{Date: d("2026-04-15"), Name: "Day of mourning"})
	ids := []string{"icpc", "core_group_first", "cp_visit"}
	before := rows(timescale.Tasks(cf, old, timescale.DefaultSettings(), d("2026-04-09")), ids...)
	after := rows(timescale.Tasks(cf, late, timescale.DefaultSettings(), d("2026-04-09")), ids...)
	wantBefore := []string{"icpc 2026-03-31→2026-04-23 due", "core_group_first 2026-04-09→2026-04-23 due",
		"cp_visit 2026-04-09→2026-04-23 due local"}
	wantAfter := []string{"icpc 2026-03-31→2026-04-24 due", "core_group_first 2026-04-09→2026-04-24 due",
		"cp_visit 2026-04-09→2026-04-24 due local"}
	if !slices.Equal(before, wantBefore) || !slices.Equal(after, wantAfter) {
		t.Errorf("before %v\nafter %v\nwant before %v\nafter %v", before, after, wantBefore, wantAfter)
	}
}

// Open lists what is not done, overdue first; Next is its head.
func TestOpenAndNext(t *testing.T) {
	cf := cpFile("2025-12-01", "2026-01-05")
	cf.Visits = seen("2026-01-12")
	all := timescale.Tasks(cf, nil, timescale.DefaultSettings(), d("2026-01-21"))
	want := []string{
		"referral_decision 2025-12-01→2025-12-02 overdue",
		"core_group_first 2026-01-05→2026-01-19 overdue",
		"cp_visit 2026-01-12→2026-01-26 due_soon local",
		"rcpc_first 2026-01-05→2026-04-05 due",
	}
	if got := rows(timescale.Open(all)); !slices.Equal(got, want) {
		t.Errorf("Open:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if n := timescale.Next(all); n == nil || row(*n) != want[0] {
		t.Errorf("Next = %v, want %s", n, want[0])
	}
	if n := timescale.Next(nil); n != nil {
		t.Errorf("Next(nil) = %v, want nil", row(*n))
	}
	if ts := timescale.Tasks(referralFile(decided("2025-12-01", "2025-12-02")), nil, timescale.DefaultSettings(), d("2026-01-21")); timescale.Next(ts) != nil {
		t.Errorf("Next with every task done = %v, want nil", rows(ts))
	}
}

// Tasks are sorted by due date and carry the child, the record and a line
// for people.
func TestTaskFields(t *testing.T) {
	cf := fullFile()
	cf.Child.ID = 77
	ts := timescale.Tasks(cf, nil, timescale.DefaultSettings(), d("2026-03-01"))
	if !slices.IsSortedFunc(ts, func(a, b timescale.Task) int { return a.Due.Compare(b.Due) }) {
		t.Errorf("not sorted by due date: %v", rows(ts))
	}
	lines := map[string]string{}
	for _, task := range ts {
		if task.ChildID != 77 || task.Rule.Source == "" || task.Local != task.Rule.Local {
			t.Errorf("task %s: child %d, source %q, local %v", row(task), task.ChildID, task.Rule.Source, task.Local)
		}
		lines[task.Rule.ID+" "+calendar.FormatDate(task.Start)] = task.What
	}
	for key, want := range map[string]string{
		"icpc 2025-12-03":                "ICPC due 15 working days from the strategy discussion on 3 Dec 2025",
		"assessment_complete 2025-12-01": "Assessment due 45 working days from the referral on 1 Dec 2025",
		"cp_visit 2026-02-20":            "CP visit due 10 working days from the last visit the child was seen on 20 Feb 2026 (local standard)",
		"core_group_next 2026-02-25":     "Core group due 6 weeks from the last core group on 25 Feb 2026 (local standard)",
		"rcpc_first 2026-01-05":          "First review conference due 3 months from the ICPC on 5 Jan 2026",
	} {
		if lines[key] != want {
			t.Errorf("What of %s = %q, want %q", key, lines[key], want)
		}
	}
	weekend := timescale.Tasks(referralFile(referral("2025-12-27")), nil, timescale.Settings{WeekendReferralNextWorkingDay: true}, d("2025-12-27"))
	if want := "Referral decision due 1 working day from the referral on 27 Dec 2025, counted from the next working day (local setting)"; weekend[0].What != want {
		t.Errorf("What = %q, want %q", weekend[0].What, want)
	}
	if ts[0].RecordID != 1 || filter(ts, "cp_visit")[0].RecordID != 10 || filter(ts, "icpc")[0].RecordID != 7 {
		t.Errorf("record ids: %d, %d, %d", ts[0].RecordID, filter(ts, "cp_visit")[0].RecordID, filter(ts, "icpc")[0].RecordID)
	}
}

// Every rule names its source and a confidence tag, and every task's rule
// is in the catalogue.
func TestRulesCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range timescale.Rules() {
		if seen[r.ID] || r.Title == "" || r.Source == "" || !strings.Contains("VSM", r.Confidence) || len(r.Confidence) != 1 {
			t.Errorf("rule %+v: duplicate, or missing title, source or confidence", r)
		}
		seen[r.ID] = true
	}
	for _, task := range timescale.Tasks(fullFile(), nil, timescale.DefaultSettings(), d("2026-12-31")) {
		if !seen[task.Rule.ID] {
			t.Errorf("task of rule %q not in Rules()", task.Rule.ID)
		}
	}
	if len(seen) != 27 {
		t.Errorf("%d rules, want 27", len(seen))
	}
}

// AppendTasks appends what Tasks returns, and runs on many goroutines at
// once give what one gives (the engine pools its scratch).
func TestAppendTasks(t *testing.T) {
	files := synthFiles(200)
	s := timescale.DefaultSettings()
	want := make([][]string, len(files))
	for i, cf := range files {
		want[i] = rows(timescale.Tasks(cf, nil, s, benchAsAt))
	}
	prefix := timescale.Tasks(fullFile(), nil, s, d("2026-03-01"))
	got := timescale.AppendTasks(slices.Clip(prefix), files[7], nil, s, benchAsAt)
	if !slices.Equal(rows(got[:len(prefix)]), rows(prefix)) || !slices.Equal(rows(got[len(prefix):]), want[7]) {
		t.Errorf("AppendTasks did not append Tasks' result to dst")
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			var buf []timescale.Task
			for i := w; i < len(files); i += 4 {
				if buf = timescale.AppendTasks(buf[:0], files[i], nil, s, benchAsAt); !slices.Equal(rows(buf), want[i]) {
					t.Errorf("file %d on goroutine %d: %v, want %v", i, w, rows(buf), want[i])
				}
			}
		})
	}
	wg.Wait()
}
