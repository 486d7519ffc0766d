package casework

import "slices"

// Adopters is who adopted a child, recorded with the adoption order for
// the SSDA903 return (AD1). The zero value is "not recorded": adoptions
// recorded before sightline asked, or imported from a return without it.
type Adopters struct {
	FosterCarers string // FOSTER_CARE: "1" the child's former foster carer(s), "0" not
	Number       int    // NB_ADOPTR: 1 or 2
	Sexes        string // SEX_ADOPTR: M1, F1 (one adopter); MM, FF, MF (a couple)
	LegalStatus  string // LS_ADOPTR: L0 single; L11, L12 married; L2 civil partners; L3, L4 not married
}

// Recorded reports whether anything about the adopters is recorded.
func (a Adopters) Recorded() bool {
	return a.FosterCarers != "" || a.Number != 0 || a.Sexes != "" || a.LegalStatus != ""
}

// Code sets of SSDA903 AD1 (labels from the DfE's meanings: SEX_ADOPTR in
// rules 176 and 511, LS_ADOPTR as rules 514 and 517 to 524 read them).
var (
	fosterCarerAnswers = []Code{{"1", "Yes, the child's former foster carer or carers"}, {"0", "No"}}
	adopterNumbers     = []Code{{"1", "One adopter"}, {"2", "Two adopters (a couple)"}}
	adopterSexes       = []Code{{"F1", "One woman (F1)"}, {"M1", "One man (M1)"}, {"MF", "A man and a woman (MF)"},
		{"FF", "Two women (FF)"}, {"MM", "Two men (MM)"}}
	adopterStatuses = []Code{{"L0", "Single adopter (L0)"}, {"L11", "Married couple, a man and a woman (L11)"},
		{"L12", "Married couple of the same sex (L12)"}, {"L2", "Civil partners (L2)"},
		{"L3", "Couple not married, a man and a woman (L3)"}, {"L4", "Couple not married, of the same sex (L4)"}}
)

// FosterCarerAnswers, AdopterNumbers, AdopterSexes and AdopterStatuses
// return the choices of the adoption order's form.
func FosterCarerAnswers() []Code { return slices.Clone(fosterCarerAnswers) }

// AdopterNumbers: see FosterCarerAnswers.
func AdopterNumbers() []Code { return slices.Clone(adopterNumbers) }

// AdopterSexes: see FosterCarerAnswers.
func AdopterSexes() []Code { return slices.Clone(adopterSexes) }

// AdopterStatuses: see FosterCarerAnswers.
func AdopterStatuses() []Code { return slices.Clone(adopterStatuses) }

// singleSexes are one adopter's SEX_ADOPTR; the others are couples'.
var singleSexes = []string{"M1", "F1"}

// Validate checks that who adopted, if recorded, is given whole and hangs together:
// one adopter is a man or a woman with legal status L0; a couple is two
// people with a couple's status, married (L11) or not (L3) for a man and
// a woman, married (L12) or not (L4) for two of the same sex, and civil
// partners (L2) for either. These are the DfE's rules 114, 151, 175 to
// 177, 511, 514 and 517 to 520 and 524, so an adoption recorded here
// passes them. The message names the form field to fix.
func (a Adopters) Validate() error {
	if !a.Recorded() {
		return nil
	}
	return a.ValidateGiven()
}

// ValidateGiven is Validate for adopters that must be given (the
// adoption order's form asks for them): not recorded is refused.
func (a Adopters) ValidateGiven() error {
	v := &ValidationError{}
	if !inCodes(fosterCarerAnswers, a.FosterCarers) {
		v.Add("foster_carers", "Select whether the child was adopted by their former foster carer or carers")
	}
	if a.Number != 1 && a.Number != 2 {
		v.Add("adopters_number", "Select whether one adopter or a couple adopted the child")
	}
	if !inCodes(adopterSexes, a.Sexes) {
		v.Add("adopters_sex", "Select the sex of the adopter or adopters")
	}
	if !inCodes(adopterStatuses, a.LegalStatus) {
		v.Add("adopters_status", "Select the legal status of the adopter or adopters")
	}
	if v.Err() != nil {
		return v
	}
	single := a.Number == 1
	switch oneSex := slices.Contains(singleSexes, a.Sexes); {
	case single && !oneSex:
		v.Add("adopters_sex", "One adopter is one woman (F1) or one man (M1)")
	case !single && oneSex: // rule 511
		v.Add("adopters_sex", "Two adopters are a man and a woman (MF), two women (FF) or two men (MM)")
	}
	sameSex := a.Sexes == "FF" || a.Sexes == "MM"
	switch {
	case single && a.LegalStatus != "L0": // rule 514
		v.Add("adopters_status", "One adopter's legal status is single adopter (L0)")
	case !single && a.LegalStatus == "L0": // rule 514
		v.Add("adopters_status", "A couple is married, civil partners or not married: single adopter (L0) is for one adopter")
	case v.Has("adopters_sex") || single:
	case (a.LegalStatus == "L11" || a.LegalStatus == "L3") && sameSex: // rules 517, 520
		v.Add("adopters_status", "L11 and L3 are for a man and a woman: a couple of the same sex is L12, L2 or L4")
	case (a.LegalStatus == "L12" || a.LegalStatus == "L4") && !sameSex: // rules 518, 524
		v.Add("adopters_status", "L12 and L4 are for a couple of the same sex: a man and a woman are L11, L2 or L3")
	}
	return v.Err()
}

// adoptionPlaces say, for a placement with prospective adopters, whether
// they are the child's current foster carers (A3, A5) or not (A4, A6).
var adoptionPlaces = map[string]string{"A3": "1", "A5": "1", "A4": "0", "A6": "0"}

// checkAdoptersPlacement: the adopters recorded with the order agree with
// the placement the child was adopted from (rule 335): placed with their
// foster carers (A3, A5) is adopted by them; placed with other adopters
// (A4, A6) is not.
func (cf CaseFile) checkAdoptersPlacement(v *ValidationError, p PermanencePlan) {
	if p.AdoptionOrder == nil || p.Adopters.FosterCarers == "" || v.Has("foster_carers") {
		return
	}
	var from *Placement
	for i := range cf.Placements {
		pl := &cf.Placements[i]
		if !pl.StartDate.After(*p.AdoptionOrder) && (from == nil || !pl.StartDate.Before(from.StartDate)) {
			from = pl
		}
	}
	if from == nil {
		return
	}
	switch want, ok := adoptionPlaces[from.Type]; {
	case !ok || want == p.Adopters.FosterCarers:
	case want == "1":
		v.Add("foster_carers", "The child is placed for adoption with their foster carers ("+from.Type+
			"): they were adopted by their former foster carers")
	default:
		v.Add("foster_carers", "The child is placed for adoption with adopters who were not their foster carers ("+
			from.Type+"): change the placement first if that is wrong")
	}
}
