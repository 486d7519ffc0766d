package casework

import (
	"strings"
	"time"
)

// PreProceedings is the public law outline's pre-proceedings stage: from
// the decision to enter it (usually the letter before proceedings) to its
// end, which is either care proceedings or a step back.
type PreProceedings struct {
	ID        int64
	ChildID   int64
	StartDate time.Time // the legal planning meeting's decision to enter pre-proceedings
	EndDate   *time.Time
	Outcome   string // of PLOOutcomes, once ended
	Version   int
}

// Open reports whether pre-proceedings were running at the end of day d.
func (p PreProceedings) Open(d time.Time) bool {
	return !p.StartDate.After(d) && (p.EndDate == nil || p.EndDate.After(d))
}

// PLO outcomes.
const (
	PLOToProceedings = "proceedings"
	PLOStepDown      = "step_down"
)

var ploOutcomes = []Code{
	{PLOToProceedings, "Care proceedings issued"}, {PLOStepDown, "Concerns reduced: pre-proceedings ended"},
}

// PLOOutcomes returns how pre-proceedings can end.
func PLOOutcomes() []Code { return append([]Code(nil), ploOutcomes...) }

var ploEventKinds = []Code{
	{"letter", "Letter before proceedings"}, {"meeting", "Pre-proceedings meeting"},
	{"review", "Pre-proceedings review meeting"},
}

// PLOEventKinds returns the kinds of pre-proceedings letter and meeting.
func PLOEventKinds() []Code { return append([]Code(nil), ploEventKinds...) }

// PLOEvent is a letter sent or a meeting held in pre-proceedings.
type PLOEvent struct {
	ID      int64
	ChildID int64
	PLOID   int64
	Kind    string
	Date    time.Time
	Notes   string
	Version int
}

var applicationTypes = []Code{
	{"care", "Care order (Children Act 1989 s.31)"}, {"supervision", "Supervision order (Children Act 1989 s.31)"},
}

// ApplicationTypes returns the kinds of application whose disposal the
// 26-week limit of Children Act 1989 s.32(1)(a) covers.
func ApplicationTypes() []Code { return append([]Code(nil), applicationTypes...) }

// Proceedings are care or supervision proceedings from the day the
// application was issued to the final hearing that disposed of it.
type Proceedings struct {
	ID            int64
	ChildID       int64
	PLOID         *int64 // the pre-proceedings they followed, if any
	IssuedOn      time.Time
	Court         string
	Application   string     // of ApplicationTypes
	ExpectedFinal *time.Time // the final hearing as currently listed or expected
	FinalHearing  *time.Time // the final hearing held: the proceedings' end
	FinalOrder    string     // of FinalOrders, with the final hearing
	Version       int
}

// Open reports whether the proceedings had not been disposed of at the end
// of day d.
func (p Proceedings) Open(d time.Time) bool {
	return !p.IssuedOn.After(d) && (p.FinalHearing == nil || p.FinalHearing.After(d))
}

// HearingFinal is the kind of hearing that disposes of the application.
const HearingFinal = "final"

var hearingKinds = []Code{
	{"cmh", "Case management hearing"}, {"further_cmh", "Further case management hearing"},
	{"irh", "Issues resolution hearing"}, {"interim", "Interim order hearing"},
	{HearingFinal, "Final hearing"}, {"other", "Other hearing"},
}

// HearingKinds returns the kinds of court hearing.
func HearingKinds() []Code { return append([]Code(nil), hearingKinds...) }

var finalOrders = []Code{
	{"care_order", "Care order"}, {"supervision_order", "Supervision order"},
	{"placement_order", "Care order and placement order"}, {"sgo", "Special guardianship order"},
	{"cao", "Child arrangements order"}, {"no_order", "No order"}, {"withdrawn", "Application withdrawn"},
}

// FinalOrders returns how proceedings can end at the final hearing.
func FinalOrders() []Code { return append([]Code(nil), finalOrders...) }

// Hearing is one hearing in care proceedings.
type Hearing struct {
	ID            int64
	ChildID       int64
	ProceedingsID int64
	Kind          string
	Date          time.Time
	Outcome       string // what the court decided, in words
	FinalOrder    string // for a final hearing: of FinalOrders
	Version       int
}

// OpenPLO is the pre-proceedings stage running now, or nil.
func (cf CaseFile) OpenPLO() *PreProceedings {
	for i := range cf.PLOs {
		if cf.PLOs[i].EndDate == nil {
			return &cf.PLOs[i]
		}
	}
	return nil
}

// OpenProceedings are the proceedings not yet disposed of, or nil.
func (cf CaseFile) OpenProceedings() *Proceedings {
	for i := range cf.Proceedings {
		if cf.Proceedings[i].FinalHearing == nil {
			return &cf.Proceedings[i]
		}
	}
	return nil
}

func (cf CaseFile) proceedings(id int64) *Proceedings {
	for i := range cf.Proceedings {
		if cf.Proceedings[i].ID == id {
			return &cf.Proceedings[i]
		}
	}
	return nil
}

