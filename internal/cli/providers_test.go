package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// providerList is an Ofsted-style list: a children's home and a fostering
// agency, then a row with a bad URN, no type and a closure that is no date.
const providerList = `URN,Setting name,Provider type,Placement code,Placement provider code,Setting address postcode,Local authority code,Registration date,Deregistration date
SC123456,Oak House,Children's home,K2,PR4,DH1 1AA,840,01/05/2019,
SC654321,Hearth Fostering,Independent fostering agency,U4/U5/U6,PR4,NE1 4AB,391,01/04/2010,
12,Nowhere,,K2,PR4,DH1 1AB,840,01/05/2019,soon
`

// TestImportProvidersListsEveryBadRowAndWritesNothingUnlessPartial:
// every fault is named with file, line and field; nothing goes in until
// --partial, which writes the good rows; the list then checks a return.
func TestImportProvidersListsEveryBadRowAndWritesNothingUnlessPartial(t *testing.T) {
	list := filepath.Join(t.TempDir(), "providers.csv")
	if err := os.WriteFile(list, []byte(providerList), 0o600); err != nil {
		t.Fatal(err)
	}
	db := migratedDB(t)
	res := run(t, "", "import", "providers", list, "--db", db)
	for _, want := range []string{list + ":4: URN 12: URN:", list + ":4: URN 12: Provider type:", list + ":4: URN 12: Deregistration date:", "nothing written"} {
		if res.code == 0 || !strings.Contains(res.stderr, want) {
			t.Errorf("import of a bad list: exit %d, stderr lacks %q:\n%s", res.code, want, res.stderr)
		}
	}
	res = mustRun(t, "import", "providers", list, "--db", db, "--partial")
	if !strings.Contains(res.stdout, "2 providers added, 0 updated; 3 faults") {
		t.Errorf("import --partial said %q", res.stdout)
	}
	res = mustRun(t, "import", "providers", list, "--db", db, "--partial")
	if !strings.Contains(res.stdout, "0 providers added, 2 updated") {
		t.Errorf("second import said %q", res.stdout)
	}
}

// TestValidateSSDA903ChecksURNsWithProviders: the generated return's URNs
// are not in a list that holds none of them (rule 1008); without a list
// the rules say they did not run.
func TestValidateSSDA903ChecksURNsWithProviders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "903")
	mustRun(t, "export", "ssda903", "--db", generatedSmall(t), "--out", dir)
	res := run(t, "", "validate", "ssda903", dir)
	if !strings.Contains(res.stderr, "rules 219, 221, 224, 227, 228, 229, 1008 not run") || strings.Contains(res.stdout, "1008\t") {
		t.Errorf("validate without providers: %q", res.stderr)
	}
	list := filepath.Join(t.TempDir(), "providers.csv")
	if err := os.WriteFile(list, []byte(providerList), 0o600); err != nil {
		t.Fatal(err)
	}
	res = run(t, "", "validate", "ssda903", dir, "--providers", list)
	if !strings.Contains(res.stdout, "1008\terror\t") || !strings.Contains(res.stderr, "rule 229 not run") {
		t.Errorf("validate with a list holding none of the URNs:\n%.1500s\n%s", res.stdout, res.stderr)
	}
}
