package workforce_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/workforce"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func day(y int, m time.Month, d int) *time.Time { t := calendar.Date(y, m, d); return &t }

func id(n int64) *int64 { return &n }

// register is a small authority for the census as at 30 September 2025:
// good records of each kind, workers out of scope, and bad data.
func register() casework.Register {
	w := func(n int64, name, emp string, fte float64, role, swe string, start time.Time, end *time.Time) casework.StaffRecord {
		return casework.StaffRecord{Worker: casework.Worker{ID: n, Name: name, FTE: fte, EmploymentType: emp,
			StartDate: start, EndDate: end}, OrgRole: role, SWENo: swe}
	}
	perm, agency, fixed := casework.Permanent, casework.Agency, casework.FixedTerm
	staff := []casework.StaffRecord{
		w(1, "Asha Patel", perm, 1, "5", "SW100001", *day(2019, 6, 3), nil),
		w(2, "Ben Cole", perm, 0.6, "4", "sw100002", *day(2024, 1, 8), nil),
		w(3, "Cal Reid", perm, 1, "5", "SW100003", *day(2022, 5, 3), day(2025, 6, 30)),
		w(4, "Dee Shah", agency, 1, "5", "SW100004", *day(2025, 4, 1), nil),
		w(5, "Eli Gone", agency, 1, "5", "SW100005", *day(2025, 4, 1), day(2025, 9, 15)),
		w(6, "Fay Soon", fixed, 0.5, "6", "SW100006", *day(2025, 10, 6), nil),
		w(7, "Gus Before", perm, 1, "5", "SW100007", *day(2015, 1, 5), day(2024, 9, 30)),
		w(8, "Hal NoNumber", perm, 1, "5", "", *day(2020, 1, 6), nil),
		w(9, "Ivy BadNumber", perm, 1, "5", "S1", *day(2020, 1, 6), nil),
		w(10, "Jo TooMuch", perm, 1.2, "5", "SW100010", *day(2020, 1, 6), nil),
		w(11, "Kit NoRole", perm, 1, "", "SW100011", *day(2020, 1, 6), nil),
		w(12, "Lou NoReason", perm, 1, "5", "SW100012", *day(2020, 1, 6), day(2025, 3, 31)),
		w(13, "=HYPERLINK(\"x\")", perm, 1, "5", "", *day(2020, 1, 6), nil),
	}
	staff[0].StartOrigin, staff[0].SalaryPence, staff[0].PostID = "2", 3_800_000, id(1)
	staff[1].StartOrigin, staff[1].SalaryPence, staff[1].PostID = "1", 4_123_456, id(2)
	staff[2].SalaryPence, staff[2].LeavingReason, staff[2].LeaverDestination = 3_700_000, "1", "3"
	staff[3].AgencyName, staff[3].DayRatePence, staff[3].PostID = "Northern Locums", 40_000, id(3)
	staff[4].AgencyName, staff[4].DayRatePence = "Northern Locums", 40_000
	post := func(n int64, fte float64) casework.Post {
		return casework.Post{ID: n, TeamID: 1, Title: "Post", OrgRole: "5", FTE: fte, FundedFrom: *day(2020, 1, 1)}
	}
	return casework.Register{
		Posts: []casework.Post{post(1, 1), post(2, 1), post(3, 0.8)},
		Staff: staff,
		Absences: []casework.Absence{
			{WorkerID: 1, Reason: "SIC", Start: *day(2025, 3, 3), End: day(2025, 3, 7)},
			{WorkerID: 2, Reason: "MAT", Start: *day(2025, 8, 4)},
			{WorkerID: 3, Reason: "SIC", Start: *day(2025, 6, 2), End: day(2025, 6, 3)},
		},
	}
}

func input() workforce.Input {
	return workforce.Input{Register: register(), AsAt: workforce.ReferenceDate(2025),
		CasesHeld: map[int64]int{1: 17, 4: 12, 3: 9}, Calendar: calendar.Default()}
}

// unzip reads every file of the export.
func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = string(body)
	}
	return out
}

