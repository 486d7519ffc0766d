package store_test

import (
	"reflect"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// staleRefused runs a write made from a version someone has saved over
// since: it must be refused naming them, and change nothing.
func staleRefused(t *testing.T, s *store.Store, by string, write func() error) {
	t.Helper()
	look := func() map[string]int64 {
		out := snapshot(t, s)
		for _, table := range []string{"care_leavers", "permanence_plans"} {
			out[table+" versions"] = count(t, s, `SELECT COALESCE(sum(version), 0) FROM `+table)
		}
		return out
	}
	before := look()
	wantConflict(t, write(), by)
	if after := look(); !reflect.DeepEqual(before, after) {
		t.Errorf("a stale write changed the database:\n before %v\n after  %v", before, after)
	}
}

// TestEveryEditOfAnExistingRecordRefusesAStaleVersion: each write that
// changes a record that exists takes the version the user read; after
// the manager (mo) saved the record, the worker's save from the version
// before is refused naming the manager, and nothing is written.
func TestEveryEditOfAnExistingRecordRefusesAStaleVersion(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		const by = "User mo"

		// a care leaver record: eligibility and adviser
		c, cl := youngPerson(t, s)
		cl = must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.sw, cl))
		read := cl
		cl.Adviser = "Kim Adviser"
		must[casework.CareLeaver](t)(s.SaveCareLeaver(ctx, w.manager, cl))
		read.Adviser = "Lee Adviser"
		staleRefused(t, s, by, func() error { _, err := s.SaveCareLeaver(ctx, w.sw, read); return err })
		if got := w.caseFile(c.ID).Leaver; got.Adviser != "Kim Adviser" {
			t.Errorf("adviser after the stale save = %q, want the manager's", got.Adviser)
		}

		// a permanence plan: a stage of an adoption
		baby := newChild(t, s, "AD1", "Ava", "Lowe")
		p := must[casework.PermanencePlan](t)(s.RecordPermanencePlan(ctx, w.sw, casework.PermanencePlan{ChildID: baby.ID,
			Plan: casework.PermAdoption, DecidedOn: d(2025, 3, 1), CareStarted: ptr(d(2025, 1, 10))}))
		readPlan := p
		p.ShouldBePlaced = ptr(d(2025, 4, 1))
		must[casework.PermanencePlan](t)(s.UpdatePermanencePlan(ctx, w.manager, p))
		readPlan.ShouldBePlaced = ptr(d(2025, 4, 2))
		staleRefused(t, s, by, func() error { _, err := s.UpdatePermanencePlan(ctx, w.sw, readPlan); return err })

		// a period of care: the manager records a review with a new
		// chair; the worker's end of care from before it is refused
		kid, _ := w.child("LA1", d(2026, 11, 2))
		cs := w.intoCare(kid.ID, d(2026, 11, 9))
		must[casework.CareEvent](t)(s.RecordCareEvent(ctx, w.manager, casework.CareEvent{ChildID: kid.ID,
			Kind: casework.CareReview, Date: d(2026, 11, 20), IRO: "Ola Chair", Participation: "PN1"}))
		staleRefused(t, s, by, func() error {
			return s.EndCare(ctx, w.sw, kid.ID, cs.Episode.Version, d(2026, 11, 23), "E13")
		})

		// a missing episode and its return home interview
		e := w.missing(kid.ID, "2026-11-16", "")
		ok(t, s.RecordMissingReturn(ctx, w.manager, e.ID, e.Version, d(2026, 11, 17), "Home", true))
		staleRefused(t, s, by, func() error {
			return s.RecordMissingReturn(ctx, w.sw, e.ID, e.Version, d(2026, 11, 18), "A friend's", false)
		})

		// pre-proceedings ended by the manager
		plo := must[casework.PreProceedings](t)(s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: kid.ID,
			StartDate: d(2026, 11, 10)}))
		must[casework.PLOEvent](t)(s.RecordPLOEvent(ctx, w.manager, casework.PLOEvent{ChildID: kid.ID, Kind: "letter",
			Date: d(2026, 11, 10)}))
		ok(t, s.EndPreProceedings(ctx, w.manager, kid.ID, plo.Version, d(2026, 11, 20)))
		must[casework.PreProceedings](t)(s.StartPreProceedings(ctx, w.sw, casework.PreProceedings{ChildID: kid.ID,
			StartDate: d(2026, 11, 23)}))
		staleRefused(t, s, "User sam", func() error { return s.EndPreProceedings(ctx, w.sw, kid.ID, plo.Version+1, d(2026, 11, 24)) })

		// a referral decided by the manager while the worker had it open
		other, ref := w.child("LA2", d(2026, 11, 2))
		ok(t, s.DecideReferral(ctx, w.manager, ref.ID, ref.Version, casework.ReferralToAssessment, d(2026, 11, 3), "N1", ""))
		staleRefused(t, s, by, func() error {
			return s.DecideReferral(ctx, w.sw, ref.ID, ref.Version, casework.ReferralNFA, d(2026, 11, 3), "N1", "Advice given")
		})
		if got := w.caseFile(other.ID).Referrals[0].Decision; got != casework.ReferralToAssessment {
			t.Errorf("decision after the stale save = %q, want the manager's", got)
		}

		// a case allocated by one manager while another had it open
		inv := must[[]casework.Involvement](t)(s.Involvements(ctx, other.ID))[0]
		ok(t, s.Allocate(ctx, w.manager, inv.ID, inv.Version, w.worker.ID, d(2026, 11, 4), "MANAGE", "Allocation meeting"))
		staleRefused(t, s, by, func() error {
			return s.Allocate(ctx, w.sw, inv.ID, inv.Version, w.worker.ID, d(2026, 11, 5), "MANAGE", "Duty")
		})
	})
}