// CheckStartPLO: pre-proceedings start once, not while another stage or
// proceedings are running.
func (cf CaseFile) CheckStartPLO(p PreProceedings, today time.Time) error {
	v := &ValidationError{}
	switch {
	case p.StartDate.IsZero():
		v.Add("start_date", "Enter the date of the decision to enter pre-proceedings")
	case p.StartDate.After(today):
		v.Add("start_date", "The date of the decision must be today or in the past")
	}
	if o := cf.OpenPLO(); o != nil {
		v.Add("start_date", "Pre-proceedings already started on "+o.StartDate.Format("2 January 2006"))
	} else if pr := cf.OpenProceedings(); pr != nil {
		v.Add("start_date", "Care proceedings were issued on "+pr.IssuedOn.Format("2 January 2006")+
			" and have not ended: pre-proceedings come before them")
	}
	return v.Err()
}

// CheckPLOEvent: a letter or meeting belongs to the pre-proceedings stage
// running, on or after its start.
func (cf CaseFile) CheckPLOEvent(e PLOEvent, today time.Time) error {
	p := cf.OpenPLO()
	if p == nil {
		return Invalid("date", "The child is not in pre-proceedings: start pre-proceedings first")
	}
	v := &ValidationError{}
	if !inCodes(ploEventKinds, e.Kind) {
		v.Add("kind", "Select a letter before proceedings or a meeting")
	}
	checkEventDate(v, "date", "Date", e.Date, p.StartDate, "the start of pre-proceedings", today)
	if len(e.Notes) > MaxBody {
		v.Add("notes", "Notes must be 20,000 characters or fewer")
	}
	return v.Err()
}

// CheckEndPLO: pre-proceedings end, without proceedings, on or after
// their start. (Issuing proceedings ends them with outcome "proceedings".)
func (cf CaseFile) CheckEndPLO(end time.Time, today time.Time) error {
	p := cf.OpenPLO()
	if p == nil {
		return Invalid("date", "The child is not in pre-proceedings")
	}
	v := &ValidationError{}
	checkEventDate(v, "date", "The date pre-proceedings ended", end, p.StartDate, "their start", today)
	return v.Err()
}

// CheckIssueProceedings: one set of proceedings at a time, issued on or
// after the pre-proceedings they follow, with an expected final hearing
// after the issue.
func (cf CaseFile) CheckIssueProceedings(p Proceedings, today time.Time) error {
	v := &ValidationError{}
	notBefore := time.Time{}
	if plo := cf.OpenPLO(); plo != nil {
		notBefore = plo.StartDate
	}
	checkEventDate(v, "issued_on", "The date the application was issued", p.IssuedOn, notBefore,
		"the start of pre-proceedings", today)
	if strings.TrimSpace(p.Court) == "" {
		v.Add("court", "Enter the court the application was issued in")
	}
	if !inCodes(applicationTypes, p.Application) {
		v.Add("application", "Select the kind of application")
	}
	if p.ExpectedFinal != nil && !p.IssuedOn.IsZero() && !p.ExpectedFinal.After(p.IssuedOn) {
		v.Add("expected_final", "The expected final hearing must be after the date the application was issued")
	}
	if o := cf.OpenProceedings(); o != nil {
		v.Add("issued_on", "Care proceedings issued on "+o.IssuedOn.Format("2 January 2006")+
			" have not ended: record their final hearing first")
	}
	return v.Err()
}

// CheckHearing: a hearing belongs to proceedings already issued, on or
// after the issue date, and none follows the final hearing; a final
// hearing is recorded once, with the order made.
func (cf CaseFile) CheckHearing(h Hearing, today time.Time) error {
	p := cf.proceedings(h.ProceedingsID)
	if p == nil {
		return Invalid("proceedings_id", "There are no care proceedings for this child: issue proceedings first")
	}
	v := &ValidationError{}
	if !inCodes(hearingKinds, h.Kind) {
		v.Add("kind", "Select the kind of hearing")
	}
	checkEventDate(v, "date", "The date of the hearing", h.Date, p.IssuedOn, "the date the proceedings were issued", today)
	if p.FinalHearing != nil {
		if h.Kind == HearingFinal {
			v.Add("kind", "The final hearing was already recorded on "+p.FinalHearing.Format("2 January 2006"))
		} else if !v.Has("date") {
			v.Add("date", "The proceedings ended at the final hearing on "+p.FinalHearing.Format("2 January 2006")+
				": no hearing follows it")
		}
	}
	if h.Kind == HearingFinal && !inCodes(finalOrders, h.FinalOrder) {
		v.Add("final_order", "Select the order made at the final hearing")
	}
	if h.Kind != HearingFinal && h.FinalOrder != "" {
		v.Add("final_order", "Only a final hearing makes a final order")
	}
	if len(h.Outcome) > MaxBody {
		v.Add("outcome", "The outcome must be 20,000 characters or fewer")
	}
	return v.Err()
}

// CheckExpectedFinal: the expected final hearing of open proceedings is
// after their issue.
func (cf CaseFile) CheckExpectedFinal(p Proceedings, expected time.Time) error {
	if p.FinalHearing != nil {
		return Invalid("expected_final", "The final hearing was already held")
	}
	if !expected.After(p.IssuedOn) {
		return Invalid("expected_final", "The expected final hearing must be after the date the application was issued ("+
			p.IssuedOn.Format("2 January 2006")+")")
	}
	return nil
}
