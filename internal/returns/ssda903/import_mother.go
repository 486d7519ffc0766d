package ssda903

import (
	"errors"
	"fmt"
	"strconv"

	"sightline/internal/casework"
)

// motherhood keeps the Header's MOTHER and MC_DOB on the child's record
// as given, for a girl or young woman; for anyone else they are reported
// as not kept (motherhood is recorded for girls and young women: rules
// 165 and 174).
func motherhood(h *Row, c *casework.Child) []Refusal {
	if c.Sex != "F" {
		var out []Refusal
		for _, col := range []string{"MOTHER", "MC_DOB"} {
			if v := h.Get(col); v != "" {
				out = append(out, *refusal(Header, h, col, fmt.Sprintf("%q is not kept: motherhood is recorded for girls and young women", printable(v))))
			}
		}
		return out
	}
	c.Motherhood = casework.Motherhood{Mother: h.Get("MOTHER"), FirstChildBorn: at(h.Get("MC_DOB"))}
	return nil
}

// adoptersOf reads who adopted from an AD1 row, refusing it (naming the
// column) when the items are not all given or all blank, or do not hang
// together as casework.Adopters.Validate says.
func adoptersOf(row *Row) (casework.Adopters, *Refusal) {
	a := casework.Adopters{FosterCarers: row.Get("FOSTER_CARE"), Sexes: row.Get("SEX_ADOPTR"), LegalStatus: row.Get("LS_ADOPTR")}
	if nb := row.Get("NB_ADOPTR"); nb != "" {
		n, err := strconv.Atoi(nb)
		if err != nil || (n != 1 && n != 2) {
			return a, refusal(AD1, row, "NB_ADOPTR", fmt.Sprintf("%q is not a number of adopters: 1 or 2", printable(nb)))
		}
		a.Number = n
	}
	var v *casework.ValidationError
	if err := a.Validate(); errors.As(err, &v) && len(v.Errors) > 0 {
		e := v.Errors[0]
		return a, refusal(AD1, row, adopterColumns[e.Field], e.Message)
	}
	return a, nil
}

// adopterColumns are the AD1 columns of the adopters' form fields.
var adopterColumns = map[string]string{"foster_carers": "FOSTER_CARE", "adopters_number": "NB_ADOPTR",
	"adopters_sex": "SEX_ADOPTR", "adopters_status": "LS_ADOPTR"}

// adoptedFromFosterCarers refuses a FOSTER_CARE the placement the child
// was adopted from says is wrong (rule 335), as the adoption order's form
// would: placed with their foster carers (A3, A5) is adopted by them,
// placed with others (A4, A6) is not.
func adoptedFromFosterCarers(row *Row, eps []*Row, y Year) *Refusal {
	fc := row.Get("FOSTER_CARE")
	for _, e := range eps {
		dec := at(e.Get("DEC"))
		if dec == nil || (e.Get("REC") != "E11" && e.Get("REC") != "E12") || !inYear(*dec, y) || fc == "" {
			continue
		}
		if want, ok := withFosterCarers[e.Get("PLACE")]; ok && want != fc {
			return refusal(AD1, row, "FOSTER_CARE", fmt.Sprintf("%q disagrees with the placement the child was adopted from, %s (rule 335)",
				fc, e.Get("PLACE")))
		}
	}
	return nil
}

// withFosterCarers: FOSTER_CARE of a child adopted from each placement
// with prospective adopters.
var withFosterCarers = map[string]string{"A3": "1", "A5": "1", "A4": "0", "A6": "0"}
