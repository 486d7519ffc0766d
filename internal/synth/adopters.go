package synth

import (
	"sightline/internal/casework"
)

// Who adopts (SSDA903 AD1), recorded with the adoption order as the
// order's form asks. The profile holds no national figures for it, so the
// shares are assumptions, approximately as the DfE's annual "children
// looked after in England including adoption" releases describe recent
// years (not verified here): most children are adopted by couples, about
// one in eight by a single adopter (most often a woman), and about one
// couple in six of the same sex; different-sex couples are mostly
// married, same-sex couples married, civil partners or not married in
// roughly equal parts. Whether the adopters were the child's foster
// carers follows the placement the child was adopted from: fostering for
// adoption (U5, then A5 with the same carers, permanence.go) makes them
// former foster carers (FOSTER_CARE 1), adopters met through a match (A6,
// A4) do not (rule 335).
const (
	singleAdopterShare = 0.12 // of adoptions
	sameSexCoupleShare = 0.16 // of couples
)

var (
	singleAdopterSexes = Weights{{"F1", 0.9}, {"M1", 0.1}}
	sameSexCouples     = Weights{{"FF", 0.5}, {"MM", 0.5}}
	mixedCoupleStatus  = Weights{{"L11", 0.78}, {"L3", 0.19}, {"L2", 0.03}}
	sameSexStatus      = Weights{{"L12", 0.4}, {"L2", 0.35}, {"L4", 0.25}}
)

// drawAdopters draws who adopted a child placed for adoption in placement
// place (A3 to A6; anything else is taken as not the foster carers).
func drawAdopters(r rng, place string) casework.Adopters {
	a := casework.Adopters{FosterCarers: "0", Number: 2, Sexes: "MF"}
	if place == "A3" || place == "A5" {
		a.FosterCarers = "1"
	}
	switch {
	case r.chance(singleAdopterShare):
		a.Number, a.Sexes, a.LegalStatus = 1, r.pick(singleAdopterSexes), "L0"
	case r.chance(sameSexCoupleShare):
		a.Sexes, a.LegalStatus = r.pick(sameSexCouples), r.pick(sameSexStatus)
	default:
		a.LegalStatus = r.pick(mixedCoupleStatus)
	}
	return a
}
