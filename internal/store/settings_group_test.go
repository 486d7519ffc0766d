package store_test

import (
	"errors"
	"slices"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

func TestAGroupOfSettingsIsSavedWhollyOrNotAtAll(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		alice := newUser(t, s, "alice", auth.Administrator)
		bob := newUser(t, s, "bob", auth.Administrator)
		ok(t, s.PutSettings(ctx, alice.Actor(), []store.SettingChange{
			{Key: casework.KeyWeightCPPlan, Value: "2"}, {Key: casework.KeyCapacityFullTime, Value: "20"}}))
		// Bob read both at version 1 and saves; Alice, who also read version
		// 1 of the weight, then saves both again: refused, and nothing of
		// hers is kept, not even the capacity she had the current version of.
		ok(t, s.PutSetting(ctx, bob.Actor(), casework.KeyWeightCPPlan, "1.75", 1))
		err := s.PutSettings(ctx, alice.Actor(), []store.SettingChange{
			{Key: casework.KeyCapacityFullTime, Value: "16", Version: 1}, {Key: casework.KeyWeightCPPlan, Value: "3", Version: 1}})
		var conflict *casework.ConflictError
		if !errors.As(err, &conflict) || conflict.ChangedBy != bob.DisplayName {
			t.Fatalf("a stale save = %v, want a conflict naming Bob", err)
		}
		all := must[map[string]store.Setting](t)(s.Settings(ctx))
		if all[casework.KeyCapacityFullTime].Value != "20" || all[casework.KeyWeightCPPlan].Value != "1.75" {
			t.Errorf("after the refused save: capacity %q, weight %q; want 20 and 1.75 unchanged",
				all[casework.KeyCapacityFullTime].Value, all[casework.KeyWeightCPPlan].Value)
		}

		hist := must[[]store.SettingEvent](t)(s.SettingHistory(ctx, []string{casework.KeyWeightCPPlan, casework.KeyCapacityFullTime}))
		var got []string
		for _, e := range hist {
			got = append(got, e.Key+" "+e.Before+"→"+e.After+" by "+e.By)
		}
		want := []string{
			casework.KeyWeightCPPlan + " 2→1.75 by " + bob.DisplayName,
			casework.KeyCapacityFullTime + " →20 by " + alice.DisplayName,
			casework.KeyWeightCPPlan + " →2 by " + alice.DisplayName,
		}
		if !slices.Equal(got, want) {
			t.Errorf("history, newest first = %q, want %q", got, want)
		}
		if only := must[[]store.SettingEvent](t)(s.SettingHistory(ctx, []string{casework.KeySiblingShare})); len(only) != 0 {
			t.Errorf("history of a setting never saved = %+v, want none", only)
		}
	})
}
