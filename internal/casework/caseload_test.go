package casework_test

import (
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// near compares weights to a hundredth: they are sums of settings like 1.5.
func near(a, b float64) bool { return math.Abs(a-b) < 0.005 }

func socialWorker(fte float64, nq bool) casework.Worker {
	return casework.Worker{ID: 1, Name: "Amira Khan", JobRole: "Social worker", FTE: fte, NewlyQualified: nq}
}

func TestCaseWeights(t *testing.T) {
	s := casework.DefaultCaseloadSettings()
	for _, tc := range []struct {
		name string
		c    casework.CaseState
		want float64
	}{
		{"a child in need weighs 1", casework.CaseState{}, 1},
		{"a child on a child in need plan weighs 1", casework.CaseState{CINPlan: true}, 1},
		{"a child on a CP plan weighs 1.5", casework.CaseState{CPPlan: true}, 1.5},
		{"a child in a section 47 enquiry weighs as child protection", casework.CaseState{S47: true}, 1.5},
		{"an open assessment has its own weight", casework.CaseState{Assessment: true}, 1},
		{"the most demanding work sets the weight, not the sum", casework.CaseState{CPPlan: true, Assessment: true, S47: true}, 1.5},
		{"proceedings add their weight to the child's", casework.CaseState{CPPlan: true, Proceedings: true}, 2},
		{"proceedings add to a child in need too", casework.CaseState{Proceedings: true}, 1.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Weight(tc.c); !near(got, tc.want) {
				t.Errorf("Weight(%+v) = %v, want %v", tc.c, got, tc.want)
			}
		})
	}
	t.Run("an open assessment weighs what the setting says", func(t *testing.T) {
		s := casework.DefaultCaseloadSettings()
		s.WeightAssessment = 1.25
		if got := s.Weight(casework.CaseState{Assessment: true, CINPlan: true}); !near(got, 1.25) {
			t.Errorf("assessment weight 1.25: got %v", got)
		}
	})
}

func TestCaseloads(t *testing.T) {
	s := casework.DefaultCaseloadSettings()
	cp := func(id int64) casework.CaseState { return casework.CaseState{ChildID: id, CPPlan: true} }
	cin := func(id int64) casework.CaseState { return casework.CaseState{ChildID: id} }
	sib := func(c casework.CaseState, group int64) casework.CaseState { c.SiblingGroup = group; return c }
	many := func(n int, f func(int64) casework.CaseState) []casework.CaseState {
		var out []casework.CaseState
		for i := range n {
			out = append(out, f(int64(i+1)))
		}
		return out
	}
	for _, tc := range []struct {
		name                       string
		w                          casework.Worker
		cases                      []casework.CaseState
		count                      int
		weighted, capacity, overBy float64
	}{
		{"an empty caseload weighs nothing", socialWorker(1, false), nil, 0, 0, 18, 0},
		{"a full-time worker's capacity is the full-time capacity", socialWorker(1, false), many(18, cin), 18, 18, 18, 0},
		{"a part-time worker's capacity is their FTE's share", socialWorker(0.5, false), many(10, cin), 10, 10, 9, 1},
		{"a newly qualified worker's capacity is reduced", socialWorker(1, true), many(9, cin), 9, 9, 14.4, 0},
		{"a newly qualified part-time worker has both reductions", socialWorker(0.8, true), nil, 0, 0, 11.52, 0},
		{"16 children on CP plans are 24 weighted cases, 6 over 18", socialWorker(1, false), many(16, cp), 16, 24, 18, 6},
		{"the second sibling shares the load", socialWorker(1, false),
			[]casework.CaseState{sib(cin(1), 7), sib(cin(2), 7)}, 2, 1.5, 18, 0},
		{"every further sibling shares the load", socialWorker(1, false),
			[]casework.CaseState{sib(cin(1), 7), sib(cin(2), 7), sib(cin(3), 7)}, 3, 2, 18, 0},
		{"the heaviest sibling counts in full", socialWorker(1, false),
			[]casework.CaseState{sib(cin(1), 7), sib(cp(2), 7)}, 2, 2, 18, 0},
		{"children of different sibling groups count in full", socialWorker(1, false),
			[]casework.CaseState{sib(cin(1), 7), sib(cin(2), 8)}, 2, 2, 18, 0},
		{"children without a sibling group count in full", socialWorker(1, false), many(2, cin), 2, 2, 18, 0},
		{"a manager has no caseload capacity and is not over it",
			casework.Worker{Name: "Dan", JobRole: "Team manager", FTE: 1}, many(3, cin), 3, 3, 0, 0},
		{"a family support worker does not hold cases",
			casework.Worker{Name: "Kim", JobRole: "Family support worker", FTE: 1}, nil, 0, 0, 0, 0},
		{"a worker with no job role recorded holds cases",
			casework.Worker{Name: "Lee", FTE: 1}, many(19, cin), 19, 19, 18, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := s.Load(tc.w, tc.cases)
			if l.Cases != tc.count || !near(l.Weighted, tc.weighted) || !near(l.Capacity, tc.capacity) || !near(l.OverBy, tc.overBy) {
				t.Errorf("Load = %d cases, %.2f weighted, capacity %.2f, over by %.2f; want %d, %.2f, %.2f, %.2f",
					l.Cases, l.Weighted, l.Capacity, l.OverBy, tc.count, tc.weighted, tc.capacity, tc.overBy)
			}
			if l.Over() != (tc.overBy > 0) {
				t.Errorf("Over() = %v with over-by %.2f", l.Over(), l.OverBy)
			}
		})
	}
	t.Run("a sibling share of 0 counts a sibling group as one", func(t *testing.T) {
		s := casework.DefaultCaseloadSettings()
		s.SiblingShare = 0
		l := s.Load(socialWorker(1, false), []casework.CaseState{sib(cin(1), 3), sib(cin(2), 3), sib(cin(3), 3)})
		if l.Cases != 3 || !near(l.Weighted, 1) {
			t.Errorf("three siblings with share 0: %d cases, %.2f weighted; want 3, 1", l.Cases, l.Weighted)
		}
	})
	t.Run("open assessments are counted", func(t *testing.T) {
		l := s.Load(socialWorker(1, false), []casework.CaseState{{ChildID: 1, Assessment: true}, {ChildID: 2}})
		if l.OpenAssessments != 1 {
			t.Errorf("OpenAssessments = %d, want 1", l.OpenAssessments)
		}
	})
}

