package synth

import (
	"slices"
	"strings"
)

// factorCodes maps the profile's factor names (CIN census c3) to the
// census AssessmentFactors codes. The "unknown" physical and sexual abuse
// rows map to no code offered today (18A and 19A are superseded) and are
// left out.
var factorCodes = map[string]string{
	"Alcohol_Misuse_child": "1A", "Alcohol_Misuse_parent": "1B", "Alcohol_Misuse_person": "1C",
	"Drug_Misuse_child": "2A", "Drug_Misuse_parent": "2B", "Drug_Misuse_person": "2C",
	"Domestic_Abuse_child": "3A", "Domestic_Abuse_parent": "3B", "Domestic_Abuse_person": "3C",
	"Mental_Health_child": "4A", "Mental_Health_parent": "4B", "Mental_Health_person": "4C",
	"Learning_Disability_child": "5A", "Learning_Disability_parent": "5B", "Learning_Disability_person": "5C",
	"Physical_Disability_child": "6A", "Physical_Disability_parent": "6B", "Physical_Disability_person": "6C",
	"Young_Carer": "7A", "Privately_fostered": "8E", "Unaccompanied_asylum_seeker": "9A", "Going_missing": "10A",
	"Child_sexual_exploitation": "11A", "Trafficking": "12A", "Gangs": "13A", "Socially_unacceptable_behaviour": "14A",
	"Self_harm": "15A", "Neglect": "16A", "Emotional_Abuse": "17A", "Physical_Abuse_child_on_child": "18B",
	"Physical_Abuse_adult_on_child": "18C", "Sexual_Abuse_child_on_child": "19B", "Sexual_Abuse_adult_on_child": "19C",
	"Female_Genital_Mutilation": "22A", "Faith_linked_abuse": "23A", "Child_criminal_exploitation": "24A", "Other": "20",
}

// FactorCode returns the census code of a profile factor name, or "".
func FactorCode(name string) string { return factorCodes[name] }

// isChildFactor reports whether a factor belongs to the child rather than
// the family: drawn for each child, and only for children aged 10 or more
// where it is a teenager's (exploitation, gangs, self-harm, going missing).
func isChildFactor(name string) bool {
	return strings.HasSuffix(name, "_child") || teenFactor(name) || name == "Young_Carer" ||
		strings.HasPrefix(name, "Physical_Abuse") || strings.HasPrefix(name, "Sexual_Abuse") ||
		name == "Female_Genital_Mutilation" || name == "Privately_fostered"
}

func teenFactor(name string) bool {
	switch name {
	case "Child_sexual_exploitation", "Child_criminal_exploitation", "Gangs", "Going_missing", "Self_harm",
		"Trafficking", "Socially_unacceptable_behaviour", "Unaccompanied_asylum_seeker",
		"Alcohol_Misuse_child", "Drug_Misuse_child":
		return true
	}
	return false
}

// toxicTrio are the parental factors that tend to come together (domestic
// abuse, mental health, alcohol and drugs): profile.md suggests drawing
// them with positive correlation. Each is present when a uniform draw is
// below its prevalence; with probability trioShare that draw is the one the
// family shares, so each keeps its prevalence and they co-occur.
var toxicTrio = []string{"Domestic_Abuse_parent", "Mental_Health_parent", "Alcohol_Misuse_parent",
	"Drug_Misuse_parent", "Domestic_Abuse_person", "Mental_Health_person", "Alcohol_Misuse_person", "Drug_Misuse_person"}

const trioShare = 0.5 // an assumption

// The profile's prevalences are among assessments that found at least one
// factor. Drawing each factor at its prevalence leaves about one
// assessment in sixteen with none (it records "21"), which raises the
// share among the rest; drawing at withAny of the prevalence keeps it.
const withAny = 0.94

// prevalence is the chance to draw a factor: its share of assessments with
// a factor, less (for the factors a plan's category adds: see
// categoryFactor) the share of assessments that gain it from a plan, about
// one in nine assessments leading to a plan in England (CP plan starts per
// referral assessed), split by England's categories.
func prevalence(p Profile, f Weight) float64 {
	w := f.W * withAny
	for _, c := range [...][2]string{{"neglect", "16A"}, {"emotional", "17A"}, {"physical", "18C"}, {"sexual", "19C"}} {
		if cat, code := c[0], c[1]; factorCodes[f.Key] == code {
			q := p.CP.StartsPer10k / (p.Referrals.Per10k * (1 - p.Referrals.NFA)) * p.CP.Category.Split.Get(cat)
			w = max(0, (w-q)/(1-q))
		}
	}
	return w
}

// familyFactors draws the family's factors (parents and others in the
// household) at England's prevalence among assessments.
func (r rng) familyFactors(p Profile) []string {
	shared := r.Float64()
	var out []string
	for _, f := range p.Factors.Prevalence {
		if isChildFactor(f.Key) || factorCodes[f.Key] == "" {
			continue
		}
		u := r.Float64()
		if slices.Contains(toxicTrio, f.Key) && r.chance(trioShare) {
			u = shared
		}
		if u < prevalence(p, f) {
			out = append(out, factorCodes[f.Key])
		}
	}
	return out
}

// teenBoost raises the prevalence of teenagers' factors among the children
// old enough to have them, so that across all assessments they keep about
// England's prevalence (about 60% of children in need are 10 or older).
const teenBoost = 1 / 0.6

// childFactors draws one child's own factors and joins them to the
// family's, in code-list order; an assessment with none records "21" (no
// factors identified).
func (r rng) childFactors(p Profile, family []string, age int) []string {
	out := slices.Clone(family)
	for _, f := range p.Factors.Prevalence {
		if !isChildFactor(f.Key) || factorCodes[f.Key] == "" {
			continue
		}
		w := prevalence(p, f)
		if teenFactor(f.Key) {
			if age < 10 {
				continue
			}
			w *= teenBoost
		}
		if r.chance(w) {
			out = append(out, factorCodes[f.Key])
		}
	}
	if len(out) == 0 {
		return []string{"21"}
	}
	return sortFactors(out)
}

// sortFactors puts codes in the census code list's order, without
// repeats.
func sortFactors(codes []string) []string {
	order := func(c string) int {
		n, letter := 0, byte(0)
		for i := 0; i < len(c); i++ {
			if c[i] >= '0' && c[i] <= '9' {
				n = n*10 + int(c[i]-'0')
			} else {
				letter = c[i]
			}
		}
		return n*32 + int(letter)
	}
	slices.SortFunc(codes, func(a, b string) int { return order(a) - order(b) })
	return slices.Compact(codes)
}

// categoryFactor is the factor a plan's category shows in its assessment.
var categoryFactor = map[string]string{"NEG": "16A", "EMO": "17A", "PHY": "18C", "SAB": "19C"}
