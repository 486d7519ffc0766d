package casework_test

import (
	"errors"
	"reflect"
	"testing"

	"sightline/internal/casework"
)

// wantFieldsOf checks err is a ValidationError naming exactly fields (none
// when fields is nil).
func wantFieldsOf(t *testing.T, err error, fields []string) {
	t.Helper()
	if fields == nil {
		if err != nil {
			t.Fatalf("got %v, want no error", err)
		}
		return
	}
	var v *casework.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("got %v, want a ValidationError naming %v", err, fields)
	}
	if got := v.Fields(); !reflect.DeepEqual(got, fields) {
		t.Errorf("fields in error = %v (%v), want %v", got, err, fields)
	}
}

// missingFile has a closed episode 2–4 November 2026 (id 1) and an open
// one from 20 November (id 2).
func missingFile() casework.CaseFile {
	return casework.CaseFile{Missing: []casework.MissingEpisode{
		{ID: 1, From: "home", Kind: "M", StartDate: day(2026, 11, 2), EndDate: ptr(day(2026, 11, 4))},
		{ID: 2, From: "care", Kind: "M", StartDate: day(2026, 11, 20)},
	}}
}

func TestMissingEpisodeRules(t *testing.T) {
	ep := func(start string, end string) casework.MissingEpisode {
		e := casework.MissingEpisode{From: "home", Kind: "M", StartDate: iso(start)}
		if end != "" {
			e.EndDate = ptr(iso(end))
		}
		return e
	}
	closedOnly := casework.CaseFile{Missing: missingFile().Missing[:1]}
	for _, tc := range []struct {
		name   string
		cf     casework.CaseFile
		e      casework.MissingEpisode
		fields []string
	}{
		{"an episode after the last one ended", closedOnly, ep("2026-11-10", "2026-11-11"), nil},
		{"going missing again the day of the return", closedOnly, ep("2026-11-04", ""), nil},
		{"episode ending before it started", closedOnly, ep("2026-11-10", "2026-11-09"), []string{"end_date"}},
		{"a start in the future", closedOnly, ep("2026-11-25", ""), []string{"start_date"}},
		{"a return in the future", closedOnly, ep("2026-11-10", "2026-11-25"), []string{"end_date"}},
		{"overlapping an earlier episode", closedOnly, ep("2026-11-03", "2026-11-05"), []string{"start_date"}},
		{"an earlier episode running into a later one", closedOnly, ep("2026-11-01", "2026-11-03"), []string{"start_date"}},
		{"rule 574: starting while another is open", missingFile(), ep("2026-11-22", ""), []string{"start_date"}},
		{"an older episode ending before the open one began", missingFile(), ep("2026-11-10", "2026-11-12"), nil},
		{"no start, place or kind", closedOnly, casework.MissingEpisode{}, []string{"from", "kind", "start_date"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFieldsOf(t, tc.cf.CheckMissingEpisode(tc.e, today), tc.fields) })
	}
}

func TestMissingReturnRules(t *testing.T) {
	for _, tc := range []struct {
		name     string
		episode  int64
		returned string
		fields   []string
	}{
		{"the open episode returns", 2, "2026-11-21", nil},
		{"return before the episode started", 2, "2026-11-19", []string{"end_date"}},
		{"return in the future", 2, "2026-11-25", []string{"end_date"}},
		{"return recorded twice", 1, "2026-11-05", []string{"end_date"}},
		{"an unknown episode", 9, "2026-11-21", []string{"episode_id"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFieldsOf(t, missingFile().CheckMissingReturn(tc.episode, iso(tc.returned), today), tc.fields)
		})
	}
}

func TestReturnInterviewRules(t *testing.T) {
	withInterview := missingFile()
	withInterview.Interviews = []casework.ReturnInterview{{ID: 7, EpisodeID: 1, OfferedOn: day(2026, 11, 5)}}
	ri := func(episode int64, offered, held string, declined bool) casework.ReturnInterview {
		r := casework.ReturnInterview{EpisodeID: episode, OfferedOn: iso(offered), Declined: declined}
		if held != "" {
			r.HeldOn = ptr(iso(held))
		}
		return r
	}
	for _, tc := range []struct {
		name   string
		cf     casework.CaseFile
		ri     casework.ReturnInterview
		fields []string
	}{
		{"offered the day of the return and held next day", missingFile(), ri(1, "2026-11-04", "2026-11-05", false), nil},
		{"offered and declined", missingFile(), ri(1, "2026-11-05", "", true), nil},
		{"interview offered before the episode ended", missingFile(), ri(1, "2026-11-03", "", false), []string{"offered_on"}},
		{"interview held before the episode ended", missingFile(), ri(1, "2026-11-04", "2026-11-03", false), []string{"held_on"}},
		{"held before it was offered", missingFile(), ri(1, "2026-11-06", "2026-11-05", false), []string{"held_on"}},
		{"held and declined at once", missingFile(), ri(1, "2026-11-05", "2026-11-05", true), []string{"declined"}},
		{"an interview while the child is still missing", missingFile(), ri(2, "2026-11-21", "", false), []string{"offered_on"}},
		{"a second interview for one episode", withInterview, ri(1, "2026-11-06", "", false), []string{"episode_id"}},
		{"the episode's own interview, updated", withInterview, func() casework.ReturnInterview {
			r := ri(1, "2026-11-05", "2026-11-06", false)
			r.ID = 7
			return r
		}(), nil},
		{"no episode", missingFile(), ri(0, "2026-11-05", "", false), []string{"episode_id"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFieldsOf(t, tc.cf.CheckReturnInterview(tc.ri, today), tc.fields) })
	}
}

func TestExploitationScreeningRules(t *testing.T) {
	screened := casework.CaseFile{Screenings: []casework.ExploitationScreening{{ID: 1, Date: day(2026, 11, 10), Level: "low",
		Kinds: []string{"criminal"}, ReviewDate: ptr(day(2027, 2, 10))}}}
	valid := func() casework.ExploitationScreening {
		return casework.ExploitationScreening{Date: day(2026, 11, 20), Level: "high", Kinds: []string{"sexual", "county_lines"},
			ReviewDate: ptr(day(2026, 12, 20)), Lead: "Jo Lee, exploitation lead"}
	}
	for _, tc := range []struct {
		name   string
		change func(*casework.ExploitationScreening)
		fields []string
	}{
		{"a high risk screening with a lead", func(*casework.ExploitationScreening) {}, nil},
		{"no risk found, no kinds, no lead", func(s *casework.ExploitationScreening) { s.Level, s.Kinds, s.Lead = "none", nil, "" }, nil},
		{"high risk without a lead professional", func(s *casework.ExploitationScreening) { s.Lead = " " }, []string{"lead"}},
		{"risk without a kind of exploitation", func(s *casework.ExploitationScreening) { s.Kinds = nil }, []string{"kinds"}},
		{"no risk with kinds", func(s *casework.ExploitationScreening) { s.Level = "none" }, []string{"kinds"}},
		{"an unknown kind", func(s *casework.ExploitationScreening) { s.Kinds = []string{"modern_slavery"} }, []string{"kinds"}},
		{"no level", func(s *casework.ExploitationScreening) { s.Level = "" }, []string{"level"}},
		{"no review date", func(s *casework.ExploitationScreening) { s.ReviewDate = nil }, []string{"review_date"}},
		{"review on the day of the screening", func(s *casework.ExploitationScreening) { s.ReviewDate = ptr(s.Date) }, []string{"review_date"}},
		{"screening before the latest one", func(s *casework.ExploitationScreening) { s.Date = day(2026, 11, 9) }, []string{"date"}},
		{"screening in the future", func(s *casework.ExploitationScreening) { s.Date = day(2026, 11, 25) }, []string{"date"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := valid()
			tc.change(&s)
			wantFieldsOf(t, screened.CheckScreening(s, today), tc.fields)
		})
	}
}
