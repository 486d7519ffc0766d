package store_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// wfTeam makes a team for the workforce tests.
func wfTeam(t *testing.T, s *store.Store, name string) casework.Team {
	t.Helper()
	return must[casework.Team](t)(s.CreateTeam(ctx, store.System, casework.Team{Name: name, Kind: "child_protection"}))
}

func wfPost(t *testing.T, s *store.Store, teamID int64, title string, from time.Time) casework.Post {
	t.Helper()
	return must[casework.Post](t)(s.CreatePost(ctx, store.System, casework.Post{TeamID: teamID, Title: title, OrgRole: "5",
		FTE: 1, FundedFrom: from, SalaryPence: 4_000_000, OnCostPct: 28.5}))
}

// wfPermanent is a valid permanent case holder starting on start.
func wfPermanent(name string, teamID int64, postID *int64, start time.Time) casework.StaffRecord {
	return casework.StaffRecord{Worker: casework.Worker{Name: name, TeamID: &teamID, FTE: 0.8,
		EmploymentType: casework.Permanent, StartDate: start}, PostID: postID, OrgRole: "5", SWENo: "SW404040",
		StartOrigin: "2", SalaryPence: 3_900_000, OnCostPct: 30}
}

func TestTheWorkforceRegisterKeepsPostsStaffAndAbsencesWithHistory(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Child protection 1")
		post := wfPost(t, s, team.ID, "Social worker (CP1)", d(2024, 4, 1))
		perm := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Asha Patel", team.ID, &post.ID, d(2024, 5, 7))))
		agency := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, casework.StaffRecord{
			Worker: casework.Worker{Name: "Ben Cole", TeamID: &team.ID, FTE: 1, EmploymentType: casework.Agency,
				StartDate: d(2025, 1, 6)}, OrgRole: "5", SWENo: "SW1", AgencyName: "Northern Locums", DayRatePence: 42_500}))
		lost := 2.5
		must[casework.Absence](t)(s.RecordAbsence(ctx, store.System, casework.Absence{WorkerID: perm.ID, Reason: "SIC",
			Start: d(2025, 3, 3), End: ptr(d(2025, 3, 7)), DaysLost: &lost}))
		must[casework.Absence](t)(s.RecordAbsence(ctx, store.System, casework.Absence{WorkerID: perm.ID, Reason: "MAT",
			Start: d(2026, 6, 1)}))

		reg := must[casework.Register](t)(s.WorkforceRegister(ctx, 0))
		if len(reg.Posts) != 1 || reg.Posts[0] != post {
			t.Errorf("posts = %+v\nwant %+v", reg.Posts, post)
		}
		if len(reg.Staff) != 2 || reg.Staff[0].Name != "Asha Patel" || reg.Staff[1].Name != "Ben Cole" {
			t.Fatalf("staff = %+v", reg.Staff)
		}
		got := reg.Staff[0]
		if got.PostTitle != "Social worker (CP1)" || got.SWENo != "SW404040" || got.SalaryPence != 3_900_000 ||
			got.OnCostPct != 30 || got.FTE != 0.8 || got.StartOrigin != "2" || *got.PostID != post.ID {
			t.Errorf("permanent record read back as %+v", got)
		}
		if b := reg.Staff[1]; b.AgencyName != "Northern Locums" || b.DayRatePence != 42_500 || !b.IsAgency() || b.PostID != nil {
			t.Errorf("agency record read back as %+v", b)
		}
		if len(reg.Absences) != 2 || *reg.Absences[0].DaysLost != 2.5 || reg.Absences[1].DaysLost != nil ||
			reg.Absences[1].End != nil || reg.Absences[0].WorkerName != "Asha Patel" {
			t.Errorf("absences = %+v", reg.Absences)
		}
		for _, e := range []struct {
			entity string
			id     int64
		}{{"post", post.ID}, {"worker", perm.ID}, {"worker", agency.ID}, {"absence", reg.Absences[0].ID}} {
			if h := must[[]store.Event](t)(s.History(ctx, e.entity, e.id)); len(h) != 1 || h[0].Action != "create" {
				t.Errorf("history of %s %d = %+v, want one create", e.entity, e.id, h)
			}
		}
		if rep, err := s.VerifyHistory(ctx); err != nil {
			t.Errorf("history chain: %+v, %v", rep, err)
		}
	})
}

