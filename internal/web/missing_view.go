package web

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// missingCourtView is the missing, exploitation and court section of a
// child's record.
type missingCourtView struct {
	Episodes    []episodeLine // newest first
	Screening   *casework.ExploitationScreening
	RiskKinds   string
	ReviewLate  bool
	PLO         *casework.PreProceedings
	PLOEvents   []casework.PLOEvent
	Proceedings *casework.Proceedings // running, or the latest
	Hearings    []casework.Hearing    // of Proceedings
	Week        int
	Due         time.Time // the target: 26 weeks and any extensions
	Weeks       int       // 26 and the weeks of extensions
	Over26      bool
	Actions     []caseLink
	Any         bool // anything recorded at all
}

// episodeLine is one missing episode on the record.
type episodeLine struct {
	casework.MissingEpisode
	RHI, RHIClass string
}

// missingCourtSummary builds the section from the case file as at today.
func missingCourtSummary(cf casework.CaseFile, today time.Time, canEdit bool) missingCourtView {
	v := missingCourtView{Screening: cf.LatestScreening(), PLO: cf.OpenPLO()}
	for i := len(cf.Missing) - 1; i >= 0; i-- {
		e := cf.Missing[i]
		words, class, _ := rhiState(e, cf.InterviewFor(e.ID), today)
		v.Episodes = append(v.Episodes, episodeLine{MissingEpisode: e, RHI: words, RHIClass: class})
	}
	if s := v.Screening; s != nil {
		var kinds []string
		for _, k := range s.Kinds {
			kinds = append(kinds, casework.LabelOf(casework.ExploitationKinds(), k))
		}
		v.RiskKinds = strings.Join(kinds, ", ")
		v.ReviewLate = s.ReviewDate != nil && s.ReviewDate.Before(today) && !timescale.ScreeningReviewsStopped(&cf, today)
	}
	if v.PLO != nil {
		for _, e := range cf.PLOEvents {
			if e.PLOID == v.PLO.ID {
				v.PLOEvents = append(v.PLOEvents, e)
			}
		}
	}
	if n := len(cf.Proceedings); n > 0 {
		p := cf.OpenProceedings()
		if p == nil {
			p = &cf.Proceedings[n-1]
		}
		v.Weeks = timescale.ProceedingsWeeks + cf.ExtensionWeeks(p.ID, today)
		v.Proceedings, v.Due = p, timescale.TargetDate(p.IssuedOn, v.Weeks-timescale.ProceedingsWeeks)
		end := today
		if p.FinalHearing != nil {
			end = *p.FinalHearing
		}
		v.Week, v.Over26 = timescale.ProceedingsWeek(p.IssuedOn, end), end.After(v.Due)
		for _, h := range cf.Hearings {
			if h.ProceedingsID == p.ID {
				v.Hearings = append(v.Hearings, h)
			}
		}
		slices.Reverse(v.Hearings)
	}
	v.Any = len(cf.Missing) > 0 || v.Screening != nil || len(cf.PLOs) > 0 || len(cf.Proceedings) > 0
	if canEdit {
		v.Actions = missingCourtActions(cf)
	}
	return v
}

// missingCourtActions lists what can be recorded next, the step waited
// for first.
func missingCourtActions(cf casework.CaseFile) []caseLink {
	base := fmt.Sprintf("/children/%d", cf.Child.ID)
	var next, others []caseLink
	add := func(ok, primary bool, label, path string) {
		switch {
		case !ok:
		case primary:
			next = append(next, caseLink{Label: label, Href: base + path, Primary: true})
		default:
			others = append(others, caseLink{Label: label, Href: base + path})
		}
	}
	missing := cf.OpenMissing() != nil
	add(missing, true, "Record the child's return", "/missing/return")
	add(awaitingInterview(cf) != nil, true, "Offer a return home interview", "/missing/interview")
	add(pendingInterview(cf) != nil, true, "Record the return home interview", "/missing/interview/done")
	add(!missing, false, "Record a missing episode", "/missing/new")
	add(true, false, "Screen for exploitation", "/exploitation/screen")
	plo, proc := cf.OpenPLO() != nil, cf.OpenProceedings() != nil
	add(!plo && !proc, false, "Start pre-proceedings", "/plo/start")
	add(plo, false, "Record a pre-proceedings letter or meeting", "/plo/event")
	add(plo, false, "End pre-proceedings without proceedings", "/plo/end")
	add(!proc, false, "Issue care proceedings", "/proceedings/issue")
	add(proc, false, "Record a hearing", "/proceedings/hearing")
	add(proc, false, "Record the final hearing", "/proceedings/final")
	add(proc, false, "Record an extension of the timetable", "/proceedings/extend")
	return append(next, others...)
}

func init() {
	label := func(set []casework.Code) func(string) string {
		return func(c string) string { return casework.LabelOf(set, c) }
	}
	funcs["missingfrom"] = label(casework.MissingFrom())
	funcs["risklevel"] = label(casework.RiskLevels())
	funcs["hearingkind"] = label(casework.HearingKinds())
	funcs["finalorder"] = label(casework.FinalOrders())
	funcs["plokind"] = label(casework.PLOEventKinds())
	funcs["application"] = label(casework.ApplicationTypes())
	funcs["plooutcome"] = label(casework.PLOOutcomes())
}
