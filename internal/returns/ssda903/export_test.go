package ssda903

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
func ptr(t time.Time) *time.Time               { return &t }

// authority is a hand-built authority: Amy in care from January 2025
// from the home she had moved to in June 2024 (her family moved again in
// August 2025), with a change of legal status, two moves (one with a new
// status), a review, a missing period, an adoption decision, a change
// of social worker, two SDQs and two immunisation checks in the year
// (the latest of each counts), substance misuse with an intervention
// offered and received after 31 March, and a caution the year before;
// Ben, a care leaver who turned 18 in the year; Cal, looked after
// for three months in the year, who came into care the day the family
// moved home; Dan, whose care ended before it.
func authority() []casework.CaseFile {
	amy := casework.CaseFile{Child: casework.Child{ID: 1, LAChildID: "C100", Sex: "F", Ethnicity: "WBRI",
		UPN: "A123456789012", DateOfBirth: ptr(day(2015, 3, 10)), Motherhood: casework.Motherhood{Mother: "0"}}}
	amy.CareEpisodes = []casework.CareEpisode{{ID: 10, StartDate: day(2025, 1, 15), Reason: "S", CategoryOfNeed: "N1"}}
	amy.Addresses = []casework.Address{
		{Line1: "1 Old Road", Postcode: "LS1 1AA", StartDate: day(2015, 3, 10), EndDate: ptr(day(2024, 6, 1))},
		{Line1: "2 New Street", Postcode: "ls2 7ab", StartDate: day(2024, 6, 1), EndDate: ptr(day(2025, 8, 1))},
		{Line1: "3 Later Lane", Postcode: "LS6 3CD", StartDate: day(2025, 8, 1)}}
	amy.LegalStatuses = []casework.LegalStatus{{EpisodeID: 10, StartDate: day(2025, 1, 15), Code: "V2"},
		{EpisodeID: 10, StartDate: day(2025, 5, 1), Code: "C1"}, {EpisodeID: 10, StartDate: day(2025, 9, 1), Code: "C2"}}
	amy.Placements = []casework.Placement{
		{ID: 1, EpisodeID: 10, StartDate: day(2025, 1, 15), EndDate: ptr(day(2025, 7, 1)), Type: "U4", Provider: "PR1", Postcode: "ab1 2cd", ChangeReason: "CARPL", URN: "SC100001"},
		{ID: 2, EpisodeID: 10, StartDate: day(2025, 7, 1), EndDate: ptr(day(2025, 9, 1)), Type: "K2", Provider: "PR4", Postcode: "AB3 4EF", ChangeReason: "CHILD", URN: "XXXXXXX"},
		{ID: 3, EpisodeID: 10, StartDate: day(2025, 9, 1), Type: "U6", Provider: "PR1", Postcode: "AB5 6GH", URN: "SC100001"}}
	amy.CareEvents = []casework.CareEvent{
		{Kind: casework.CareReview, Date: day(2025, 2, 10), Participation: "PN1"},
		{Kind: casework.CareReview, Date: day(2025, 7, 20), Participation: "PN3"},
		{Kind: casework.HealthReview, Date: day(2025, 11, 1)},
		{Kind: casework.CareReview, Date: day(2026, 4, 5), Participation: "PN1"}}
	amy.Missing = []casework.MissingEpisode{{From: "care", Kind: "M", StartDate: day(2025, 8, 1), EndDate: ptr(day(2025, 8, 3))},
		{From: "care", Kind: "A", StartDate: day(2026, 3, 30), EndDate: ptr(day(2026, 4, 2))}}
	amy.Permanence = []casework.PermanencePlan{{ShouldBePlaced: ptr(day(2025, 10, 1)), Matched: ptr(day(2026, 5, 1))}}
	amy.Outcomes = []casework.CareOutcome{
		{Kind: casework.OutcomeConviction, Date: day(2025, 2, 1)},
		{Kind: casework.OutcomeImmunisations, Date: day(2025, 5, 1)},
		{Kind: casework.OutcomeSDQ, Date: day(2025, 6, 2), SDQScore: score(12)},
		{Kind: casework.OutcomeSubstanceMisuse, Date: day(2025, 10, 1), Offered: true, OfferedOn: ptr(day(2025, 10, 3)),
			Received: true, ReceivedOn: ptr(day(2026, 4, 20))},
		{Kind: casework.OutcomeSDQ, Date: day(2025, 12, 1), SDQScore: score(17)},
		{Kind: casework.OutcomeImmunisations, Date: day(2026, 1, 15), UpToDate: true},
		{Kind: casework.OutcomeSDQ, Date: day(2026, 4, 10), SDQScore: score(25)}}
	w1, w2 := int64(1), int64(2)
	amy.SocialWorkers = []casework.WorkerAllocation{
		{InvolvementID: 5, WorkerID: &w1, SWENo: "sw555 1234", StartDate: day(2024, 12, 1), EndDate: ptr(day(2025, 8, 1)), Reason: "Case opened"},
		{InvolvementID: 5, WorkerID: &w2, SWENo: "SW5559876", StartDate: day(2025, 8, 1), Reason: "Worker left: case passed to their successor"}}

	ben := casework.CaseFile{Child: casework.Child{ID: 2, LAChildID: "C200", Sex: "M", Ethnicity: "BAFR", UPNUnknown: "UN2",
		DateOfBirth: ptr(day(2007, 6, 15))}, Leaver: &casework.CareLeaver{Category: "relevant"}}
	ben.LeaverContacts = []casework.LeaverContact{{Date: day(2025, 6, 20), Birthday: 18, InTouch: "YES", Activity: "F2", Accom: "D1"}}

	cal := casework.CaseFile{Child: casework.Child{ID: 3, LAChildID: "C300", Sex: "U", Ethnicity: "NOBT", UPN: "B12345678901C",
		DateOfBirth: ptr(day(2019, 1, 1))}}
	cal.CareEpisodes = []casework.CareEpisode{{ID: 30, StartDate: day(2025, 11, 1), CategoryOfNeed: "N4", EndDate: ptr(day(2026, 2, 1)), EndReason: "E4A"}}
	cal.Addresses = []casework.Address{
		{Line1: "4 First Row", Postcode: "LS8 1AA", StartDate: day(2019, 1, 1), EndDate: ptr(day(2025, 11, 1))},
		{Line1: "5 Moving Day", Postcode: "AB1 2CD", StartDate: day(2025, 11, 1)}}
	cal.LegalStatuses = []casework.LegalStatus{{EpisodeID: 30, StartDate: day(2025, 11, 1), Code: "C1"}}
	cal.Placements = []casework.Placement{{ID: 9, EpisodeID: 30, StartDate: day(2025, 11, 1), EndDate: ptr(day(2026, 2, 1)), Type: "P1", Provider: "PR0", Postcode: "AB1 2CD"}}

	dan := casework.CaseFile{Child: casework.Child{ID: 4, LAChildID: "C400", Sex: "M", Ethnicity: "WBRI", UPN: "UN1", DateOfBirth: ptr(day(2020, 1, 1))}}
	dan.CareEpisodes = []casework.CareEpisode{{ID: 40, StartDate: day(2024, 1, 1), CategoryOfNeed: "N1", EndDate: ptr(day(2025, 3, 31)), EndReason: "E4A"}}
	dan.LegalStatuses = []casework.LegalStatus{{EpisodeID: 40, StartDate: day(2024, 1, 1), Code: "V2"}}
	return []casework.CaseFile{cal, dan, ben, amy}
}

