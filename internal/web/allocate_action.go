package web

import (
	"strconv"

	"sightline/internal/casework"
)

// allocateAction gives the child's open case to a worker, saying why it
// changes hands as one of the SSDA903 SW_REASON codes (which the return
// writes as chosen) with a note: the one step a manager takes per child at
// an allocation meeting.
var allocateAction = action{
	done:    "Allocated",
	heading: "Allocate to a worker", submit: "Allocate",
	ready: func(a *actionCtx) string {
		if a.cf.Involvement == nil {
			return "The child has no open case to allocate."
		}
		return ""
	},
	edits: func(a *actionCtx) *target {
		if inv := a.cf.Involvement; inv != nil {
			return editTarget("involvement", inv.ID, inv.Version)
		}
		return nil
	},
	fields: func(a *actionCtx) []field {
		return []field{
			selectF("worker_id", "Worker", a.workersInPost(), ""),
			dateF("date", "Allocated from", a.today),
			radiosF("reason_code", "Why the case changes hands", casework.SocialWorkerReasons(), ""),
			areaF("reason", "Note (needed for Other)",
				"Anything to add, for example: allocation meeting; continuity with a sibling"),
		}
	},
	save: func(a *actionCtx, f form) error {
		v := &casework.ValidationError{}
		d := f.date(v, "date", "Allocated from")
		worker, err := strconv.ParseInt(f.text("worker_id"), 10, 64)
		if err != nil {
			v.Add("worker_id", "Choose the worker")
		}
		code := f.text("reason_code")
		if !casework.ValidSocialWorkerReason(code) {
			v.Add("reason_code", "Choose why the case changes hands")
		} else if code == "OTHERS" && f.text("reason") == "" {
			v.Add("reason", "Enter a note saying why the case changes hands")
		}
		if v.Err() != nil {
			return v
		}
		inv := a.cf.Involvement
		return saveErr(a.s.store.Allocate(a.r.Context(), a.actor(), inv.ID, a.version, worker, d, code, f.text("reason")))
	},
}

// workersInPost lists the workers who can take a case today, by team.
func (a *actionCtx) workersInPost() []casework.Code {
	workers, err := a.s.store.Workers(a.r.Context(), 0)
	if err != nil {
		return nil
	}
	var out []casework.Code
	for _, w := range workers {
		if w.ActiveOn(a.today) {
			label := w.Name
			if w.TeamName != "" {
				label += " (" + w.TeamName + ")"
			}
			out = append(out, casework.Code{Code: strconv.FormatInt(w.ID, 10), Label: label})
		}
	}
	return out
}
