package metrics_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/metrics"
)

func d(s string) time.Time {
	t, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func dp(s string) *time.Time { t := d(s); return &t }

// cpAuthority is five children, read as at 30 June 2024:
//
//   - 1: born 10 Jan 2020 (4), neglect plan since 1 May 2024 (under 3
//     months), a first plan; assessed 1 Apr 2024 with 3B and 16A, and
//     again on 1 Jun 2024 with 4B (after the plan: not counted); team Alpha.
//   - 2: born 1 Mar 2010 (14), emotional abuse plan since 1 Dec 2023 (6 to
//     12 months), one plan before; never assessed; team Beta.
//   - 3: born 1 Sep 2023 (under 1), neglect plan since 15 Feb 2024 (3 to 6
//     months); assessed 1 Feb 2024 with 16A; team Alpha.
//   - 4: born 1 Jan 2015, neglect plan from 1 Jan 2022 ended 30 Jun 2024:
//     not on a plan at the end of that day.
//   - 5: born 5 May 2012 (12), plan for multiple categories since 1 May
//     2022 (24 months or more); assessed 1 Apr 2022 with no factors; no
//     open case.
func cpAuthority() *metrics.Data {
	data := metrics.NewData(metrics.Org{Teams: []casework.Team{{ID: 7, Name: "Alpha"}, {ID: 8, Name: "Beta"}}})
	child := func(id int64, born string) casework.CaseFile {
		return casework.CaseFile{Child: casework.Child{ID: id, DateOfBirth: dp(born)},
			Referrals: []casework.Referral{{ID: id * 10, ChildID: id, Date: d("2021-12-01")}}}
	}
	plan := func(start string, end *time.Time, cat string, previous int) []casework.CPPlan {
		return []casework.CPPlan{{StartDate: d(start), EndDate: end, InitialCategory: cat, PreviousPlans: previous}}
	}
	assessed := func(day string, factors ...string) casework.Assessment {
		return casework.Assessment{ReferralID: 0, StartDate: d(day), Factors: factors}
	}
	c1, c2, c3, c4, c5 := child(1, "2020-01-10"), child(2, "2010-03-01"), child(3, "2023-09-01"), child(4, "2015-01-01"), child(5, "2012-05-05")
	c1.Plans, c1.Assessments = plan("2024-05-01", nil, "NEG", 0), []casework.Assessment{assessed("2024-04-01", "3B", "16A"), assessed("2024-06-01", "4B")}
	c2.Plans = plan("2023-12-01", nil, "EMO", 1)
	c3.Plans, c3.Assessments = plan("2024-02-15", nil, "NEG", 0), []casework.Assessment{assessed("2024-02-01", "16A")}
	c4.Plans = plan("2022-01-01", dp("2024-06-30"), "NEG", 0)
	c5.Plans, c5.Assessments = plan("2022-05-01", nil, "MUL", 0), []casework.Assessment{assessed("2022-04-01")}
	team := func(n int64) *int64 { return &n }
	data.Put(metrics.Records{Files: []casework.CaseFile{c1, c2, c3, c4, c5}, Involvements: []metrics.Involvement{
		{ID: 1, ChildID: 1, Start: d("2024-03-01"), TeamID: team(7)},
		{ID: 2, ChildID: 2, Start: d("2023-11-01"), TeamID: team(8)},
		{ID: 3, ChildID: 3, Start: d("2024-01-20"), TeamID: team(7)},
	}})
	return data
}

// rowsOf writes a table as "label: CAT=ids ..." lines, empty cells left out.
func rowsOf(cats []casework.Code, rows ...metrics.CPRow) []string {
	var out []string
	for _, r := range rows {
		var cells []string
		for k, c := range cats {
			if r.Count(k) > 0 {
				cells = append(cells, fmt.Sprintf("%s=%v", c.Code, r.Children[k]))
			}
		}
		out = append(out, r.Label+": "+strings.Join(cells, " "))
	}
	return out
}

func TestTheChildrenOnAPlanByCategoryAndWhatTheRecordSaysAboutThem(t *testing.T) {
	a := cpAuthority().CPPlans(d("2024-06-30"))
	if got, want := rowsOf(a.Categories, a.Totals), []string{"All children on a plan: NEG=[1 3] EMO=[2] MUL=[5]"}; !slices.Equal(got, want) {
		t.Errorf("totals: got %q, want %q (child 4's plan ended on the day)", got, want)
	}
	want := map[metrics.CPBy][]string{
		// the latest assessment on or before the plan's start; none recorded counts as 21
		metrics.CPByFactor: {"3B: Domestic abuse: parent or carer: NEG=[1]", "16A: Neglect: NEG=[1 3]",
			"21: No factors identified: MUL=[5]", "No assessment before the plan: EMO=[2]"},
		metrics.CPByAgeBand:  {"Under 1: NEG=[3]", "1 to 4: NEG=[1]", "10 to 15: EMO=[2] MUL=[5]"},
		metrics.CPByTeam:     {"Alpha: NEG=[1 3]", "Beta: EMO=[2]", "No open case: MUL=[5]"},
		metrics.CPByDuration: {"Under 3 months: NEG=[1]", "3 to 6 months: NEG=[3]", "6 to 12 months: EMO=[2]", "24 months or more: MUL=[5]"},
		metrics.CPByRepeat:   {"First plan: NEG=[1 3] MUL=[5]", "Second or subsequent plan: EMO=[2]"},
	}
	if len(a.Tables) != len(want) {
		t.Fatalf("got %d tables, want %d", len(a.Tables), len(want))
	}
	for _, tb := range a.Tables {
		if got := rowsOf(a.Categories, tb.Rows...); !slices.Equal(got, want[tb.By]) {
			t.Errorf("by %s:\n got %q\nwant %q", tb.By, got, want[tb.By])
		}
	}
}

func TestCategorySharesAtEachQuarterEnd(t *testing.T) {
	data := cpAuthority()
	ends := metrics.QuarterEnds(d("2024-06-30"), 1, d("2021-12-01"))
	wantEnds := []time.Time{d("2023-09-30"), d("2023-12-31"), d("2024-03-31"), d("2024-06-30")}
	if !slices.EqualFunc(ends, wantEnds, time.Time.Equal) {
		t.Fatalf("quarter ends: got %v, want %v", ends, wantEnds)
	}
	tr := data.CPShares(ends)
	// 30 Sep 2023: children 4 (NEG) and 5 (MUL); 31 Dec: and 2 (EMO);
	// 31 Mar 2024: and 3 (NEG); 30 Jun: 4 has gone and 1 (NEG) has come.
	wantNeg := []string{"1 of 2: 50.0", "1 of 3: 33.3", "2 of 4: 50.0", "2 of 4: 50.0"}
	for i, p := range tr.Points {
		got := fmt.Sprintf("%d of %d: %.1f", p.Counts[0], p.Total, *p.Percent(0))
		if got != wantNeg[i] {
			t.Errorf("neglect at %s: got %s, want %s", calendar.FormatDate(p.AsAt), got, wantNeg[i])
		}
	}
	if empty := (metrics.CPShare{}); empty.Percent(0) != nil {
		t.Error("a share of no children has a value")
	}
}

func TestStepEnds(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		step           metrics.Step
		want           []string
	}{
		{"month ends within the period, a leap February", "2024-01-15", "2024-04-30", metrics.Month, []string{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}},
		{"a month not ended by the last day is left out", "2024-01-01", "2024-03-30", metrics.Month, []string{"2024-01-31", "2024-02-29"}},
		{"quarter ends", "2024-01-15", "2024-09-29", metrics.Quarter, []string{"2024-03-31", "2024-06-30"}},
		{"a one-day period on a quarter end", "2024-03-31", "2024-03-31", metrics.Quarter, []string{"2024-03-31"}},
		{"a period whose first day is after its last", "2024-05-01", "2024-01-01", metrics.Month, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range metrics.StepEnds(d(c.from), d(c.to), c.step) {
				got = append(got, calendar.FormatDate(e))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
