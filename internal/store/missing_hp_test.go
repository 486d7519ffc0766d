package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// missing records that a child went missing from home on day start
// (returned on day end unless nil).
func (w *world) missing(childID int64, start, end string) casework.MissingEpisode {
	w.t.Helper()
	e := casework.MissingEpisode{ChildID: childID, From: "home", Kind: "M", StartDate: iso(start), ReportedToPolice: true}
	if end != "" {
		e.EndDate = ptr(iso(end))
	}
	return must[casework.MissingEpisode](w.t)(w.s.RecordMissingEpisode(ctx, w.sw, e))
}

// iso parses a test's date.
func iso(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAMissingEpisodeAndReturnAreRecordedWithTheirHistory(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		e := w.missing(child.ID, "2026-11-16", "")
		refused(t, s, func() error { return s.RecordMissingReturn(ctx, w.sw, e.ID, e.Version, d(2026, 11, 15), "", false) }, "end_date")
		ok(t, s.RecordMissingReturn(ctx, w.sw, e.ID, e.Version, d(2026, 11, 18), "Found at a friend's flat in Byker", false))
		var c *casework.ConflictError
		if err := s.RecordMissingReturn(ctx, w.sw, e.ID, e.Version, d(2026, 11, 18), "", false); !errors.As(err, &c) {
			t.Errorf("a return saved from a stale version = %v, want a ConflictError", err)
		}
		got := w.caseFile(child.ID).Missing
		if len(got) != 1 || got[0].EndDate == nil || !got[0].EndDate.Equal(d(2026, 11, 18)) || !got[0].ReportedToPolice ||
			got[0].WhereFound != "Found at a friend's flat in Byker" || got[0].Version != 2 {
			t.Fatalf("case file's episodes = %+v", got)
		}
		events := must[[]store.Event](t)(s.History(ctx, "missing_episode", e.ID))
		if len(events) != 2 || events[0].Action != "create" || events[1].Action != "return" {
			t.Errorf("history = %+v, want create then return", events)
		}
	})
}

func TestOverlappingMissingEpisodesAreRefused(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		w.missing(child.ID, "2026-11-05", "2026-11-08")
		open := w.missing(child.ID, "2026-11-20", "")
		record := func(start, end string) func() error {
			return func() error {
				e := casework.MissingEpisode{ChildID: child.ID, From: "care", Kind: "A", StartDate: iso(start)}
				if end != "" {
					e.EndDate = ptr(iso(end))
				}
				_, err := s.RecordMissingEpisode(ctx, w.sw, e)
				return err
			}
		}
		refused(t, s, record("2026-11-07", "2026-11-09"), "start_date")
		refused(t, s, record("2026-11-21", ""), "start_date")
		refused(t, s, record("2026-11-12", "2026-11-10"), "end_date")
		ok(t, record("2026-11-10", "2026-11-12")())
		// the open episode's return may not reach back over another
		refused(t, s, func() error {
			return s.RecordMissingReturn(ctx, w.sw, open.ID, open.Version, d(2026, 11, 19), "", false)
		}, "end_date")
	})
}

func TestAReturnInterviewFollowsTheReturn(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		open := w.missing(child.ID, "2026-11-16", "")
		offer := func(episode int64, on string) func() error {
			return func() error {
				_, err := s.RecordReturnInterview(ctx, w.sw, casework.ReturnInterview{ChildID: child.ID, EpisodeID: episode, OfferedOn: iso(on)})
				return err
			}
		}
		refused(t, s, offer(open.ID, "2026-11-17"), "offered_on")
		ok(t, s.RecordMissingReturn(ctx, w.sw, open.ID, open.Version, d(2026, 11, 18), "Home", false))
		refused(t, s, offer(open.ID, "2026-11-17"), "offered_on") // interview before the episode ended
		ok(t, offer(open.ID, "2026-11-19")())
		refused(t, s, offer(open.ID, "2026-11-20"), "episode_id")
		ri := w.caseFile(child.ID).Interviews[0]
		refused(t, s, func() error {
			return s.CompleteReturnInterview(ctx, w.sw, ri.ID, ri.Version, ptr(d(2026, 11, 18)), false, "", "")
		}, "held_on")
		refused(t, s, func() error { return s.CompleteReturnInterview(ctx, w.sw, ri.ID, ri.Version, nil, false, "", "") }, "held_on")
		ok(t, s.CompleteReturnInterview(ctx, w.sw, ri.ID, ri.Version, ptr(d(2026, 11, 20)), false, "Kids Matter", "Went with older friends to Leeds"))
		got := w.caseFile(child.ID).Interviews[0]
		if got.HeldOn == nil || !got.HeldOn.Equal(d(2026, 11, 20)) || got.HeldBy != "Kids Matter" || got.Version != 2 {
			t.Errorf("interview = %+v", got)
		}
		chron := summaries(must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"missing"}, 10)))
		want := []string{"2026-11-20 Return home interview held by Kids Matter", "2026-11-19 Return home interview offered",
			"2026-11-18 Returned from missing", "2026-11-16 Missing from home: whereabouts not known"}
		if !slices.Equal(chron, want) {
			t.Errorf("chronology = %q, want %q", chron, want)
		}
	})
}

