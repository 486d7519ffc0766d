package casework_test

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

func wfDay(y int, m time.Month, d int) time.Time { return calendar.Date(y, m, d) }

func wfDayPtr(y int, m time.Month, d int) *time.Time { t := wfDay(y, m, d); return &t }

func wfID(n int64) *int64 { return &n }

func TestValidSWENoFollowsTheCensusPattern(t *testing.T) {
	// csww_schema_2025.xsd swetype: [A-Za-z]{2}\d{1,10}
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"SW123456", true}, {"sw1", true}, {"AB1234567890", true},
		{"", false}, {"S123456", false}, {"SW", false}, {"SW12345678901", false},
		{"SW 123", false}, {"123456", false}, {"SW12a", false}, {"ÉW123", false},
	} {
		if got := casework.ValidSWENo(tc.in); got != tc.want {
			t.Errorf("ValidSWENo(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// staff is a valid permanent case holder to vary in the tests.
func wfStaff() casework.StaffRecord {
	return casework.StaffRecord{Worker: casework.Worker{Name: "Asha Patel", FTE: 1, EmploymentType: casework.Permanent,
		StartDate: wfDay(2024, 1, 8)}, OrgRole: "5", SWENo: "SW100200"}
}

func TestAStaffRecordWithBadInputIsRefusedFieldByField(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(s *casework.StaffRecord)
		field string
	}{
		{"negative FTE", func(s *casework.StaffRecord) { s.FTE = -0.5 }, "fte"},
		{"FTE over 1.5", func(s *casework.StaffRecord) { s.FTE = 1.6 }, "fte"},
		{"leaving before starting", func(s *casework.StaffRecord) {
			s.EndDate, s.LeavingReason = wfDayPtr(2023, 12, 31), "1"
		}, "end_date"},
		{"agency without an agency", func(s *casework.StaffRecord) {
			s.EmploymentType, s.DayRatePence = casework.Agency, 42000
		}, "agency_name"},
		{"agency without a day rate", func(s *casework.StaffRecord) {
			s.EmploymentType, s.AgencyName = casework.Agency, "Northern Locums"
		}, "day_rate"},
		{"SWE number too short", func(s *casework.StaffRecord) { s.SWENo = "S1" }, "swe_no"},
		{"SWE number with 11 digits", func(s *casework.StaffRecord) { s.SWENo = "SW12345678901" }, "swe_no"},
		{"no census role", func(s *casework.StaffRecord) { s.OrgRole = "" }, "org_role"},
		{"unknown census role", func(s *casework.StaffRecord) { s.OrgRole = "7" }, "org_role"},
		{"reason without a leaving date", func(s *casework.StaffRecord) { s.LeavingReason = "1" }, "end_date"},
		{"LA-employed leaver without a reason", func(s *casework.StaffRecord) { s.EndDate = wfDayPtr(2025, 3, 31) }, "leaving_reason"},
		{"unknown leaving reason", func(s *casework.StaffRecord) { s.EndDate, s.LeavingReason = wfDayPtr(2025, 3, 31), "11" }, "leaving_reason"},
		{"unknown destination", func(s *casework.StaffRecord) {
			s.EndDate, s.LeavingReason, s.LeaverDestination = wfDayPtr(2025, 3, 31), "1", "10"
		}, "leaver_destination"},
		{"unknown start origin", func(s *casework.StaffRecord) { s.StartOrigin = "0" }, "start_origin"},
		{"negative salary", func(s *casework.StaffRecord) { s.SalaryPence = -1 }, "salary"},
		{"on-costs over 100%", func(s *casework.StaffRecord) { s.OnCostPct = 120 }, "oncost"},
	}
	if err := wfStaff().Validate(); err != nil {
		t.Fatalf("the base record is invalid: %v", err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := wfStaff()
			tc.edit(&s)
			v, ok := s.Validate().(*casework.ValidationError)
			if !ok || !slices.Contains(v.Fields(), tc.field) {
				t.Fatalf("Validate() = %v, want an error on %s", s.Validate(), tc.field)
			}
		})
	}
}

func TestAnAgencyWorkerWithAgencyAndRateAndNoSWENumberYetIsAccepted(t *testing.T) {
	s := wfStaff()
	s.EmploymentType, s.AgencyName, s.DayRatePence, s.SWENo = casework.Agency, "Northern Locums", 42000, ""
	s.EndDate = wfDayPtr(2025, 3, 31) // an agency leaver needs no census reason
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestAPostWithBadInputIsRefused(t *testing.T) {
	good := casework.Post{TeamID: 1, Title: "Social worker", OrgRole: "5", FTE: 1, FundedFrom: wfDay(2024, 4, 1)}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		edit  func(p *casework.Post)
		field string
	}{
		{"no team", func(p *casework.Post) { p.TeamID = 0 }, "team_id"},
		{"no title", func(p *casework.Post) { p.Title = " " }, "title"},
		{"zero FTE", func(p *casework.Post) { p.FTE = 0 }, "fte"},
		{"negative FTE", func(p *casework.Post) { p.FTE = -1 }, "fte"},
		{"funding ends before it starts", func(p *casework.Post) { p.FundedTo = wfDayPtr(2024, 3, 31) }, "funded_to"},
		{"negative salary", func(p *casework.Post) { p.SalaryPence = -100 }, "salary"},
	} {
		p := good
		tc.edit(&p)
		v, ok := p.Validate().(*casework.ValidationError)
		if !ok || !slices.Contains(v.Fields(), tc.field) {
			t.Errorf("%s: Validate() = %v, want an error on %s", tc.name, p.Validate(), tc.field)
		}
	}
}

func TestAnAbsenceWithBadInputIsRefused(t *testing.T) {
	neg, many := -1.0, 30.0
	good := casework.Absence{WorkerID: 1, Reason: "SIC", Start: wfDay(2025, 3, 3), End: wfDayPtr(2025, 3, 7)}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		edit  func(a *casework.Absence)
		field string
	}{
		{"unknown reason", func(a *casework.Absence) { a.Reason = "HOL" }, "reason"},
		{"ends before it starts", func(a *casework.Absence) { a.End = wfDayPtr(2025, 3, 2) }, "end_date"},
		{"negative days lost", func(a *casework.Absence) { a.DaysLost = &neg }, "days_lost"},
		{"more days lost than days away", func(a *casework.Absence) { a.DaysLost = &many }, "days_lost"},
		{"days lost while it continues", func(a *casework.Absence) { a.End, a.DaysLost = nil, &many }, "days_lost"},
		{"no start", func(a *casework.Absence) { a.Start = time.Time{} }, "start_date"},
	} {
		a := good
		tc.edit(&a)
		v, ok := a.Validate().(*casework.ValidationError)
		if !ok || !slices.Contains(v.Fields(), tc.field) {
			t.Errorf("%s: Validate() = %v, want an error on %s", tc.name, a.Validate(), tc.field)
		}
	}
}

func TestTheRegisterAsAtADateHoldsWhatWasCurrentThatDay(t *testing.T) {
	r := wfExample()
	got := r.AsAt(wfDay(2025, 9, 30))
	var names []string
	for _, s := range got.Staff {
		names = append(names, s.Name)
	}
	if want := []string{"W1", "W2", "W3", "W4"}; !slices.Equal(names, want) {
		t.Errorf("staff in post = %v, want %v", names, want)
	}
	if len(got.Posts) != 3 {
		t.Errorf("posts funded = %d, want 3 (P4 not yet funded, P5 ended)", len(got.Posts))
	}
	if len(got.Absences) != 1 || got.Absences[0].WorkerID != 2 {
		t.Errorf("absences under way = %+v, want W2's continuing sickness", got.Absences)
	}
}
