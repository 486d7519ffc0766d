package web

import (
	"time"

	"sightline/internal/casework"
)

// Children in care actions: each says what it asks and how it saves. The
// routes and their access rules are in routes_care.go.

// withCodes shows each code beside its label ("U6: Foster placement …"),
// as workers and the SSDA903 return both speak in codes.
func withCodes(set []casework.Code) []casework.Code {
	out := make([]casework.Code, len(set))
	for i, c := range set {
		out[i] = casework.Code{Code: c.Code, Label: c.Code + ": " + c.Label}
	}
	return out
}

// inCare says why a child-in-care action cannot be taken, or "".
func (a *actionCtx) inCare() string {
	if a.cf.OpenCareEpisode() == nil {
		return "The child is not looked after. Bring the child into care first."
	}
	return ""
}

// placementFields are the questions about a placement; the Ofsted URN is
// chosen from the register of placement providers (providers.go).
func placementFields(a *actionCtx) []field {
	milesHint, areaHint := "", ""
	if a.directoryArea() != "" { // the answers may be left blank (care_postcodes.go)
		milesHint = ". Leave it blank to have it worked out from the home and placement postcodes, as the DfE does"
		areaHint = "Leave it unanswered to have it worked out from the placement's postcode, as the DfE does"
	}
	return []field{
		selectF("placement_type", "Type of placement", withCodes(casework.PlacementTypes()), ""),
		selectF("provider", "Who provides it", withCodes(casework.PlacementProviders()),
			""),
		textF("postcode", "Postcode of the placement", "For example, NE1 4AB"),
		urnF(a),
		textF("distance", "Distance from the child's home (miles)", "As the crow flies, to one decimal place"+milesHint),
		yesnoF("in_area", "Is the placement inside the authority's area?", areaHint),
		yesnoF("school_move", "Did the child have to change school because of it?", ""),
	}
}

// readPlacement reads a placement's answers in a period of care begun on
// periodStart, adding errors to v.
func readPlacement(a *actionCtx, v *casework.ValidationError, f form, start, periodStart time.Time) casework.Placement {
	p := casework.Placement{ChildID: a.child.ID, StartDate: start, Type: f.text("placement_type"),
		Provider: f.text("provider"), Postcode: f.text("postcode"), SchoolMove: f.yes("school_move"), URN: urnOf(f)}
	a.placeAnswers(v, f, &p, periodStart)
	if p.MissingURN() {
		v.Add("urn", "Enter the setting's Ofsted URN (type its name or postcode to find it in the register), or XXXXXXX for a setting not registered with Ofsted (SSDA903 rule 218)")
	}
	return p
}

var startCareAction = action{
	done:    "The child is now looked after",
	heading: "Bring into care", submit: "Save",
	ready: func(a *actionCtx) string {
		if ep := a.cf.OpenCareEpisode(); ep != nil {
			return "The child has been looked after since " + ep.StartDate.Format("2 January 2006") + "."
		}
		return ""
	},
	fields: func(a *actionCtx) []field {
		return append([]field{
			dateF("start_date", "Date the child became looked after", a.today),
			selectF("legal_status", "Legal status", withCodes(casework.LegalStatuses()), ""),
			selectF("category_of_need", "Category of need", withCodes(casework.NeedCategories()), ""),
			textF("iro", "Independent reviewing officer", "Optional: who will chair the reviews"),
		}, append(placementFields(a), prevPermFields(casework.CareEpisode{})...)...)
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Date the child became looked after")
		cs := casework.CareStart{
			Episode:     casework.CareEpisode{ChildID: a.child.ID, StartDate: d, Reason: "S", CategoryOfNeed: f.text("category_of_need"), IRO: f.text("iro")},
			LegalStatus: casework.LegalStatus{StartDate: d, Code: f.text("legal_status")},
			Placement:   readPlacement(a, v, f, d, d),
		}
		readPrevPerm(v, f, &cs.Episode)
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckStartCare(cs, a.today))
			return v
		}
		_, err := a.s.store.StartCare(a.r.Context(), a.actor(), cs)
		return saveErr(err)
	},
}

var legalStatusAction = action{
	done:    "Legal status recorded",
	heading: "Change the legal status", submit: "Save legal status",
	ready: (*actionCtx).inCare,
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("start_date", "Date the new legal status began", a.today),
			selectF("legal_status", "Legal status", withCodes(casework.LegalStatuses()), ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Date the new legal status began")
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.ChangeLegalStatus(a.r.Context(), a.actor(), casework.LegalStatus{ChildID: a.child.ID,
			StartDate: d, Code: f.text("legal_status")})
		return saveErr(err)
	},
}

