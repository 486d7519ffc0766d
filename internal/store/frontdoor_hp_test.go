package store_test

import (
	"errors"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAContactReferredToSocialCareCreatesTheReferralAndAnInvolvementLinkedToIt(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		c, err := s.RecordContact(ctx, w.sw, casework.Contact{ChildID: child.ID, Source: "6",
			Concerns: "Police attended a domestic incident", OutOfHours: true})
		ok(t, err)
		if !c.ReceivedAt.Equal(fixedNow) || !c.Date.Equal(d(2026, 11, 24)) || c.RecordedBy != "User sam" || c.Version != 1 {
			t.Errorf("recorded contact = %+v: want received now, dated today, by the actor, version 1", c)
		}
		got, err := s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral, d(2026, 11, 24), "", "N1", &w.team.ID)
		ok(t, err)
		if got.ReferralID == nil || got.Decision != casework.ContactToReferral || got.DecisionBy != "User sam" || got.Version != 2 {
			t.Fatalf("decided contact = %+v", got)
		}
		if back := must[casework.Contact](t)(s.Contact(ctx, c.ID)); !back.ReceivedAt.Equal(got.ReceivedAt) ||
			back.ReferralID == nil || *back.ReferralID != *got.ReferralID || back.Version != 2 || !back.OutOfHours {
			t.Errorf("contact read back = %+v, want %+v", back, got)
		}
		ref := must[casework.Referral](t)(s.Referral(ctx, *got.ReferralID))
		if !ref.Date.Equal(c.Date) || ref.Source != "6" || ref.PrimaryNeed != "N1" || ref.ContactID == nil ||
			*ref.ContactID != c.ID || ref.InvolvementID == nil || ref.ReReferral {
			t.Errorf("referral = %+v", ref)
		}
		invs := must[[]casework.Involvement](t)(s.Involvements(ctx, child.ID))
		if len(invs) != 1 || invs[0].ID != *ref.InvolvementID || !invs[0].StartDate.Equal(c.Date) ||
			invs[0].TeamID == nil || *invs[0].TeamID != w.team.ID || invs[0].EndDate != nil {
			t.Errorf("involvements = %+v, want one open from the contact date held by the team", invs)
		}
		for entity, want := range map[string][]string{"contact": {"create", "decide"}, "referral": {"create"}, "involvement": {"create"}} {
			id := c.ID
			if entity == "referral" {
				id = ref.ID
			} else if entity == "involvement" {
				id = invs[0].ID
			}
			var actions []string
			for _, e := range must[[]store.Event](t)(s.History(ctx, entity, id)) {
				actions = append(actions, e.Action)
			}
			if len(actions) != len(want) || actions[len(actions)-1] != want[len(want)-1] {
				t.Errorf("history of %s = %v, want %v", entity, actions, want)
			}
		}
	})
}

func TestAReferralJoinsTheInvolvementAlreadyOpen(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		inv := must[casework.Involvement](t)(s.OpenInvolvement(ctx, w.sw, casework.Involvement{ChildID: child.ID,
			StartDate: d(2026, 11, 2), TeamID: &w.team.ID, WorkerID: &w.worker.ID}))
		ref := w.refer(child.ID, d(2026, 11, 20))
		if ref.InvolvementID == nil || *ref.InvolvementID != inv.ID {
			t.Errorf("referral's involvement = %v, want the open one %d", ref.InvolvementID, inv.ID)
		}
		if n := len(must[[]casework.Involvement](t)(s.Involvements(ctx, child.ID))); n != 1 {
			t.Errorf("%d involvements, want the one already open", n)
		}
	})
}

