package annexa

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"sightline/internal/store"
)

// ExportStore reads the case files that may be on a list as at asAt,
// builds the lists and writes the workbook to w.
func ExportStore(ctx context.Context, st *store.Store, w io.Writer, asAt time.Time) (Workbook, error) {
	_, twelve := Period(asAt)
	files, err := st.AnnexACaseFiles(ctx, twelve, asAt)
	if err != nil {
		return Workbook{}, err
	}
	wb := Build(files, asAt)
	return wb, Write(w, wb)
}

// Write writes the workbook: a README sheet saying what the lists cover
// and which are not held, then one sheet per list with a header row of
// the template's column names and one row per record. Dates are Excel
// dates shown dd/mm/yyyy.
func Write(w io.Writer, wb Workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
	if err != nil {
		return fmt.Errorf("annex a: date style: %w", err)
	}
	if err := f.SetSheetName("Sheet1", "README"); err != nil {
		return fmt.Errorf("annex a: %w", err)
	}
	if err := writeReadme(f, wb); err != nil {
		return err
	}
	for _, l := range wb.Lists {
		if err := writeList(f, l, style); err != nil {
			return fmt.Errorf("annex a: %s: %w", l.Sheet, err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("annex a: write workbook: %w", err)
	}
	return nil
}

func writeList(f *excelize.File, l List, dateStyle int) error {
	if _, err := f.NewSheet(l.Sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(l.Sheet)
	if err != nil {
		return err
	}
	head := make([]any, len(l.Columns))
	for i, c := range l.Columns {
		head[i] = c
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, r := range l.Rows {
		if len(r) != len(l.Columns) {
			return fmt.Errorf("row %d has %d cells for %d columns", i+2, len(r), len(l.Columns))
		}
		cells := make([]any, len(r))
		for j, v := range r {
			cells[j] = cell(v, dateStyle)
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cell gives dates their style and stops free text (a worker's or
// team's name) being read as a formula.
func cell(v any, dateStyle int) any {
	switch x := v.(type) {
	case time.Time:
		return excelize.Cell{StyleID: dateStyle, Value: x}
	case string:
		if x != "" && (x[0] == '=' || x[0] == '+' || x[0] == '-' || x[0] == '@') {
			return "'" + x
		}
	}
	return v
}

func writeReadme(f *excelize.File, wb Workbook) error {
	lines := []string{
		"Ofsted Annex A child-level lists (ILACS) as at " + wb.AsAt.Format("02/01/2006"),
		"Six months: " + wb.SixMonths.Format("02/01/2006") + " to " + wb.AsAt.Format("02/01/2006") +
			"; twelve months: " + wb.TwelveFrom.Format("02/01/2006") + " to " + wb.AsAt.Format("02/01/2006") + ".",
		fmt.Sprintf("Restricted children are included (%d on some list): the lists are for inspectors; handle the file accordingly.", wb.Restricted),
		"List 2 (early help assessments) is not here: sightline does not hold early help assessments.",
		"List 11 (adopters) is not here: sightline does not hold prospective adopters.",
		"Columns sightline does not hold are left blank: emergency protection orders, IRO visits, LA of placement, family identifier, FFA placement. UASC is from the child's record: list 8 Yes when the child was an unaccompanied asylum-seeking child on some day of the twelve months, list 9 Yes when UASC on the day, or formerly UASC and 18 or over.",
		"",
	}
	for _, l := range wb.Lists {
		lines = append(lines, fmt.Sprintf("%s: %s (%d rows): %s", l.Sheet, l.Title, len(l.Rows), l.Period))
	}
	for i, s := range lines {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellStr("README", ref, s); err != nil {
			return fmt.Errorf("annex a: README: %w", err)
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }
