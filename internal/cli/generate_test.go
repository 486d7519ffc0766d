package cli

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// generateRun runs sightline in-process and returns its exit status and
// output.
func generateRun(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunWithInput(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// skipper says which columns a dump leaves out.
type skipper func(table, column string) bool

// generatedTables are the tables generate writes.
var generatedTables = []string{"teams", "workers", "users", "children", "addresses", "relationships", "involvements",
	"allocations", "contacts", "referrals", "assessments", "strategy_discussions", "s47_enquiries", "cp_plans",
	"conferences", "core_groups", "visits", "cin_plans", "cin_plan_reviews", "case_notes", "history", "history_head"}

// migrationTimes leaves out when migrations ran (and the rows they seeded
// were written): not the generator's doing, and on the real clock.
func migrationTimes(table, column string) bool {
	return (column == "applied_at" || column == "updated_at") && !slices.Contains(generatedTables, table)
}

// writeTimes also leaves out when the generator wrote each row, and what
// depends on it (each batch's hash, so the history's links): the only
// columns that differ between two runs on the real clock.
func writeTimes(table, column string) bool {
	return migrationTimes(table, column) || column == "updated_at" ||
		(table == "history" && slices.Contains([]string{"at", "after_json", "hash", "prev_hash"}, column)) ||
		(table == "history_head" && column == "hash")
}

// dump is every row of every table of a SQLite file, table by table in
// name order, rows by rowid, each row its columns as text, but the columns
// skip names.
func dump(t *testing.T, path string, skip skipper) []string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		rows.Scan(&name)
		tables = append(tables, name)
	}
	rows.Close()
	var out []string
	for _, table := range tables {
		out = append(out, dumpTable(t, db, table, skip)...)
	}
	return out
}

func dumpTable(t *testing.T, db *sql.DB, table string, skip skipper) []string {
	rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := []string{"# " + table + " " + strings.Join(cols, ",")}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var line []string
		for i, c := range cols {
			if !skip(table, c) {
				line = append(line, fmt.Sprintf("%v", vals[i]))
			}
		}
		out = append(out, strings.Join(line, "\t"))
	}
	return out
}

// firstDifference describes where two dumps part.
func firstDifference(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}

// generateFixed generates into a new SQLite file with the store's clock
// fixed, so that even the write times match.
func generateFixed(t *testing.T, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "g.db")
	o, err := generateOptionsFrom(path, "improving-2017", "small", seed, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	o.now = func() time.Time { return time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC) }
	var out, errOut bytes.Buffer
	if err := generate(context.Background(), &env{stdout: &out, stderr: &errOut}, o); err != nil {
		t.Fatalf("generate: %v\n%s", err, errOut.String())
	}
	return path
}

// TestGenerateIsDeterministic generates the same authority twice into two
// SQLite files and compares every row of every table, ids included: with
// the clock fixed they match byte for byte, history chain and all (but for
// when the migrations ran); another seed gives another authority.
func TestGenerateIsDeterministic(t *testing.T) {
	one, two := dump(t, generateFixed(t, 9), migrationTimes), dump(t, generateFixed(t, 9), migrationTimes)
	if !slices.Equal(one, two) {
		t.Fatalf("the same seed wrote different rows: %s", firstDifference(one, two))
	}
	if other := dump(t, generateFixed(t, 10), migrationTimes); slices.Equal(one, other) {
		t.Fatal("another seed wrote the same rows")
	}
}

// TestGenerateCommandIsDeterministic runs the command itself twice, on the
// real clock: every row matches but for the times rows were written.
func TestGenerateCommandIsDeterministic(t *testing.T) {
	var dumps [][]string
	for range 2 {
		db := filepath.Join(t.TempDir(), "g.db")
		code, _, stderr := generateRun("generate", "--db", db, "--scenario", "steady", "--size", "small",
			"--seed", "3", "--as-at", "2025-03-31")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		dumps = append(dumps, dump(t, db, writeTimes))
	}
	if !slices.Equal(dumps[0], dumps[1]) {
		t.Fatalf("two runs wrote different rows: %s", firstDifference(dumps[0], dumps[1]))
	}
}

// TestGenerateWritesAndSummarises checks the progress, the summary, the
// history chain and the records' synthetic marks.
func TestGenerateWritesAndSummarises(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	code, stdout, stderr := generateRun("generate", "--db", db, "--scenario", "inadequate-2015")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"batch 1:", "rows/s"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress does not say %q:\n%s", want, stderr)
		}
	}
	for _, want := range []string{"history 2012-07-01 to 2015-06-30", "children", "child protection plans", "rows/s"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary does not say %q:\n%s", want, stdout)
		}
	}
	if code, out, _ := generateRun("history", "verify", "--db", db); code != 0 {
		t.Errorf("history verify: exit %d: %s", code, out)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	total, real, err := st.CountChildren(context.Background())
	if err != nil || total < 1500 || real != 0 {
		t.Errorf("children: %d, real %d, %v; want about 2,000, none real", total, real, err)
	}
	// The register's own authority is the returns' LA code, and the
	// directory's own area the returns' LA area.
	settings, err := st.Settings(context.Background())
	if err != nil || settings["la_code"].Value != synth.OwnLACode || settings["la_area"].Value != synth.OwnArea {
		t.Errorf("la_code, la_area after generating: %+v, %+v, %v; want %s, %s", settings["la_code"], settings["la_area"],
			err, synth.OwnLACode, synth.OwnArea)
	}
	checkDirectory(t, st.DB())
}