func TestAWorkerInAPostTakesThePostsTeam(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		a, b := wfTeam(t, s, "Assessment"), wfTeam(t, s, "Children in care")
		post := wfPost(t, s, b.ID, "Senior practitioner", d(2024, 4, 1))
		w := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Cara Jones", a.ID, &post.ID, d(2024, 5, 1))))
		if *w.TeamID != b.ID || w.TeamName != "Children in care" {
			t.Errorf("worker in %d %q, want the post's team %d", *w.TeamID, w.TeamName, b.ID)
		}
		bad := wfPermanent("Dev Rao", a.ID, ptr(int64(9999)), d(2024, 5, 1))
		if _, err := s.CreateStaff(ctx, store.System, bad); !hasField(err, "post_id") {
			t.Errorf("a worker in a post that does not exist: %v, want an error on post_id", err)
		}
	})
}

func hasField(err error, field string) bool {
	var v *casework.ValidationError
	return errors.As(err, &v) && slices.Contains(v.Fields(), field)
}

func TestBadStaffInputIsRefusedWithFieldErrorsAndNothingWritten(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Front door")
		for _, tc := range []struct {
			name  string
			edit  func(r *casework.StaffRecord)
			field string
		}{
			{"negative FTE", func(r *casework.StaffRecord) { r.FTE = -0.2 }, "fte"},
			{"leaving before starting", func(r *casework.StaffRecord) { r.EndDate, r.LeavingReason = ptr(d(2024, 1, 1)), "1" }, "end_date"},
			{"agency worker without agency", func(r *casework.StaffRecord) { r.EmploymentType, r.DayRatePence = casework.Agency, 40_000 }, "agency_name"},
			{"agency worker without day rate", func(r *casework.StaffRecord) { r.EmploymentType, r.AgencyName = casework.Agency, "Locums Ltd" }, "day_rate"},
			{"bad SWE number", func(r *casework.StaffRecord) { r.SWENo = "123456" }, "swe_no"},
		} {
			r := wfPermanent("Eve Hart", team.ID, nil, d(2024, 5, 1))
			tc.edit(&r)
			if _, err := s.CreateStaff(ctx, store.System, r); !hasField(err, tc.field) {
				t.Errorf("%s: %v, want an error on %s", tc.name, err, tc.field)
			}
		}
		if reg := must[casework.Register](t)(s.WorkforceRegister(ctx, 0)); len(reg.Staff) != 0 {
			t.Errorf("%d workers written from bad input", len(reg.Staff))
		}
	})
}

func TestRecordingALeaverChecksTheDetailsAndRefusesAStaleVersion(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Assessment")
		w := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Finn Moss", team.ID, nil, d(2024, 5, 1))))
		if _, err := s.RecordLeaver(ctx, store.System, w.ID, w.Version, store.Leaving{Date: d(2024, 4, 30), Reason: "1"}); !hasField(err, "end_date") {
			t.Errorf("leaving before starting: %v, want an error on end_date", err)
		}
		if _, err := s.RecordLeaver(ctx, store.System, w.ID, w.Version, store.Leaving{Date: d(2026, 3, 31)}); !hasField(err, "leaving_reason") {
			t.Errorf("no reason: %v, want an error on leaving_reason", err)
		}
		left := must[casework.StaffRecord](t)(s.RecordLeaver(ctx, store.System, w.ID, w.Version,
			store.Leaving{Date: d(2026, 3, 31), Reason: "1", Destination: "1"}))
		if !left.EndDate.Equal(d(2026, 3, 31)) || left.Version != 2 {
			t.Errorf("after leaving: %+v", left)
		}
		again := must[casework.StaffRecord](t)(s.StaffRecord(ctx, w.ID))
		if again.LeavingReason != "1" || again.LeaverDestination != "1" || !again.EndDate.Equal(d(2026, 3, 31)) {
			t.Errorf("read back: %+v", again)
		}
		_, err := s.RecordLeaver(ctx, store.System, w.ID, 1, store.Leaving{Date: d(2026, 4, 30), Reason: "5"})
		if !errors.Is(err, casework.ErrConflict) {
			t.Errorf("stale version: %v, want a conflict", err)
		}
		h := must[[]store.Event](t)(s.History(ctx, "worker", w.ID))
		if len(h) != 2 || h[1].Action != "leave" || h[1].Reason != "Resignation" {
			t.Errorf("history = %+v, want create then leave (Resignation)", h)
		}
	})
}