var movePlacementAction = action{
	done:    "Placement move recorded",
	heading: "Move placement", submit: "Save move",
	ready: (*actionCtx).inCare,
	about: func(a *actionCtx) []summaryRow {
		if p := a.cf.CurrentPlacement(); p != nil {
			return []summaryRow{{"Current placement", p.Type + ": " + casework.LabelOf(casework.PlacementTypes(), p.Type) +
				", since " + p.StartDate.Format("2 January 2006")}}
		}
		return nil
	},
	fields: func(a *actionCtx) []field {
		return append([]field{
			dateF("start_date", "Date of the move", a.today),
			selectF("change_reason", "Reason for the change", withCodes(casework.PlacementChangeReasons()), ""),
		}, placementFields(a)...)
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Date of the move")
		periodStart := d
		if ep := a.cf.OpenCareEpisode(); ep != nil {
			periodStart = ep.StartDate
		}
		p := readPlacement(a, v, f, d, periodStart)
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckPlacementMove(p, f.text("change_reason"), a.today))
			return v
		}
		_, err := a.s.store.MovePlacement(a.r.Context(), a.actor(), p, f.text("change_reason"))
		return saveErr(err)
	},
}

var claVisitAction = action{
	done:    "Visit recorded",
	heading: "Record a statutory visit", submit: "Save visit",
	ready: (*actionCtx).inCare,
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("date", "Date of the visit", a.today),
			yesnoF("seen", "Was the child seen?", "Only a visit where the child was seen meets the statutory visit"),
			yesnoF("seen_alone", "Was the child seen alone?", ""),
			radiosF("place", "Where", casework.VisitPlaces(), "placement"),
			areaF("notes", "What you saw and heard", "Optional: you can add a full case note too"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Date of the visit")
		if f.text("seen") == "" {
			v.Add("seen", "Select whether the child was seen")
		}
		vi := casework.Visit{ChildID: a.child.ID, Date: d, Kind: "cla", Seen: f.yes("seen"),
			SeenAlone: f.yes("seen_alone"), Place: f.text("place"), Notes: f.text("notes")}
		if v.Err() != nil {
			mergeErrors(v, vi.Validate(a.today))
			return v
		}
		_, err := a.s.store.RecordVisit(a.r.Context(), a.actor(), vi)
		return saveErr(err)
	},
}

// careEventAction builds the form of one kind of care event: its date,
// and for a review its chair and the child's participation.
func careEventAction(kind, heading, done string) action {
	return action{
		done: done, heading: heading, submit: "Save",
		ready: (*actionCtx).inCare,
		fields: func(a *actionCtx) []field {
			fs := []field{dateF("date", "Date", a.today)}
			if kind == casework.CareReview {
				iro := textF("iro", "Independent reviewing officer who chaired it", "")
				if ep := a.cf.OpenCareEpisode(); ep != nil {
					iro.Value = ep.IRO
				}
				fs = append(fs, iro, selectF("participation", "How the child took part", withCodes(casework.ReviewParticipation()), ""))
			}
			return append(fs, areaF("notes", "Notes", "Optional"))
		},
		save: func(a *actionCtx, f form) error {
			v := &casework.ValidationError{}
			d := f.date(v, "date", "Date")
			e := casework.CareEvent{ChildID: a.child.ID, Kind: kind, Date: d, IRO: f.text("iro"),
				Participation: f.text("participation"), Notes: f.text("notes")}
			if v.Err() != nil {
				mergeErrors(v, a.cf.CheckCareEvent(e, a.today))
				return v
			}
			_, err := a.s.store.RecordCareEvent(a.r.Context(), a.actor(), e)
			return saveErr(err)
		},
	}
}

var familyTimeAction = action{
	done:    "Family time arrangement recorded",
	heading: "Arrange family time", submit: "Save arrangement",
	ready: (*actionCtx).inCare,
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("start_date", "Date the arrangement starts", a.today),
			textF("with", "With whom", "For example: mother, grandparents, brother"),
			radiosF("frequency", "How often", casework.FamilyTimeFrequencies(), ""),
			yesnoF("supervised", "Is it supervised?", ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "start_date", "Date the arrangement starts")
		ft := casework.FamilyTime{ChildID: a.child.ID, StartDate: d, With: f.text("with"), Frequency: f.text("frequency"),
			Supervised: f.yes("supervised")}
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckFamilyTime(ft, a.today))
			return v
		}
		_, err := a.s.store.RecordFamilyTime(a.r.Context(), a.actor(), ft)
		return saveErr(err)
	},
}

var endCareAction = action{
	done:    "The child is no longer looked after",
	heading: "End the period of care", submit: "End care",
	ready: (*actionCtx).inCare,
	edits: func(a *actionCtx) *target {
		if ep := a.cf.OpenCareEpisode(); ep != nil {
			return editTarget("care_episode", ep.ID, ep.Version)
		}
		return nil
	},
	fields: func(a *actionCtx) []field {
		return []field{
			dateF("end_date", "Date the child stopped being looked after", a.today),
			selectF("reason", "Reason", withCodes(casework.ReasonsEpisodeCeased()), ""),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "end_date", "Date the child stopped being looked after")
		if v.Err() != nil {
			return v
		}
		return saveErr(a.s.store.EndCare(a.r.Context(), a.actor(), a.child.ID, a.version, d, f.text("reason")))
	},
}
