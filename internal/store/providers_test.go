package store_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// oakHouse is a children's home of the register.
func oakHouse() casework.Provider {
	return casework.Provider{URN: "sc123456", Name: " Oak House ", Type: "CH", PlaceCodes: []string{"K2"},
		ProviderCodes: []string{"PR4"}, Postcode: "dh11aa", LACode: "840", Registered: d(2019, 5, 1)}
}

func TestTheProviderRegisterKeepsEachURNOnceAndRefusesStaleEdits(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		p := must[casework.Provider](t)(s.CreateProvider(ctx, w.sw, oakHouse()))
		if p.URN != "SC123456" || p.Name != "Oak House" || p.Postcode != "DH1 1AA" || p.Version != 1 {
			t.Errorf("created = %+v, want it tidied at version 1", p)
		}
		wantFields(t, second(s.CreateProvider(ctx, w.sw, oakHouse())), "urn")
		bad := oakHouse()
		bad.URN, bad.PlaceCodes, bad.ProviderCodes, bad.LACode = "12", []string{"P1"}, []string{"PR0"}, "Durham"
		wantFields(t, second(s.CreateProvider(ctx, w.sw, bad)), "urn", "place_codes", "provider_codes", "la_code")

		edit := p
		edit.Closed = ptr(d(2026, 10, 31))
		got := must[casework.Provider](t)(s.UpdateProvider(ctx, w.sw, edit))
		if got.Version != 2 || got.Closed == nil {
			t.Errorf("updated = %+v, want closed at version 2", got)
		}
		wantConflict(t, second(s.UpdateProvider(ctx, w.sw, edit)), w.sw.Name) // saved from version 1
		list := must[[]casework.Provider](t)(s.Providers(ctx))
		if len(list) != 1 || list[0].Closed == nil || !list[0].Closed.Equal(d(2026, 10, 31)) {
			t.Errorf("register = %+v", list)
		}

		more := oakHouse()
		more.Name, more.PlaceCodes = "Oak House (renamed)", []string{"K2", "K1"}
		other := oakHouse()
		other.URN, other.Name = "SC654321", "Ash Lodge"
		added, updated := 0, 0
		added, updated, err := s.PutProviders(ctx, w.sw, []casework.Provider{more, other})
		if err != nil || added != 1 || updated != 1 {
			t.Fatalf("put = %d added, %d updated, %v", added, updated, err)
		}
		if list = must[[]casework.Provider](t)(s.Providers(ctx)); len(list) != 2 || list[1].Name != "Oak House (renamed)" {
			t.Errorf("register after put = %+v", list)
		}
	})
}

func TestAPlacementURNIsCheckedAgainstTheRegister(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newWorld(t, s)
		must[casework.Provider](t)(s.CreateProvider(ctx, w.sw, oakHouse()))
		child, _ := w.child("LA1", d(2026, 11, 2))
		w.intoCare(child.ID, d(2026, 11, 9))
		move := func(urn, typ string) func() error {
			return func() error {
				_, err := s.MovePlacement(ctx, w.sw, casework.Placement{ChildID: child.ID, StartDate: d(2026, 11, 16),
					Type: typ, Provider: "PR4", Postcode: "DH1 1AA", DistanceMiles: 22, URN: urn}, "CARPL")
				return err
			}
		}
		refused(t, s, move("SC999999", "K2"), "urn") // not in the register
		refused(t, s, move("SC123456", "S1"), "urn") // the home takes K2 only (rule 219)
		refused(t, s, move("SC123456", "R1"), "urn") // R1 takes no URN (rule 222)
		refused(t, s, move("ABC", "K2"), "urn")
		ok(t, move(" sc123456 ", "K2")())
		cf := w.caseFile(child.ID)
		if got := cf.CurrentPlacement(); got.URN != "SC123456" {
			t.Errorf("current placement URN = %q", got.URN)
		}
		fix := *cf.CurrentPlacement()
		fix.URN = casework.NotRegisteredURN
		got := must[casework.Placement](t)(s.CorrectPlacement(ctx, w.sw, fix))
		if got.URN != "XXXXXXX" || w.caseFile(child.ID).CurrentPlacement().URN != "XXXXXXX" {
			t.Errorf("corrected placement = %+v", got)
		}
	})
}

// TestWriteSyntheticProvidersAndURNs: a batch's register of providers and
// its placements' URNs are written on both backends, read back as given,
// and NextIDs moves past the providers.
func TestWriteSyntheticProvidersAndURNs(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next := must[store.NextIDs](t)(s.NextIDs(ctx))
		b := smallBatch(next)
		child, ep := next.Child, next.CareEpisode
		home := oakHouse()
		home.ID, home.URN, home.Postcode, home.Closed = next.Provider, "SC123456", "DH1 1AA", ptr(d(2026, 1, 31))
		b.Providers = []casework.Provider{home}
		b.CareEpisodes = []casework.CareEpisode{{ID: ep, ChildID: child, StartDate: d(2025, 5, 1), Reason: "S", CategoryOfNeed: "N1"}}
		b.LegalStatuses = []casework.LegalStatus{{ID: next.LegalStatus, ChildID: child, EpisodeID: ep, StartDate: d(2025, 5, 1), Code: "C2"}}
		b.Placements = []casework.Placement{{ID: next.Placement, ChildID: child, EpisodeID: ep, StartDate: d(2025, 5, 1),
			Type: "K2", Provider: "PR4", Postcode: "DH1 1AA", URN: "SC123456"}}
		must[store.BatchSummary](t)(s.WriteSyntheticBatch(ctx, store.System, b))
		list := must[[]casework.Provider](t)(s.Providers(ctx))
		if len(list) != 1 || list[0].URN != "SC123456" || list[0].Closed == nil || !list[0].Closed.Equal(d(2026, 1, 31)) ||
			len(list[0].PlaceCodes) != 1 || list[0].PlaceCodes[0] != "K2" || list[0].Version != 1 {
			t.Errorf("register read back = %+v", list)
		}
		cf := must[casework.CaseFile](t)(s.CaseFile(ctx, child))
		if len(cf.Placements) != 1 || cf.Placements[0].URN != "SC123456" {
			t.Errorf("placements read back = %+v", cf.Placements)
		}
		if after := must[store.NextIDs](t)(s.NextIDs(ctx)); after.Provider != next.Provider+1 {
			t.Errorf("next provider id = %d, want %d", after.Provider, next.Provider+1)
		}
		// A provider added by hand after the batch gets a fresh id (PostgreSQL's sequence moved on).
		more := oakHouse()
		more.URN = "SC777777"
		if p := must[casework.Provider](t)(s.CreateProvider(ctx, store.System, more)); p.ID <= home.ID {
			t.Errorf("provider added after the batch has id %d", p.ID)
		}
	})
}
