package annexa_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/annexa"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

var ctx = context.Background()

func d(y int, m time.Month, day int) time.Time { return calendar.Date(y, m, day) }

func ptr[T any](v T) *T { return &v }

// asAt is the inspection's day in the hand-built authority: the six
// months run from 30 December 2025, the twelve from 30 June 2025.
var asAt = d(2026, time.June, 30)

// handBuilt writes three children through the store. Anna (restricted)
// came through the front door in January 2026 and is on a child protection
// plan; Ben, an unaccompanied asylum-seeking child until July 2025, has
// been in care since March 2025 and moved placement in September; Dan,
// formerly UASC, is a care leaver; Cara's contacts fall either side of the six months' first day.
func handBuilt(t *testing.T, s *store.Store) {
	n, err := s.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	anna, ben, cara, dan := n.Child, n.Child+1, n.Child+2, n.Child+3
	b := &store.SyntheticBatch{Seq: 1,
		Teams: []casework.Team{{ID: n.Team, Name: "North CP team", Kind: "child_protection"}},
		Children: []casework.Child{
			{ID: anna, LAChildID: "A1", FirstName: "Anna", LastName: "Able", Sex: "F", Ethnicity: "WBRI",
				DateOfBirth: ptr(d(2015, 3, 10)), Disabilities: []string{"NONE"}, Restricted: true, Synthetic: true},
			{ID: ben, LAChildID: "B2", FirstName: "Ben", LastName: "Brown", Sex: "M", Ethnicity: "BAFR",
				DateOfBirth: ptr(d(2010, 7, 1)), Disabilities: []string{"AUT"}, Synthetic: true,
				UASC: true, UASCCeased: ptr(d(2025, 7, 1))}, // ceased within the twelve months
			{ID: cara, LAChildID: "C3", FirstName: "Cara", LastName: "Cole", Sex: "U", Ethnicity: "NOBT",
				DateOfBirth: ptr(d(2020, 12, 31)), Synthetic: true},
			{ID: dan, LAChildID: "D4", FirstName: "Dan", LastName: "Dale", Sex: "M", Ethnicity: "WIRT",
				DateOfBirth: ptr(d(2006, 9, 15)), Disabilities: []string{"NONE"}, Synthetic: true,
				UASC: true, UASCCeased: ptr(d(2024, 9, 15))}, // formerly UASC, ceased on the 18th birthday
		},
		Involvements: []casework.Involvement{{ID: n.Involvement, ChildID: anna, StartDate: d(2026, 1, 6), TeamID: ptr(n.Team)}},
		Contacts: []casework.Contact{
			{ID: n.Contact, ChildID: anna, Date: d(2025, 11, 1), ReceivedAt: d(2025, 11, 1), Source: "1A"},
			{ID: n.Contact + 1, ChildID: anna, Date: d(2026, 1, 5), ReceivedAt: d(2026, 1, 5), Source: "2A"},
			{ID: n.Contact + 2, ChildID: cara, Date: d(2025, 12, 29), ReceivedAt: d(2025, 12, 29), Source: "10"},
			{ID: n.Contact + 3, ChildID: cara, Date: d(2025, 12, 30), ReceivedAt: d(2025, 12, 30), Source: "10"},
		},
		Referrals: []casework.Referral{
			{ID: n.Referral, ChildID: anna, Date: d(2025, 8, 1), Source: "1A", NFA: true, ClosureDate: ptr(d(2025, 8, 2)), ClosureReason: "RC8"},
			{ID: n.Referral + 1, ChildID: anna, Date: d(2026, 1, 6), Source: "2A", PrimaryNeed: "N1"},
			{ID: n.Referral + 2, ChildID: cara, Date: d(2025, 12, 29), Source: "10", PrimaryNeed: "N8",
				ClosureDate: ptr(d(2025, 12, 29)), ClosureReason: "RC8"},
		},
		Assessments: []casework.Assessment{{ID: n.Assessment, ChildID: anna, ReferralID: n.Referral + 1, StartDate: d(2026, 1, 7),
			Outcome: "strategy", CompletedDate: ptr(d(2026, 2, 1)), AuthorisedDate: ptr(d(2026, 2, 3))}},
		Strategies: []casework.StrategyDiscussion{{ID: n.Strategy, ChildID: anna, ReferralID: n.Referral + 1, Date: d(2026, 2, 4), InitiatedS47: true}},
		S47s: []casework.S47Enquiry{{ID: n.S47, ChildID: anna, ReferralID: n.Referral + 1, StrategyID: ptr(n.Strategy),
			StartDate: d(2026, 2, 4), EndDate: ptr(d(2026, 2, 18)), Outcome: "icpc"}},
		Conferences: []casework.Conference{
			{ID: n.Conference, ChildID: anna, Kind: casework.InitialConference, S47ID: ptr(n.S47), Date: d(2026, 2, 20), Decision: "plan", Category: "NEG"},
			{ID: n.Conference + 1, ChildID: anna, Kind: casework.ReviewConference, PlanID: ptr(n.Plan), Date: d(2026, 5, 15), Decision: "continue"},
		},
		Plans: []casework.CPPlan{{ID: n.Plan, ChildID: anna, ReferralID: n.Referral + 1, ConferenceID: ptr(n.Conference),
			StartDate: d(2026, 2, 20), InitialCategory: "NEG", LatestCategory: "NEG", PreviousPlans: 1}},
		Visits: []casework.Visit{
			{ID: n.Visit, ChildID: anna, Date: d(2026, 1, 20), Kind: "assessment", Seen: true, Place: "home"},
			{ID: n.Visit + 1, ChildID: anna, Date: d(2026, 3, 2), Kind: "cp", Seen: true, SeenAlone: true, Place: "school"},
			{ID: n.Visit + 2, ChildID: ben, Date: d(2026, 6, 1), Kind: "cla", Seen: true, Place: "placement"},
		},
	}
	b.CareEpisodes = []casework.CareEpisode{
		{ID: n.CareEpisode, ChildID: ben, StartDate: d(2025, 3, 1), Reason: "S", CategoryOfNeed: "N1", EndDate: ptr(d(2025, 9, 1)), EndReason: "X1"},
		{ID: n.CareEpisode + 1, ChildID: ben, StartDate: d(2025, 9, 1), Reason: "P", CategoryOfNeed: "N1"},
	}
	b.LegalStatuses = []casework.LegalStatus{
		{ID: n.LegalStatus, ChildID: ben, EpisodeID: n.CareEpisode, StartDate: d(2025, 3, 1), Code: "V2"},
		{ID: n.LegalStatus + 1, ChildID: ben, EpisodeID: n.CareEpisode + 1, StartDate: d(2025, 9, 1), Code: "C2"},
	}
	b.Placements = []casework.Placement{
		{ID: n.Placement, ChildID: ben, EpisodeID: n.CareEpisode, StartDate: d(2025, 3, 1), EndDate: ptr(d(2025, 9, 1)),
			Type: "U1", Provider: "PR1", Postcode: "AB1 2CD", InArea: true},
		{ID: n.Placement + 1, ChildID: ben, EpisodeID: n.CareEpisode + 1, StartDate: d(2025, 9, 1), Type: "U4",
			Provider: "PR4", Postcode: "XY9 8ZZ", URN: casework.NotRegisteredURN},
	}
	b.CareEvents = []casework.CareEvent{
		{ID: n.CareEvent, ChildID: ben, EpisodeID: n.CareEpisode + 1, Kind: casework.HealthReview, Date: d(2026, 2, 2)},
		{ID: n.CareEvent + 1, ChildID: ben, EpisodeID: n.CareEpisode + 1, Kind: casework.DentalCheck, Date: d(2026, 3, 3)},
		{ID: n.CareEvent + 2, ChildID: ben, EpisodeID: n.CareEpisode + 1, Kind: casework.CareReview, Date: d(2026, 4, 10)},
	}
	if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
	// Ben's plan is adoption; Dan left care at 18 and is a former relevant
	// care leaver.
	actor := store.Actor{Name: "test"}
	if _, err := s.RecordPermanencePlan(ctx, actor, casework.PermanencePlan{ChildID: ben, Plan: casework.PermAdoption,
		DecidedOn: d(2025, 10, 1), ShouldBePlaced: ptr(d(2025, 11, 3)), PlacementOrder: ptr(d(2026, 1, 15))}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveCareLeaver(ctx, actor, casework.CareLeaver{ChildID: dan, Category: casework.LeaverFormerRelevant,
		From: d(2024, 9, 15), CareStarted: ptr(d(2021, 4, 1)), CareEnded: ptr(d(2024, 9, 15)), Adviser: "Sam Okafor"}); err != nil {
		t.Fatal(err)
	}
	for _, pr := range []casework.PathwayRecord{{ChildID: dan, Kind: casework.PathwayPlan, Date: d(2025, 9, 1)},
		{ChildID: dan, Kind: casework.PathwayReview, Date: d(2026, 4, 1)}} {
		if _, err := s.RecordPathway(ctx, actor, pr); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordLeaverContact(ctx, actor, casework.LeaverContact{ChildID: dan, Date: d(2026, 5, 20), InTouch: "YES",
		Activity: "F2", Accom: "D1"}); err != nil {
		t.Fatal(err)
	}
}

// The common columns of each child as the template writes them on 30 June
// 2026 (Ben turns 16 on 1 July).
var (
	annaCols = []string{"A1", "b) Female", "a) WBRI", "10/03/2015", "11"}
	benCols  = []string{"B2", "a) Male", "o) BAFR", "01/07/2010", "15"}
	caraCols = []string{"C3", "c) Not stated/recorded", "s) NOBT", "31/12/2020", "5"}
	danCols  = []string{"D4", "a) Male", "c) WIRT", "15/09/2006", "19"}
)

func cat(parts ...[]string) []string {
	var r []string
	for _, p := range parts {
		r = append(r, p...)
	}
	return r
}

// TestHandBuiltAuthorityListsAsWorkedOut exports the hand-built authority
// on both backends and reads the workbook back sheet by sheet.
func TestHandBuiltAuthorityListsAsWorkedOut(t *testing.T) {
	want := map[string][][]string{
		"List 1": {
			cat(annaCols, []string{"05/01/2026", "e) 2A: Schools"}),
			cat(caraCols, []string{"30/12/2025", "u) 10: Unknown"}), // the 29 December contact is before the six months
		},
		"List 3": { // the NFA referral of August 2025 counts in the twelve months only
			cat(annaCols, []string{"06/01/2026", "e) 2A: Schools", "No", "2", "North CP team", ""}),
		},
		"List 4": {
			cat(annaCols, []string{"No", "07/01/2026", "Yes", "03/02/2026", "Yes", "North CP team", ""}),
		},
		"List 5": {
			cat(annaCols, []string{"No", "04/02/2026", "No", "20/02/2026", "Yes", "1", "1", "North CP team", ""}),
		},
		"List 6": { // Cara's episode closed the day before the six months began
			cat(annaCols, []string{"No", "06/01/2026", "N1", "02/03/2026", "", "", "b) Child Protection plan", "North CP team", ""}),
		},
		"List 7": {
			cat(annaCols, []string{"No", "20/02/2026", "a) Neglect", "a) Neglect", "02/03/2026", "Yes", "15/05/2026", "", "", "1",
				"North CP team", ""}),
		},
		"List 8": { // two placements in the twelve months: the first ended on 1 September 2025
			cat(benCols, []string{"Yes", "Yes", "01/03/2025", "N1", "No", "01/09/2025", "C2", "10/04/2026", "01/06/2026", "b) Adoption", "",
				"02/02/2026", "03/03/2026", "2", "", "", "01/09/2025", "U4", "PR4", "XY9 8ZZ", "XXXXXXX", "b) Out", "", "0", "0", "", "", "", ""}),
		},
		"List 9": { // D1: supported lodgings (D), suitable (1)
			cat(danCols, []string{"Yes", "No", "", "", "Sam Okafor", "b) Former relevant", "01/04/2026", "YES", "20/05/2026", "D",
				"a) Suitable", "F2"}),
		},
		"List 10": { // the family identifier (second column) is not held
			{"B2", "", "a) Male", "o) BAFR", "01/07/2010", "15", "Yes", "01/03/2025", "03/11/2025", "15/01/2026", "", "", "", "", "", ""},
		},
	}
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		handBuilt(t, s)
		var buf bytes.Buffer
		wb, err := annexa.ExportStore(ctx, s, &buf, asAt)
		if err != nil {
			t.Fatal(err)
		}
		if wb.Restricted != 1 {
			t.Errorf("%d restricted children counted; Anna is the one", wb.Restricted)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		headers := schemaColumns(t)
		for sheet, rows := range want {
			got, err := f.GetRows(sheet)
			if err != nil {
				t.Fatalf("%s: %v", sheet, err)
			}
			if len(got) == 0 || !equal(got[0], headers[sheet]) {
				t.Errorf("%s headers:\n got %q\nwant %q", sheet, first(got), headers[sheet])
				continue
			}
			if len(got)-1 != len(rows) {
				t.Errorf("%s: %d rows, want %d: %q", sheet, len(got)-1, len(rows), got[1:])
				continue
			}
			for i, w := range rows {
				if g := pad(got[i+1], len(headers[sheet])); !equal(g, w) {
					t.Errorf("%s row %d:\n got %q\nwant %q", sheet, i+1, g, w)
				}
			}
		}
		// Dates are Excel dates (day numbers), not text.
		raw, err := f.GetCellValue("List 1", "F2", excelize.Options{RawCellValue: true})
		if err != nil || raw != "46027" {
			t.Errorf("List 1 F2 holds %q (%v); want the Excel day number of 5 January 2026, 46027", raw, err)
		}
		for _, absent := range []string{"List 2", "List 11"} {
			if idx, _ := f.GetSheetIndex(absent); idx != -1 {
				t.Errorf("%s is in the workbook though sightline holds none of its records", absent)
			}
		}
	})
}

func first(rows [][]string) []string {
	if len(rows) == 0 {
		return nil
	}
	return rows[0]
}

func pad(r []string, n int) []string {
	for len(r) < n {
		r = append(r, "")
	}
	return r
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