func TestAnExploitationScreeningNamesItsLead(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		screen := func(on, level, lead string, kinds ...string) func() error {
			return func() error {
				_, err := s.RecordScreening(ctx, w.sw, casework.ExploitationScreening{ChildID: child.ID, Date: iso(on), Level: level,
					Kinds: kinds, Lead: lead, ReviewDate: ptr(iso(on).AddDate(0, 1, 0))})
				return err
			}
		}
		refused(t, s, screen("2026-11-10", "high", "", "criminal"), "lead")
		ok(t, screen("2026-11-10", "high", "Jo Lee (exploitation hub)", "criminal", "county_lines")())
		refused(t, s, screen("2026-11-09", "low", "", "criminal"), "date")
		got := w.caseFile(child.ID).LatestScreening()
		if got == nil || got.Level != "high" || !slices.Equal(got.Kinds, []string{"criminal", "county_lines"}) || got.Lead != "Jo Lee (exploitation hub)" {
			t.Errorf("latest screening = %+v", got)
		}
	})
}

func TestMissingRecordsMarkedInErrorLeaveTheCaseFile(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		e := w.missing(child.ID, "2026-11-16", "2026-11-17")
		ri := must[casework.ReturnInterview](t)(s.RecordReturnInterview(ctx, w.sw, casework.ReturnInterview{ChildID: child.ID,
			EpisodeID: e.ID, OfferedOn: d(2026, 11, 18)}))
		refused(t, s, func() error {
			return s.MarkInError(ctx, w.manager, "missing_episode", child.ID, e.ID, e.Version, "Wrong child")
		}, "reason")
		refused(t, s, func() error {
			return s.MarkInError(ctx, w.manager, "return_interview", child.ID, ri.ID, ri.Version, " ")
		}, "reason")
		ok(t, s.MarkInError(ctx, w.manager, "return_interview", child.ID, ri.ID, ri.Version, "Wrong child"))
		ok(t, s.MarkInError(ctx, w.manager, "missing_episode", child.ID, e.ID, e.Version, "Wrong child"))
		if cf := w.caseFile(child.ID); len(cf.Missing) != 0 || len(cf.Interviews) != 0 {
			t.Errorf("case file keeps %d episodes and %d interviews marked in error", len(cf.Missing), len(cf.Interviews))
		}
		entries := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"missing"}, 10))
		for _, en := range entries {
			if !en.InError {
				t.Errorf("chronology entry %q not shown as entered in error", en.Summary)
			}
		}
		if err := s.MarkInError(ctx, w.manager, "children", child.ID, child.ID, 1, "x"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("marking an unknown kind = %v, want not found", err)
		}
		// the same days can now be recorded again
		w.missing(child.ID, "2026-11-16", "2026-11-17")
	})
}

