package ssda903

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// TestSocialWorkerEpisodesFromTheAllocationHistory: a case opened at the
// front door and passed to assessment the same day (a first contact), a
// plan whose worker left mid-year, a wait for a worker, a new worker
// without a registration number kept on by a second allocation, and a
// case begun after 31 March.
func TestSocialWorkerEpisodesFromTheAllocationHistory(t *testing.T) {
	w := func(id int64) *int64 { return &id }
	cf := casework.CaseFile{Child: casework.Child{ID: 1, LAChildID: "C1", DateOfBirth: ptr(day(2015, 1, 1))}}
	cf.SocialWorkers = []casework.WorkerAllocation{
		{InvolvementID: 1, WorkerID: w(6), SWENo: "SW666", StartDate: day(2024, 11, 1), EndDate: ptr(day(2024, 11, 1)), Reason: "Case opened"},
		{InvolvementID: 1, WorkerID: w(7), SWENo: "SW111", StartDate: day(2024, 11, 1), EndDate: ptr(day(2025, 3, 1)), Reason: "Allocated for assessment"},
		{InvolvementID: 1, WorkerID: w(8), SWENo: "SW222", WorkerLeft: ptr(day(2025, 6, 30)), StartDate: day(2025, 3, 1),
			EndDate: ptr(day(2025, 9, 1)), Reason: "Transferred for the plan"},
		{InvolvementID: 1, StartDate: day(2025, 9, 1), EndDate: ptr(day(2025, 9, 10)), Reason: "Worker left: case passed to their successor"},
		{InvolvementID: 1, WorkerID: w(9), StartDate: day(2025, 9, 10), EndDate: ptr(day(2025, 10, 1)), Reason: "Worker's caseload"},
		{InvolvementID: 1, WorkerID: w(9), StartDate: day(2025, 10, 1), EndDate: ptr(day(2026, 4, 20)), Reason: "Allocation meeting"},
		{InvolvementID: 2, WorkerID: w(10), SWENo: "SW333", StartDate: day(2026, 4, 2), Reason: "Case opened"},
	}
	r := NewReturn()
	addSWEpisodes(r, &cf, nil, 2026)
	var got []string
	for _, row := range r.Files[SWEpisodes] {
		got = append(got, fmt.Sprint(row.Get("SW_ID"), " ", row.Get("SW_DECOM"), "-", row.Get("SW_DEC"), " ", row.Get("SW_REASON")))
	}
	want := []string{
		"SW222 01/03/2025-01/07/2025 TSPROC", // ended the day after the worker's last day
		"XX9 10/09/2025- MANAGE",             // no number; two allocations, one episode, open at 31 March
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("episodes:\n got %q\nwant %q", got, want)
	}

	// The year before: the front door's stretch of no day passes its
	// reason to the assessment worker, who took a new case.
	r = NewReturn()
	addSWEpisodes(r, &cf, nil, 2025)
	if first := r.Files[SWEpisodes][0]; first.Get("SW_ID") != "SW111" || first.Get("SW_REASON") != "FCONTA" {
		t.Errorf("first episode of 2024 to 2025: %v", first.vals)
	}
}

