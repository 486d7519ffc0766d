package store_test

import (
	"slices"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestWriteSyntheticMissing: a batch's missing episodes, return home
// interviews and exploitation screenings are written on both backends,
// read back in the case file as given, and NextIDs moves past them (so
// that records typed after get fresh ids).
func TestWriteSyntheticMissing(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := smallBatch(next)
		child, ep := next.Child, next.Missing
		b.Missing = []casework.MissingEpisode{
			{ID: ep, ChildID: child, From: casework.MissingFromHome, Kind: "M", StartDate: d(2026, 4, 3),
				EndDate: ptr(d(2026, 4, 4)), ReportedToPolice: true, WhereFound: "Found at a friend's address"},
			{ID: ep + 1, ChildID: child, From: casework.MissingFromHome, Kind: "A", StartDate: d(2026, 5, 9)}}
		b.Interviews = []casework.ReturnInterview{{ID: next.ReturnInterview, ChildID: child, EpisodeID: ep,
			OfferedOn: d(2026, 4, 5), HeldOn: ptr(d(2026, 4, 7)), HeldBy: "Safe Return (independent provider)"}}
		b.Screenings = []casework.ExploitationScreening{{ID: next.Screening, ChildID: child, Date: d(2026, 4, 10),
			Kinds: []string{"sexual", "county_lines"}, Level: casework.RiskMedium, ReviewDate: ptr(d(2026, 6, 5)),
			Lead: "Jo Feltham"}}
		sum, err := s.WriteSyntheticBatch(ctx, store.System, b)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 17+4 {
			t.Errorf("summary = %+v, want 21 rows", sum)
		}
		cf, err := s.CaseFile(ctx, child)
		if err != nil {
			t.Fatal(err)
		}
		if len(cf.Missing) != 2 || !cf.Missing[0].ReportedToPolice || cf.Missing[1].Kind != "A" || cf.OpenMissing() == nil ||
			cf.OpenMissing().ID != ep+1 {
			t.Errorf("missing episodes read back = %+v", cf.Missing)
		}
		if ri := cf.InterviewFor(ep); ri == nil || ri.HeldOn == nil || !ri.HeldOn.Equal(d(2026, 4, 7)) || ri.Declined {
			t.Errorf("interview read back = %+v", ri)
		}
		if sc := cf.LatestScreening(); sc == nil || !slices.Equal(sc.Kinds, []string{"sexual", "county_lines"}) ||
			sc.Level != casework.RiskMedium || sc.Lead != "Jo Feltham" || sc.ReviewDate == nil {
			t.Errorf("screening read back = %+v", sc)
		}
		after, err := s.NextIDs(ctx)
		if err != nil || after.Missing != ep+2 || after.ReturnInterview != next.ReturnInterview+1 ||
			after.Screening != next.Screening+1 {
			t.Errorf("NextIDs after = %+v, %v; want past the missing records", after, err)
		}
	})
}

// TestWriteSyntheticCourt: a batch's pre-proceedings, their letters and
// meetings, proceedings and hearings are written on both backends and
// read back in the case file as given.
func TestWriteSyntheticCourt(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := smallBatch(next)
		child, plo, pr := next.Child, next.PLO, next.Proceedings
		b.PLOs = []casework.PreProceedings{{ID: plo, ChildID: child, StartDate: d(2026, 4, 1), EndDate: ptr(d(2026, 6, 1)),
			Outcome: casework.PLOToProceedings}}
		b.PLOEvents = []casework.PLOEvent{{ID: next.PLOEvent, ChildID: child, PLOID: plo, Kind: "letter", Date: d(2026, 4, 1)}}
		b.Proceedings = []casework.Proceedings{{ID: pr, ChildID: child, PLOID: &plo, IssuedOn: d(2026, 6, 1),
			Court: "Brackenmoor Family Court", Application: "care", ExpectedFinal: ptr(d(2026, 11, 30)),
			FinalHearing: ptr(d(2026, 11, 2)), FinalOrder: "care_order"}}
		b.Hearings = []casework.Hearing{
			{ID: next.Hearing, ChildID: child, ProceedingsID: pr, Kind: "interim", Date: d(2026, 6, 1), Outcome: "Interim care order made"},
			{ID: next.Hearing + 1, ChildID: child, ProceedingsID: pr, Kind: casework.HearingFinal, Date: d(2026, 11, 2),
				FinalOrder: "care_order"}}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err != nil {
			t.Fatal(err)
		}
		cf, err := s.CaseFile(ctx, child)
		if err != nil {
			t.Fatal(err)
		}
		if len(cf.PLOs) != 1 || cf.PLOs[0].Outcome != casework.PLOToProceedings || len(cf.PLOEvents) != 1 {
			t.Errorf("pre-proceedings read back = %+v, %+v", cf.PLOs, cf.PLOEvents)
		}
		if len(cf.Proceedings) != 1 || cf.Proceedings[0].PLOID == nil || *cf.Proceedings[0].PLOID != plo ||
			cf.Proceedings[0].FinalOrder != "care_order" || cf.OpenProceedings() != nil || len(cf.Hearings) != 2 {
			t.Errorf("proceedings read back = %+v, hearings %+v", cf.Proceedings, cf.Hearings)
		}
		after, err := s.NextIDs(ctx)
		if err != nil || after.PLO != plo+1 || after.Proceedings != pr+1 || after.Hearing != next.Hearing+2 {
			t.Errorf("NextIDs after = %+v, %v; want past the court records", after, err)
		}
	})
}
