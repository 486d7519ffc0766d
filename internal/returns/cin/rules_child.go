package cin

import (
	"strings"

	"sightline/internal/casework"
)

// Rules on ChildIdentifiers and ChildCharacteristics (DfE codes and
// messages: schema/rules_2025_26.csv).

var identifierRules = []Rule{
	{Code: "8500", Message: "LA Child ID missing", child: rule8500},
	{Code: "1570", Message: "LA Child ID must not be longer than 20 characters", child: rule1570},
	{Code: "1580", Message: "LA Child ID must not contain any non-alphanumeric characters", child: rule1580},
	{Code: "1510", Message: "UPN invalid (wrong check letter at character 1)", child: rule1510},
	{Code: "1530", Message: "UPN invalid (characters 2-4 not a recognised LA code)", child: rule1530},
	{Code: "1540", Message: "UPN invalid (characters 5-12 not all numeric)", child: rule1540},
	{Code: "1550", Message: "UPN invalid (character 13 not a recognised value)", child: rule1550},
	{Code: "1560Q", Query: true, Message: "Please check and either amend or provide a reason: Former UPN wrongly formatted", child: rule1560Q},
	{Code: "4180", Message: "Sex must be provided and equal M, F, or U", child: rule4180},
	{Code: "8750", Message: "Sex must equal U for an unborn child", child: rule8750},
	{Code: "8520", Message: "Date of Birth is after data collection period (must be on or before the end of the census period)", child: rule8520},
	{Code: "8525Q", Query: true, Message: "Either Date of Birth or Expected Date of Birth must be provided (but not both)", child: rule8525Q},
	{Code: "8530Q", Query: true, Message: "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)", child: rule8530Q},
	{Code: "8535Q", Query: true, Message: "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth", child: rule8535Q},
	{Code: "8545Q", Query: true, Message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year", child: rule8545Q},
	{Code: "8770Q", Query: true, Message: "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.", child: rule8770Q},
	{Code: "8772", Message: "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action", child: rule8772},
	{Code: "8775Q", Query: true, Message: "Please check and either amend data or provide a reason: Child is over 25 years old", child: rule8775Q},
	{Code: "8590", Message: "Child does not have a recorded CIN episode.", child: rule8590},
}

var characteristicRules = []Rule{
	{Code: "4220", Message: "Ethnicity is missing or invalid (see Ethnicity table)", child: rule4220},
	{Code: "8540", Message: "Child’s disability is missing or invalid (see Disability table)", child: rule8540},
	{Code: "8790", Message: "Disability information includes both None and other values", child: rule8790},
	{Code: "8794", Message: "Child has two or more disabilities with the same code", child: rule8794},
}

func rule8500(_ *Context, c *Child) []string {
	return when(strings.TrimSpace(c.Identifiers.LAchildID) == "", "LAchildID")
}

func rule1570(_ *Context, c *Child) []string {
	return when(len(c.Identifiers.LAchildID) > 20, "LAchildID")
}

func rule1580(_ *Context, c *Child) []string {
	for _, r := range c.Identifiers.LAchildID {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return []string{"LAchildID"}
		}
	}
	return nil
}

// rule1510: the first character is the modulus-23 check letter of the
// other twelve (only checked when those are well formed: 1540 and 1550
// say when they are not).
func rule1510(_ *Context, c *Child) []string {
	u := c.Identifiers.UPN
	if len(u) != 13 {
		return when(u != "", "UPN")
	}
	want := casework.UPNCheckLetter(u[1:])
	return when(want != 0 && u[0] != want, "UPN")
}

// rule1530: characters 2-4 of a UPN are an LA code the DfE recognises
// (schema/upn_la_codes.txt) or the code of the authority making the
// return, its header's LEA: an authority numbered after the list was made
// is not failed on the UPNs it issued itself.
func rule1530(x *Context, c *Child) []string {
	u := c.Identifiers.UPN
	if len(u) != 13 {
		return nil
	}
	la := u[1:4]
	n, ok := digits(la)
	return when(!(ok && upnLACodes[n]) && la != x.ownLA, "UPN")
}

func rule1540(_ *Context, c *Child) []string {
	u := c.Identifiers.UPN
	if len(u) != 13 {
		return nil
	}
	_, ok := digits(u[4:12])
	return when(!ok, "UPN")
}

func rule1550(_ *Context, c *Child) []string {
	u := c.Identifiers.UPN
	if len(u) != 13 {
		return nil
	}
	last := u[12]
	ok := last >= '0' && last <= '9' || strings.IndexByte("ABCDEFGHJKLMNPQRTUVWXYZ", last) >= 0
	return when(!ok, "UPN")
}