// TestAChildWhoseCaseClosedBeforeThe31stOfMarchHasNoSocialWorkerEpisodes:
// the rules want every reported child's latest episode open on 31 March
// (SW11bSTG2, SW17STG2), and ask for episodes only of children looked
// after then; a child whose case is open on 31 March, or who is looked
// after then, is reported whatever their episodes say.
func TestAChildWhoseCaseClosedBeforeThe31stOfMarchHasNoSocialWorkerEpisodes(t *testing.T) {
	w := func(id int64) *int64 { return &id }
	held := casework.WorkerAllocation{InvolvementID: 1, WorkerID: w(1), SWENo: "SW1", StartDate: day(2025, 5, 1),
		EndDate: ptr(day(2025, 12, 1)), Reason: "Case opened"}
	waiting := casework.WorkerAllocation{InvolvementID: 1, StartDate: day(2025, 12, 1), Reason: "Worker left: case passed to their successor"}
	inCare := []episode{{start: day(2025, 6, 1), legal: "C2"}}
	left := []episode{{start: day(2025, 6, 1), end: ptr(day(2025, 12, 1)), legal: "C2", rec: "E4A"}}
	shortBreaks := []episode{{start: day(2025, 6, 1), legal: "V3"}}
	for _, c := range []struct {
		name   string
		allocs []casework.WorkerAllocation
		eps    []episode
		rows   int
	}{
		{"care ended and the case closed", []casework.WorkerAllocation{held}, left, 0},
		{"short breaks go on and the case closed", []casework.WorkerAllocation{held}, shortBreaks, 0},
		{"care ended and the case waits for a worker", []casework.WorkerAllocation{held, waiting}, left, 1},
		{"looked after with the case closed", []casework.WorkerAllocation{held}, inCare, 1},
		{"care ended and a worker holds the case", []casework.WorkerAllocation{{InvolvementID: 1, WorkerID: w(1), SWENo: "SW1",
			StartDate: day(2025, 5, 1), Reason: "Case opened"}}, left, 1},
	} {
		cf := casework.CaseFile{Child: casework.Child{ID: 1, LAChildID: "C1"}, SocialWorkers: c.allocs}
		r := NewReturn()
		addSWEpisodes(r, &cf, c.eps, 2026)
		if got := len(r.Files[SWEpisodes]); got != c.rows {
			t.Errorf("%s: %d rows, want %d", c.name, got, c.rows)
		}
	}
}

// TestTwoCasesAtOnce: when a second involvement's worker takes the child
// while the first is still held, the first episode ends that day.
func TestTwoCasesAtOnce(t *testing.T) {
	w := func(id int64) *int64 { return &id }
	cf := casework.CaseFile{SocialWorkers: []casework.WorkerAllocation{
		{InvolvementID: 1, WorkerID: w(1), SWENo: "SW1", StartDate: day(2025, 5, 1), Reason: "Case opened"},
		{InvolvementID: 2, WorkerID: w(2), SWENo: "SW2", StartDate: day(2025, 8, 1), Reason: "Case opened"}}}
	es := socialWorkerEpisodes(&cf, 2026)
	if len(es) != 2 || es[0].end == nil || !es[0].end.Equal(day(2025, 8, 1)) || es[1].end != nil {
		t.Errorf("episodes: %+v", es)
	}
}

// TestSWReasons maps the reasons sightline writes, the codes and labels
// an import writes, and typed reasons, to SW_REASON.
func TestSWReasons(t *testing.T) {
	for reason, want := range map[string]string{
		"Case opened": "FCONTA", "Allocated for assessment": "TSPROC", "Transferred for the plan": "TSPROC",
		"Transferred to the disabled children's team": "TSPROC", "Worker left: case passed to their successor": "LEFTRL",
		"PCCHAN": "PCCHAN", "The previous social worker died": "SWDIED", "Other": "OTHERS",
		"worker's caseload too high": "MANAGE", "Service restructure": "ORGRST", "cover for sickness": "ABSENC",
		"Mother asked for a new worker": "OTHERS", "parent requested change": "PCCHAN", "Allocation meeting": "OTHERS", "": "OTHERS",
	} {
		if got := swReason(reason); got != want {
			t.Errorf("swReason(%q) = %s, want %s", reason, got, want)
		}
	}
	for code, label := range swReasonLabels {
		if !in(swReasonCodes, code) || swReason(label) != code {
			t.Errorf("%s (%s) is not a code read back from its label", code, label)
		}
	}
}

// TestTheFirstWorkerHoldsTheCaseAgainWhenTheSecondCaseCloses: a second
// case of the child (a section 47 enquiry, say) held by another worker
// ends that worker's episode when it closes; the first worker, whose case
// went on, is the child's social worker again from that day.
func TestTheFirstWorkerHoldsTheCaseAgainWhenTheSecondCaseCloses(t *testing.T) {
	w := func(id int64) *int64 { return &id }
	cf := casework.CaseFile{SocialWorkers: []casework.WorkerAllocation{
		{InvolvementID: 1, WorkerID: w(1), SWENo: "SW1", StartDate: day(2025, 5, 1), Reason: "Case opened"},
		{InvolvementID: 2, WorkerID: w(2), SWENo: "SW2", StartDate: day(2025, 8, 1), EndDate: ptr(day(2025, 10, 1)), Reason: "Case opened"}}}
	var got []string
	for _, e := range socialWorkerEpisodes(&cf, 2026) {
		got = append(got, fmt.Sprint(e.id, " ", e.start.Format("2006-01-02"), " ", dateOf(e.end), " ", e.reason))
	}
	want := []string{"SW1 2025-05-01 01/08/2025 FCONTA", "SW2 2025-08-01 01/10/2025 FCONTA", "SW1 2025-10-01  TSPROC"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("episodes:\n got %q\nwant %q", got, want)
	}
}