func TestTheCensusExportMatchesItsGoldenFiles(t *testing.T) {
	var buf bytes.Buffer
	if _, err := workforce.Export(&buf, input()); err != nil {
		t.Fatal(err)
	}
	files := unzip(t, buf.Bytes())
	for _, name := range []string{"CSWWWorker.csv", "LALevel.csv", "Problems.csv", "README.txt"} {
		golden := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden"+filepath.Ext(name))
		if *update {
			if err := os.WriteFile(golden, []byte(files[name]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if files[name] != string(want) {
			t.Errorf("%s differs from %s:\n--- got\n%s--- want\n%s", name, golden, files[name], want)
		}
	}
}

// The golden rows, worked by hand:
//
//	Asha: in post all year, 1.0 FTE, 17 cases; sick 3–7 Mar 2025 = 5.00
//	  days; salary £38,000.00; not absent on 30 Sep.
//	Ben: 0.6 FTE senior practitioner, on maternity leave since 4 Aug:
//	  Absat30Sept 1, ReasonAbsence MAT; SWE number written in capitals.
//	Cal: left 30 Jun 2025 (resigned, to agency work): RoleEndDate, reason
//	  and destination; no FTE30 or Cases30; sick 2–3 Jun = 2.00 days.
//	Dee: agency, in post on 30 Sep with 12 cases: AgencyWorker 1, no
//	  WorkingDaysLost or BaseSalary.
//	LA level: vacancies P2 1.0 − 0.6 = 0.4 and P3 0.8 (only agency in it)
//	  = 1.20 FTE; agency Dee 1.00 FTE, 1 head (Eli left on 15 Sep).
func TestTheCensusHoldsTheRightWorkersAndItems(t *testing.T) {
	c := workforce.Build(input())
	var swe []string
	for _, r := range c.Workers {
		swe = append(swe, r["SWENo"])
	}
	if want := []string{"SW100001", "SW100002", "SW100003", "SW100004"}; !slices.Equal(swe, want) {
		t.Errorf("workers written %v, want %v (Eli left before 30 Sep, Fay starts after it, Gus left before the year)", swe, want)
	}
	asha, ben, cal, dee := c.Workers[0], c.Workers[1], c.Workers[2], c.Workers[3]
	check := func(who string, row map[string]string, want map[string]string) {
		t.Helper()
		for k, v := range want {
			if row[k] != v {
				t.Errorf("%s %s = %q, want %q", who, k, row[k], v)
			}
		}
	}
	check("Asha", asha, map[string]string{"AgencyWorker": "0", "FTE": "1.000000", "FTE30": "1.000000", "Cases30": "17",
		"WorkingDaysLost": "5.00", "BaseSalary": "38000.00", "Absat30Sept": "0", "RoleEndDate": "", "StartOrigin": "2"})
	check("Ben", ben, map[string]string{"FTE": "0.600000", "OrgRole": "4", "Absat30Sept": "1", "ReasonAbsence": "MAT",
		"BaseSalary": "41234.56", "Cases30": "0"})
	check("Cal", cal, map[string]string{"RoleEndDate": "2025-06-30", "ReasonLeave": "1", "LeaverDestination": "3",
		"FTE30": "", "Cases30": "", "Absat30Sept": "", "WorkingDaysLost": "2.00"})
	check("Dee", dee, map[string]string{"AgencyWorker": "1", "Cases30": "12", "WorkingDaysLost": "", "BaseSalary": ""})
	for _, item := range workforce.NotHeld {
		if asha[item] != "" {
			t.Errorf("%s = %q, want blank: the register does not hold it", item, asha[item])
		}
	}
	if want := map[string]string{"NumberOfVacancies": "1.20", "NoAgencyFTE": "1.00", "NoAgencyHeadcount": "1"}; c.LA["NumberOfVacancies"] != want["NumberOfVacancies"] ||
		c.LA["NoAgencyFTE"] != want["NoAgencyFTE"] || c.LA["NoAgencyHeadcount"] != want["NoAgencyHeadcount"] {
		t.Errorf("LA level = %v, want %v", c.LA, want)
	}
}

func TestBadRecordsAreReportedAndNotWritten(t *testing.T) {
	c := workforce.Build(input())
	got := map[string]string{}
	for _, p := range c.Problems {
		got[p.Name] = p.Item
	}
	want := map[string]string{"Hal NoNumber": "SWENo", "Ivy BadNumber": "SWENo", "Jo TooMuch": "FTE",
		"Kit NoRole": "OrgRole", "Lou NoReason": "ReasonLeave", `=HYPERLINK("x")`: "SWENo"}
	for name, item := range want {
		if got[name] != item {
			t.Errorf("%s: problem with %q, want %q", name, got[name], item)
		}
	}
	if len(c.Problems) != len(want) {
		t.Errorf("%d problems, want %d: %+v", len(c.Problems), len(want), c.Problems)
	}
	var buf bytes.Buffer
	if err := c.WriteWorkers(&buf); err != nil {
		t.Fatal(err)
	}
	for _, swe := range []string{"SW100010", "SW100011", "SW100012", ",S1,"} {
		if strings.Contains(buf.String(), swe) {
			t.Errorf("CSWWWorker.csv holds %s, a record with a problem", swe)
		}
	}
	if lines := strings.Count(buf.String(), "\n"); lines != 5 {
		t.Errorf("CSWWWorker.csv has %d lines, want a header and 4 workers", lines)
	}
	buf.Reset()
	c.WriteProblems(&buf)
	if !strings.Contains(buf.String(), `'=HYPERLINK`) {
		t.Errorf("a name that looks like a formula is not made safe:\n%s", buf.String())
	}
}

func TestTheSameRegisterExportsTheSameBytes(t *testing.T) {
	var a, b bytes.Buffer
	workforce.Export(&a, input())
	workforce.Export(&b, input())
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of the same register differ")
	}
	if got := workforce.Filename(workforce.ReferenceDate(2025)); got != "csww-2025-09-30.zip" {
		t.Errorf("Filename = %q", got)
	}
}
