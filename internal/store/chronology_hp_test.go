package store_test

import (
	"reflect"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestTheChronologyShowsHelpAndProtectionAndFiltersByKind(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := w.journey("LA1")
		cases := []struct {
			kind string
			want []string // newest first; one day's steps last first
		}{
			{"contact", []string{
				"2026-09-01 Contact decision: Refer to children's social care",
				"2026-09-01 Contact from School",
			}},
			{"referral", []string{
				"2026-11-23 Episode closed: " + casework.LabelOf(casework.ClosureReasons(), "RC7"),
				"2026-09-02 Referral decision: Strategy discussion (concern of significant harm)",
				"2026-09-01 Referral from School",
			}},
			{"assessment", []string{
				"2026-10-06 Assessment authorised",
				"2026-10-05 Assessment completed: Strategy discussion (section 47)",
				"2026-09-03 Assessment started",
			}},
			{"protection", []string{
				"2026-11-16 Child protection plan ended: Neglect",
				"2026-11-16 Review child protection conference: plan ends",
				"2026-10-01 Core group meeting",
				"2026-09-21 Child protection plan started: Neglect",
				"2026-09-21 Initial child protection conference: child protection plan",
				"2026-09-21 Section 47 enquiry ended: Initial child protection conference",
				"2026-09-02 Section 47 enquiry started",
				"2026-09-02 Strategy discussion: section 47 enquiry to start",
			}},
			{"visit", []string{
				"2026-11-02 Visit: not seen at home",
				"2026-10-08 Visit: seen alone at home",
				"2026-09-24 Visit: seen at school or nursery",
			}},
			{"cin_plan", nil},
		}
		total := 0
		for _, tc := range cases {
			t.Run(tc.kind, func(t *testing.T) {
				got := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{tc.kind}, 100))
				if !reflect.DeepEqual(summaries(got), tc.want) {
					t.Errorf("chronology of %s =\n %q\nwant\n %q", tc.kind, summaries(got), tc.want)
				}
				for _, e := range got {
					if e.Kind != tc.kind || e.KindName == "" || e.KindName == e.Kind || e.RecordID == 0 {
						t.Errorf("entry %+v", e)
					}
				}
			})
			total += len(tc.want)
		}
		all := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, nil, 1000))
		// plus the involvement opened and closed, its allocation, and the closing note
		if len(all) != total+4 {
			t.Errorf("whole chronology has %d entries, want %d:\n %q", len(all), total+4, summaries(all))
		}
		visits := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"visit"}, 1))
		if e := visits[0]; e.By != "User sam" || e.Detail != "Child protection visit" {
			t.Errorf("visit entry = %+v, want by the visitor with its kind", e)
		}
		seen := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"visit"}, 2))[1]
		if seen.Detail != "Child protection visit: Saw her room" {
			t.Errorf("visit detail = %q", seen.Detail)
		}
	})
}

func TestAnOutOfHoursContactSaysSoInTheChronology(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		must[casework.Contact](t)(s.RecordContact(ctx, w.sw, casework.Contact{ChildID: child.ID, Source: "6",
			Concerns: "Found alone at 2am", OutOfHours: true}))
		got := must[[]casework.ChronologyEntry](t)(s.Chronology(ctx, child.ID, []string{"contact"}, 10))
		if len(got) != 1 || got[0].Summary != "Out of hours contact from Police" || got[0].Detail != "Found alone at 2am" || got[0].By != "User sam" {
			t.Errorf("chronology = %+v", got)
		}
	})
}

func TestEveryChronologyKindHasAnArmThatRunsOnBothBackends(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		child := newChild(t, s, "LA1", "Ada", "Lovelace")
		for _, k := range casework.ChronologyKinds() {
			if _, err := s.Chronology(ctx, child.ID, []string{k.Code}, 10); err != nil {
				t.Errorf("chronology of kind %s: %v", k.Code, err)
			}
		}
	})
}

func TestTheHistoryChainHoldsAfterAWholeJourney(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		w.journey("LA1")
		rep, err := s.VerifyHistory(ctx)
		if err != nil || rep.BrokenAt != 0 {
			t.Fatalf("VerifyHistory = %+v, %v", rep, err)
		}
		if rep.Events != historyLen(t, s) || rep.Events < 25 {
			t.Errorf("chain of %d events, history has %d", rep.Events, historyLen(t, s))
		}
		entities := map[string]bool{}
		rows, err := s.DB().QueryContext(ctx, `SELECT DISTINCT entity FROM history`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var e string
			ok(t, rows.Scan(&e))
			entities[e] = true
		}
		for _, e := range []string{"contact", "referral", "involvement", "strategy_discussion", "s47_enquiry", "assessment",
			"conference", "cp_plan", "core_group", "visit", "case_note"} {
			if !entities[e] {
				t.Errorf("no history of %s", e)
			}
		}
	})
}