func TestQueuePriority(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    casework.CaseState
		want casework.Priority
	}{
		{"an open section 47 enquiry is child protection", casework.CaseState{S47: true, Assessment: true}, casework.PriorityProtection},
		{"a child on a CP plan is child protection", casework.CaseState{CPPlan: true}, casework.PriorityProtection},
		{"an open assessment comes next", casework.CaseState{Assessment: true}, casework.PriorityAssessment},
		{"a child in need plan comes after", casework.CaseState{CINPlan: true}, casework.PriorityOther},
		{"a case with nothing open comes last", casework.CaseState{}, casework.PriorityOther},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.Priority(); got != tc.want {
				t.Errorf("Priority() = %v (%s), want %v (%s)", got, got.Label(), tc.want, tc.want.Label())
			}
		})
	}
}

func TestCaseloadsAreSortedOverCapacityFirst(t *testing.T) {
	s := casework.DefaultCaseloadSettings()
	w := func(id int64, name string) casework.Worker {
		return casework.Worker{ID: id, Name: name, JobRole: "Social worker", FTE: 1}
	}
	cases := func(n int) []casework.CaseState { return make([]casework.CaseState, n) }
	loads := []casework.WorkerCaseload{
		s.Load(w(1, "Ada"), cases(5)), s.Load(w(2, "Bea"), cases(20)), s.Load(w(3, "Cal"), cases(24)),
		s.Load(w(4, "Dee"), cases(12)), s.Load(w(5, "Eve"), cases(12)),
	}
	casework.SortCaseloads(loads)
	var got []string
	for _, l := range loads {
		got = append(got, l.Worker.Name)
	}
	if want := []string{"Cal", "Bea", "Dee", "Eve", "Ada"}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestCaseloadSummary(t *testing.T) {
	s := casework.DefaultCaseloadSettings()
	loads := []casework.WorkerCaseload{
		s.Load(casework.Worker{JobRole: "Social worker", FTE: 1}, make([]casework.CaseState, 24)),
		s.Load(casework.Worker{JobRole: "Social worker", FTE: 0.5, NewlyQualified: true}, make([]casework.CaseState, 6)),
		s.Load(casework.Worker{JobRole: "Team manager", FTE: 1}, make([]casework.CaseState, 2)),
		s.Load(casework.Worker{JobRole: "Social worker", FTE: 1}, nil), // out of hours: holds no case
	}
	sum := s.SummariseCaseloads(loads)
	// DfE caseload: cases held by case holders ÷ their FTE = 30 / 1.5; a
	// social worker holding no case is not a case holder.
	if sum.CaseHolders != 2 || !near(sum.FTE, 1.5) || sum.Cases != 30 || !near(sum.Average, 20) || sum.OverCapacity != 1 {
		t.Errorf("summary = %+v, want 2 case holders, 1.5 FTE, 30 cases, average 20, 1 over capacity", sum)
	}
	if !near(sum.TargetAverage, 20) {
		t.Errorf("target average = %v, want the default 20", sum.TargetAverage)
	}
}

func TestCaseloadSettings(t *testing.T) {
	def := casework.DefaultCaseloadSettings()
	if err := def.Validate(); err != nil {
		t.Fatalf("the defaults are invalid: %v", err)
	}
	if def.DriftWorkingDays != 20 || !near(def.CapacityFullTime, 18) || !near(def.NewlyQualifiedFactor, 0.8) {
		t.Errorf("defaults = %+v", def)
	}
	got, err := casework.CaseloadSettingsFrom(map[string]string{casework.KeyWeightCPPlan: "2", casework.KeyDriftWorkingDays: " 15 ",
		"timescale.cp_visit_working_days": "10", casework.KeySiblingShare: ""})
	if err != nil {
		t.Fatal(err)
	}
	if !near(got.WeightCPPlan, 2) || got.DriftWorkingDays != 15 || !near(got.SiblingShare, def.SiblingShare) {
		t.Errorf("settings read = %+v", got)
	}
	for _, tc := range []struct {
		name, key, value string
	}{
		{"a negative weight is refused", casework.KeyWeightCIN, "-1"},
		{"a sibling share over 1 is refused", casework.KeySiblingShare, "1.5"},
		{"a capacity of 0 is refused", casework.KeyCapacityFullTime, "0"},
		{"a newly qualified factor of 0 is refused", casework.KeyNewlyQualifiedFactor, "0"},
		{"a drift interval in part days is refused", casework.KeyDriftWorkingDays, "10.5"},
		{"a weight that is not a number is refused", casework.KeyWeightCPPlan, "heavy"},
		{"NaN is refused", casework.KeyTargetAverage, "NaN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := casework.CaseloadSettingsFrom(map[string]string{tc.key: tc.value})
			var v *casework.ValidationError
			if !errors.As(err, &v) || v.For(tc.key) == "" {
				t.Fatalf("error = %v, want one naming %s", err, tc.key)
			}
			if s != def {
				t.Errorf("a refused setting should give the defaults, got %+v", s)
			}
		})
	}
	keys := casework.CaseloadSettingKeys()
	if len(keys) != 9 || keys[0].Key != casework.KeyWeightCPPlan || keys[0].Default != "1.5" || keys[8].Default != "20" {
		t.Errorf("setting keys = %+v", keys)
	}
}

func TestStateOnADay(t *testing.T) {
	cf := casework.CaseFile{
		Child:       casework.Child{ID: 9},
		Referrals:   []casework.Referral{{ID: 1, Date: day(2026, 9, 1), ClosureDate: ptr(day(2026, 11, 20))}},
		Assessments: []casework.Assessment{{ID: 2, ReferralID: 1, StartDate: day(2026, 9, 2), AuthorisedDate: ptr(day(2026, 10, 1))}},
		S47s:        []casework.S47Enquiry{{ID: 3, StartDate: day(2026, 9, 10), EndDate: ptr(day(2026, 9, 20))}},
		Plans:       []casework.CPPlan{{ID: 4, StartDate: day(2026, 9, 20)}},
		CINPlans:    []casework.CINPlan{{ID: 5, StartDate: day(2026, 10, 1), EndDate: ptr(day(2026, 10, 2))}},
	}
	for _, tc := range []struct {
		name string
		on   time.Time
		want casework.CaseState
	}{
		{"before anything started", day(2026, 9, 1), casework.CaseState{ChildID: 9}},
		{"an assessment started and not authorised is open", day(2026, 9, 2), casework.CaseState{ChildID: 9, Assessment: true}},
		{"an enquiry is in force from its start", day(2026, 9, 10), casework.CaseState{ChildID: 9, Assessment: true, S47: true}},
		{"an enquiry ending on a day is over that day; a plan starting then is in force", day(2026, 9, 20),
			casework.CaseState{ChildID: 9, Assessment: true, CPPlan: true}},
		{"an assessment authorised on a day is closed that day", day(2026, 10, 1), casework.CaseState{ChildID: 9, CPPlan: true, CINPlan: true}},
		{"a plan with no end is in force", day(2026, 11, 24), casework.CaseState{ChildID: 9, CPPlan: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := casework.StateOn(cf, tc.on); got != tc.want {
				t.Errorf("StateOn = %+v, want %+v", got, tc.want)
			}
		})
	}
	t.Run("an assessment of a closed referral is not open", func(t *testing.T) {
		cf := cf
		cf.Assessments = []casework.Assessment{{ID: 2, ReferralID: 1, StartDate: day(2026, 9, 2)}}
		if got := casework.StateOn(cf, day(2026, 11, 20)); got.Assessment {
			t.Error("an assessment open when its referral closed counts as open")
		}
		if got := casework.StateOn(cf, day(2026, 11, 19)); !got.Assessment {
			t.Error("an assessment before its referral closed does not count as open")
		}
	})
}