// want are the rows of each file expected from authority, in column order.
var want = map[string][][]string{
	Header: {
		{"C100", "F", "10/03/2015", "WBRI", "A123456789012", "0", ""},
		{"C200", "M", "15/06/2007", "BAFR", "UN2", "", ""},
		{"C300", "U", "01/01/2019", "NOBT", "B12345678901C", "", ""}},
	Episodes: {
		{"C100", "15/01/2025", "S", "V2", "N1", "U4", "PR1", "01/05/2025", "X1", "", "LS2 7AB", "AB1 2CD", "SC100001"},
		{"C100", "01/05/2025", "L", "C1", "N1", "U4", "PR1", "01/07/2025", "X1", "CARPL", "LS2 7AB", "AB1 2CD", "SC100001"},
		{"C100", "01/07/2025", "P", "C1", "N1", "K2", "PR4", "01/09/2025", "X1", "CHILD", "LS2 7AB", "AB3 4EF", "XXXXXXX"},
		{"C100", "01/09/2025", "B", "C2", "N1", "U6", "PR1", "", "", "", "LS2 7AB", "AB5 6GH", "SC100001"},
		{"C300", "01/11/2025", "S", "C1", "N4", "P1", "PR0", "01/02/2026", "E4A", "", "AB1 2CD", "AB1 2CD", ""}},
	Reviews:        {{"C100", "10/03/2015", "20/07/2025", "PN3"}},
	UASC:           nil,
	OC2:            {{"C100", "10/03/2015", "17", "", "0", "", "1", "0", "1", "1", "0", "1"}},
	OC3:            {{"C200", "15/06/2007", "YES", "F2", "D1"}},
	AD1:            nil,
	PlacedAdoption: {{"C100", "10/03/2015", "01/10/2025", "", ""}},
	PrevPerm:       {{"C300", "01/01/2019", "Z1", "", ""}},
	Missing: {{"C100", "10/03/2015", "M", "01/08/2025", "03/08/2025"},
		{"C100", "10/03/2015", "A", "30/03/2026", ""}},
	SWEpisodes: {{"C100", "10/03/2015", "SW5551234", "01/12/2024", "01/08/2025", "FCONTA"},
		{"C100", "10/03/2015", "SW5559876", "01/08/2025", "", "LEFTRL"}},
}

func TestExportOfAHandBuiltAuthorityColumnByColumn(t *testing.T) {
	r := Build(authority(), Options{Year: 2026})
	for _, name := range FileNames {
		got := r.Files[name]
		if len(got) != len(want[name]) {
			t.Errorf("%s: %d rows, want %d", name, len(got), len(want[name]))
			continue
		}
		for i, row := range got {
			for j, col := range Columns[name] {
				if row.Get(col) != want[name][i][j] {
					t.Errorf("%s row %d (%s) %s = %q, want %q", name, i+1, row.Get("CHILD"), col, row.Get(col), want[name][i][j])
				}
			}
		}
	}
	for _, f := range Validate(r, &Context{Year: 2026}) {
		// A query (232, Cal's unknown sex) asks a question, it does not
		// refuse the return.
		if !f.Query {
			t.Errorf("the hand-built authority fails the DfE's rules: %+v", f)
		}
	}
}

func TestEveryFileIsWrittenWithItsHeaderRow(t *testing.T) {
	r := Build(authority(), Options{Year: 2026})
	var buf bytes.Buffer
	if err := r.WriteCSV(UASC, &buf); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "CHILD,SEX,DOB,DUC\n" {
		t.Errorf("UASC.csv = %q", buf.String())
	}
	buf.Reset()
	if err := r.WriteCSV(Episodes, &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if lines[0] != "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN" ||
		lines[2] != "C100,01/05/2025,L,C1,N1,U4,PR1,01/07/2025,X1,CARPL,LS2 7AB,AB1 2CD,SC100001" {
		t.Errorf("Episodes.csv:\n%s", buf.String())
	}
}
