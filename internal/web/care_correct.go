package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// Corrections of a period of care's records saved wrongly: a placement's
// details, a legal status's date or code, the date and details of a care
// plan, review, health assessment, dental check or PEP. Each form opens
// on the record as it is, is saved from the version read then (a save
// over someone else's change is refused, naming them), and is checked by
// the same rules as recording it. The chronology links each record to
// its form (correctHref).

// correctionPaths are the forms, under the child's record, by the kind
// of record they correct.
var correctionPaths = map[string]string{
	"placement":    "care/placements/{record}/correct",
	"legal_status": "care/legal-statuses/{record}/correct",
	"care_event":   "care/events/{record}/correct",
	"care_episode": "care/periods/{record}/previous-permanence", // uasc.go
	"care_outcome": "care/outcomes/{record}/correct",            // outcomes.go
}

// careCorrectionRoutes serve and take the correction forms.
func (s *Server) careCorrectionRoutes() []route {
	acts := []struct {
		name string // the confirmation's key
		kind string
		act  action
	}{
		{"correct-placement", "placement", correctPlacementAction},
		{"correct-legal-status", "legal_status", correctLegalStatusAction},
		{"correct-care-event", "care_event", correctCareEventAction},
		{"correct-previous-permanence", "care_episode", correctPrevPermAction},
		{"correct-outcome", "care_outcome", correctOutcomeAction},
	}
	var out []route
	for _, a := range acts {
		path := "/children/{id}/" + correctionPaths[a.kind]
		out = append(out, route{"GET " + path, auth.PermEditChildren, s.actionForm(a.name, a.act)},
			route{"POST " + path, auth.PermEditChildren, s.actionSave(a.name, a.act)})
		s.notices[a.name] = a.act.done
	}
	return out
}

// correctionHref is the form correcting a chronology entry's record, or
// "" for a kind that has none or a record entered in error.
func correctionHref(childID int64, e casework.ChronologyEntry) string {
	p, ok := correctionPaths[e.Entity]
	if !ok || e.InError {
		return ""
	}
	return fmt.Sprintf("/children/%d/", childID) + strings.Replace(p, "{record}", strconv.FormatInt(e.RecordID, 10), 1)
}

// recordID is the record named in the address.
func (a *actionCtx) recordID() int64 {
	id, _ := strconv.ParseInt(a.r.PathValue("record"), 10, 64)
	return id
}

func noSuchRecord(what string) string {
	return "There is no such " + what + " on this child's record (it may have been marked as entered in error)."
}

var correctPlacementAction = action{
	done:    "Placement corrected",
	heading: "Correct the placement's details", submit: "Save correction",
	ready: func(a *actionCtx) string {
		if a.cf.FindPlacement(a.recordID()) == nil {
			return noSuchRecord("placement")
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if p := a.cf.FindPlacement(a.recordID()); p != nil {
			return editTarget("placement", p.ID, p.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		p := a.cf.FindPlacement(a.recordID())
		until := "now"
		if p.EndDate != nil {
			until = p.EndDate.Format("2 January 2006")
		}
		return []summaryRow{{"Placement", "From " + p.StartDate.Format("2 January 2006") + " to " + until},
			{"Dates", "A wrong date is corrected by marking the placement as entered in error and recording the move again"}}
	},
	fields: func(a *actionCtx) []field {
		p := a.cf.FindPlacement(a.recordID())
		fs := placementFields(a)
		values := []string{p.Type, p.Provider, p.Postcode, p.URN, strconv.FormatFloat(p.DistanceMiles, 'f', 1, 64),
			yesNo(p.InArea), yesNo(p.SchoolMove)}
		for i := range fs {
			fs[i].Value = values[i]
		}
		return fs
	},
	save: func(a *actionCtx, f form) error {
		was := a.cf.FindPlacement(a.recordID())
		v := &casework.ValidationError{}
		p := readPlacement(a, v, f, was.StartDate, periodStartOf(a.cf, was.EpisodeID, was.StartDate))
		p.ID, p.EpisodeID, p.EndDate, p.ChangeReason, p.Version = was.ID, was.EpisodeID, was.EndDate, was.ChangeReason, a.version
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckPlacementCorrection(p))
			return v
		}
		_, err := a.s.store.CorrectPlacement(a.r.Context(), a.actor(), p)
		return saveErr(err)
	},
}

var correctLegalStatusAction = action{
	done:    "Legal status corrected",
	heading: "Correct the legal status", submit: "Save correction",
	ready: func(a *actionCtx) string {
		if a.cf.FindLegalStatus(a.recordID()) == nil {
			return noSuchRecord("legal status")
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if ls := a.cf.FindLegalStatus(a.recordID()); ls != nil {
			return editTarget("legal_status", ls.ID, ls.Version)
		}
		return nil
	},
	fields: func(a *actionCtx) []field {
		ls := a.cf.FindLegalStatus(a.recordID())
		return []field{
			dateF("start_date", "Date the legal status began", ls.StartDate),
			selectF("legal_status", "Legal status", withCodes(casework.LegalStatuses()), ls.Code),
		}
	},
	save: func(a *actionCtx, f form) error {
		ls := *a.cf.FindLegalStatus(a.recordID())
		v := &casework.ValidationError{}
		ls.StartDate = f.date(v, "start_date", "Date the legal status began")
		ls.Code, ls.Version = f.text("legal_status"), a.version
		if v.Err() != nil {
			return v
		}
		_, err := a.s.store.CorrectLegalStatus(a.r.Context(), a.actor(), ls)
		return saveErr(err)
	},
}

var correctCareEventAction = action{
	done:    "Record corrected",
	heading: "Correct the care record", submit: "Save correction",
	ready: func(a *actionCtx) string {
		if a.cf.FindCareEvent(a.recordID()) == nil {
			return noSuchRecord("care record")
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if e := a.cf.FindCareEvent(a.recordID()); e != nil {
			return editTarget("care_event", e.ID, e.Version)
		}
		return nil
	},
	about: func(a *actionCtx) []summaryRow {
		e := a.cf.FindCareEvent(a.recordID())
		return []summaryRow{{"Record", casework.LabelOf(casework.CareEventKinds(), e.Kind)}}
	},
	fields: func(a *actionCtx) []field {
		e := a.cf.FindCareEvent(a.recordID())
		fs := []field{dateF("date", "Date", e.Date)}
		if e.Kind == casework.CareReview {
			iro := textF("iro", "Independent reviewing officer who chaired it", "")
			iro.Value = e.IRO
			fs = append(fs, iro, selectF("participation", "How the child took part", withCodes(casework.ReviewParticipation()), e.Participation))
		}
		notes := areaF("notes", "Notes", "Optional")
		notes.Value = e.Notes
		return append(fs, notes)
	},
	save: func(a *actionCtx, f form) error {
		e := *a.cf.FindCareEvent(a.recordID())
		v := &casework.ValidationError{}
		e.Date = f.date(v, "date", "Date")
		e.IRO, e.Participation, e.Notes, e.Version = f.text("iro"), f.text("participation"), f.text("notes"), a.version
		if v.Err() != nil {
			mergeErrors(v, a.cf.CheckCareEventCorrection(e, a.today))
			return v
		}
		_, err := a.s.store.CorrectCareEvent(a.r.Context(), a.actor(), e)
		return saveErr(err)
	},
}

// periodStartOf is the day the period of care with id began, or otherwise
// when the record holds none.
func periodStartOf(cf casework.CaseFile, id int64, otherwise time.Time) time.Time {
	for _, ep := range cf.CareEpisodes {
		if ep.ID == id {
			return ep.StartDate
		}
	}
	return otherwise
}
