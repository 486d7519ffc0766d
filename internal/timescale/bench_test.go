package timescale_test

import (
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// benchAsAt is the fixed date the benchmarks ask as at.
var benchAsAt = d("2026-03-31")

// synthFiles builds n varied case files, deterministically: 40% a referral
// only, 30% an assessment and a CIN plan with visits and reviews, 30% an
// s47, ICPC and CP plan with core groups, reviews and visits, some ended
// and stepped down to a CIN plan. Referrals fall in the two years to
// benchAsAt.
func synthFiles(n int) []casework.CaseFile {
	r := rand.New(rand.NewPCG(2026, 3))
	files := make([]casework.CaseFile, n)
	for i := range files {
		files[i] = synthFile(r, int64(i+1))
	}
	return files
}

func synthFile(r *rand.Rand, childID int64) casework.CaseFile {
	ref := benchAsAt.AddDate(0, 0, -r.IntN(730))
	cf := casework.CaseFile{Child: casework.Child{ID: childID}}
	rf := casework.Referral{ID: childID, ChildID: childID, Date: ref, DecisionDate: dayAfter(ref, r.IntN(3))}
	switch kind := r.IntN(10); {
	case kind < 4:
		if r.IntN(2) == 0 {
			rf.NFA, rf.ClosureDate = true, rf.DecisionDate
		}
		cf.Referrals = []casework.Referral{rf}
	case kind < 7:
		cf.Referrals = []casework.Referral{rf}
		synthCIN(r, &cf, ref.AddDate(0, 0, 30+r.IntN(40)))
	default:
		cf.Referrals = []casework.Referral{rf}
		synthCP(r, &cf, ref)
	}
	return cf
}

func dayAfter(d time.Time, n int) *time.Time { t := d.AddDate(0, 0, n); return &t }

// synthCIN adds an authorised assessment and a CIN plan from start, with
// visits every 3 to 5 weeks and reviews every 2 to 4 months.
func synthCIN(r *rand.Rand, cf *casework.CaseFile, start time.Time) {
	id, ref := cf.Child.ID, cf.Referrals[0]
	cf.Assessments = append(cf.Assessments, casework.Assessment{ID: id, ReferralID: ref.ID, StartDate: ref.Date.AddDate(0, 0, 1),
		AuthorisedDate: dayAfter(start, -1-r.IntN(10))})
	plan := casework.CINPlan{ID: id, ReferralID: ref.ID, StartDate: start}
	if r.IntN(3) == 0 {
		plan.EndDate = dayAfter(start, 90+r.IntN(300))
	}
	cf.CINPlans = append(cf.CINPlans, plan)
	for v := start.AddDate(0, 0, 21+r.IntN(14)); !v.After(benchAsAt); v = v.AddDate(0, 0, 21+r.IntN(14)) {
		cf.Visits = append(cf.Visits, casework.Visit{ID: int64(len(cf.Visits)), Date: v, Seen: r.IntN(8) > 0})
	}
	for rv := calendar.AddMonths(start, 2+r.IntN(3)); !rv.After(benchAsAt); rv = calendar.AddMonths(rv, 2+r.IntN(3)) {
		cf.CINReviews = append(cf.CINReviews, casework.CINPlanReview{ID: int64(len(cf.CINReviews)), PlanID: id, Date: rv})
	}
}

// synthCP adds a strategy discussion, s47, ICPC and CP plan, with visits
// every 1 to 3 weeks, core groups every 4 to 7 weeks and reviews near
// their dates; a third of plans end and step down to a CIN plan.
func synthCP(r *rand.Rand, cf *casework.CaseFile, ref time.Time) {
	id := cf.Child.ID
	strat := ref.AddDate(0, 0, r.IntN(5))
	icpc := strat.AddDate(0, 0, 14+r.IntN(14))
	cf.Strategies = []casework.StrategyDiscussion{{ID: id, ReferralID: id, Date: strat, InitiatedS47: true}}
	cf.S47s = []casework.S47Enquiry{{ID: id, ReferralID: id, StrategyID: &id, StartDate: strat}}
	if icpc.After(benchAsAt) {
		return
	}
	cf.Conferences = []casework.Conference{{ID: id, Kind: casework.InitialConference, S47ID: &id, Date: icpc}}
	plan := casework.CPPlan{ID: id, ReferralID: id, StartDate: icpc}
	end := benchAsAt
	if r.IntN(3) == 0 {
		end = icpc.AddDate(0, 0, 180+r.IntN(270))
		plan.EndDate = &end
	}
	cf.Plans = []casework.CPPlan{plan}
	for v := icpc.AddDate(0, 0, 7+r.IntN(14)); !v.After(end); v = v.AddDate(0, 0, 7+r.IntN(14)) {
		cf.Visits = append(cf.Visits, casework.Visit{ID: int64(len(cf.Visits)), Date: v, Seen: r.IntN(10) > 0})
	}
	for g := icpc.AddDate(0, 0, 7+r.IntN(10)); !g.After(end); g = g.AddDate(0, 0, 28+r.IntN(21)) {
		cf.CoreGroups = append(cf.CoreGroups, casework.CoreGroup{ID: int64(len(cf.CoreGroups)), PlanID: id, Date: g})
	}
	for rv, months := icpc, 3; ; months = 6 {
		if rv = calendar.AddMonths(rv, months).AddDate(0, 0, r.IntN(14)-10); rv.After(end) {
			break
		}
		cf.Conferences = append(cf.Conferences, casework.Conference{ID: id + int64(len(cf.Conferences)),
			Kind: casework.ReviewConference, PlanID: &id, Date: rv})
	}
	if plan.EndDate != nil && end.Before(benchAsAt) {
		synthCIN(r, cf, end)
	}
}

// cpuTime is the CPU time this process has used, user and system, so
// that a benchmark on a shared machine can report the work done as well as
// the wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkTasks is Tasks for one case file, averaged over 100,000 varied
// ones, on one goroutine.
func BenchmarkTasks(b *testing.B) {
	files := synthFiles(100_000)
	cal, s := calendar.Default(), timescale.DefaultSettings()
	for i := 0; b.Loop(); i++ {
		timescale.Tasks(files[i%len(files)], cal, s, benchAsAt)
	}
}

// BenchmarkTasks100k is Tasks for 100,000 varied case files, split over
// GOMAXPROCS goroutines: one op is the whole authority. Target: under
// 200 ms on 2 cores (go test -bench 100k -cpu 2). cpu-ms/100k is the CPU
// time used, which a busy shared machine inflates less than wall time.
func BenchmarkTasks100k(b *testing.B) {
	bench100k(b, func(dst []timescale.Task, cf casework.CaseFile, cal *calendar.Calendar, s timescale.Settings) []timescale.Task {
		return timescale.Tasks(cf, cal, s, benchAsAt)
	})
}

// BenchmarkAppendTasks100k is the same run reusing one buffer per
// goroutine, as an indicator or a team list would.
func BenchmarkAppendTasks100k(b *testing.B) {
	bench100k(b, func(dst []timescale.Task, cf casework.CaseFile, cal *calendar.Calendar, s timescale.Settings) []timescale.Task {
		return timescale.AppendTasks(dst[:0], cf, cal, s, benchAsAt)
	})
}

func bench100k(b *testing.B, tasks func([]timescale.Task, casework.CaseFile, *calendar.Calendar, timescale.Settings) []timescale.Task) {
	files := synthFiles(100_000)
	cal, s := calendar.Default(), timescale.DefaultSettings()
	workers := runtime.GOMAXPROCS(0)
	var count atomic.Int64
	cpu0 := cpuTime()
	for b.Loop() {
		var wg sync.WaitGroup
		chunk := (len(files) + workers - 1) / workers
		for lo := 0; lo < len(files); lo += chunk {
			part := files[lo:min(lo+chunk, len(files))]
			wg.Go(func() {
				var buf []timescale.Task
				n := 0
				for _, cf := range part {
					buf = tasks(buf, cf, cal, s)
					n += len(buf)
				}
				count.Add(int64(n))
			})
		}
		wg.Wait()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e6, "ms/100k")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/100k")
	b.ReportMetric(float64(count.Load())/float64(b.N)/float64(len(files)), "tasks/casefile")
}
