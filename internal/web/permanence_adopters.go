package web

import (
	"strconv"

	"sightline/internal/casework"
)

// adoptionOrderAction records the adoption order and who adopted the
// child (the SSDA903 AD1 items): whether they were the child's foster
// carers, one adopter or a couple, their sexes and their legal status.
// The hints say which choices go together; casework.Adopters.Validate
// refuses those that do not, so the return keeps the DfE's rules.
var adoptionOrderAction = action{
	done:    "Adoption order recorded",
	heading: "Record the adoption order", submit: "Save adoption order",
	ready: func(a *actionCtx) string {
		p := a.adoptionPlan()
		switch {
		case p == nil:
			return "The child has no plan for adoption in progress."
		case p.AdoptionOrder != nil:
			return "This stage was recorded on " + p.AdoptionOrder.Format("2 January 2006") + "."
		case p.Placed == nil:
			return "Record that the child moved in with the adopters first."
		}
		return ""
	},
	edits: planEdited((*actionCtx).adoptionPlan),
	fields: func(a *actionCtx) []field {
		fc := radiosF("foster_carers", "Were the adopters the child's foster carers?", casework.FosterCarerAnswers(), "")
		fc.Hint = "Yes when the child was placed for adoption with their own foster carers (placement A3 or A5)"
		number := radiosF("adopters_number", "Who adopted the child", casework.AdopterNumbers(), "")
		number.Hint = "One adopter is one woman (F1) or one man (M1), and a single adopter (L0). " +
			"Two adopters are a couple: MF, FF or MM, and married, civil partners or not married."
		status := radiosF("adopters_status", "Legal status of the adopter or adopters", casework.AdopterStatuses(), "")
		status.Hint = "A man and a woman: L11, L2 or L3. Two women or two men: L12, L2 or L4."
		return []field{dateF("adoption_order", "Date the adoption order was made", a.today), fc, number,
			radiosF("adopters_sex", "Sex of the adopter or adopters", casework.AdopterSexes(), ""), status}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "adoption_order", "Date the adoption order was made")
		p := *a.adoptionPlan()
		p.Adopters, p.Version = adoptersOf(f), a.version
		if !v.Has("adoption_order") {
			p.AdoptionOrder = &d
		}
		mergeErrors(v, p.Adopters.ValidateGiven())
		if v.Err() != nil {
			// Every problem at once: the order's date against the plan's
			// other stages too, when it could be read.
			if p.AdoptionOrder != nil {
				mergeErrors(v, a.cf.CheckNewPermanencePlan(p, a.today))
			}
			return v
		}
		_, err := a.s.store.UpdatePermanencePlan(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}

// adoptersOf reads who adopted from the form.
func adoptersOf(f form) casework.Adopters {
	n, _ := strconv.Atoi(f.text("adopters_number"))
	return casework.Adopters{FosterCarers: f.text("foster_carers"), Number: n, Sexes: f.text("adopters_sex"),
		LegalStatus: f.text("adopters_status")}
}

// adoptersText says who adopted the child for the record: "" when not
// recorded.
func adoptersText(a casework.Adopters) string {
	if !a.Recorded() {
		return ""
	}
	who := casework.LabelOf(casework.AdopterSexes(), a.Sexes)
	if status, ok := adopterStatusWords[a.LegalStatus]; ok {
		who += ", " + status
	}
	if a.FosterCarers == "1" {
		return who + "; the child's former foster carers"
	}
	return who + "; not the child's foster carers"
}

// adopterStatusWords are the legal statuses as the record says them,
// beside the sexes of the adopters (which the form's labels repeat).
var adopterStatusWords = map[string]string{"L0": "single adopter (L0)", "L11": "married (L11)", "L12": "married (L12)",
	"L2": "civil partners (L2)", "L3": "not married (L3)", "L4": "not married (L4)"}
