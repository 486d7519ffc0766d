package engine_test

import (
	"context"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/metrics"
	"sightline/internal/store"
)

// The hand-built authority: one team, three workers, four children and
// 1,000 children living in the area. The indicators are read as at Friday
// 28 June 2024, over the 12 months from 29 June 2023 (no bank holiday
// falls between 27 May and 26 August 2024, so working days are weekdays).
var asAt = day("2024-06-28")

func day(s string) time.Time {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dayp(s string) *time.Time { d := day(s); return &d }

func idp(n int64) *int64 { return &n }

// handBuilt is the authority's records, written in one synthetic batch:
//
//   - Child 1 (boy, 10): contact and referral on Mon 3 June 2024, decided
//     the next day; assessment authorised 24 June (15 working days);
//     strategy discussion and s47 on 5 June; ICPC and a plan for neglect on
//     19 June (10 working days); seen on 26 June; held by worker 1.
//   - Child 2 (girl, 4): a referral on 1 Dec 2021 with a plan for emotional
//     abuse from 10 Jan to 1 Jul 2022; a referral on Mon 4 Sep 2023 decided
//     on the 8th (late), assessment authorised 30 Nov 2023 (63 working
//     days), closed 1 Dec 2023; a re-referral on Mon 5 Feb 2024 decided the
//     same day; strategy and s47 on 12 Feb; ICPC on 6 Mar (17 working days,
//     late) and a second plan, for physical abuse; core groups on 19 Mar
//     (in time) and 7 May (late, the next was due 30 Apr) and none by 18
//     Jun (overdue); first review on 5 Jun (due 6 Jun); last seen on 31 May;
//     held by worker 3, who left on 14 June.
//   - Child 3 (girl, 16, disabled): contacts on 5 Jan 2022 and 10 Jan 2024,
//     neither referred.
//   - Child 4 (boy, 12): referral on 1 Dec 2020, a plan for neglect since
//     4 Jan 2021, last seen 2 Jan 2024; held by worker 2 (agency, half time).
func handBuilt() *store.SyntheticBatch {
	team := idp(1)
	b := &store.SyntheticBatch{Seq: 1, Teams: []casework.Team{{ID: 1, Name: "Assessment team", Kind: "assessment"}}}
	b.Workers = []casework.StaffRecord{
		{Worker: casework.Worker{ID: 1, Name: "Ann Able", JobRole: "Social worker", TeamID: team, FTE: 1, EmploymentType: "permanent", StartDate: day("2020-01-01")}},
		{Worker: casework.Worker{ID: 2, Name: "Ben Brook", JobRole: "Social worker", TeamID: team, FTE: 0.5, EmploymentType: casework.Agency, StartDate: day("2020-01-01")}},
		{Worker: casework.Worker{ID: 3, Name: "Cal Cole", JobRole: "Social worker", TeamID: team, FTE: 1, EmploymentType: "permanent", StartDate: day("2020-01-01"), EndDate: dayp("2024-06-14")}},
	}
	child := func(id int64, born, sex string, disabilities ...string) casework.Child {
		return casework.Child{ID: id, LAChildID: "HB" + string(rune('0'+id)), FirstName: "Child", LastName: string(rune('A' + id)),
			DateOfBirth: dayp(born), Sex: sex, Ethnicity: "WBRI", Disabilities: disabilities, Synthetic: true}
	}
	b.Children = []casework.Child{child(1, "2014-01-10", "M"), child(2, "2020-05-01", "F"),
		child(3, "2008-03-01", "F", "MOB"), child(4, "2012-06-01", "M")}
	b.Contacts = []casework.Contact{
		{ID: 1, ChildID: 1, ReceivedAt: day("2024-06-03").Add(9 * time.Hour), Date: day("2024-06-03"), Source: "1A", Concerns: "x",
			Decision: "referral", DecisionDate: dayp("2024-06-03"), ReferralID: idp(1), RecordedBy: "t"},
		{ID: 2, ChildID: 3, ReceivedAt: day("2022-01-05").Add(9 * time.Hour), Date: day("2022-01-05"), Source: "1A", Concerns: "x",
			Decision: "nfa", DecisionDate: dayp("2022-01-05"), Reason: "x", RecordedBy: "t"},
		{ID: 3, ChildID: 3, ReceivedAt: day("2024-01-10").Add(9 * time.Hour), Date: day("2024-01-10"), Source: "1A", Concerns: "x",
			Decision: "nfa", DecisionDate: dayp("2024-01-10"), Reason: "x", RecordedBy: "t"},
	}
	ref := func(id, child int64, date, decided string, closed *time.Time, inv int64) casework.Referral {
		return casework.Referral{ID: id, ChildID: child, InvolvementID: idp(inv), Date: day(date), Source: "1A", PrimaryNeed: "N1",
			Decision: "assessment", DecisionDate: dayp(decided), ClosureDate: closed}
	}
	b.Referrals = []casework.Referral{
		ref(1, 1, "2024-06-03", "2024-06-04", nil, 1),
		ref(4, 2, "2021-12-01", "2021-12-01", dayp("2022-07-01"), 5),
		ref(2, 2, "2023-09-04", "2023-09-08", dayp("2023-12-01"), 2),
		ref(3, 2, "2024-02-05", "2024-02-05", nil, 3),
		ref(5, 4, "2020-12-01", "2020-12-01", nil, 4),
	}
	b.Contacts[0].ReferralID = idp(1)
	b.Referrals[0].ContactID = idp(1)
	inv := func(id, child int64, start string, end *time.Time) casework.Involvement {
		return casework.Involvement{ID: id, ChildID: child, StartDate: day(start), EndDate: end, TeamID: team}
	}
	b.Involvements = []casework.Involvement{inv(1, 1, "2024-06-03", nil), inv(5, 2, "2021-12-01", dayp("2022-07-01")),
		inv(2, 2, "2023-09-04", dayp("2023-12-01")), inv(3, 2, "2024-02-05", nil), inv(4, 4, "2020-12-01", nil)}
	b.Allocations = []store.AllocationRow{
		{ID: 1, InvolvementID: 1, TeamID: team, WorkerID: idp(1), StartDate: day("2024-06-03")},
		{ID: 2, InvolvementID: 3, TeamID: team, WorkerID: idp(3), StartDate: day("2024-02-05")},
		{ID: 3, InvolvementID: 4, TeamID: team, WorkerID: idp(2), StartDate: day("2020-12-01")},
	}
	b.Assessments = []casework.Assessment{
		{ID: 1, ChildID: 1, ReferralID: 1, StartDate: day("2024-06-03"), CompletedDate: dayp("2024-06-21"), AuthorisedDate: dayp("2024-06-24"), Outcome: "cin"},
		{ID: 2, ChildID: 2, ReferralID: 2, StartDate: day("2023-09-05"), CompletedDate: dayp("2023-11-29"), AuthorisedDate: dayp("2023-11-30"), Outcome: "cin"},
	}
	b.Strategies = []casework.StrategyDiscussion{
		{ID: 1, ChildID: 1, ReferralID: 1, Date: day("2024-06-05"), InitiatedS47: true},
		{ID: 2, ChildID: 2, ReferralID: 3, Date: day("2024-02-12"), InitiatedS47: true},
	}
	b.S47s = []casework.S47Enquiry{
		{ID: 1, ChildID: 1, ReferralID: 1, StrategyID: idp(1), StartDate: day("2024-06-05"), EndDate: dayp("2024-06-12"), Outcome: "icpc"},
		{ID: 2, ChildID: 2, ReferralID: 3, StrategyID: idp(2), StartDate: day("2024-02-12"), EndDate: dayp("2024-03-06"), Outcome: "icpc"},
	}
	b.Conferences = []casework.Conference{
		{ID: 1, ChildID: 1, Kind: casework.InitialConference, S47ID: idp(1), Date: day("2024-06-19"), Decision: "plan", Category: "NEG"},
		{ID: 2, ChildID: 2, Kind: casework.InitialConference, S47ID: idp(2), Date: day("2024-03-06"), Decision: "plan", Category: "PHY"},
		{ID: 3, ChildID: 2, Kind: casework.ReviewConference, PlanID: idp(3), Date: day("2024-06-05"), Decision: "continue"},
	}
	plan := func(id, child, referral int64, conf *int64, start string, end *time.Time, cat string) casework.CPPlan {
		return casework.CPPlan{ID: id, ChildID: child, ReferralID: referral, ConferenceID: conf, StartDate: day(start), EndDate: end,
			InitialCategory: cat, LatestCategory: cat}
	}
	b.Plans = []casework.CPPlan{
		plan(1, 1, 1, idp(1), "2024-06-19", nil, "NEG"),
		plan(2, 2, 4, nil, "2022-01-10", dayp("2022-07-01"), "EMO"),
		plan(3, 2, 3, idp(2), "2024-03-06", nil, "PHY"),
		plan(4, 4, 5, nil, "2021-01-04", nil, "NEG"),
	}
	b.Plans[1].EndReason = "RC4"
	b.CoreGroups = []casework.CoreGroup{{ID: 1, PlanID: 3, ChildID: 2, Date: day("2024-03-19")}, {ID: 2, PlanID: 3, ChildID: 2, Date: day("2024-05-07")}}
	visit := func(id, child int64, date string) casework.Visit {
		return casework.Visit{ID: id, ChildID: child, Date: day(date), Kind: "cp", Seen: true, Place: "home"}
	}
	b.Visits = []casework.Visit{visit(1, 1, "2024-06-26"), visit(2, 2, "2024-05-31"), visit(3, 4, "2024-01-02")}
	return b
}

// write writes the hand-built authority and its child population.
func write(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	b := handBuilt()
	addCare(b)
	if _, err := st.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
	writeCasework(t, st)
	if err := st.PutSetting(ctx, store.System, metrics.KeyChildPopulation, "1000", 0); err != nil {
		t.Fatal(err)
	}
}
