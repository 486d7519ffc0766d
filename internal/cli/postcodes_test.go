package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// directoryFile is a postcode directory in the ONS Postcode Directory's
// layout: two good rows, then one with no authority code and one whose
// grid reference is not a number.
const directoryFile = `pcd,pcds,oscty,oslaua,oseast1m,osnrth1m
"DH1 1AA","DH1 1AA","E99999999","E06000047","427500","542500"
"NE1 4ST","NE1 4ST","E99999999","E08000021","424900","564100"
"DH1 1AB","DH1 1AB","E99999999","Durham","427500","542500"
"DH1 1AD","DH1 1AD","E99999999","E06000047","north","542500"
`

// TestImportPostcodesListsEveryBadRowAndWritesNothingUnlessPartial: every
// fault is named with file, line and field; nothing goes in until
// --partial, which writes the good rows.
func TestImportPostcodesListsEveryBadRowAndWritesNothingUnlessPartial(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ONSPD.csv")
	if err := os.WriteFile(file, []byte(directoryFile), 0o600); err != nil {
		t.Fatal(err)
	}
	db := migratedDB(t)
	res := run(t, "", "import", "postcodes", file, "--db", db)
	for _, want := range []string{file + ":4: la:", file + ":5: easting:", "2 faults", "nothing written"} {
		if res.code == 0 || !strings.Contains(res.stderr, want) {
			t.Errorf("import of a bad directory: exit %d, stderr lacks %q:\n%s", res.code, want, res.stderr)
		}
	}
	res = mustRun(t, "import", "postcodes", file, "--db", db, "--partial")
	if !strings.Contains(res.stdout, "the postcode directory now holds 2 postcodes; 2 faults") {
		t.Errorf("import --partial said %q", res.stdout)
	}
}

// TestValidateSSDA903WorksThePostcodeFieldsOut: without a directory the
// rules on the postcode fields say they did not run; with one that holds
// none of the return's postcodes, rule 169 reports every placement; a
// directory without the authority's ONS code is refused; the directory's
// faults in rows the return does not use are not named.
func TestValidateSSDA903WorksThePostcodeFieldsOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "903")
	mustRun(t, "export", "ssda903", "--db", generatedSmall(t), "--out", dir)
	res := run(t, "", "validate", "ssda903", dir)
	if !strings.Contains(res.stderr, "no postcode directory given") || strings.Contains(res.stdout, "169\t") {
		t.Errorf("validate without a directory: %q", res.stderr)
	}
	file := filepath.Join(t.TempDir(), "ONSPD.csv")
	if err := os.WriteFile(file, []byte(directoryFile), 0o600); err != nil {
		t.Fatal(err)
	}
	if res := run(t, "", "validate", "ssda903", dir, "--postcodes", file); res.code != 2 || !strings.Contains(res.stderr, "--area") {
		t.Errorf("validate with a directory and no --area: exit %d, %q", res.code, res.stderr)
	}
	res = run(t, "", "validate", "ssda903", dir, "--postcodes", file, "--area", "e06000047")
	// The directory's bad rows are not the return's postcodes: not named.
	if !strings.Contains(res.stdout, "169\terror\t") || strings.Contains(res.stderr, "no postcode directory given") ||
		strings.Contains(res.stderr, file+":4: la:") {
		t.Errorf("validate with a directory holding none of the postcodes:\n%.1500s\n%s", res.stdout, res.stderr)
	}
}