// TestEpisodesFollowTheLatestWorkerOnEveryDay: on random allocation
// histories, the episodes never overlap, and on every day of the year the
// episode open (if any) is that of the worker whose allocation began
// latest of those holding a case that day.
func TestEpisodesFollowTheLatestWorkerOnEveryDay(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	y := Year(2026)
	for n := range 500 {
		var allocs []casework.WorkerAllocation
		for range 1 + rng.IntN(6) {
			start := y.Start().AddDate(0, 0, rng.IntN(500)-100)
			a := casework.WorkerAllocation{InvolvementID: int64(1 + rng.IntN(3)), StartDate: start, Reason: "Allocation meeting"}
			if rng.IntN(5) > 0 {
				id := int64(1 + rng.IntN(3))
				a.WorkerID, a.SWENo = &id, fmt.Sprint("SW", id)
			}
			if rng.IntN(3) > 0 {
				a.EndDate = ptr(start.AddDate(0, 0, 1+rng.IntN(200)))
			}
			allocs = append(allocs, a)
		}
		slices.SortStableFunc(allocs, func(a, b casework.WorkerAllocation) int { return a.StartDate.Compare(b.StartDate) })
		cf := casework.CaseFile{SocialWorkers: allocs}
		eps := socialWorkerEpisodes(&cf, y)
		for i := 1; i < len(eps); i++ {
			if eps[i-1].end == nil || eps[i].start.Before(*eps[i-1].end) {
				t.Fatalf("history %d: episode %d begins before the one before it ends: %+v", n, i, eps)
			}
		}
		for d := y.Start(); !d.After(y.End()); d = d.AddDate(0, 0, 1) {
			want := ""
			var began time.Time
			for _, a := range allocs {
				if a.WorkerID != nil && !a.StartDate.After(d) && (a.EndDate == nil || a.EndDate.After(d)) && !a.StartDate.Before(began) {
					want, began = a.SWENo, a.StartDate
				}
			}
			got := ""
			for _, e := range eps {
				if !e.start.After(d) && (e.end == nil || e.end.After(d)) {
					got = e.id
				}
			}
			if got != want {
				t.Fatalf("history %d, %s: episode of %q, want %q\nallocations %+v\nepisodes %+v", n, d.Format("2006-01-02"), got, want, allocs, eps)
			}
		}
	}
}

// TestTheOpeningReasonWaitsForTheFirstWorkerWhoHoldsADay: a case opened
// and passed on twice on the same day (front door, then duty, then the
// assessment worker) gives its opening reason, FCONTA, to the worker who
// held it for a day; SW10STG2 exempts that episode from following on from
// the last (seen on a national return).
func TestTheOpeningReasonWaitsForTheFirstWorkerWhoHoldsADay(t *testing.T) {
	w := func(id int64) *int64 { return &id }
	cf := casework.CaseFile{SocialWorkers: []casework.WorkerAllocation{
		{InvolvementID: 7, WorkerID: w(1), SWENo: "SW1", StartDate: day(2025, 3, 5), EndDate: ptr(day(2025, 6, 2)), ReasonCode: "FCONTA"},
		{InvolvementID: 9, WorkerID: w(2), SWENo: "SW2", StartDate: day(2025, 6, 30), EndDate: ptr(day(2025, 6, 30)), ReasonCode: "FCONTA"},
		{InvolvementID: 9, WorkerID: w(3), SWENo: "SW3", StartDate: day(2025, 6, 30), EndDate: ptr(day(2025, 6, 30)), ReasonCode: "TSPROC"},
		{InvolvementID: 9, WorkerID: w(4), SWENo: "SW4", StartDate: day(2025, 6, 30), ReasonCode: "TSPROC"},
	}}
	es := socialWorkerEpisodes(&cf, 2026)
	if len(es) != 2 || es[1].id != "SW4" || es[1].reason != "FCONTA" {
		t.Errorf("episodes %+v, want SW4's from 30 June 2025 with the case's opening reason FCONTA", es)
	}
}