func TestAContactClosedWithNoFurtherActionNeedsAReason(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		c := w.contact(child.ID, d(2026, 11, 23))
		decide := func(decision, reason string, on time.Time) func() error {
			return func() error {
				_, err := s.DecideContact(ctx, w.sw, c.ID, c.Version, decision, on, reason, "", nil)
				return err
			}
		}
		refused(t, s, decide(casework.ContactNFA, "  ", d(2026, 11, 23)), "reason")
		refused(t, s, decide(casework.ContactEarlyHelp, "", d(2026, 11, 23)), "reason")
		refused(t, s, decide("", "", d(2026, 11, 23)), "decision")
		refused(t, s, decide(casework.ContactNFA, "Advice given", d(2026, 11, 22)), "decision_date")
		refused(t, s, decide(casework.ContactNFA, "Advice given", d(2026, 11, 25)), "decision_date")
		got, err := s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactNFA, d(2026, 11, 23), "Advice given to parent", "", nil)
		ok(t, err)
		if got.ReferralID != nil || got.Reason != "Advice given to parent" || count(t, s, `SELECT count(*) FROM referrals`) != 0 {
			t.Errorf("an NFA contact made a referral: %+v", got)
		}
		refused(t, s, func() error {
			_, err := s.DecideContact(ctx, w.sw, c.ID, got.Version, casework.ContactToReferral, d(2026, 11, 23), "", "N1", nil)
			return err
		}, "decision")
		_, err = s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactNFA, d(2026, 11, 23), "Again", "", nil)
		wantConflict(t, err, "User sam")
	})
}

func TestAChildWithAnOpenEpisodeIsNotReferredAgain(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child, _ := w.child("LA1", d(2026, 11, 2))
		c := w.contact(child.ID, d(2026, 11, 23))
		refused(t, s, func() error {
			_, err := s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral, d(2026, 11, 23), "", "N1", nil)
			return err
		}, "decision")
	})
}

func TestAStaleDecisionLeavesNothingHalfSaved(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		c := w.contact(child.ID, d(2026, 11, 23))
		before := snapshot(t, s)
		// The referral and involvement are written before the contact's
		// version is found stale: the whole write must roll back.
		_, err := s.DecideContact(ctx, w.sw, c.ID, c.Version+5, casework.ContactToReferral, d(2026, 11, 23), "", "N1", &w.team.ID)
		wantConflict(t, err, "User sam")
		if after := snapshot(t, s); !equalMaps(before, after) {
			t.Errorf("a stale decision changed the database:\n before %v\n after  %v", before, after)
		}
		_, err = s.DecideContact(ctx, w.sw, 9999, 1, casework.ContactNFA, d(2026, 11, 23), "x", "", nil)
		if !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("deciding a missing contact = %v, want ErrNotFound", err)
		}
	})
}

func equalMaps(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestAReferralWithin12MonthsOfAnEarlierOneIsAReReferral(t *testing.T) {
	cases := []struct {
		earlier time.Time
		want    bool
	}{
		{d(2025, 11, 22), false}, // 12 months and a day before
		{d(2025, 11, 23), true},  // 12 months before to the day
		{d(2026, 6, 1), true},
	}
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		for i, tc := range cases {
			child, first := w.child("LA"+string(rune('A'+i)), tc.earlier)
			w.closeNFA(first, tc.earlier)
			c := w.contact(child.ID, d(2026, 11, 23))
			rows := must[[]store.ContactRow](t)(s.Contacts(ctx, store.ContactFilter{Undecided: true}))
			var row *store.ContactRow
			for i := range rows {
				if rows[i].ID == c.ID {
					row = &rows[i]
				}
			}
			if row == nil || row.ReReferral != tc.want || row.ChildName != child.FullName() || row.LAChildID != child.LAChildID {
				t.Errorf("earlier referral %s: contact row = %+v, want re-referral %v", tc.earlier.Format("2006-01-02"), row, tc.want)
			}
			c = must[casework.Contact](t)(s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral,
				d(2026, 11, 23), "", "N1", nil))
			if got := must[casework.Referral](t)(s.Referral(ctx, *c.ReferralID)); got.ReReferral != tc.want {
				t.Errorf("earlier referral %s: Referral.ReReferral = %v, want %v", tc.earlier.Format("2006-01-02"), got.ReReferral, tc.want)
			}
			cf := w.caseFile(child.ID)
			if len(cf.Referrals) != 2 || cf.Referrals[0].ReReferral || cf.Referrals[1].ReReferral != tc.want {
				t.Errorf("case file referrals = %+v", cf.Referrals)
			}
		}
	})
}

