package engine_test

import (
	"context"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// The hand-built authority's children in care, missing children, court
// cases, adoptions and care leavers (children 5 to 12; none has a
// referral, so the figures of handWorked do not move):
//
//   - Child 5 (girl, 9): looked after since Mon 4 Jan 2021 (full care
//     order); placed in area 3.0 miles away until 1 Sep 2022, then in area
//     22.0 miles away; seen on 5 Sep 2022 and 10 Jun 2024 (the next visit
//     due 22 Jul: none overdue); reviews on 1 Feb 2021, 30 Apr 2021, 20 Oct
//     2023 and 10 Apr 2024 (due 20 Apr: in time); health assessments on 20
//     Jan 2021 and 1 Sep 2023 (the next due 1 Sep 2024); PEPs on 12 Jan
//     2021 and 10 Sep 2023 (the next was due 10 Jan 2024: overdue).
//   - Child 6 (boy, 16): looked after since Mon 6 Nov 2023; three placements
//     (6 Nov in area 3.0 miles, 15 Jan out of area 12.0 miles, 2 Apr out
//     of area 25.5 miles), seen on 10 Nov and 20 Jan but not in the third
//     placement (its first visit was due 9 Apr: overdue); first review on
//     30 Nov (due 4 Dec: in time), second on 8 Mar (due 29 Feb: late); no
//     health assessment (looked after under 12 months); PEPs on 15 Nov and
//     1 Mar (the next due 1 Jul). Supervision proceedings issued Mon 2 Oct
//     2023, final hearing Mon 20 May 2024 (week 34: late).
//   - Child 7 (girl, 5): a series of short breaks (V3) since 1 Jan 2024,
//     no review held (the first was due 29 Jan).
//   - Child 8 (boy, 14): missing (M) 1–2 Mar 2024, interview on 4 Mar (in
//     time); missing 10–11 Apr, interview on 16 Apr (late); away (A) on 1
//     May; missing 20–27 Jun, interview on 29 Jun (after the date); missing
//     1–2 Jun 2023 (before the period). Care proceedings issued Mon 3 Jul
//     2023, final hearing Mon 18 Dec 2023 (week 25: in time).
//   - Child 9 (girl, 4): in care 1 Mar 2021 to 10 May 2023; placement
//     order 1 Mar 2022, matched 30 May 2022, placed 20 Jun 2022, adopted 10
//     May 2023.
//   - Child 10 (boy, 5): entered care 15 Jan 2020 (recorded on the plan);
//     adopted 1 Jun 2021, before the 3 years to the date.
//   - Child 11 (19 on 15 Sep 2023): in education or work, suitably housed.
//   - Child 12 (21 on 10 Jan 2024): not in education or work, unsuitably
//     housed, as recorded on 12 Jan.
func addCare(b *store.SyntheticBatch) {
	kid := func(id int64, born, sex string) casework.Child {
		return casework.Child{ID: id, LAChildID: "HB" + string(rune('0'+id)), FirstName: "Child", LastName: string(rune('A' + id)),
			DateOfBirth: dayp(born), Sex: sex, Ethnicity: "WBRI", Synthetic: true}
	}
	b.Children = append(b.Children, kid(5, "2015-03-01", "F"), kid(6, "2008-02-01", "M"), kid(7, "2019-01-01", "F"),
		kid(8, "2010-05-05", "M"), kid(9, "2020-02-02", "F"), kid(10, "2019-06-01", "M"),
		kid(11, "2004-09-15", "F"), kid(12, "2003-01-10", "M"))
	episode := func(id, child int64, start string, end *time.Time, endReason string) casework.CareEpisode {
		return casework.CareEpisode{ID: id, ChildID: child, StartDate: day(start), Reason: "S", CategoryOfNeed: "N1",
			IRO: "Ida Ross", EndDate: end, EndReason: endReason}
	}
	b.CareEpisodes = []casework.CareEpisode{episode(1, 5, "2021-01-04", nil, ""), episode(2, 6, "2023-11-06", nil, ""),
		episode(3, 7, "2024-01-01", nil, ""), episode(4, 9, "2021-03-01", dayp("2023-05-10"), "E11")}
	b.LegalStatuses = []casework.LegalStatus{{ID: 1, ChildID: 5, EpisodeID: 1, StartDate: day("2021-01-04"), Code: "C2"},
		{ID: 2, ChildID: 6, EpisodeID: 2, StartDate: day("2023-11-06"), Code: "C1"},
		{ID: 3, ChildID: 7, EpisodeID: 3, StartDate: day("2024-01-01"), Code: "V3"},
		{ID: 4, ChildID: 9, EpisodeID: 4, StartDate: day("2021-03-01"), Code: "C2"}}
	place := func(id, child, ep int64, start string, end *time.Time, inArea bool, miles float64) casework.Placement {
		return casework.Placement{ID: id, ChildID: child, EpisodeID: ep, StartDate: day(start), EndDate: end, Type: "U3",
			Provider: "PR1", Postcode: "AB1 2CD", DistanceMiles: miles, InArea: inArea}
	}
	b.Placements = []casework.Placement{
		place(1, 5, 1, "2021-01-04", dayp("2022-09-01"), true, 3), place(2, 5, 1, "2022-09-01", nil, true, 22),
		place(3, 6, 2, "2023-11-06", dayp("2024-01-15"), true, 3), place(4, 6, 2, "2024-01-15", dayp("2024-04-02"), false, 12),
		place(5, 6, 2, "2024-04-02", nil, false, 25.5), place(6, 7, 3, "2024-01-01", nil, true, 1),
		place(7, 9, 4, "2021-03-01", dayp("2022-06-20"), true, 2), place(8, 9, 4, "2022-06-20", dayp("2023-05-10"), true, 8),
	}
	b.Placements[7].Type = "A5"
	event := func(child, ep int64, kind, date string) casework.CareEvent {
		e := casework.CareEvent{ID: int64(len(b.CareEvents) + 1), ChildID: child, EpisodeID: ep, Kind: kind, Date: day(date)}
		if kind == casework.CareReview {
			e.IRO, e.Participation = "Ida Ross", "PN1"
		}
		return e
	}
	for _, e := range []struct {
		child, ep  int64
		kind, date string
	}{
		{5, 1, casework.CareReview, "2021-02-01"}, {5, 1, casework.CareReview, "2021-04-30"},
		{5, 1, casework.CareReview, "2023-10-20"}, {5, 1, casework.CareReview, "2024-04-10"},
		{5, 1, casework.HealthInitial, "2021-01-20"}, {5, 1, casework.HealthReview, "2023-09-01"},
		{5, 1, casework.PEPMeeting, "2021-01-12"}, {5, 1, casework.PEPMeeting, "2023-09-10"},
		{6, 2, casework.CareReview, "2023-11-30"}, {6, 2, casework.CareReview, "2024-03-08"},
		{6, 2, casework.PEPMeeting, "2023-11-15"}, {6, 2, casework.PEPMeeting, "2024-03-01"},
	} {
		b.CareEvents = append(b.CareEvents, event(e.child, e.ep, e.kind, e.date))
	}
	seen := func(id, child int64, date string) casework.Visit {
		return casework.Visit{ID: id, ChildID: child, Date: day(date), Kind: "cla", Seen: true, Place: "placement"}
	}
	b.Visits = append(b.Visits, seen(10, 5, "2022-09-05"), seen(11, 5, "2024-06-10"),
		seen(12, 6, "2023-11-10"), seen(13, 6, "2024-01-20"))
}

// writeCasework records child 8's missing episodes, the two sets of
// proceedings, the adoptions and the care leavers through the store's own
// actions, as workers would.
func writeCasework(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	for _, m := range []struct {
		kind, start, end string
		held             *time.Time
	}{
		{"M", "2023-06-01", "2023-06-02", dayp("2023-06-03")}, {"M", "2024-03-01", "2024-03-02", dayp("2024-03-04")},
		{"M", "2024-04-10", "2024-04-11", dayp("2024-04-16")}, {"A", "2024-05-01", "2024-05-01", nil},
		{"M", "2024-06-20", "2024-06-27", dayp("2024-06-29")},
	} {
		ep, err := st.RecordMissingEpisode(ctx, store.System, casework.MissingEpisode{ChildID: 8, From: "home", Kind: m.kind,
			StartDate: day(m.start), EndDate: dayp(m.end), WhereFound: "home"})
		check("missing episode", err)
		if m.held != nil {
			_, err = st.RecordReturnInterview(ctx, store.System, casework.ReturnInterview{ChildID: 8, EpisodeID: ep.ID,
				OfferedOn: day(m.end), HeldOn: m.held, HeldBy: "Return service"})
			check("return interview", err)
		}
	}
	for _, p := range []struct {
		child              int64
		app, issued, final string
		order              string
	}{{8, "care", "2023-07-03", "2023-12-18", "care_order"}, {6, "supervision", "2023-10-02", "2024-05-20", "supervision_order"}} {
		pr, err := st.IssueProceedings(ctx, store.System, casework.Proceedings{ChildID: p.child, IssuedOn: day(p.issued),
			Court: "Family Court", Application: p.app})
		check("proceedings", err)
		_, err = st.RecordHearing(ctx, store.System, casework.Hearing{ChildID: p.child, ProceedingsID: pr.ID,
			Kind: casework.HearingFinal, Date: day(p.final), FinalOrder: p.order}, nil)
		check("final hearing", err)
	}
	adopt := func(child int64, careStarted *time.Time, dates ...string) {
		p, err := st.RecordPermanencePlan(ctx, store.System, casework.PermanencePlan{ChildID: child, Plan: casework.PermAdoption,
			DecidedOn: day(dates[0]), CareStarted: careStarted})
		check("permanence plan", err)
		for i, set := range []func(*casework.PermanencePlan, *time.Time){
			func(p *casework.PermanencePlan, d *time.Time) { p.ShouldBePlaced = d },
			func(p *casework.PermanencePlan, d *time.Time) { p.PlacementOrder = d },
			func(p *casework.PermanencePlan, d *time.Time) { p.Matched = d },
			func(p *casework.PermanencePlan, d *time.Time) { p.Placed = d },
			func(p *casework.PermanencePlan, d *time.Time) { p.AdoptionOrder = d },
		} {
			set(&p, dayp(dates[i+1]))
			p, err = st.UpdatePermanencePlan(ctx, store.System, p)
			check("adoption stage", err)
		}
	}
	adopt(9, nil, "2021-09-01", "2021-10-01", "2022-03-01", "2022-05-30", "2022-06-20", "2023-05-10")
	adopt(10, dayp("2020-01-15"), "2020-03-01", "2020-04-01", "2020-09-01", "2020-10-31", "2020-11-20", "2021-06-01")
	leaver := func(child int64, eighteen string, contacts ...casework.LeaverContact) {
		_, err := st.SaveCareLeaver(ctx, store.System, casework.CareLeaver{ChildID: child, Category: casework.LeaverFormerRelevant,
			From: day(eighteen), CareStarted: dayp("2016-05-01"), CareEnded: dayp(eighteen), Adviser: "Pat Adviser",
			AdviserFrom: dayp(eighteen)})
		check("care leaver", err)
		for _, c := range contacts {
			c.ChildID = child
			_, err := st.RecordLeaverContact(ctx, store.System, c)
			check("leaver contact", err)
		}
	}
	leaver(11, "2022-09-15", casework.LeaverContact{Date: day("2022-09-20"), Birthday: 18, InTouch: "YES", Activity: "G5", Accom: "B2"},
		casework.LeaverContact{Date: day("2023-09-20"), Birthday: 19, InTouch: "YES", Activity: "F5", Accom: "D1"})
	leaver(12, "2021-01-10", casework.LeaverContact{Date: day("2024-01-12"), Birthday: 21, InTouch: "YES", Activity: "G4", Accom: "B2"})
}

// handWorkedCare are the care figures as at 28 June 2024 (period from 29
// June 2023), worked out from the records described at addCare.
var handWorkedCare = []want{
	// looked after at the date: children 5 and 6 (child 7's short breaks
	// and child 9's ended care do not count); 2 per 1,000 children.
	{"cla_per_10k", 2, 1000, 20},
	// child 6 had 3 placements in the year, child 5 one.
	{"cla_placements_3plus_pct", 1, 2, 50},
	// under 16 and in care since before 28 Dec 2021: child 5 only, whose
	// placement began on 1 Sep 2022, after 28 Jun 2022.
	{"cla_long_term_stability_pct", 0, 1, 0},
	// child 6 is placed out of area; child 5 in it.
	{"cla_out_of_area_pct", 1, 2, 50},
	// child 5 at 22.0 miles and child 6 at 25.5.
	{"cla_over_20_miles_pct", 2, 2, 100},
	// child 6's first visit in the third placement is overdue.
	{"cla_visits_in_time_pct", 1, 2, 50},
	// due in the period: child 5's of 20 Apr (in time), child 6's of 4 Dec
	// (in time) and 29 Feb (late), child 7's of 29 Jan (not held).
	{"cla_reviews_in_time_pct", 2, 4, 50},
	// in care 12 months or more: child 5, next review due 1 Sep 2024.
	{"cla_health_in_time_pct", 1, 1, 100},
	// school age: children 5 (review overdue since 10 Jan) and 6.
	{"cla_pep_in_time_pct", 1, 2, 50},
	// started in the period: 1 Mar, 10 Apr, 1 May (away), 20 Jun.
	{"missing_episodes", 4, -1, 4},
	// missing episodes ending in the period: 2 Mar (interview on the 4th,
	// by the 5th: in time), 11 Apr (16th: late), 27 Jun (held on the 29th,
	// after the date: not held as at it); the away episode is left out.
	{"missing_rhi_72h_pct", 1, 3, 100.0 / 3},
	// final hearings in the period: child 8's on 18 Dec (due by 31 Dec) and
	// child 6's on 20 May (due by 31 Mar).
	{"proceedings_26w_pct", 1, 2, 50},
	// adopted since 28 Jun 2021: child 9 only; 1 Mar 2021 to 20 Jun 2022.
	{"adoption_a1_days", 476, 1, 476},
	// child 9: 1 Mar to 30 May 2022.
	{"adoption_a2_days", 90, 1, 90},
	// birthdays 19 to 21 in the period: child 11's 19th (F5) and child
	// 12's 21st (G4); child 11's 18th is not counted.
	{"care_leavers_eet_pct", 1, 2, 50},
	// child 11 in D1 (suitable), child 12 in B2 (not).
	{"care_leavers_accommodation_pct", 1, 2, 50},
}
