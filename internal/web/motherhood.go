package web

import (
	"sightline/internal/casework"
)

// motherhoodAction records whether a girl or young woman is a mother and
// her first child's date of birth, which the DfE's children looked after
// return asks of every girl looked after (SSDA903 MOTHER and MC_DOB). It
// changes the child's record, so it saves from the version read.
var motherhoodAction = action{
	done:    "Motherhood recorded",
	heading: "Record whether she is a mother", submit: "Save",
	ready: func(a *actionCtx) string {
		if a.child.Sex != "F" {
			return "Motherhood is recorded for girls and young women: this child's sex is recorded as " +
				lowerFirst(casework.LabelOf(casework.Sexes(), a.child.Sex)) + "."
		}
		return ""
	},
	edits: func(a *actionCtx) *target { return editTarget("child", a.child.ID, a.child.Version) },
	fields: func(a *actionCtx) []field {
		m := a.child.Motherhood
		mother := radiosF("mother", "Is she a mother?", casework.MotherAnswers(), m.Mother)
		mother.Hint = "The children looked after return asks this of every girl and young woman looked after."
		return []field{mother, {Name: "first_child_born", Label: "Date of birth of her first child", Kind: "date",
			Hint: "Only for a mother. For example, 27 3 2026", Date: dateFieldOf(m.FirstChildBorn)}}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		m := casework.Motherhood{Mother: f.text("mother")}
		m.FirstChildBorn = maybeDate(v, f, "first_child_born", "Date of birth of her first child")
		mergeErrors(v, a.child.CheckMotherhood(m, a.today))
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordMotherhood(a.r.Context(), a.actor(), a.child.ID, a.version, m)
		return saveErr(err)
	},
}

// motherhoodText is what the child's record says of her motherhood; ""
// when the record does not show it (a boy, or a girl under 11 with
// nothing recorded).
func motherhoodText(c casework.Child, age int, known bool) string {
	m := c.Motherhood
	switch {
	case m.Mother == "1" && m.FirstChildBorn != nil:
		return "Yes: her first child was born on " + longDate(m.FirstChildBorn)
	case m.Mother == "1":
		return "Yes"
	case m.Mother == "0":
		return "No"
	case c.Sex == "F" && known && age >= 11:
		return "Not recorded"
	}
	return ""
}
