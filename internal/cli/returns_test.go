package cli_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// generatedSmall is a small generated authority whose history runs to 30
// June 2026, so the 2025 to 2026 census year is whole.
func generatedSmall(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "small.db")
	mustRun(t, "generate", "--db", db, "--size", "small", "--as-at", "2026-06-30")
	return db
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportImportExportCIN: export → import into an empty database →
// export again gives the identical file, through the commands.
func TestExportImportExportCIN(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.xml"), filepath.Join(dir, "second.xml")
	at := "2026-04-10T09:00:00"
	r := mustRun(t, "export", "cin", "--db", generatedSmall(t), "--year", "2026", "--out", first, "--la", "999", "--at", at)
	if !strings.Contains(r.stderr, "children") {
		t.Errorf("export said: %q", r.stderr)
	}
	empty := migratedDB(t)
	r = mustRun(t, "import", "cin", first, "--db", empty)
	if !strings.Contains(r.stdout, "0 refusals") {
		t.Errorf("import said: %q", r.stdout)
	}
	mustRun(t, "export", "cin", "--db", empty, "--year", "2026", "--out", second, "--la", "999", "--at", at)
	if !bytes.Equal(read(t, first), read(t, second)) {
		t.Fatal("the second export differs from the first")
	}
	r = mustRun(t, "import", "cin", first, "--db", empty)
	if !strings.Contains(r.stdout, "0 new children") || strings.Contains(r.stdout, " 0 episodes already held") {
		t.Errorf("importing the same file again should match every child and skip every episode: %q", r.stdout)
	}
}

// goodFile is a one-child census with no rule broken.
const goodFile = `<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>A1</LAchildID><UPNunknown>UN2</UPNunknown><PersonBirthDate>2015-05-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-05-06</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
        <Assessments><AssessmentActualStartDate>2026-03-20</AssessmentActualStartDate></Assessments>
        <ReferralNFA>0</ReferralNFA>
      </CINdetails>
    </Child>
  </Children>
</Message>
`

// badFile has a second child with an impossible date and an unknown code.
var badFile = strings.Replace(goodFile, "  </Children>", `    <Child>
      <ChildIdentifiers><LAchildID>B2</LAchildID><PersonBirthDate>2015-02-30</PersonBirthDate><Sex>X</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails><CINreferralDate>2025-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails>
    </Child>
  </Children>`, 1)

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestValidateCIN(t *testing.T) {
	// A one-child file breaks no error rule; it uses fewer than 8
	// disability codes, query 2887Q, which does not fail it.
	if r := run(t, "", "validate", "cin", writeTemp(t, "good.xml", goodFile)); r.code != 0 || strings.Contains(r.stdout, "\terror\t") ||
		!strings.Contains(r.stdout, "2887Q\tquery") {
		t.Errorf("a good file: exit %d, printed %q %q", r.code, r.stdout, r.stderr)
	}
	r := run(t, "", "validate", "cin", writeTemp(t, "bad.xml", badFile))
	if r.code != 1 {
		t.Fatalf("a file with errors: exit %d, want 1", r.code)
	}
	for _, want := range []string{"schema\terror\tB2\tline 15\tPersonBirthDate\t\"2015-02-30\" is not a date",
		"schema\terror\tB2\tline 15\tSex\t\"X\" is not a code", "8770Q\tquery\tB2\tline 14\tUPN"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("validate did not print %q:\n%s", want, r.stdout)
		}
	}
	good := writeTemp(t, "last.xml", goodFile)
	if r := run(t, "", "validate", "cin", good, "--previous", good); r.code != 0 {
		t.Errorf("with last year's return: exit %d %s", r.code, r.stderr)
	}
	if r := run(t, "", "validate", "cin", good, "--previous", good+".missing"); r.code != 1 || !strings.Contains(r.stderr, "last year's return") {
		t.Errorf("a missing last year's return: exit %d %s", r.code, r.stderr)
	}
	if r := run(t, "", "validate", "cin"); r.code != 2 {
		t.Errorf("no file: exit %d, want 2", r.code)
	}
}

// TestImportRefusesAndWritesNothing: one bad child refuses the whole file
// without --partial, naming file, line, element and why; --partial writes
// the good child.
func TestImportRefusesAndWritesNothing(t *testing.T) {
	db := migratedDB(t)
	bad := writeTemp(t, "bad.xml", badFile)
	r := run(t, "", "import", "cin", bad, "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, bad+":15: child B2: PersonBirthDate:") || !strings.Contains(r.stderr, "nothing written") {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "out.xml")
	mustRun(t, "export", "cin", "--db", db, "--out", out)
	if strings.Contains(string(read(t, out)), "<Child>") {
		t.Fatal("a refused import wrote children")
	}
	r = mustRun(t, "import", "cin", bad, "--db", db, "--partial")
	if !strings.Contains(r.stdout, "1 new children") {
		t.Errorf("--partial: %q", r.stdout)
	}
	mustRun(t, "export", "cin", "--db", db, "--out", out)
	if got := string(read(t, out)); !strings.Contains(got, "<LAchildID>A1</LAchildID>") || strings.Contains(got, "B2") {
		t.Errorf("--partial should write A1 alone:\n%s", got)
	}
}

func TestExportWorkforce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "csww.zip")
	mustRun(t, "export", "workforce", "--db", generatedSmall(t), "--year", "2025", "--out", out)
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "CSWWWorker.csv LALevel.csv Problems.csv README.txt" {
		t.Errorf("workforce census files: %v", names)
	}
}

func TestExportRefusesBadInput(t *testing.T) {
	db := migratedDB(t)
	for _, args := range [][]string{
		{"export"}, {"export", "ssda903", "--db", db}, {"export", "ssda903", "--db", db, "--out", "x", "--year", "2019"},
		{"export", "cin", "--db", db}, {"export", "annexa", "--db", db, "--out", "x", "--as-at", "2026-13-01"},
		{"export", "cin", "--db", db, "--out", "x", "--la", "12"}, {"export", "cin", "--db", db, "--out", "x", "--year", "2019"},
	} {
		if r := run(t, "", args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
}

// TestExportAnnexA writes the Annex A workbook of a generated authority
// as at a day and says how many rows each list has.
func TestExportAnnexA(t *testing.T) {
	out := filepath.Join(t.TempDir(), "annexa.xlsx")
	r := mustRun(t, "export", "annexa", "--db", generatedSmall(t), "--as-at", "2026-06-30", "--out", out)
	if !strings.Contains(r.stderr, "Annex A as at 2026-06-30: List 1: ") {
		t.Errorf("export said: %q", r.stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := "README List 1 List 3 List 4 List 5 List 6 List 7 List 8 List 9 List 10"
	if got := strings.Join(f.GetSheetList(), " "); got != want {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if r := run(t, "", "export", "annexa", "--db", migratedDB(t), "--as-at", "30/06/2026", "--out", out); r.code != 2 ||
		!strings.Contains(r.stderr, "--as-at") {
		t.Errorf("a day not in YYYY-MM-DD: exit %d, %q", r.code, r.stderr)
	}
}
