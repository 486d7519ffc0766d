package store_test

import (
	"errors"
	"testing"

	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestANewAddressClosesTheOpenOne(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		c := newChild(t, s, "A1", "Maya", "Brooks")
		if _, err := s.AddAddress(ctx, store.System, casework.Address{ChildID: c.ID, Line1: "1 Elm Road",
			Postcode: "ls11aa", StartDate: d(2020, 1, 6)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddAddress(ctx, store.System, casework.Address{ChildID: c.ID, Line1: "9 Oak Street",
			Postcode: "LS2 7HY", StartDate: d(2025, 5, 1)}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Addresses(ctx, c.ID)
		if err != nil || len(got) != 2 {
			t.Fatalf("addresses = %v, %v", got, err)
		}
		if got[0].Line1 != "9 Oak Street" || got[0].EndDate != nil {
			t.Errorf("current address = %+v", got[0])
		}
		if got[1].Postcode != "LS1 1AA" || got[1].EndDate == nil || !got[1].EndDate.Equal(d(2025, 5, 1)) {
			t.Errorf("previous address = %+v, want postcode tidied and closed on 1 May 2025", got[1])
		}
		entries, _ := s.Chronology(ctx, c.ID, []string{"address"}, 10)
		if len(entries) != 2 || entries[0].Summary != "Moved to LS2 7HY" {
			t.Errorf("address chronology = %+v", entries)
		}
	})
}

func TestAnAddressWithMistakesIsRefused(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		c := newChild(t, s, "A1", "Maya", "Brooks")
		_, err := s.AddAddress(ctx, store.System, casework.Address{ChildID: c.ID, Postcode: "NOT A CODE",
			StartDate: d(2026, 12, 1), EndDate: ptr(d(2026, 1, 1))})
		var v *casework.ValidationError
		if !errors.As(err, &v) || v.For("line1") == "" || v.For("postcode") == "" || v.For("start_date") == "" {
			t.Fatalf("error = %v, want line1, postcode and start_date errors", err)
		}
	})
}

func TestRelationshipsLinkSiblingsAndProfessionals(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		maya := newChild(t, s, "A1", "Maya", "Brooks")
		leo := newChild(t, s, "A2", "Leo", "Brooks")
		if _, err := s.AddRelationship(ctx, store.System, casework.Relationship{ChildID: maya.ID, Kind: "family",
			Relationship: "brother", RelatedChildID: &leo.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddRelationship(ctx, store.System, casework.Relationship{ChildID: maya.ID, Kind: "professional",
			Relationship: "GP", Name: "Dr Okafor", Organisation: "Elm Surgery"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Relationships(ctx, maya.ID)
		if err != nil || len(got) != 2 || got[0].Name != "Leo Brooks" || got[1].Organisation != "Elm Surgery" {
			t.Fatalf("relationships = %+v, %v", got, err)
		}
		_, err = s.AddRelationship(ctx, store.System, casework.Relationship{ChildID: maya.ID, Kind: "friend"})
		if !errors.Is(err, casework.ErrInvalid) {
			t.Errorf("a relationship of unknown kind = %v, want invalid", err)
		}
	})
}
