package ssda903

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// Problem is something wrong with a file as read, before any DfE rule: a
// missing or unknown column, a blank required field, a bad date or an
// unknown code. Line 0 is the file as a whole.
type Problem struct {
	File    string
	Line    int
	Child   string
	Field   string
	Message string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s.csv line %d: child %q: %s: %s", p.File, p.Line, p.Child, p.Field, p.Message)
}

// needed are the files a return cannot do without; the others may be
// absent when the authority has nothing to report in them.
var needed = []string{Header, Episodes}

// ReadFS reads the return's files (NAME.csv, the name in any case) from
// dir. Rows with problems are kept, so the rules can still be run; the
// error is for a file that cannot be read at all.
func ReadFS(dir fs.FS) (*Return, []Problem, error) {
	entries, err := fs.ReadDir(dir, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("ssda903: read the folder: %w", err)
	}
	names := map[string]string{}
	for _, e := range entries {
		if n, ok := strings.CutSuffix(strings.ToLower(e.Name()), ".csv"); ok && !e.IsDir() {
			names[n] = e.Name()
		}
	}
	r := NewReturn()
	var problems []Problem
	for _, name := range FileNames {
		path, ok := names[strings.ToLower(name)]
		if !ok {
			if slices.Contains(needed, name) {
				problems = append(problems, Problem{File: name, Field: "(file)", Message: "the file " + name + ".csv is missing"})
			}
			continue
		}
		f, err := dir.Open(path)
		if err != nil {
			return nil, nil, fmt.Errorf("ssda903: open %s: %w", path, err)
		}
		rows, ps, err := ReadFile(name, f)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		r.Files[name] = rows
		problems = append(problems, ps...)
	}
	return r, problems, nil
}

// ReadFile reads one file of the return, named by its file name (Header,
// Episodes…): its header row must hold every column of that file, in any
// order, and no other.
func ReadFile(name string, in io.Reader) ([]*Row, []Problem, error) {
	want, ok := Columns[name]
	if !ok {
		return nil, nil, fmt.Errorf("ssda903: %q is not a file of the return", name)
	}
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, []Problem{{File: name, Line: 1, Field: "(header)", Message: "the file is empty: it needs a header row"}}, nil
	}
	if err != nil {
		return nil, []Problem{{File: name, Line: 1, Field: "(header)", Message: "not a CSV file: " + csvWhy(err)}}, nil
	}
	cols, problems := headerColumns(name, head, want)
	if len(problems) > 0 {
		return nil, problems, nil
	}
	// at is where each column of the file sits among the file's columns,
	// the order a row keeps its values in.
	at := make([]int, len(cols))
	for i, c := range cols {
		at[i] = slices.Index(want, c)
	}
	var rows []*Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return rows, append(problems, Problem{File: name, Line: line, Field: "(row)",
				Message: "not CSV, the rest of the file is not read: " + csvWhy(err)}), nil
		}
		line := 0
		if len(rec) > 0 {
			line, _ = cr.FieldPos(0)
		}
		row := NewRow(name, line)
		if len(rec) != len(cols) {
			problems = append(problems, Problem{File: name, Line: line, Field: "(row)",
				Message: fmt.Sprintf("the row has %d values but the header has %d columns", len(rec), len(cols))})
		}
		for i, v := range rec {
			if i < len(at) {
				row.vals[at[i]] = strings.TrimSpace(v)
			}
		}
		problems = append(problems, checkRow(name, row)...)
		rows = append(rows, row)
	}
	return rows, problems, nil
}

func csvWhy(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// headerColumns checks the header row against the file's columns.
func headerColumns(name string, head, want []string) ([]string, []Problem) {
	var problems []Problem
	cols := make([]string, len(head))
	for i, h := range head {
		h = strings.ToUpper(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		cols[i] = h
		if h == "" {
			problems = append(problems, Problem{File: name, Line: 1, Field: "(header)",
				Message: fmt.Sprintf("column %d of the header row has no name: its columns are %s", i+1, strings.Join(want, ", "))})
			continue
		}
		if !slices.Contains(want, h) {
			problems = append(problems, Problem{File: name, Line: 1, Field: printable(h),
				Message: fmt.Sprintf("%s.csv has no column %q: its columns are %s", name, printable(h), strings.Join(want, ", "))})
		}
	}
	for _, w := range want {
		if !slices.Contains(cols, w) {
			problems = append(problems, Problem{File: name, Line: 1, Field: w, Message: fmt.Sprintf("the column %s is missing", w)})
		}
	}
	return cols, problems
}

// printable keeps a name from a bad file fit to print.
func printable(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "?")
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

// checkRow reports blank required fields, bad dates and unknown codes.
func checkRow(name string, row *Row) []Problem {
	var ps []Problem
	add := func(field, msg string) {
		ps = append(ps, Problem{File: name, Line: row.Line, Child: printable(row.Get("CHILD")), Field: field, Message: msg})
	}
	for _, c := range Columns[name] {
		v := row.Get(c)
		switch {
		case v == "" && required[c]:
			add(c, "is blank but must be given")
		case v == "":
		case dateColumns[c]:
			if _, ok := parseDate(v); !ok {
				add(c, fmt.Sprintf("%q is not a date: give it as dd/mm/yyyy", printable(v)))
			}
		case codeLists[name][c] != nil && !in(codeLists[name][c], v):
			add(c, fmt.Sprintf("%q is not one of the codes %s", printable(v), strings.Join(codeLists[name][c], ", ")))
		}
	}
	if c := row.Get("CHILD"); len(c) > 20 {
		add("CHILD", "is longer than 20 characters")
	}
	return ps
}
