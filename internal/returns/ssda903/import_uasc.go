package ssda903

import (
	"fmt"

	"sightline/internal/casework"
)

// uasc reads the child's UASC row: the child is recorded as an
// unaccompanied asylum-seeking child, with the day the status ceased
// (DUC) when given. A DUC that sightline would refuse on the child's
// record (after the 18th birthday, before birth, after the end of the
// year) refuses the child.
func (im *importer) uasc(c *casework.Child, rows []*Row) *Refusal {
	for _, row := range rows {
		c.UASC = true
		c.UASCCeased = at(row.Get("DUC"))
		if err := c.CheckUASC(im.year.End()); err != nil {
			return refusal(UASC, row, "DUC", fieldMessage(err, "uasc_ceased"))
		}
	}
	return nil
}

// prevPerm reads PrevPerm into the periods of care begun in the year, in
// order: each row is the previous permanence recorded when its period
// began. A row with an order whose authority or date does not pass the
// rules of recording it refuses the child; a row with no period of the
// year to hold it is reported as not kept.
func (im *importer) prevPerm(_ casework.Child, _ []*Row, care *careRecords, other map[string][]*Row, o *outcomes) *Refusal {
	var begun []*casework.CareEpisode
	for i := range care.CareEpisodes {
		if p := &care.CareEpisodes[i]; p.Reason == "S" && inYear(p.StartDate, im.year) {
			begun = append(begun, p)
		}
	}
	for i, row := range other[PrevPerm] {
		if i >= len(begun) {
			o.notKept = append(o.notKept, *refusal(PrevPerm, row, "PREV_PERM", "no period of care began in the year to hold it"))
			continue
		}
		if r := readPrevPerm(begun[i], row); r != nil {
			return r
		}
	}
	return nil
}

// readPrevPerm sets the period's previous permanence from the row.
func readPrevPerm(p *casework.CareEpisode, row *Row) *Refusal {
	date, ok := permDateValue(row.Get("DATE_PERM"))
	if !ok && row.Get("DATE_PERM") != "" {
		return refusal(PrevPerm, row, "DATE_PERM", fmt.Sprintf("%q is not a date dd/mm/yyyy (ZZ for a day or month not known)", row.Get("DATE_PERM")))
	}
	p.PrevPerm, p.PrevPermLA, p.PrevPermDate = row.Get("PREV_PERM"), row.Get("LA_PERM"), date
	v := &casework.ValidationError{}
	p.CheckPreviousPermanence(v)
	for _, f := range []struct{ field, column string }{{"prev_perm", "PREV_PERM"}, {"prev_perm_la", "LA_PERM"}, {"prev_perm_date", "DATE_PERM"}} {
		if msg := v.For(f.field); msg != "" {
			return refusal(PrevPerm, row, f.column, msg)
		}
	}
	return nil
}

// fieldMessage is the validation message of field in err, or err's text.
func fieldMessage(err error, field string) string {
	if v, ok := err.(*casework.ValidationError); ok && v.For(field) != "" {
		return v.For(field)
	}
	return err.Error()
}
