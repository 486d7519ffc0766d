package timescale_test

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// courtFile has care proceedings (id 50) issued on day issued, with a
// final hearing on day final ("" for none).
func courtFile(issued, final string) casework.CaseFile {
	pr := casework.Proceedings{ID: 50, ChildID: child, IssuedOn: d(issued), Court: "Family Court", Application: "care"}
	if final != "" {
		pr.FinalHearing = p(final)
	}
	return casework.CaseFile{Child: casework.Child{ID: child}, Proceedings: []casework.Proceedings{pr}}
}

// care_proceedings_26wk: 26 weeks beginning with the day of issue.
func TestRuleCareProceedings26Weeks(t *testing.T) {
	checkRule(t, []ruleCase{
		{name: "edge case 13: issued Tue 1 Apr 2025, due Mon 29 Sep 2025", cf: courtFile("2025-04-01", ""), asAt: "2025-04-01",
			want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 due"}},
		{name: "final hearing on the last day is in time", cf: courtFile("2025-04-01", "2025-09-29"), asAt: "2025-10-01",
			want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 done_in_time done 2025-09-29"}},
		{name: "final hearing the day after is late", cf: courtFile("2025-04-01", "2025-09-30"), asAt: "2025-10-01",
			want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 done_late done 2025-09-30"}},
		{name: "over 26 weeks with no final hearing", cf: courtFile("2025-04-01", ""), asAt: "2025-09-30",
			want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 overdue"}},
		{name: "a final hearing after the date asked is not yet held", cf: courtFile("2025-04-01", "2025-09-01"), asAt: "2025-08-01",
			want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 due"}},
		{name: "proceedings issued after the date asked are ignored", cf: courtFile("2025-04-01", ""), asAt: "2025-03-31"},
	}, "care_proceedings_26wk")
}

// extended gives courtFile's proceedings extensions of weeks granted on
// the days given (s.32(5)).
func extended(cf casework.CaseFile, grants ...any) casework.CaseFile {
	for i := 0; i+1 < len(grants); i += 2 {
		cf.Extensions = append(cf.Extensions, casework.ProceedingsExtension{ID: int64(70 + i), ChildID: child,
			ProceedingsID: 50, Weeks: grants[i].(int), GrantedOn: d(grants[i+1].(string)), Reason: "Expert report delayed"})
	}
	return cf
}

// care_proceedings_26wk with extensions: each extension granted by the day
// asked moves the final hearing's due date by its weeks.
func TestRuleCareProceedings26WeeksExtended(t *testing.T) {
	checkRule(t, []ruleCase{
		{name: "8 weeks granted on 1 Sep: due Mon 24 Nov 2025", cf: extended(courtFile("2025-04-01", ""), 8, "2025-09-01"),
			asAt: "2025-09-01", want: []string{"care_proceedings_26wk 2025-04-01→2025-11-24 due"}},
		{name: "an extension granted after the day asked does not count yet", cf: extended(courtFile("2025-04-01", ""), 8, "2025-09-01"),
			asAt: "2025-08-31", want: []string{"care_proceedings_26wk 2025-04-01→2025-09-29 due"}},
		{name: "two extensions add up: 8 and 4 weeks", cf: extended(courtFile("2025-04-01", ""), 8, "2025-09-01", 4, "2025-11-10"),
			asAt: "2025-11-10", want: []string{"care_proceedings_26wk 2025-04-01→2025-12-22 due"}},
		{name: "a final hearing within the extension is in time", cf: extended(courtFile("2025-04-01", "2025-11-20"), 8, "2025-09-01"),
			asAt: "2025-12-01", want: []string{"care_proceedings_26wk 2025-04-01→2025-11-24 done_in_time done 2025-11-20"}},
		{name: "past the extended date with no final hearing", cf: extended(courtFile("2025-04-01", ""), 2, "2025-09-01"),
			asAt: "2025-10-14", want: []string{"care_proceedings_26wk 2025-04-01→2025-10-13 overdue"}},
	}, "care_proceedings_26wk")
	if got := timescale.TargetDate(d("2025-04-01"), 8); !got.Equal(d("2025-11-24")) {
		t.Errorf("TargetDate with 8 weeks = %s, want 2025-11-24", got)
	}
}

// pre_proceedings: local standard, 16 weeks from the decision.
func TestRulePreProceedings(t *testing.T) {
	plo := func(end string) casework.CaseFile {
		p0 := casework.PreProceedings{ID: 60, ChildID: child, StartDate: d("2026-06-01")}
		if end != "" {
			p0.EndDate = p(end)
		}
		return casework.CaseFile{Child: casework.Child{ID: child}, PLOs: []casework.PreProceedings{p0}}
	}
	checkRule(t, []ruleCase{
		{name: "16 weeks from the decision", cf: plo(""), asAt: "2026-06-01",
			want: []string{"pre_proceedings 2026-06-01→2026-09-21 due local"}},
		{name: "ended within 16 weeks", cf: plo("2026-09-01"), asAt: "2026-10-01",
			want: []string{"pre_proceedings 2026-06-01→2026-09-21 done_in_time done 2026-09-01 local"}},
		{name: "still running after 16 weeks", cf: plo(""), asAt: "2026-09-22",
			want: []string{"pre_proceedings 2026-06-01→2026-09-21 overdue local"}},
		{name: "a setting of 12 weeks", cf: plo(""), asAt: "2026-06-01", set: func(s *timescale.Settings) { s.PreProceedingsWeeks = 12 },
			want: []string{"pre_proceedings 2026-06-01→2026-08-24 due local"}},
	}, "pre_proceedings")
}

func TestProceedingsWeekAndDue(t *testing.T) {
	for _, tc := range []struct {
		on   string
		want int
	}{{"2025-03-31", 0}, {"2025-04-01", 1}, {"2025-04-07", 1}, {"2025-04-08", 2}, {"2025-09-29", 26}, {"2025-09-30", 27}} {
		if got := timescale.ProceedingsWeek(d("2025-04-01"), d(tc.on)); got != tc.want {
			t.Errorf("week of %s = %d, want %d", tc.on, got, tc.want)
		}
	}
	if got := timescale.FinalHearingDue(d("2025-04-01")); !got.Equal(d("2025-09-29")) {
		t.Errorf("FinalHearingDue = %s, want 2025-09-29", got)
	}
}

// missingCourtFile is a year of missing episodes, interviews, screenings,
// pre-proceedings and proceedings for one child.
func missingCourtFile() casework.CaseFile {
	cf := missingFile("2026-01-05", "2026-01-07", "2026-01-09")
	cf.Missing = append(cf.Missing, casework.MissingEpisode{ID: 32, From: "care", Kind: "A", StartDate: d("2026-03-02"), EndDate: p("2026-03-04")})
	cf.Screenings = screeningFile(false, "2026-01-08", "2026-02-20", "2026-05-01").Screenings
	cf.PLOs = []casework.PreProceedings{{ID: 60, StartDate: d("2026-02-02"), EndDate: p("2026-04-06"), Outcome: "proceedings"}}
	cf.Proceedings = courtFile("2026-04-06", "2026-10-20").Proceedings
	return cf
}

// truncateMissingCourt is the file as it stood at the end of day asAt.
func truncateMissingCourt(cf casework.CaseFile, asAt string) casework.CaseFile {
	day := d(asAt)
	after := func(p *time.Time) *time.Time {
		if p != nil && p.After(day) {
			return nil
		}
		return p
	}
	out := casework.CaseFile{Child: cf.Child}
	for _, e := range cf.Missing {
		if !e.StartDate.After(day) {
			e.EndDate = after(e.EndDate)
			out.Missing = append(out.Missing, e)
		}
	}
	for _, ri := range cf.Interviews {
		if !ri.OfferedOn.After(day) {
			out.Interviews = append(out.Interviews, ri)
		}
	}
	for _, s := range cf.Screenings {
		if !s.Date.After(day) {
			out.Screenings = append(out.Screenings, s)
		}
	}
	for _, pl := range cf.PLOs {
		if !pl.StartDate.After(day) {
			pl.EndDate = after(pl.EndDate)
			out.PLOs = append(out.PLOs, pl)
		}
	}
	for _, pr := range cf.Proceedings {
		if !pr.IssuedOn.After(day) {
			pr.FinalHearing = after(pr.FinalHearing)
			out.Proceedings = append(out.Proceedings, pr)
		}
	}
	return out
}

// The missing and court rules read no record dated after the day asked.
func TestMissingAndCourtRulesAsAtIgnoreLaterRecords(t *testing.T) {
	cf, s := missingCourtFile(), timescale.DefaultSettings()
	for day := d("2026-01-01"); !day.After(d("2026-12-31")); day = day.AddDate(0, 0, 1) {
		asAt := day.Format(time.DateOnly)
		got := rows(timescale.Tasks(cf, nil, s, day))
		want := rows(timescale.Tasks(truncateMissingCourt(cf, asAt), nil, s, day))
		if !slices.Equal(got, want) {
			t.Fatalf("as at %s: got %v, want %v", asAt, got, want)
		}
	}
	got := rows(timescale.Tasks(cf, nil, s, d("2026-12-31")))
	want := []string{
		"missing_rhi 2026-01-07→2026-01-10 done_in_time done 2026-01-09",
		"exploitation_review 2026-01-08→2026-02-08 done_late done 2026-02-20 local",
		"missing_rhi 2026-03-04→2026-03-07 overdue",
		"exploitation_review 2026-02-20→2026-03-20 done_late done 2026-05-01 local",
		"pre_proceedings 2026-02-02→2026-05-25 done_in_time done 2026-04-06 local",
		"exploitation_review 2026-05-01→2026-06-01 overdue local",
		"care_proceedings_26wk 2026-04-06→2026-10-04 done_late done 2026-10-20",
	}
	if !slices.Equal(got, want) {
		t.Errorf("as at the end of 2026:\ngot  %v\nwant %v", got, want)
	}
}
