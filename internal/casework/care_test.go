package casework_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
)

func iso(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func isoPtr(s string) *time.Time { t := iso(s); return &t }

var careToday = iso("2026-06-30")

// inCare is a child looked after since 2 March 2026 under section 20, in
// a foster placement from that day.
func inCare() casework.CaseFile {
	return casework.CaseFile{
		Child:         casework.Child{ID: 1},
		CareEpisodes:  []casework.CareEpisode{{ID: 5, ChildID: 1, StartDate: iso("2026-03-02"), Reason: "S", CategoryOfNeed: "N1"}},
		LegalStatuses: []casework.LegalStatus{{ID: 6, ChildID: 1, EpisodeID: 5, StartDate: iso("2026-03-02"), Code: "V2"}},
		Placements: []casework.Placement{{ID: 7, ChildID: 1, EpisodeID: 5, StartDate: iso("2026-03-02"), Type: "U6",
			Provider: "PR1", Postcode: "NE1 4AB", DistanceMiles: 3.2, InArea: true}},
	}
}

func foster(start string) casework.Placement {
	return casework.Placement{ChildID: 1, StartDate: iso(start), Type: "U4", Provider: "PR4", Postcode: "DH1 3LE", DistanceMiles: 14}
}

// expectField checks that err is a validation error naming field with a
// message containing want ("" when err must be nil).
func expectField(t *testing.T, err error, field, want string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("want no error, got %v", err)
		}
		return
	}
	var v *casework.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("want a validation error on %s, got %v", field, err)
	}
	if msg := v.For(field); msg == "" || !strings.Contains(msg, want) {
		t.Fatalf("want %s: …%s…, got %v", field, want, err)
	}
}

func TestRuleStartCare(t *testing.T) {
	start := func(d string) casework.CareStart {
		return casework.CareStart{
			Episode:     casework.CareEpisode{ChildID: 1, StartDate: iso(d), Reason: "S", CategoryOfNeed: "N1"},
			LegalStatus: casework.LegalStatus{StartDate: iso(d), Code: "C1"},
			Placement:   foster(d),
		}
	}
	ended := inCare()
	ended.CareEpisodes[0].EndDate, ended.CareEpisodes[0].EndReason = isoPtr("2026-04-10"), "E13"
	gap := start("2026-05-01")
	gap.LegalStatus.StartDate = iso("2026-05-04")
	badProvider := start("2026-05-01")
	badProvider.Placement.Type, badProvider.Placement.Provider = "T1", "PR1"
	noCategory := start("2026-05-01")
	noCategory.Episode.CategoryOfNeed = ""
	cases := []struct {
		name       string
		cf         casework.CaseFile
		cs         casework.CareStart
		field, msg string
	}{
		{"a child not looked after comes into care", casework.CaseFile{Child: casework.Child{ID: 1}}, start("2026-05-01"), "", ""},
		{"a second open episode is refused", inCare(), start("2026-05-01"), "start_date", "already looked after"},
		{"a new period of care after the last ended", ended, start("2026-05-01"), "", ""},
		{"a period of care cannot start before the last ended", ended, start("2026-04-01"), "start_date", "end of the last period of care"},
		{"a legal status gap at the start is refused", casework.CaseFile{}, gap, "legal_status", "a child in care always has one"},
		{"a start in the future is refused", casework.CaseFile{}, start("2026-07-01"), "start_date", "today or in the past"},
		{"a temporary placement has no provider (rule 213)", casework.CaseFile{}, badProvider, "provider", "rule 213"},
		{"the category of need is required", casework.CaseFile{}, noCategory, "category_of_need", "category of need"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectField(t, c.cf.CheckStartCare(c.cs, careToday), c.field, c.msg) })
	}
}

func TestRuleLegalStatus(t *testing.T) {
	noStatus := inCare()
	noStatus.LegalStatuses = nil
	cases := []struct {
		name       string
		cf         casework.CaseFile
		ls         casework.LegalStatus
		field, msg string
	}{
		{"an interim care order after section 20", inCare(), casework.LegalStatus{StartDate: iso("2026-04-01"), Code: "C1"}, "", ""},
		{"no open episode: refused", casework.CaseFile{}, casework.LegalStatus{StartDate: iso("2026-04-01"), Code: "C1"}, "legal_status", "not looked after"},
		{"before the episode started", inCare(), casework.LegalStatus{StartDate: iso("2026-02-01"), Code: "C1"}, "start_date", "on or after the day the child became looked after"},
		{"on the day the current status began", inCare(), casework.LegalStatus{StartDate: iso("2026-03-02"), Code: "C1"}, "start_date", "after the current one began"},
		{"the same status again", inCare(), casework.LegalStatus{StartDate: iso("2026-04-01"), Code: "V2"}, "legal_status", "already"},
		{"a first status after the start leaves a gap", noStatus, casework.LegalStatus{StartDate: iso("2026-03-05"), Code: "C1"}, "start_date", "cannot be without one"},
		{"an unknown code", inCare(), casework.LegalStatus{StartDate: iso("2026-04-01"), Code: "C9"}, "legal_status", "Select"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectField(t, c.cf.CheckLegalStatus(c.ls, careToday), c.field, c.msg) })
	}
}