// checkDirectory checks that every postcode the records use (the
// children's addresses, their placements, the register of providers) is
// in the postcode directory (postcode_places, which holds each once: it
// is its key), and that the directory holds no postcode they do not use.
func checkDirectory(t *testing.T, db *sql.DB) {
	t.Helper()
	const used = `SELECT REPLACE(postcode, ' ', '') AS pc FROM addresses
		UNION SELECT REPLACE(postcode, ' ', '') FROM care_placements WHERE postcode <> ''
		UNION SELECT REPLACE(postcode, ' ', '') FROM placement_providers`
	var missing, unused, entries int
	for _, q := range []struct {
		into *int
		sql  string
	}{
		{&missing, `SELECT count(*) FROM (` + used + `) u WHERE pc NOT IN (SELECT postcode FROM postcode_places)`},
		{&unused, `SELECT count(*) FROM postcode_places WHERE postcode NOT IN (SELECT pc FROM (` + used + `) u)`},
		{&entries, `SELECT count(*) FROM postcode_places`},
	} {
		if err := db.QueryRow(q.sql).Scan(q.into); err != nil {
			t.Fatal(err)
		}
	}
	if missing != 0 || unused != 0 || entries == 0 {
		t.Errorf("postcode directory of %d entries: %d postcodes used are not in it, %d in it are not used", entries, missing, unused)
	}
}

// TestGenerateRefusesBadInput checks each refusal and its exit status: a
// usage error (2) names the valid values; what cannot be done (1) says why.
func TestGenerateRefusesBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--scenario", "utopia"}, 2, "steady, inadequate-2015, improving-2017"},
		{[]string{"--size", "huge"}, 2, "small, la, national"},
		{[]string{"--as-at", "30/06/2015"}, 2, "YYYY-MM-DD"},
		{[]string{"--as-at", "2999-01-01"}, 2, "in the future"},
		{[]string{"--as-at", "2001-01-01"}, 2, "too early"},
	} {
		code, _, stderr := generateRun(append([]string{"generate", "--db", db}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, %q; want exit %d saying %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}

// TestGenerateRefusesRealAndGeneratedData checks that a database holding a
// real child, or a generated authority already, is refused and untouched.
func TestGenerateRefusesRealAndGeneratedData(t *testing.T) {
	ctx := context.Background()
	real := filepath.Join(t.TempDir(), "real.db")
	if code, _, stderr := generateRun("migrate", "--db", real); code != 0 {
		t.Fatal(stderr)
	}
	st, err := store.Open(ctx, real)
	if err != nil {
		t.Fatal(err)
	}
	dob := time.Date(2015, 3, 1, 0, 0, 0, 0, time.UTC)
	if _, err := st.CreateChild(ctx, store.System, casework.Child{LAChildID: "REAL1", FirstName: "Real", LastName: "Child",
		DateOfBirth: &dob, Sex: "F"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, stderr := generateRun("generate", "--db", real)
	if code != 1 || !strings.Contains(stderr, "1 real (not synthetic) children") {
		t.Errorf("real data: exit %d, %q", code, stderr)
	}
	generated := filepath.Join(t.TempDir(), "gen.db")
	if code, _, stderr := generateRun("generate", "--db", generated); code != 0 {
		t.Fatal(stderr)
	}
	before := dump(t, generated, migrationTimes)
	code, _, stderr = generateRun("generate", "--db", generated, "--seed", "2")
	if code != 1 || !strings.Contains(stderr, "already holds a generated authority") {
		t.Errorf("generated twice: exit %d, %q", code, stderr)
	}
	if after := dump(t, generated, migrationTimes); !slices.Equal(before, after) {
		t.Errorf("a refused run changed the database: %s", firstDifference(before, after))
	}
}

// TestHelpListsGenerate checks the help names the subcommand.
func TestHelpListsGenerate(t *testing.T) {
	code, stdout, _ := generateRun("help")
	if code != 0 || !strings.Contains(stdout, "  generate ") {
		t.Errorf("help: exit %d, does not list generate:\n%s", code, stdout)
	}
	code, stdout, _ = generateRun("generate", "-h")
	if code != 0 || !strings.Contains(stdout, "--scenario") || !strings.Contains(stdout, "improving-2017") {
		t.Errorf("generate -h: exit %d:\n%s", code, stdout)
	}
}
