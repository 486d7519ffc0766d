package web

import (
	"fmt"
	"strconv"

	"sightline/internal/casework"
)

// The child's status as an unaccompanied asylum-seeking child (UASC),
// changed from the child's record (PermEditChildren, routes_care.go), and
// the previous permanence of a period of care: asked when the child comes
// into care (startCareAction) and corrected later from the chronology.
// Both are saved from the version read when the form was opened.

var uascAction = action{
	done:    "UASC status saved",
	heading: "Unaccompanied asylum-seeking child", submit: "Save",
	edits: func(a *actionCtx) *target { return editTarget("child", a.child.ID, a.child.Version) },
	about: func(a *actionCtx) []summaryRow {
		rows := []summaryRow{{"What it means", "A child who has applied for asylum in their own right and is separated from " +
			"both parents and from anyone who by law or custom cares for them. The status ceases by the 18th birthday."}}
		if a.child.DateOfBirth != nil {
			rows = append(rows, summaryRow{"18th birthday", casework.BirthdayOn(*a.child.DateOfBirth, 18).Format("2 January 2006")})
		}
		return rows
	},
	fields: func(a *actionCtx) []field {
		c := a.child
		uasc := yesnoF("uasc", "Is or was the child an unaccompanied asylum-seeking child?", "")
		uasc.Value = yesNo(c.UASC)
		ceased := field{Name: "uasc_ceased", Label: "Date UASC status ceased", Kind: "date",
			Hint: "Leave blank while the child is still UASC. For example, 27 3 2026", Date: dateFieldOf(c.UASCCeased)}
		return []field{uasc, ceased}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		c := a.child
		switch f.text("uasc") {
		case "yes", "no":
			c.UASC = f.yes("uasc")
		default:
			v.Add("uasc", "Select yes if the child is or was an unaccompanied asylum-seeking child")
		}
		c.UASCCeased = readDate(f.Values, "uasc_ceased").parse(v, "uasc_ceased", "Date UASC status ceased")
		c.Version = a.version
		if v.Err() != nil {
			mergeErrors(v, c.CheckUASC(a.today))
			return v
		}
		_, err := a.s.store.SetUASC(a.r.Context(), a.actor(), c)
		return saveErr(err)
	},
}

// prevPermFields are the questions about the child's previous permanence.
func prevPermFields(e casework.CareEpisode) []field {
	la := textF("prev_perm_la", "Authority that arranged the order",
		"Its 3-digit DfE number, or WAL, SCO, NIR or NUK for an order made outside England. Leave blank with no order")
	la.Value = e.PrevPermLA
	p, _ := casework.ParsePartialDate(e.PrevPermDate)
	return []field{
		selectF("prev_perm", "Permanence before this period of care (SSDA903 previous permanence)",
			withCodes(casework.PreviousPermanenceCodes()), e.PrevPerm),
		la,
		{Name: "prev_perm_date", Label: "Date of the order", Kind: "date", Date: partialDateField(p),
			Hint: "As far as it is known: leave the day, or the day and month, blank if not known. Leave blank with no order"},
	}
}

// readPrevPerm reads the previous permanence answers onto e.
func readPrevPerm(v *casework.ValidationError, f form, e *casework.CareEpisode) {
	e.PrevPerm, e.PrevPermLA = f.text("prev_perm"), f.text("prev_perm_la")
	date, ok := readPartialDate(readDate(f.Values, "prev_perm_date"))
	if !ok {
		v.Add("prev_perm_date", "Enter the date of the order as numbers: a day, month and year, or a month and year, or a year")
	}
	e.PrevPermDate = date
}

// partialDateField shows a partial date in the three boxes, a part not
// known left blank.
func partialDateField(p casework.PartialDate) dateField {
	part := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return dateField{Day: part(p.Day), Month: part(p.Month), Year: part(p.Year)}
}

// readPartialDate reads the three boxes as a partial date ("" when all
// are blank); false when a box holds no number or a day is given without
// a month.
func readPartialDate(d dateField) (string, bool) {
	if d.Empty() {
		return "", true
	}
	var n [3]int
	for i, s := range []string{d.Year, d.Month, d.Day} {
		if s == "" {
			continue
		}
		x, err := strconv.Atoi(s)
		if err != nil || x < 1 {
			return "", false
		}
		n[i] = x
	}
	if n[2] != 0 && n[1] == 0 || n[1] > 12 || n[2] > 31 || n[0] > 9999 {
		return "", false
	}
	p := casework.PartialDate{Year: n[0], Month: n[1], Day: n[2]}
	if _, err := casework.ParsePartialDate(p.String()); err != nil {
		return "", false
	}
	return p.String(), true
}

var correctPrevPermAction = action{
	done:    "Previous permanence corrected",
	heading: "Correct the previous permanence", submit: "Save correction",
	ready: func(a *actionCtx) string {
		if a.cf.FindCareEpisode(a.recordID()) == nil {
			return noSuchRecord("period of care")
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if e := a.cf.FindCareEpisode(a.recordID()); e != nil {
			return editTarget("care_episode", e.ID, e.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		e := a.cf.FindCareEpisode(a.recordID())
		return []summaryRow{{"Period of care", "Began " + e.StartDate.Format("2 January 2006")}}
	},
	fields: func(a *actionCtx) []field { return prevPermFields(*a.cf.FindCareEpisode(a.recordID())) },
	save: func(a *actionCtx, f form) error {
		e := *a.cf.FindCareEpisode(a.recordID())
		v := &casework.ValidationError{}
		readPrevPerm(v, f, &e)
		e.Version = a.version
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckPreviousPermanenceCorrection(e))
			return v
		}
		_, err := a.s.store.CorrectPreviousPermanence(a.r.Context(), a.actor(), e)
		return saveErr(err)
	},
}

// prevPermText describes a period's previous permanence for the record.
func prevPermText(e casework.CareEpisode) string {
	switch e.PrevPerm {
	case "":
		return "Not recorded"
	case "Z1":
		return "Z1: " + casework.LabelOf(casework.PreviousPermanenceCodes(), "Z1")
	}
	return fmt.Sprintf("%s: %s, arranged by %s, %s", e.PrevPerm, casework.LabelOf(casework.PreviousPermanenceCodes(), e.PrevPerm),
		e.PrevPermLA, e.PrevPermDate)
}
