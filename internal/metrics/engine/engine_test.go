package engine_test

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/metrics"
	"sightline/internal/metrics/engine"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// want is an indicator's figure worked out by hand from handBuilt.
type want struct {
	id       string
	num, den float64 // den -1: none (a count)
	value    float64
}

// handWorked are the figures as at 28 June 2024, each worked out in the
// comment beside it from the records described at handBuilt.
var handWorked = []want{
	// contacts dated 29 Jun 2023–28 Jun 2024: child 1's and child 3's
	// 2024 one (not child 3's of 2022); 2 per 1,000 children.
	{"contacts_per_10k", 2, 1000, 20},
	// referrals in the year: child 1's of June, child 2's of Sep and Feb.
	{"referrals_per_10k", 3, 1000, 30},
	// of the 2 contacts, child 1's led to a referral.
	{"referral_conversion_pct", 1, 2, 50},
	// child 2's February referral came 5 months after September's; the
	// September one 21 months after December 2021's is not a re-referral.
	{"rereferrals_12m_pct", 1, 3, 100.0 / 3},
	// decisions due in the year: 4 Jun (made 4 Jun), 5 Sep 2023 (made on
	// the 8th: late), 6 Feb (made 5 Feb).
	{"referral_decision_1wd_pct", 2, 3, 200.0 / 3},
	// authorised in the year: 15 working days (in time) and 63 (late).
	{"assessments_45wd_pct", 1, 2, 50},
	// the median of 15 and 63.
	{"assessment_duration_median_wd", 39, 2, 39},
	// enquiries started 5 Jun and 12 Feb.
	{"s47_per_10k", 2, 1000, 20},
	// ICPCs held in the year: 10 working days after the strategy
	// discussion (in time) and 17 (late).
	{"icpc_15wd_pct", 1, 2, 50},
	// plans in force on 28 June: children 1, 2 and 4.
	{"cp_plans_per_10k", 3, 1000, 30},
	// initial categories: neglect, physical abuse, neglect.
	{"cp_plans_neglect_pct", 2, 3, 200.0 / 3},
	// plans started in the year: child 1's first, child 2's second.
	{"cp_second_plans_pct", 1, 2, 50},
	// child 4's plan began in January 2021.
	{"cp_plans_2y_pct", 1, 3, 100.0 / 3},
	// last seen: child 1 2 working days before, child 2 20 (31 May),
	// child 4 in January; the standard is 10 working days.
	{"cp_visits_standard_pct", 1, 3, 100.0 / 3},
	// within 28 days: child 1, and child 2 exactly 28 days before.
	{"cp_visits_28d_pct", 2, 3, 200.0 / 3},
	// child 2's core groups due in the year: 20 Mar (held 19 Mar), 30 Apr
	// (held 7 May: late), 18 Jun (not held); child 1's is due 3 July, child
	// 4's was due in 2021.
	{"core_groups_in_time_pct", 1, 3, 100.0 / 3},
	// child 2's first review, due 6 June, held 5 June; child 1's is due in
	// September.
	{"cp_reviews_in_time_pct", 1, 1, 100},
	// episodes open on 28 June: children 1, 2 and 4.
	{"cin_per_10k", 3, 1000, 30},
	// child 2's worker left on 14 June.
	{"unallocated_cases", 1, -1, 1},
	// workers in post: Ann (1 FTE, child 1) and Ben (0.5 FTE, child 4).
	{"caseload_average", 2, 1.5, 2.0 / 1.5},
	// both children are on a plan: weight 1.5 each.
	{"caseload_weighted_average", 3, 1.5, 2},
	{"workers_over_capacity", 0, -1, 0},
	// child 4's last progress was the visit on 2 January; child 2's review
	// on 5 June is 17 working days back, within the 20 allowed.
	{"drift_cases", 1, -1, 1},
	// Ben is agency: 0.5 of 1.5 FTE (Ann, and Ben) in post.
	{"agency_rate_pct", 0.5, 1.5, 100.0 / 3},
	// no funded posts are recorded, so none is vacant.
	{"vacancy_rate_pct", 0, 1, 0},
	// Cal (1 FTE) left in the year; Ann is the 1 employed FTE in post.
	{"turnover_pct", 1, 1, 100},
	// no day rates are recorded.
	{"agency_spend_gbp", 0, -1, 0},
}

func TestIndicatorsOnAHandBuiltAuthority(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		write(t, st)
		results, err := engine.New(st).Compute(context.Background(), metrics.Query{AsAt: asAt})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]metrics.Result{}
		for _, r := range results {
			byID[r.Indicator.ID] = r
		}
		for _, w := range append(handWorked, handWorkedCare...) {
			r, ok := byID[w.id]
			if !ok {
				t.Errorf("%s: missing", w.id)
				continue
			}
			checkFigure(t, r, w)
		}
		for _, in := range metrics.Catalogue() {
			if r := byID[in.ID]; in.Unavailable != "" && (r.Value != nil || r.Reason == "") {
				t.Errorf("%s: want no value and a reason, got %v %q", in.ID, r.Value, r.Reason)
			}
		}
	})
}