func TestTheMissingViewReadsAPeriodAsItStoodAndByTeam(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		amy, _ := w.child("LA1", d(2026, 10, 1))
		ben, _ := w.child("LA2", d(2026, 10, 1))
		other := w.newTeam("Children in care")
		cal := newChild(t, s, "LA3", "Cal", "Other")
		must[casework.Involvement](t)(s.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: cal.ID,
			StartDate: d(2026, 10, 1), TeamID: &other.ID}))
		a := w.missing(amy.ID, "2026-11-16", "2026-11-17")
		must[casework.ReturnInterview](t)(s.RecordReturnInterview(ctx, w.sw, casework.ReturnInterview{ChildID: amy.ID,
			EpisodeID: a.ID, OfferedOn: d(2026, 11, 23)}))
		w.missing(ben.ID, "2026-11-02", "2026-11-04")
		w.missing(ben.ID, "2026-11-20", "")
		w.missing(cal.ID, "2026-11-18", "2026-11-19")
		must[casework.ExploitationScreening](t)(s.RecordScreening(ctx, w.sw, casework.ExploitationScreening{ChildID: ben.ID,
			Date: d(2026, 11, 5), Level: "high", Kinds: []string{"county_lines"}, Lead: "Jo Lee", ReviewDate: ptr(d(2026, 12, 5))}))
		must[casework.ExploitationScreening](t)(s.RecordScreening(ctx, w.sw, casework.ExploitationScreening{ChildID: cal.ID,
			Date: d(2026, 11, 5), Level: "high", Kinds: []string{"sexual"}, Lead: "Sam", ReviewDate: ptr(d(2026, 12, 1))}))

		week := must[store.MissingView](t)(s.Missing(ctx, store.MissingFilter{From: d(2026, 11, 16), To: d(2026, 11, 22)}))
		var got []string
		for _, r := range week.Episodes {
			line := r.Child.LAChildID + " " + r.Episode.StartDate.Format("01-02")
			if r.Episode.EndDate == nil {
				line += " open"
			}
			if r.Interview != nil {
				line += " interview"
			}
			got = append(got, line)
		}
		// the interview offered on 23 November was not yet offered on 22 November
		if want := []string{"LA1 11-16", "LA3 11-18", "LA2 11-20 open"}; !slices.Equal(got, want) {
			t.Errorf("episodes of the week = %q, want %q", got, want)
		}
		if len(week.HighRisk) != 2 || week.HighRisk[0].Child.ID != cal.ID || week.HighRisk[1].Screening.Lead != "Jo Lee" {
			t.Errorf("high risk = %+v, want Cal (review 1 Dec) then Ben (lead Jo Lee)", week.HighRisk)
		}
		team := must[store.MissingView](t)(s.Missing(ctx, store.MissingFilter{From: d(2026, 11, 1), To: d(2026, 11, 24), TeamID: w.team.ID}))
		if len(team.Episodes) != 3 || len(team.HighRisk) != 1 || team.Episodes[0].Holder.TeamName != "Assessment A" {
			t.Errorf("team's view = %+v, want Amy's and Ben's episodes and Ben's screening only", team)
		}
		if amyRow := team.Episodes[1]; amyRow.Child.ID != amy.ID || amyRow.Interview == nil || amyRow.Screening != nil {
			t.Errorf("Amy's row as at 24 November = %+v, want her interview offered on 23 November", amyRow)
		}
		if benRow := team.Episodes[2]; benRow.Screening == nil || benRow.Screening.Level != "high" {
			t.Errorf("Ben's row = %+v, want his high risk screening beside it", benRow)
		}
	})
}

// A screening at high risk is listed while the child is under 18 with a
// case open (or none ever): a closed case's or a young adult's is history.
func TestTheHighRiskListKeepsChildrenWithACaseOpen(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		open, _ := w.child("LA1", d(2026, 10, 1))
		closed, ref := w.child("LA2", d(2026, 10, 1))
		adult, err := s.CreateChild(ctx, store.System, casework.Child{LAChildID: "LA3", FirstName: "Ada", LastName: "Grown",
			DateOfBirth: ptr(d(2008, 11, 1)), Sex: "F", Ethnicity: "WBRI"})
		ok(t, err)
		w.refer(adult.ID, d(2026, 10, 1))
		screenedOnly := newChild(t, s, "LA4", "Sol", "Alone") // no case at all: the screening stands on its own
		for _, c := range []casework.Child{open, closed, adult, screenedOnly} {
			must[casework.ExploitationScreening](t)(s.RecordScreening(ctx, w.sw, casework.ExploitationScreening{ChildID: c.ID,
				Date: d(2026, 10, 5), Level: "high", Kinds: []string{"county_lines"}, Lead: "Jo Lee", ReviewDate: ptr(d(2026, 12, 5))}))
		}
		w.closeNFA(ref, d(2026, 10, 20))
		v := must[store.MissingView](t)(s.Missing(ctx, store.MissingFilter{From: d(2026, 11, 16), To: d(2026, 11, 22)}))
		var got []string
		for _, r := range v.HighRisk {
			got = append(got, r.Child.LAChildID)
		}
		slices.Sort(got)
		if want := []string{"LA1", "LA4"}; !slices.Equal(got, want) {
			t.Errorf("at high risk on 22 November 2026: %q, want %q (LA2's case closed, LA3 is 18)", got, want)
		}
		v = must[store.MissingView](t)(s.Missing(ctx, store.MissingFilter{From: d(2026, 10, 6), To: d(2026, 10, 10)}))
		if len(v.HighRisk) != 4 {
			t.Errorf("at high risk on 10 October 2026: %d children, want all 4 (cases open, LA3 still 17)", len(v.HighRisk))
		}
	})
}