func TestTheFrontDoorListsContactsNewestFirstAndTheNightsOutOfHoursOnes(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		record := func(at time.Time, ooh bool) casework.Contact {
			return must[casework.Contact](t)(s.RecordContact(ctx, w.sw, casework.Contact{ChildID: child.ID,
				ReceivedAt: at, Source: "6", Concerns: "Concern", OutOfHours: ooh}))
		}
		day := record(time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC), false)
		night := record(time.Date(2026, 11, 23, 23, 50, 0, 0, time.UTC), true)
		old := record(time.Date(2026, 11, 20, 22, 0, 0, 0, time.UTC), true)
		_ = must[casework.Contact](t)(s.DecideContact(ctx, w.sw, day.ID, day.Version, casework.ContactNFA, d(2026, 11, 23), "Advice", "", nil))
		ids := func(f store.ContactFilter) []int64 {
			var out []int64
			for _, r := range must[[]store.ContactRow](t)(s.Contacts(ctx, f)) {
				out = append(out, r.ID)
			}
			return out
		}
		cases := []struct {
			name string
			f    store.ContactFilter
			want []int64
		}{
			{"all", store.ContactFilter{}, []int64{night.ID, day.ID, old.ID}},
			{"undecided", store.ContactFilter{Undecided: true}, []int64{night.ID, old.ID}},
			{"last night's out of hours", store.ContactFilter{OutOfHours: true, Since: time.Date(2026, 11, 23, 17, 0, 0, 0, time.UTC)}, []int64{night.ID}},
			{"limit", store.ContactFilter{Limit: 1}, []int64{night.ID}},
		}
		for _, tc := range cases {
			if got := ids(tc.f); !equalIDs(got, tc.want) {
				t.Errorf("%s: contacts %v, want %v", tc.name, got, tc.want)
			}
		}
		if !night.Date.Equal(d(2026, 11, 23)) {
			t.Errorf("a contact at 23:50 GMT is dated %v, want 23 November", night.Date)
		}
	})
}

func equalIDs(a, b []int64) bool {
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

func TestRecordingAContactChecksItsFields(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		refused(t, s, func() error {
			_, err := s.RecordContact(ctx, w.sw, casework.Contact{ChildID: child.ID, Source: "ZZ", Date: d(2026, 11, 25)})
			return err
		}, "source", "concerns", "date")
		_, err := s.RecordContact(ctx, w.sw, casework.Contact{ChildID: 9999, Source: "6", Concerns: "x"})
		if !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("a contact about a missing child = %v, want ErrNotFound", err)
		}
	})
}

func TestReferralDecisionRules(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		c := w.contact(child.ID, d(2026, 11, 20))
		c = must[casework.Contact](t)(s.DecideContact(ctx, w.sw, c.ID, c.Version, casework.ContactToReferral, d(2026, 11, 20), "", "", nil))
		ref := must[casework.Referral](t)(s.Referral(ctx, *c.ReferralID))
		cases := []struct {
			name                            string
			decision                        string
			on                              time.Time
			primaryNeed, nfaReason, wantErr string
		}{
			{"decided before the referral", casework.ReferralToAssessment, d(2026, 11, 19), "N1", "", "decision_date"},
			{"decided in the future", casework.ReferralToAssessment, d(2026, 11, 25), "N1", "", "decision_date"},
			{"further action without a primary need (rule 8610)", casework.ReferralToStrategy, d(2026, 11, 23), "", "", "primary_need"},
			{"no further action without a reason", casework.ReferralNFA, d(2026, 11, 23), "", "", "nfa_reason"},
			{"no decision", "", d(2026, 11, 23), "N1", "", "decision"},
			{"an unknown primary need", casework.ReferralToAssessment, d(2026, 11, 23), "N99", "", "primary_need"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				refused(t, s, func() error {
					return s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, tc.decision, tc.on, tc.primaryNeed, tc.nfaReason)
				}, tc.wantErr)
			})
		}
		ok(t, s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralToAssessment, d(2026, 11, 23), "N4", ""))
		got := must[casework.Referral](t)(s.Referral(ctx, ref.ID))
		if got.Decision != casework.ReferralToAssessment || !got.DecisionDate.Equal(d(2026, 11, 23)) || got.PrimaryNeed != "N4" || got.Version != 2 {
			t.Errorf("decided referral = %+v", got)
		}
		err := s.DecideReferral(ctx, w.manager, ref.ID, ref.Version, casework.ReferralToStrategy, d(2026, 11, 23), "", "")
		wantConflict(t, err, "User sam")
	})
}