func TestUpdatingPostsAndStaffIsVersioned(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Leaving care")
		post := wfPost(t, s, team.ID, "Personal adviser lead", d(2024, 4, 1))
		post.FundedTo = ptr(d(2026, 3, 31))
		changed := must[casework.Post](t)(s.UpdatePost(ctx, store.System, post))
		if changed.Version != 2 || !must[casework.Post](t)(s.Post(ctx, post.ID)).FundedTo.Equal(d(2026, 3, 31)) {
			t.Errorf("post after update: %+v", changed)
		}
		if _, err := s.UpdatePost(ctx, store.System, post); !errors.Is(err, casework.ErrConflict) {
			t.Errorf("stale post: %v, want a conflict", err)
		}
		w := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Gia Lowe", team.ID, nil, d(2024, 5, 1))))
		w.SWENo, w.PostID = "SW777", &post.ID
		w = must[casework.StaffRecord](t)(s.UpdateStaff(ctx, store.System, w))
		if got := must[casework.StaffRecord](t)(s.StaffRecord(ctx, w.ID)); got.SWENo != "SW777" || got.PostTitle != "Personal adviser lead" || got.Version != 2 {
			t.Errorf("staff after update: %+v", got)
		}
		w.Version = 1
		if _, err := s.UpdateStaff(ctx, store.System, w); !errors.Is(err, casework.ErrConflict) {
			t.Errorf("stale staff: %v, want a conflict", err)
		}
	})
}

func TestAnAbsenceMustFallWhileTheWorkerIsInPost(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Assessment")
		w := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Hal Shaw", team.ID, nil, d(2024, 5, 1))))
		w = must[casework.StaffRecord](t)(s.RecordLeaver(ctx, store.System, w.ID, w.Version, store.Leaving{Date: d(2025, 5, 30), Reason: "1"}))
		for _, tc := range []struct {
			a     casework.Absence
			field string
		}{
			{casework.Absence{WorkerID: w.ID, Reason: "SIC", Start: d(2024, 4, 1)}, "start_date"},
			{casework.Absence{WorkerID: w.ID, Reason: "SIC", Start: d(2025, 5, 19), End: ptr(d(2025, 6, 6))}, "end_date"},
			{casework.Absence{WorkerID: w.ID, Reason: "XYZ", Start: d(2025, 1, 6)}, "reason"},
		} {
			if _, err := s.RecordAbsence(ctx, store.System, tc.a); !hasField(err, tc.field) {
				t.Errorf("%+v: %v, want an error on %s", tc.a, err, tc.field)
			}
		}
	})
}