func TestRulePlacementMove(t *testing.T) {
	ended := inCare()
	ended.CareEpisodes[0].EndDate = isoPtr("2026-04-10")
	cases := []struct {
		name       string
		cf         casework.CaseFile
		p          casework.Placement
		reason     string
		field, msg string
	}{
		{"a move after the current placement began", inCare(), foster("2026-04-01"), "CARPL", "", ""},
		{"a placement without an open episode", casework.CaseFile{}, foster("2026-04-01"), "CARPL", "placement_type", "needs an open period of care"},
		{"a placement after the episode ended", ended, foster("2026-04-20"), "CARPL", "placement_type", "needs an open period of care"},
		{"overlapping the current placement", inCare(), foster("2026-03-02"), "CARPL", "start_date", "overlap"},
		{"dated before the episode start", inCare(), foster("2026-02-27"), "CARPL", "start_date", "on or after the day the child became looked after"},
		{"the reason for the change is required (rule 225)", inCare(), foster("2026-04-01"), "", "change_reason", "reason"},
		{"a placement postcode is required", inCare(), casework.Placement{StartDate: iso("2026-04-01"), Type: "K2", Provider: "PR4"}, "CARPL", "postcode", "postcode"},
		{"a negative distance", inCare(), func() casework.Placement { p := foster("2026-04-01"); p.DistanceMiles = -1; return p }(), "CARPL", "distance", "miles"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectField(t, c.cf.CheckPlacementMove(c.p, c.reason, careToday), c.field, c.msg) })
	}
}

func TestRuleCareEvent(t *testing.T) {
	review := casework.CareEvent{Kind: casework.CareReview, Date: iso("2026-03-27"), IRO: "Jo Bell", Participation: "PN1"}
	cases := []struct {
		name       string
		cf         casework.CaseFile
		e          casework.CareEvent
		field, msg string
	}{
		{"a review with its IRO", inCare(), review, "", ""},
		{"a review with no IRO", inCare(), casework.CareEvent{Kind: casework.CareReview, Date: iso("2026-03-27"), Participation: "PN1"}, "iro", "independent reviewing officer"},
		{"a review before the episode start", inCare(), casework.CareEvent{Kind: casework.CareReview, Date: iso("2026-02-27"), IRO: "Jo", Participation: "PN1"}, "date", "on or after"},
		{"a health assessment with no episode", casework.CaseFile{}, casework.CareEvent{Kind: casework.HealthInitial, Date: iso("2026-03-20")}, "date", "not looked after"},
		{"a dental check", inCare(), casework.CareEvent{Kind: casework.DentalCheck, Date: iso("2026-05-20")}, "", ""},
		{"an unknown kind", inCare(), casework.CareEvent{Kind: "x", Date: iso("2026-05-20")}, "kind", "Select"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectField(t, c.cf.CheckCareEvent(c.e, careToday), c.field, c.msg) })
	}
}

func TestRuleEndCare(t *testing.T) {
	moved := inCare()
	moved.Placements[0].EndDate = isoPtr("2026-05-01")
	p := foster("2026-05-01")
	p.EpisodeID = 5
	moved.Placements = append(moved.Placements, p)
	cases := []struct {
		name       string
		cf         casework.CaseFile
		end        string
		reason     string
		field, msg string
	}{
		{"home to parents as planned", inCare(), "2026-06-01", "E4A", "", ""},
		{"no open episode", casework.CaseFile{}, "2026-06-01", "E4A", "end_date", "not looked after"},
		{"ending before the last placement began", moved, "2026-04-20", "E4A", "end_date", "before the last placement began"},
		{"X1 is not a reason to end a period of care", inCare(), "2026-06-01", "X1", "reason", "Select"},
		{"ending before the episode began", inCare(), "2026-02-01", "E4A", "end_date", "on or after"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectField(t, c.cf.CheckEndCare(iso(c.end), c.reason, careToday), c.field, c.msg) })
	}
}

func TestRuleFamilyTime(t *testing.T) {
	ok := casework.FamilyTime{StartDate: iso("2026-03-10"), With: "Mother", Frequency: "weekly", Supervised: true}
	expectField(t, inCare().CheckFamilyTime(ok, careToday), "", "")
	expectField(t, casework.CaseFile{}.CheckFamilyTime(ok, careToday), "start_date", "not looked after")
	ok.Frequency = ""
	expectField(t, inCare().CheckFamilyTime(ok, careToday), "frequency", "how often")
}

func TestPlacementLongTermAndGroups(t *testing.T) {
	for _, c := range []struct {
		typ      string
		longTerm bool
		group    string
	}{{"U1", true, "foster_family"}, {"U4", true, "foster"}, {"U6", false, "foster"}, {"K2", false, "home"}, {"Z12", false, "other"}} {
		p := casework.Placement{Type: c.typ}
		if p.LongTerm() != c.longTerm || casework.PlacementGroup(c.typ).Code != c.group {
			t.Errorf("%s: long-term %v group %s, want %v %s", c.typ, p.LongTerm(), casework.PlacementGroup(c.typ).Code, c.longTerm, c.group)
		}
	}
	if len(casework.PlacementTypes()) != 29 {
		t.Errorf("the 2025 to 2026 list has 29 placement types (validator rule 146), got %d", len(casework.PlacementTypes()))
	}
}