func rule1560Q(_ *Context, c *Child) []string {
	f := c.Identifiers.FormerUPN
	return when(f != "" && isUPN(f) != "", "FormerUPN")
}

func rule4180(_ *Context, c *Child) []string {
	s := c.Identifiers.Sex
	return when(s != "M" && s != "F" && s != "U", "Sex")
}

// unborn: no date of birth, an expected one.
func unborn(c *Child) bool {
	return c.Identifiers.PersonBirthDate == "" && c.Identifiers.ExpectedPersonBirthDate != ""
}

func rule8750(_ *Context, c *Child) []string {
	return when(unborn(c) && c.Identifiers.Sex != "U", "Sex")
}

func rule8520(x *Context, c *Child) []string {
	d, ok := day(c.Identifiers.PersonBirthDate)
	return when(ok && d > x.end, "PersonBirthDate")
}

func rule8525Q(_ *Context, c *Child) []string {
	dob, edob := c.Identifiers.PersonBirthDate != "", c.Identifiers.ExpectedPersonBirthDate != ""
	return when(dob == edob, "PersonBirthDate")
}

// rule8530Q: an expected birth falls from 1 March to 31 December of the
// year the census ends.
func rule8530Q(x *Context, c *Child) []string {
	d, ok := day(c.Identifiers.ExpectedPersonBirthDate)
	if !ok {
		return nil
	}
	y := int(x.Year)
	return when(d < daysFromCivil(y, 3, 1) || d > daysFromCivil(y, 12, 31), "ExpectedPersonBirthDate")
}

func rule8535Q(_ *Context, c *Child) []string {
	death, ok1 := day(c.Identifiers.PersonDeathDate)
	birth, ok2 := day(c.Identifiers.PersonBirthDate)
	return when(ok1 && ok2 && death < birth, "PersonDeathDate")
}

func rule8545Q(x *Context, c *Child) []string {
	d, ok := day(c.Identifiers.PersonDeathDate)
	return when(ok && !x.inYear(d), "PersonDeathDate")
}

// rule8770Q: a child of school age (5 by 31 August before the census year
// ends, so born on or before 31 August six years before it) has a UPN, or
// a reason other than UN1 (not yet of school age).
func rule8770Q(x *Context, c *Child) []string {
	id := c.Identifiers
	if id.UPN != "" {
		return nil
	}
	if id.UPNunknown == "" {
		return []string{"UPN"}
	}
	dob, ok := day(id.PersonBirthDate)
	return when(id.UPNunknown == "UN1" && ok && dob <= daysFromCivil(int(x.Year)-6, 8, 31), "UPNunknown")
}

func rule8772(_ *Context, c *Child) []string {
	if c.Identifiers.UPNunknown != "UN7" {
		return nil
	}
	for _, d := range c.Details {
		if !isYes(d.ReferralNFA) {
			return []string{"UPNunknown"}
		}
	}
	return nil
}

// rule8775Q: more than 25 years have passed since the child's birth by
// the reference date.
func rule8775Q(x *Context, c *Child) []string {
	b := c.Identifiers.PersonBirthDate
	if _, ok := day(b); !ok {
		return nil
	}
	y, _ := digits(b[0:4])
	m, _ := digits(b[5:7])
	d, _ := digits(b[8:10])
	return when(daysFromCivil(y+25, m, d) < x.end, "PersonBirthDate")
}

func rule8590(_ *Context, c *Child) []string { return when(len(c.Details) == 0, "CINdetails") }

func rule4220(_ *Context, c *Child) []string {
	return when(!ValidCode("ethnicitytype", c.Characteristics.Ethnicity), "Ethnicity")
}

func rule8540(_ *Context, c *Child) []string {
	var out []string
	for _, d := range c.Characteristics.DisabilityCodes() {
		if !ValidCode("disabilitytype", d) {
			out = append(out, "Disability")
		}
	}
	return out
}

func rule8790(_ *Context, c *Child) []string {
	ds := c.Characteristics.DisabilityCodes()
	for _, d := range ds {
		if d == "NONE" && len(ds) > 1 {
			return []string{"Disability"}
		}
	}
	return nil
}

func rule8794(_ *Context, c *Child) []string {
	ds := c.Characteristics.DisabilityCodes()
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[i] == ds[j] {
				return []string{"Disability"}
			}
		}
	}
	return nil
}
