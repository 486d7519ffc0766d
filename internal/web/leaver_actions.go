package web

import (
	"strconv"
	"time"

	"sightline/internal/casework"
)

// Leaving-care actions: eligibility, the personal adviser, pathway plans,
// the record of each birthday from the 17th to the 21st, and contact.
// Routes and their access rules are in routes_leavers.go.

// needLeaver says why an action needs a care leaver record first.
func needLeaver(a *actionCtx) string {
	if a.cf.Leaver == nil {
		return "Record the young person's leaving-care eligibility first."
	}
	return ""
}

// maybeDate reads a date the form may leave blank.
func maybeDate(v *casework.ValidationError, f form, name, label string) *time.Time {
	return readDate(f.Values, name).parse(v, name, label)
}

// leaverEdited is the care leaver record the eligibility and adviser
// forms change (none before the first eligibility is recorded).
func leaverEdited(a *actionCtx) *target {
	if cl := a.cf.Leaver; cl != nil {
		return editTarget("care_leaver", cl.ID, cl.Version)
	}
	return nil
}

var eligibilityAction = action{
	done:    "Leaving-care eligibility recorded",
	edits:   leaverEdited,
	heading: "Record leaving-care eligibility", submit: "Save eligibility",
	about: func(a *actionCtx) []summaryRow {
		rows := []summaryRow{}
		for _, c := range casework.LeaverCategories() {
			rows = append(rows, summaryRow{c.Label, casework.LeaverCategoryRule(c.Code)})
		}
		if dob, p := a.child.DateOfBirth, a.cf.LookedAfter; dob != nil && p.Start != nil {
			if s := casework.SuggestLeaverCategory(*dob, *p.Start, p.End, a.today); s != "" {
				rows = append(rows, summaryRow{"From the period of care recorded",
					casework.LabelOf(casework.LeaverCategories(), s) + " (one period of care only: check earlier ones)"})
			}
		}
		return rows
	},
	fields: func(a *actionCtx) []field {
		cl := a.cf.Leaver
		if cl == nil {
			cl = &casework.CareLeaver{From: a.today}
		}
		return []field{
			radiosF("category", "Eligibility category", casework.LeaverCategories(), cl.Category),
			dateF("from", "Date the category applied from", cl.From),
			{Name: "care_started", Label: "Date the young person started to be looked after (latest period of care)",
				Hint: "For example, 27 3 2021", Kind: "date", Date: dateFieldOf(cl.CareStarted)},
			{Name: "care_ended", Label: "Date they stopped being looked after", Hint: "Leave blank while still looked after",
				Kind: "date", Date: dateFieldOf(cl.CareEnded)},
			{Name: "services_ended", Label: "Date leaving-care services ended", Hint: "Leave blank while they continue",
				Kind: "date", Date: dateFieldOf(cl.ServicesEnded)},
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		cl := casework.CareLeaver{ChildID: a.child.ID}
		if a.cf.Leaver != nil {
			cl = *a.cf.Leaver
			cl.Version = a.version
		}
		cl.Category = f.text("category")
		cl.From = f.date(v, "from", "Date the category applied from")
		cl.CareStarted = maybeDate(v, f, "care_started", "Date the young person started to be looked after")
		cl.CareEnded = maybeDate(v, f, "care_ended", "Date they stopped being looked after")
		cl.ServicesEnded = maybeDate(v, f, "services_ended", "Date leaving-care services ended")
		if v.Err() != nil {
			mergeErrors(v, cl.Validate(a.child.DateOfBirth, a.today))
			return v
		}
		_, err := a.s.store.SaveCareLeaver(a.r.Context(), a.actor(), cl)
		return saveErr(err)
	},
}

var adviserAction = action{
	done:    "Personal adviser recorded",
	heading: "Record the personal adviser", submit: "Save adviser",
	ready: needLeaver,
	edits: leaverEdited,
	fields: func(a *actionCtx) []field {
		name := textF("adviser", "Personal adviser", "Their full name")
		from := a.today
		if cl := a.cf.Leaver; cl != nil {
			name.Value = cl.Adviser
			if cl.AdviserFrom != nil {
				from = *cl.AdviserFrom
			}
		}
		return []field{name, dateF("adviser_from", "Adviser from", from)}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		cl := *a.cf.Leaver
		cl.Adviser, cl.Version = f.text("adviser"), a.version
		d := f.date(v, "adviser_from", "Adviser from")
		cl.AdviserFrom = &d
		if cl.Adviser == "" {
			v.Add("adviser", "Enter the personal adviser's name")
		}
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.SaveCareLeaver(a.r.Context(), a.actor(), cl)
		return saveErr(err)
	},
}

var pathwayAction = action{
	done:    "Pathway plan recorded",
	heading: "Record a pathway plan or its review", submit: "Save pathway plan",
	ready: needLeaver,
	fields: func(a *actionCtx) []field {
		kind := casework.PathwayPlan
		if len(a.cf.Pathway) > 0 {
			kind = casework.PathwayReview
		}
		return []field{radiosF("kind", "New plan or review", casework.PathwayKinds(), kind),
			dateF("date", "Date of the plan or review", a.today)}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the plan or review")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.RecordPathway(a.r.Context(), a.actor(), casework.PathwayRecord{ChildID: a.child.ID,
			Kind: f.text("kind"), Date: d})
		return saveErr(err)
	},
}