func checkFigure(t *testing.T, r metrics.Result, w want) {
	t.Helper()
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	switch {
	case r.Value == nil:
		t.Errorf("%s: no value (%s), want %g", w.id, r.Reason, w.value)
	case !near(*r.Value, w.value) || !near(r.Numerator, w.num):
		t.Errorf("%s = %g (%g / %v), want %g (%g / %g)", w.id, *r.Value, r.Numerator, deref(r.Denominator), w.value, w.num, w.den)
	case w.den >= 0 && (r.Denominator == nil || !near(*r.Denominator, w.den)):
		t.Errorf("%s: denominator %v, want %g", w.id, deref(r.Denominator), w.den)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSplitsAndChildrenBehindAFigure: referrals by sex, the unallocated
// case by team, and the children behind a figure.
func TestSplitsAndChildrenBehindAFigure(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	write(t, st)
	ctx := context.Background()
	e := engine.New(st)
	rs, err := e.Compute(ctx, metrics.Query{AsAt: asAt, Split: metrics.BySex, IDs: []string{"referrals_per_10k", "cp_plans_neglect_pct"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, g := range rs[0].Groups {
		got[g.Name] = g.Numerator
	}
	if !reflect.DeepEqual(got, map[string]float64{"F": 2, "M": 1}) {
		t.Errorf("referrals by sex: %v, want F 2, M 1", got)
	}
	for _, g := range rs[1].Groups {
		if g.Name == "M" && (g.Value == nil || *g.Value != 100) {
			t.Errorf("boys' plans for neglect: %v, want 100%%", deref(g.Value))
		}
	}
	rs, err = e.Compute(ctx, metrics.Query{AsAt: asAt, Split: metrics.ByWorker, IDs: []string{"cp_plans_per_10k"}})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]float64{}
	for _, g := range rs[0].Groups {
		names[g.Name] = g.Numerator
	}
	if !reflect.DeepEqual(names, map[string]float64{"Ann Able": 1, "Ben Brook": 1, "No worker": 1}) {
		t.Errorf("plans by worker: %v", names)
	}
	kids, err := e.Contributors(ctx, metrics.Query{AsAt: asAt}, "unallocated_cases")
	if err != nil || len(kids) != 1 || kids[0].ChildID != 2 {
		t.Errorf("children behind unallocated_cases: %+v, %v; want child 2", kids, err)
	}
}

// TestRefusesQuestionsTheRecordsCannotAnswer: before the records, in the
// future, an empty period.
func TestRefusesQuestionsTheRecordsCannotAnswer(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	ctx := context.Background()
	if _, err := engine.New(st).Compute(ctx, metrics.Query{AsAt: asAt}); !errors.Is(err, metrics.ErrBeforeData) {
		t.Errorf("no records: %v, want ErrBeforeData", err)
	}
	write(t, st)
	e := engine.New(st)
	for _, c := range []struct {
		q    metrics.Query
		want error
	}{
		{metrics.Query{AsAt: day("2019-12-31")}, metrics.ErrBeforeData},
		{metrics.Query{AsAt: st.Now().AddDate(0, 0, 2)}, metrics.ErrFuture},
		{metrics.Query{AsAt: asAt, From: day("2024-07-01")}, metrics.ErrPeriod},
		{metrics.Query{AsAt: asAt, Split: "shoe size"}, metrics.ErrSplit},
		{metrics.Query{AsAt: asAt, IDs: []string{"nope"}}, metrics.ErrIndicator},
	} {
		if _, err := e.Compute(ctx, c.q); !errors.Is(err, c.want) {
			t.Errorf("%+v: %v, want %v", c.q, err, c.want)
		}
	}
	// A period with nothing in it gives no value, not a division by zero.
	rs, err := e.Compute(ctx, metrics.Query{AsAt: day("2021-06-01"), From: day("2021-05-01"), IDs: []string{"assessments_45wd_pct"}})
	if err != nil || rs[0].Value != nil || rs[0].Reason == "" {
		t.Errorf("empty period: %+v, %v; want no value and a reason", rs, err)
	}
}

// writeLaterCare records, after 28 June, child 6's visit and review, child
// 5's PEP, and child 8's missing episode with its interview: records that
// would move the care figures if they were counted as at 28 June.
func writeLaterCare(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, ev := range []casework.CareEvent{{ChildID: 6, Kind: casework.CareReview, Date: day("2024-07-01"), IRO: "Ida Ross", Participation: "PN1"},
		{ChildID: 5, Kind: casework.PEPMeeting, Date: day("2024-07-01")}} {
		if _, err := st.RecordCareEvent(ctx, store.System, ev); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.RecordVisit(ctx, store.System, casework.Visit{ChildID: 6, Date: day("2024-07-01"), Kind: "cla",
		Seen: true, Place: "placement"}); err != nil {
		t.Fatal(err)
	}
	ep, err := st.RecordMissingEpisode(ctx, store.System, casework.MissingEpisode{ChildID: 8, From: "home", Kind: "M",
		StartDate: day("2024-07-01"), EndDate: dayp("2024-07-02"), WhereFound: "home"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.RecordReturnInterview(ctx, store.System, casework.ReturnInterview{ChildID: 8, EpisodeID: ep.ID,
		OfferedOn: day("2024-07-02"), HeldOn: dayp("2024-07-03"), HeldBy: "Return service"}); err != nil {
		t.Fatal(err)
	}
}

// TestLaterRecordsLeaveTheFiguresAsAtADateAlone writes records dated after
// the date through the store's own actions, and checks that the engine
// brings itself up to date by reading only the children touched, that the
// figures as at the date do not move, and that they match a fresh load.
func TestLaterRecordsLeaveTheFiguresAsAtADateAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		write(t, st)
		e := engine.New(st)
		before, err := e.Compute(ctx, metrics.Query{AsAt: asAt})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.RecordVisit(ctx, store.System, casework.Visit{ChildID: 4, Date: day("2024-07-01"), Kind: "cp",
			Seen: true, Place: "home"}); err != nil {
			t.Fatal(err)
		}
		writeLaterCare(t, st)
		after, err := e.Compute(ctx, metrics.Query{AsAt: asAt})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(figures(before), figures(after)) {
			t.Error("figures as at 28 June changed after a visit on 1 July")
		}
		if s := e.Stats(); s.FullLoads != 1 || s.Rereads != 4 {
			t.Errorf("stats %+v: want one load and four children read again", s)
		}
		later := metrics.Query{AsAt: day("2024-07-02")}
		got, err := e.Compute(ctx, later)
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := engine.New(st).Compute(ctx, later)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(figures(got), figures(fresh)) {
			t.Error("the engine brought up to date differs from a fresh load")
		}
		for _, r := range got {
			if r.Indicator.ID == "drift_cases" && (r.Value == nil || *r.Value != 0) {
				t.Errorf("drift on 2 July after child 4's visit: %v, want 0", deref(r.Value))
			}
			if r.Indicator.ID == "missing_episodes" && (r.Value == nil || *r.Value != 5) {
				t.Errorf("missing episodes to 2 July: %v, want 5 (child 8's of 1 July counted)", deref(r.Value))
			}
		}
	})
}

// figures is each result's numbers, by indicator, for comparing runs.
func figures(rs []metrics.Result) map[string][4]any {
	out := map[string][4]any{}
	for _, r := range rs {
		out[r.Indicator.ID] = [4]any{deref(r.Value), r.Numerator, deref(r.Denominator), r.Reason}
	}
	return out
}

// TestRecordsMarkedInErrorLeaveTheIndicators marks child 8's away episode
// of 1 May and child 6's late final hearing as entered in error: the
// engine reads those two children again (not the whole authority), the
// episode no longer counts and child 6's proceedings no longer have a
// final hearing, as a fresh load agrees.
func TestRecordsMarkedInErrorLeaveTheIndicators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		write(t, st)
		e := engine.New(st)
		if _, err := e.Compute(ctx, metrics.Query{AsAt: asAt}); err != nil {
			t.Fatal(err)
		}
		mark := func(kind string, child, id int64, version int) {
			t.Helper()
			if err := st.MarkInError(ctx, store.System, kind, child, id, version, "Recorded on the wrong child"); err != nil {
				t.Fatal(err)
			}
		}
		eight, err := st.CaseFile(ctx, 8)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range eight.Missing {
			if m.Kind == "A" {
				mark("missing_episode", 8, m.ID, m.Version)
			}
		}
		six, err := st.CaseFile(ctx, 6)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range six.Hearings {
			mark("hearing", 6, h.ID, h.Version)
		}
		got, err := e.Compute(ctx, metrics.Query{AsAt: asAt})
		if err != nil {
			t.Fatal(err)
		}
		if s := e.Stats(); s.FullLoads != 1 || s.Rereads != 2 {
			t.Errorf("stats %+v: want one load and two children read again", s)
		}
		byID := map[string]metrics.Result{}
		for _, r := range got {
			byID[r.Indicator.ID] = r
		}
		// 1 Mar, 10 Apr and 20 Jun; the away episode is gone.
		checkFigure(t, byID["missing_episodes"], want{"missing_episodes", 3, -1, 3})
		// child 8's final hearing on 18 Dec, in time; child 6's is gone.
		checkFigure(t, byID["proceedings_26w_pct"], want{"proceedings_26w_pct", 1, 1, 100})
		fresh, err := engine.New(st).Compute(ctx, metrics.Query{AsAt: asAt})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(figures(got), figures(fresh)) {
			t.Error("the engine brought up to date differs from a fresh load")
		}
	})
}
