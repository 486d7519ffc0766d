package cli_test

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportAndValidateSSDA903: the export of a generated authority
// writes every file with its header row, as a folder or a zip, and
// validate reads the folder back and lists failures with rule, child,
// file, line and field.
func TestExportAndValidateSSDA903(t *testing.T) {
	db := generatedSmall(t)
	dir := filepath.Join(t.TempDir(), "903")
	r := mustRun(t, "export", "ssda903", "--db", db, "--year", "2026", "--out", dir)
	if !strings.Contains(r.stderr, "episodes") {
		t.Errorf("export said: %q", r.stderr)
	}
	for _, n := range []string{"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1", "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes"} {
		if b := read(t, filepath.Join(dir, n+".csv")); !strings.HasPrefix(string(b), "CHILD,") {
			t.Errorf("%s.csv starts %.40q", n, b)
		}
	}
	zipped := filepath.Join(t.TempDir(), "903.zip")
	mustRun(t, "export", "ssda903", "--db", db, "--out", zipped)
	z, err := zip.OpenReader(zipped)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if len(z.File) != 11 || z.File[1].Name != "Episodes.csv" {
		t.Errorf("zip holds %d files", len(z.File))
	}

	// Break one episode's placement type: validate reports it and exits 1.
	path := filepath.Join(dir, "Episodes.csv")
	lines := strings.SplitN(string(read(t, path)), "\n", 3)
	f := strings.Split(lines[1], ",")
	f[5] = "Z1"
	lines[1] = strings.Join(f, ",")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	res := run(t, "", "validate", "ssda903", dir)
	if res.code != 1 {
		t.Fatalf("validate exited 0 with a bad placement type: %s", res.stdout)
	}
	want := "\t" + f[0] + "\tEpisodes.csv\tline 2\tPLACE\t"
	if !strings.Contains(res.stdout, "146\terror"+want) || !strings.Contains(res.stdout, "schema\terror"+want) {
		t.Errorf("validate did not name rule 146 and the unknown code on line 2:\n%.2000s", res.stdout)
	}
}

func TestValidateSSDA903WantsAFolder(t *testing.T) {
	res := run(t, "", "validate", "ssda903", filepath.Join(t.TempDir(), "nothing"))
	if res.code == 0 || !strings.Contains(res.stderr, "not a folder") {
		t.Errorf("validate of no folder: exit %d %q", res.code, res.stderr)
	}
}

// TestImportSSDA903: the export of a generated authority imports into an
// empty database, refusing (and listing) only the children without a UPN
// or its reason; without --partial nothing is written.
func TestImportSSDA903(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "903")
	mustRun(t, "export", "ssda903", "--db", generatedSmall(t), "--out", dir)
	empty := migratedDB(t)
	res := run(t, "", "import", "ssda903", dir, "--db", empty)
	if res.code == 0 || !strings.Contains(res.stderr, "Header.csv:") || !strings.Contains(res.stderr, ": UPN: is blank") ||
		!strings.Contains(res.stderr, "nothing written") {
		t.Fatalf("import of a return with blank UPNs: exit %d\n%s", res.code, res.stderr)
	}
	res = mustRun(t, "import", "ssda903", dir, "--db", empty, "--partial")
	if !strings.Contains(res.stdout, "periods of care") {
		t.Errorf("import said %q", res.stdout)
	}
	again := filepath.Join(t.TempDir(), "again")
	mustRun(t, "export", "ssda903", "--db", empty, "--out", again)
	if a, b := read(t, filepath.Join(dir, "Reviews.csv")), read(t, filepath.Join(again, "Reviews.csv")); len(b) == 0 || len(b) > len(a) {
		t.Errorf("reviews after import: %d bytes, were %d", len(b), len(a))
	}
}

// TestValidateSSDA903ComparesWithLastYear: with --previous, a child whose
// sex differs from last year's return fails rule 202; without it, the
// rule cannot run and is silent.
func TestValidateSSDA903ComparesWithLastYear(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "903")
	mustRun(t, "export", "ssda903", "--db", generatedSmall(t), "--out", dir)
	last := filepath.Join(t.TempDir(), "last")
	if err := os.MkdirAll(last, 0o755); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(read(t, filepath.Join(dir, "Header.csv"))), "\n", 3)
	f := strings.Split(lines[1], ",")
	f[1] = map[string]string{"M": "F", "F": "M", "U": "M"}[f[1]]
	lines[1] = strings.Join(f, ",")
	if err := os.WriteFile(filepath.Join(last, "Header.csv"), []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	want := "202\terror\t" + f[0] + "\tHeader.csv\t"
	if res := run(t, "", "validate", "ssda903", dir, "--previous", last); !strings.Contains(res.stdout, want) {
		t.Errorf("validate --previous did not report rule 202 for %s:\n%.1500s", f[0], res.stdout)
	}
	if res := run(t, "", "validate", "ssda903", dir); strings.Contains(res.stdout, "202\t") {
		t.Errorf("rule 202 ran without last year's return:\n%.1500s", res.stdout)
	}
	if res := run(t, "", "validate", "ssda903", dir, "--previous", filepath.Join(last, "nothing")); res.code == 0 ||
		!strings.Contains(res.stderr, "not a folder") {
		t.Errorf("--previous of no folder: exit %d %q", res.code, res.stderr)
	}
}