// birthdayOptions are the 17th to 21st birthdays as choices.
var birthdayOptions = func() []casework.Code {
	var out []casework.Code
	for age := 17; age <= 21; age++ {
		out = append(out, casework.Code{Code: strconv.Itoa(age), Label: casework.Ordinal(age) + " birthday"})
	}
	return out
}()

// latestBirthday is the last birthday from the 17th to the 21st reached by
// today, or the coming one, as a choice's code.
func (a *actionCtx) latestBirthday() string {
	if a.child.DateOfBirth == nil {
		return ""
	}
	age, _ := a.child.AgeOn(a.today)
	// a contact up to 3 months before the birthday is for the coming one
	if next, _ := a.child.AgeOn(a.today.AddDate(0, 3, 0)); next > age {
		age = next
	}
	if age < 17 || age > 21 {
		return ""
	}
	return strconv.Itoa(age)
}

var yesNoAccom = []casework.Code{{Code: "yes", Label: "Suitable"}, {Code: "no", Label: "Not suitable"}}

var birthdayAction = action{
	done:    "Birthday record saved",
	heading: "Record accommodation and education, employment or training at a birthday", submit: "Save birthday record",
	ready: needLeaver,
	fields: func(a *actionCtx) []field {
		return []field{
			selectF("birthday", "Birthday", birthdayOptions, a.latestBirthday()),
			dateF("date", "Date of the contact", a.today),
			radiosF("in_touch", "Is the authority in touch with the young person?", casework.InTouchCodes(), "YES"),
			selectF("activity", "Education, employment or training", casework.Activities(), ""),
			selectF("accom_type", "Accommodation", casework.Accommodations(), ""),
			radiosF("accom_suitable", "Is the accommodation suitable?", yesNoAccom, ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		return a.saveLeaverContact(f, true)
	},
}

var leaverContactAction = action{
	done:    "Contact recorded",
	heading: "Record contact with the care leaver", submit: "Save contact",
	ready: needLeaver,
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date of the contact", a.today),
			radiosF("in_touch", "Is the authority in touch with the young person?", casework.InTouchCodes(), "YES"),
			selectF("activity", "Education, employment or training (if it changed)", casework.Activities(), ""),
			selectF("accom_type", "Accommodation (if it changed)", casework.Accommodations(), ""),
			radiosF("accom_suitable", "Is the accommodation suitable?", yesNoAccom, ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		return a.saveLeaverContact(f, false)
	},
}

// saveLeaverContact reads and saves a contact form; a birthday record
// names its birthday.
func (a *actionCtx) saveLeaverContact(f form, birthday bool) error {
	v := &casework.ValidationError{}
	c := casework.LeaverContact{ChildID: a.child.ID, InTouch: f.text("in_touch"), Activity: f.text("activity")}
	c.Date = f.date(v, "date", "Date of the contact")
	if birthday {
		n, err := strconv.Atoi(f.text("birthday"))
		if err != nil {
			v.Add("birthday", "Select the birthday")
		}
		c.Birthday = n
	}
	switch kind, suitable := f.text("accom_type"), f.text("accom_suitable"); {
	case kind == "":
	case suitable == "":
		v.Add("accom_suitable", "Select whether the accommodation is suitable")
	default:
		c.Accom = casework.AccomCode(kind, suitable == "yes")
	}
	if (c.InTouch == "DIED" || c.InTouch == "RHOM") && c.Activity == "" && c.Accom == "" && birthday {
		c.Activity, c.Accom = "0", "0" // rule 344: nothing to record
	}
	if v.Err() != nil {
		mergeErrors(v, c.Validate(a.child.DateOfBirth, a.today))
		return v
	}
	_, err := a.s.store.RecordLeaverContact(a.r.Context(), a.actor(), c)
	return saveErr(err)
}
