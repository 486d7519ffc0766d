package workforce

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
)

// Export builds the census from in and writes it to w as a zip of CSV
// files (see the package documentation). It returns the census, whose
// Problems list the workers left out.
func Export(w io.Writer, in Input) (Census, error) {
	c := Build(in)
	z := zip.NewWriter(w)
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"CSWWWorker.csv", c.WriteWorkers}, {"LALevel.csv", c.WriteLALevel},
		{"Problems.csv", c.WriteProblems}, {"README.txt", c.writeReadme},
	}
	for _, f := range files {
		// A fixed time in the header keeps the archive the same for the
		// same register, so two exports can be compared byte for byte.
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: c.AsAt})
		if err != nil {
			return c, fmt.Errorf("workforce census: %s: %w", f.name, err)
		}
		if err := f.write(fw); err != nil {
			return c, fmt.Errorf("workforce census: %s: %w", f.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return c, fmt.Errorf("workforce census: %w", err)
	}
	return c, nil
}

// WriteWorkers writes CSWWWorker.csv: a header of item names, then one row
// per worker in register order.
func (c Census) WriteWorkers(w io.Writer) error {
	return writeRows(w, WorkerColumns, c.Workers)
}

// WriteLALevel writes LALevel.csv: a header of item names and one row.
func (c Census) WriteLALevel(w io.Writer) error {
	return writeRows(w, LAColumns, []map[string]string{c.LA})
}

// WriteProblems writes Problems.csv: each worker left out and why.
func (c Census) WriteProblems(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"WorkerID", "Name", "Item", "Problem"})
	for _, p := range c.Problems {
		cw.Write([]string{fmt.Sprint(p.WorkerID), safeCell(p.Name), p.Item, p.Message})
	}
	cw.Flush()
	return cw.Error()
}

func writeRows(w io.Writer, cols []string, rows []map[string]string) error {
	cw := csv.NewWriter(w)
	cw.Write(cols)
	line := make([]string, len(cols))
	for _, r := range rows {
		for i, col := range cols {
			line[i] = r[col]
		}
		cw.Write(line)
	}
	cw.Flush()
	return cw.Error()
}

// safeCell stops a spreadsheet reading free text (a name) as a formula.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c Census) writeReadme(w io.Writer) error {
	_, err := fmt.Fprintf(w, `Children's social work workforce census (CSWW) from sightline
Reference date: %s. Census year: %s to %s.

CSWWWorker.csv  %d workers, items in the order of csww_schema_2025.xsd
LALevel.csv     the authority's vacancies and agency workers on the reference date
Problems.csv    %d problems: those workers are left out of CSWWWorker.csv until fixed

Blank columns are items sightline's workforce register does not hold:
worker level: %s;
LA level: RecruitmentBonus to OtherAllowances (pay and allowances).
Fill them from HR records before submitting.
`, c.AsAt.Format("2 January 2006"), c.From.Format("2 January 2006"), c.AsAt.Format("2 January 2006"),
		len(c.Workers), len(c.Problems), strings.Join(NotHeld, ", "))
	return err
}

// Filename is the download name for the census as at asAt.
func Filename(asAt time.Time) string { return "csww-" + asAt.Format("2006-01-02") + ".zip" }