func TestTheRegisterAsAtADateAndForOneTeam(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		a, b := wfTeam(t, s, "Assessment"), wfTeam(t, s, "Disabled children")
		old := wfPost(t, s, a.ID, "Old post", d(2020, 1, 1))
		old.FundedTo = ptr(d(2024, 12, 31))
		must[casework.Post](t)(s.UpdatePost(ctx, store.System, old))
		wfPost(t, s, a.ID, "New post", d(2025, 1, 1))
		wfPost(t, s, b.ID, "Other team's post", d(2020, 1, 1))
		gone := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Ida Gone", a.ID, nil, d(2020, 1, 1))))
		must[casework.StaffRecord](t)(s.RecordLeaver(ctx, store.System, gone.ID, gone.Version, store.Leaving{Date: d(2024, 12, 31), Reason: "5"}))
		must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Jon Here", a.ID, nil, d(2024, 6, 1))))
		must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Kim Later", a.ID, nil, d(2026, 1, 5))))
		must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Lee Other", b.ID, nil, d(2020, 1, 1))))

		on := d(2025, 6, 30)
		got := must[casework.Register](t)(s.RegisterAsAt(ctx, a.ID, on))
		var names, titles []string
		for _, w := range got.Staff {
			names = append(names, w.Name)
		}
		for _, p := range got.Posts {
			titles = append(titles, p.Title)
		}
		if !slices.Equal(names, []string{"Jon Here"}) || !slices.Equal(titles, []string{"New post"}) {
			t.Errorf("team A as at 30 Jun 2025: staff %v, posts %v; want [Jon Here], [New post]", names, titles)
		}
		// The store's dated query agrees with the domain's filter of the
		// whole register.
		whole := must[casework.Register](t)(s.WorkforceRegister(ctx, a.ID)).AsAt(on)
		if len(whole.Staff) != len(got.Staff) || len(whole.Posts) != len(got.Posts) {
			t.Errorf("RegisterAsAt %d staff %d posts; WorkforceRegister().AsAt %d staff %d posts",
				len(got.Staff), len(got.Posts), len(whole.Staff), len(whole.Posts))
		}
		if all := must[casework.Register](t)(s.WorkforceRegister(ctx, 0)); len(all.Staff) != 4 || len(all.Posts) != 3 {
			t.Errorf("whole service: %d staff, %d posts; want 4 and 3", len(all.Staff), len(all.Posts))
		}
	})
}

func TestCasesHeldCountsOpenCasesAllocatedOnTheDate(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		team := wfTeam(t, s, "Child protection")
		amy := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Amy", team.ID, nil, d(2020, 1, 1))))
		bo := must[casework.StaffRecord](t)(s.CreateStaff(ctx, store.System, wfPermanent("Bo", team.ID, nil, d(2020, 1, 1))))
		open := func(laID string, on time.Time) casework.Involvement {
			c := newChild(t, s, laID, "Child", laID)
			return must[casework.Involvement](t)(s.OpenInvolvement(ctx, store.System, casework.Involvement{ChildID: c.ID,
				StartDate: on, TeamID: &team.ID, WorkerID: &amy.ID}))
		}
		first, second := open("C1", d(2025, 6, 2)), open("C2", d(2025, 9, 1))
		open("C3", d(2025, 10, 6)) // opened after 30 September
		ok(t, s.Allocate(ctx, store.System, second.ID, second.Version, bo.ID, d(2025, 9, 30), "MANAGE", "Amy's caseload is full"))
		ok(t, s.Allocate(ctx, store.System, first.ID, first.Version, bo.ID, d(2025, 10, 1), "MANAGE", "Reallocated"))

		// On 29 Sep Amy holds C1 and C2; on 30 Sep C2 has gone to Bo.
		if got := must[map[int64]int](t)(s.CasesHeld(ctx, d(2025, 9, 29))); got[amy.ID] != 2 || got[bo.ID] != 0 {
			t.Errorf("29 Sep: %v, want Amy 2", got)
		}
		if got := must[map[int64]int](t)(s.CasesHeld(ctx, d(2025, 9, 30))); got[amy.ID] != 1 || got[bo.ID] != 1 {
			t.Errorf("30 Sep: %v, want Amy 1 and Bo 1", got)
		}
		if got := must[map[int64]int](t)(s.CasesHeld(ctx, d(2025, 10, 6))); got[amy.ID] != 1 || got[bo.ID] != 2 {
			t.Errorf("6 Oct: %v, want Amy 1 (C3) and Bo 2", got)
		}
	})
}
