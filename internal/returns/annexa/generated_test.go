package annexa_test

import (
	"bytes"
	"database/sql"
	"testing"
	"time"

	"sightline/internal/returns/annexa"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/synth/synthtest"
)

// generated writes a small synthetic authority, its history running to
// 30 June 2026, into a fresh SQLite store.
func generated(t testing.TB) *store.Store {
	t.Helper()
	st := storetest.Open(t, "sqlite")
	synthtest.Write(t, st, "steady", "small", 7, asAt)
	return st
}

// listCounts are each list's records counted by plain SQL, straight from
// the tables, with the periods' days as parameters: six months' first
// day, twelve months' first day, the as-at day.
var listCounts = map[string]string{
	"List 1": `SELECT count(*) FROM contacts WHERE error_reason = '' AND contact_date BETWEEN :six AND :asat`,
	"List 3": `SELECT count(*) FROM referrals WHERE error_reason = '' AND referral_date BETWEEN :six AND :asat`,
	"List 4": `SELECT count(*) FROM assessments WHERE error_reason = '' AND start_date <= :asat
		AND (authorised_date IS NULL OR authorised_date >= :six)`,
	"List 5": `SELECT count(*) FROM s47_enquiries WHERE error_reason = '' AND start_date <= :asat
		AND (end_date IS NULL OR end_date >= :six)`,
	"List 6": `SELECT count(*) FROM referrals WHERE error_reason = '' AND nfa = 0 AND referral_date <= :asat
		AND (closure_date IS NULL OR closure_date >= :six)`,
	"List 7": `SELECT count(*) FROM cp_plans WHERE error_reason = '' AND start_date <= :asat
		AND (end_date IS NULL OR end_date >= :six)`,
	"List 8": `SELECT count(DISTINCT child_id) FROM care_episodes WHERE error_reason = '' AND start_date <= :asat
		AND (end_date IS NULL OR end_date >= :six)`,
	"List 9": `SELECT count(*) FROM care_leavers l WHERE error_reason = '' AND from_date <= :asat
		AND (services_ended IS NULL OR services_ended > :asat)
		AND NOT EXISTS (SELECT 1 FROM care_leavers m WHERE m.child_id = l.child_id AND m.error_reason = ''
			AND (m.from_date > l.from_date OR (m.from_date = l.from_date AND m.id > l.id)))`,
	"List 10": `SELECT count(*) FROM permanence_plans WHERE error_reason = '' AND should_be_placed <= :asat
		AND NOT (adoption_order IS NOT NULL AND adoption_order < :twelve)
		AND NOT ((adoption_order IS NULL OR adoption_order > :asat) AND reversed IS NOT NULL AND reversed < :twelve)`,
}

// TestGeneratedAuthorityListsCountTheirRecords: a small generated
// authority exports, and every list has as many rows as SQL counts.
func TestGeneratedAuthorityListsCountTheirRecords(t *testing.T) {
	st := generated(t)
	var buf bytes.Buffer
	wb, err := annexa.ExportStore(ctx, st, &buf, asAt)
	if err != nil {
		t.Fatal(err)
	}
	six, twelve := annexa.Period(asAt)
	day := func(d time.Time) string { return d.Format(time.DateOnly) }
	for _, l := range wb.Lists {
		q, ok := listCounts[l.Sheet]
		if !ok {
			t.Errorf("%s has no count to check it by", l.Sheet)
			continue
		}
		var n int
		if err := st.DB().QueryRowContext(ctx, q, sql.Named("six", day(six)), sql.Named("twelve", day(twelve)),
			sql.Named("asat", day(asAt))).Scan(&n); err != nil {
			t.Fatalf("%s: %v", l.Sheet, err)
		}
		if len(l.Rows) != n {
			t.Errorf("%s: %d rows, SQL counts %d", l.Sheet, len(l.Rows), n)
		}
		t.Logf("%s: %d rows", l.Sheet, n)
	}
	if wb.Lists[0].Rows == nil {
		t.Error("a small authority received no contacts in six months")
	}
}
