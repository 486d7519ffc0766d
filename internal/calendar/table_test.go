package calendar

import (
	"bytes"
	"encoding/csv"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The embedded table must parse, or Default panics at run time.
func TestEmbeddedTable(t *testing.T) {
	hs, err := ReadCSV(bytes.NewReader(englandWalesCSV))
	if err != nil {
		t.Fatalf("embedded table: %v", err)
	}
	sources := map[string]int{}
	perYear := map[int][]string{}
	for i, h := range hs {
		if i > 0 && !hs[i-1].Date.Before(h.Date) {
			t.Errorf("%s is not after %s: table not sorted or duplicated", FormatDate(h.Date), FormatDate(hs[i-1].Date))
		}
		if h.Date != Civil(h.Date) {
			t.Errorf("%v is not a civil date", h.Date)
		}
		sources[h.Source]++
		perYear[h.Date.Year()] = append(perYear[h.Date.Year()], h.Name)
	}
	want := map[string]int{SourceHistorical: 17, SourcePublished: 140, SourceProjected: 16}
	for s, n := range want {
		if sources[s] != n {
			t.Errorf("%d %s rows, want %d", sources[s], s, n)
		}
	}
	for y := 2010; y <= 2030; y++ {
		names := strings.Join(perYear[y], "|")
		if len(perYear[y]) < 8 || !strings.Contains(names, "Good Friday") || !strings.Contains(names, "Easter Monday") {
			t.Errorf("%d: incomplete holidays %q", y, names)
		}
	}
	if len(Default().Holidays()) != len(hs) {
		t.Error("Default dropped rows")
	}
}

// Check the raw file independently of ReadCSV: no duplicate dates, and the
// weekday column matches the date.
func TestEmbeddedTableWeekdaysAndDuplicates(t *testing.T) {
	rows, err := csv.NewReader(bytes.NewReader(englandWalesCSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		if seen[r[0]] {
			t.Errorf("duplicate date %s", r[0])
		}
		seen[r[0]] = true
		d, err := time.Parse(time.DateOnly, r[0])
		if err != nil {
			t.Errorf("bad date %q", r[0])
			continue
		}
		if got := d.Weekday().String()[:3]; got != r[1] {
			t.Errorf("%s is a %s, table says %s", r[0], got, r[1])
		}
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			t.Errorf("%s falls at a weekend: a substitute day is missing", r[0])
		}
	}
}

func TestReadCSVRejectsBadTables(t *testing.T) {
	const header = "date,weekday,name,status\n"
	tests := map[string]string{
		"wrong header":      "day,weekday,name,status\n",
		"empty":             "",
		"bad date":          header + "2025-13-01,Mon,X,published\n",
		"wrong weekday":     header + "2025-12-25,Fri,Christmas Day,published\n",
		"duplicate date":    header + "2025-12-25,Thu,A,published\n2025-12-25,Thu,B,published\n",
		"year out of range": header + "9999-12-31,Fri,X,published\n",
		"unknown status":    header + "2025-12-25,Thu,Christmas Day,rumoured\n",
		"no name":           header + "2025-12-25,Thu, ,published\n",
		"too few fields":    header + "2025-12-25,Thu,Christmas Day\n",
		"unterminated csv":  header + "2025-12-25,Thu,\"Christmas,published\n",
	}
	for name, in := range tests {
		if _, err := ReadCSV(strings.NewReader(in)); err == nil {
			t.Errorf("%s: ReadCSV accepted %q", name, in)
		}
	}
	hs, err := ReadCSV(strings.NewReader(header + "2022-09-19,Mon,State Funeral,added by admin\n"))
	if err != nil || len(hs) != 1 || hs[0].Source != SourceAdded {
		t.Errorf("ReadCSV = %v, %v; want one added holiday", hs, err)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(string(englandWalesCSV[:300]))
	f.Add("date,weekday,name,status\n2025-12-25,Thu,Christmas Day,published\n")
	f.Fuzz(func(t *testing.T, s string) {
		hs, err := ReadCSV(strings.NewReader(s))
		if err != nil {
			return
		}
		c := New(hs)
		for _, h := range hs {
			if c.IsWorkingDay(h.Date) {
				t.Fatalf("holiday %v is a working day", h.Date)
			}
		}
	})
}

// Domain packages import only the standard library (STYLE.md habit 1).
func TestImportsOnlyStandardLibrary(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if path == "sightline/internal/calendar" {
				continue // the external test package
			}
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") || strings.HasPrefix(path, "sightline/") {
				t.Errorf("%s imports %s, outside the standard library", name, path)
			}
		}
	}
}
