package store_test

import (
	"encoding/json"
	"errors"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// smallBatch is one child's help and protection, front door to CP plan,
// with the organisation it needs, ids starting from next.
func smallBatch(n store.NextIDs) *store.SyntheticBatch {
	team, post, worker, user, child := n.Team, n.Post, n.Worker, n.User, n.Child
	inv, ref, con, s47, sd, plan, conf := n.Involvement, n.Referral, n.Contact, n.S47, n.Strategy, n.Plan, n.Conference
	return &store.SyntheticBatch{
		Seq:   1,
		Teams: []casework.Team{{ID: team, Name: "Synthetic CP team", Kind: "child_protection"}},
		Posts: []casework.Post{{ID: post, TeamID: team, Title: "Social worker", OrgRole: "5", FTE: 1,
			FundedFrom: d(2019, 4, 1), SalaryPence: 3_400_000, OnCostPct: 28}},
		Workers: []casework.StaffRecord{{Worker: casework.Worker{ID: worker, Name: "Ada Quill", TeamID: &team, FTE: 0.8,
			EmploymentType: casework.Agency, StartDate: d(2020, 1, 6)}, PostID: &post, OrgRole: "5", SWENo: "SW900001",
			AgencyName: "Fellside Social Care Recruitment", DayRatePence: 32_000}},
		Users: []store.SyntheticUser{{User: store.User{ID: user, Username: "w1.ada.quill", DisplayName: "Ada Quill",
			Role: auth.SocialWorker, WorkerID: &worker, TeamID: &team, Disabled: true},
			PasswordHash: "$argon2id$v=19$m=65536,t=1,p=2$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},
		Children: []casework.Child{{ID: child, LAChildID: "SYN1", FirstName: "Rosa", LastName: "Penhale",
			DateOfBirth: ptr(d(2018, 5, 2)), Sex: "F", Ethnicity: "WBRI", Synthetic: true}},
		Addresses: []casework.Address{{ID: n.Address, ChildID: child, Line1: "4 Larch Row", Town: "Brackenmoor",
			Postcode: "bk47qt", StartDate: d(2018, 5, 2)}},
		Involvements: []casework.Involvement{{ID: inv, ChildID: child, StartDate: d(2026, 3, 2), TeamID: &team,
			WorkerID: &worker, AllocatedOn: ptr(d(2026, 3, 2))}},
		Allocations: []store.AllocationRow{{ID: n.Allocation, InvolvementID: inv, TeamID: &team, WorkerID: &worker,
			StartDate: d(2026, 3, 2), Reason: "Case opened"}},
		Contacts: []casework.Contact{{ID: con, ChildID: child, ReceivedAt: d(2026, 3, 2).Add(10 * 3600e9), Date: d(2026, 3, 2),
			Source: "6", Concerns: "Police attended a domestic incident.", Decision: "referral", DecisionDate: ptr(d(2026, 3, 2)),
			DecisionBy: "Ada Quill", ReferralID: &ref, RecordedBy: "Ada Quill"}},
		Referrals: []casework.Referral{{ID: ref, ChildID: child, InvolvementID: &inv, ContactID: &con, Date: d(2026, 3, 2),
			Source: "6", PrimaryNeed: "N1", Decision: "strategy", DecisionDate: ptr(d(2026, 3, 2))}},
		Strategies: []casework.StrategyDiscussion{{ID: sd, ChildID: child, ReferralID: ref, Date: d(2026, 3, 3), InitiatedS47: true}},
		S47s: []casework.S47Enquiry{{ID: s47, ChildID: child, ReferralID: ref, StrategyID: &sd, StartDate: d(2026, 3, 3),
			EndDate: ptr(d(2026, 3, 20)), Outcome: "icpc"}},
		Plans: []casework.CPPlan{{ID: plan, ChildID: child, ReferralID: ref, ConferenceID: &conf, StartDate: d(2026, 3, 20),
			InitialCategory: "NEG", LatestCategory: "NEG"}},
		Conferences: []casework.Conference{{ID: conf, ChildID: child, Kind: "initial", S47ID: &s47, PlanID: &plan,
			Date: d(2026, 3, 20), Decision: "plan", Category: "NEG"}},
		CoreGroups: []casework.CoreGroup{{ID: n.CoreGroup, PlanID: plan, ChildID: child, Date: d(2026, 3, 27)}},
		Visits: []casework.Visit{{ID: n.Visit, ChildID: child, Date: d(2026, 3, 25), Kind: "cp", Seen: true, Place: "home",
			By: "Ada Quill"}},
		Notes: []casework.Note{{ID: n.Note, ChildID: child, InvolvementID: &inv, Date: d(2026, 3, 25), Kind: "case_note",
			Subject: "Home visit", Body: "Rosa was seen at home.", AuthorID: user, CreatedAt: fixedNow}},
	}
}

func TestWriteSyntheticBatch(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := s.WriteSyntheticBatch(ctx, store.System, smallBatch(next))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 17 || len(sum.SHA256) != 64 {
			t.Errorf("summary = %+v, want 17 rows and a SHA-256", sum)
		}
		w, err := s.StaffRecord(ctx, next.Worker)
		if err != nil || w.PostID == nil || *w.PostID != next.Post || w.DayRatePence != 32_000 || w.SWENo != "SW900001" {
			t.Errorf("staff record read back = %+v, %v; want the post, day rate and SWE number written", w, err)
		}
		if p, err := s.Post(ctx, next.Post); err != nil || p.SalaryPence != 3_400_000 || p.OnCostPct != 28 {
			t.Errorf("post read back = %+v, %v; want its salary and on-costs", p, err)
		}
		cf, err := s.CaseFile(ctx, next.Child)
		if err != nil {
			t.Fatal(err)
		}
		if p := cf.OpenPlan(); p == nil || p.InitialCategory != "NEG" || cf.Involvement == nil || len(cf.Visits) != 1 {
			t.Errorf("case file read back = %+v", cf)
		}
		if rep, err := s.VerifyHistory(ctx); err != nil || rep.Events != 1 {
			t.Errorf("history = %+v, %v; want one event, whole", rep, err)
		}
		ev, err := s.History(ctx, "synth_batch", 1)
		if err != nil || len(ev) != 1 {
			t.Fatalf("synth_batch events = %v, %v", ev, err)
		}
		var got store.BatchSummary
		if err := json.Unmarshal([]byte(ev[0].After), &got); err != nil || got.SHA256 != sum.SHA256 {
			t.Errorf("history after = %s (%v), want the summary", ev[0].After, err)
		}
		_, real, err := s.CountChildren(ctx)
		if err != nil || real != 0 {
			t.Errorf("real children = %d, %v; want 0", real, err)
		}
	})
}

// TestWriteSyntheticBatchIDsFollow checks that records typed after a batch
// get fresh ids (PostgreSQL's identity sequences were moved on).
func TestWriteSyntheticBatchIDsFollow(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, _ := s.NextIDs(ctx)
		child := smallBatch(next).Children[0]
		child.ID = 500
		b := &store.SyntheticBatch{Seq: 1, Children: []casework.Child{child}}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err != nil {
			t.Fatal(err)
		}
		c := newChild(t, s, "TYPED1", "Typed", "Child")
		if c.ID != 501 {
			t.Errorf("typed child id = %d, want 501", c.ID)
		}
		after, _ := s.NextIDs(ctx)
		if after.Child != 502 {
			t.Errorf("NextIDs().Child = %d, want 502", after.Child)
		}
	})
}

func TestWriteSyntheticBatchRefusesRealChildren(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, _ := s.NextIDs(ctx)
		b := smallBatch(next)
		b.Children[0].Synthetic = false
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); !errors.Is(err, store.ErrNotSynthetic) {
			t.Fatalf("error = %v, want ErrNotSynthetic", err)
		}
		if n := count(t, s, `SELECT count(*) FROM teams`); n != 0 {
			t.Errorf("teams written = %d, want none", n)
		}
		if n := historyLen(t, s); n != 0 {
			t.Errorf("history events = %d, want none", n)
		}
	})
}

// TestWriteSyntheticBatchAllOrNothing checks a batch that breaks a foreign
// key leaves nothing behind.
func TestWriteSyntheticBatchAllOrNothing(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, _ := s.NextIDs(ctx)
		b := smallBatch(next)
		b.Visits[0].ChildID = 9999
		if _, err := s.WriteSyntheticBatch(ctx, store.System, b); err == nil {
			t.Fatal("a visit to a missing child was written")
		}
		if n := count(t, s, `SELECT count(*) FROM children`); n != 0 {
			t.Errorf("children written = %d, want none", n)
		}
	})
}
