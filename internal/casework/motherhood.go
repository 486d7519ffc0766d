package casework

import (
	"slices"
	"time"
)

// Motherhood is whether a girl or young woman is a mother and when her
// first child was born: the SSDA903 Header's MOTHER and MC_DOB, which the
// DfE wants for every girl looked after (rules 393 and 607). The zero
// value is "not recorded".
type Motherhood struct {
	Mother         string     // MOTHER: "1" a mother, "0" not
	FirstChildBorn *time.Time // MC_DOB: her first child's date of birth
}

// Recorded reports whether motherhood is recorded.
func (m Motherhood) Recorded() bool { return m.Mother != "" || m.FirstChildBorn != nil }

// motherAnswers are the choices of the motherhood form.
var motherAnswers = []Code{{"1", "Yes"}, {"0", "No"}}

// MotherAnswers returns the choices of the motherhood form.
func MotherAnswers() []Code { return slices.Clone(motherAnswers) }

// OnDay is the motherhood a return as at day reports: a mother whose
// first child was born after day was not yet one. A "no" holds for any
// day: it is what the record says.
func (m Motherhood) OnDay(day time.Time) Motherhood {
	if m.Mother == "1" && m.FirstChildBorn != nil && m.FirstChildBorn.After(day) {
		return Motherhood{Mother: "0"}
	}
	return m
}

// CheckMotherhood checks motherhood about to be recorded for c, the
// checks of the DfE's rules 165, 174, 611, 612, 620, 621 and 625 made
// when it is typed. The message names the form field to fix.
func (c Child) CheckMotherhood(m Motherhood, today time.Time) error {
	v := &ValidationError{}
	if c.Sex != "F" { // rules 165, 174
		v.Add("mother", "Motherhood is recorded for girls and young women: this child's sex is recorded as "+
			lowerFirstWord(LabelOf(sexes, c.Sex)))
		return v
	}
	switch {
	case !inCodes(motherAnswers, m.Mother):
		v.Add("mother", "Select whether she is a mother")
	case m.Mother == "1" && m.FirstChildBorn == nil: // rule 611
		v.Add("first_child_born", "Enter the date of birth of her first child")
	case m.Mother == "0" && m.FirstChildBorn != nil: // rule 612
		v.Add("first_child_born", "Leave her first child's date of birth blank when she is not a mother")
	}
	if b := m.FirstChildBorn; b != nil && !v.Has("first_child_born") {
		switch {
		case b.After(today): // rule 625
			v.Add("first_child_born", "Her first child's date of birth must be today or in the past")
		case c.DateOfBirth != nil && b.Before(BirthdayOn(*c.DateOfBirth, motherMinAge)): // rules 620, 621
			v.Add("first_child_born", "Her first child's date of birth is before she was 11: check both dates of birth")
		}
	}
	return v.Err()
}

// motherMinAge: the DfE refuses a mother under 11 (rule 620).
const motherMinAge = 11
