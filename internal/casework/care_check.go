package casework

import (
	"time"
)

// The cross-record rules of a period of care. Each refuses the change with
// a message naming the form field to fix.

const noEpisode = "The child is not looked after: bring the child into care first"

// OpenCareEpisode is the period of care not yet ended, or nil.
func (cf CaseFile) OpenCareEpisode() *CareEpisode {
	for i := len(cf.CareEpisodes) - 1; i >= 0; i-- {
		if cf.CareEpisodes[i].EndDate == nil {
			return &cf.CareEpisodes[i]
		}
	}
	return nil
}

// CurrentLegalStatus is the latest legal status of the open episode, or nil.
func (cf CaseFile) CurrentLegalStatus() *LegalStatus {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return nil
	}
	var cur *LegalStatus
	for i := range cf.LegalStatuses {
		if ls := &cf.LegalStatuses[i]; ls.EpisodeID == ep.ID && (cur == nil || !ls.StartDate.Before(cur.StartDate)) {
			cur = ls
		}
	}
	return cur
}

// CurrentPlacement is the placement of the open episode not yet ended, or
// nil.
func (cf CaseFile) CurrentPlacement() *Placement {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return nil
	}
	for i := len(cf.Placements) - 1; i >= 0; i-- {
		if p := &cf.Placements[i]; p.EpisodeID == ep.ID && p.EndDate == nil {
			return p
		}
	}
	return nil
}

// EpisodePlacements returns the placements of one episode, in date order.
func (cf CaseFile) EpisodePlacements(episodeID int64) []Placement {
	var out []Placement
	for _, p := range cf.Placements {
		if p.EpisodeID == episodeID {
			out = append(out, p)
		}
	}
	return out
}

// CareStart is what bringing a child into care records at once: the
// period of care, its first legal status and its first placement.
type CareStart struct {
	Episode     CareEpisode
	LegalStatus LegalStatus
	Placement   Placement
}

// CheckStartCare: one open period of care at a time (SSDA903 rule 142),
// not overlapping an earlier one (501), and a legal status and placement
// from its first day, so that there is no day without either.
func (cf CaseFile) CheckStartCare(cs CareStart, today time.Time) error {
	v := &ValidationError{}
	ep := cs.Episode
	if open := cf.OpenCareEpisode(); open != nil {
		v.Add("start_date", "The child is already looked after (since "+open.StartDate.Format("2 January 2006")+"): end that episode before starting another")
		return v
	}
	checkPeriod(v, ep.StartDate, nil, today, "start_date", "")
	for _, prev := range cf.CareEpisodes {
		if prev.EndDate != nil && ep.StartDate.Before(*prev.EndDate) && !v.Has("start_date") {
			v.Add("start_date", "Start date must be on or after the end of the last period of care ("+prev.EndDate.Format("2 January 2006")+")")
		}
	}
	if ep.Reason != "S" {
		v.Add("reason", "A period of care starts with reason S (started to be looked after)")
	}
	if !inCodes(needCategories, ep.CategoryOfNeed) {
		v.Add("category_of_need", "Select the category of need")
	}
	if !ValidLegalStatus(cs.LegalStatus.Code) {
		v.Add("legal_status", "Select the legal status")
	}
	if !cs.LegalStatus.StartDate.Equal(ep.StartDate) {
		v.Add("legal_status", "The first legal status must start the day the child became looked after: a child in care always has one")
	}
	if !cs.Placement.StartDate.Equal(ep.StartDate) {
		v.Add("placement_type", "The first placement must start the day the child became looked after")
	}
	cs.Placement.validate(v)
	ep.CheckPreviousPermanence(v)
	return v.Err()
}

// CheckLegalStatus: a change of legal status needs an open period of care,
// starts after the current status did (one status a day), and never leaves
// a gap: an episode's first status starts on its first day.
func (cf CaseFile) CheckLegalStatus(ls LegalStatus, today time.Time) error {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return Invalid("legal_status", noEpisode)
	}
	v := &ValidationError{}
	if !ValidLegalStatus(ls.Code) {
		v.Add("legal_status", "Select the legal status")
	}
	checkEventDate(v, "start_date", "Start of the legal status", ls.StartDate, ep.StartDate, "the day the child became looked after", today)
	cur := cf.CurrentLegalStatus()
	switch {
	case cur == nil && !ls.StartDate.Equal(ep.StartDate) && !v.Has("start_date"):
		v.Add("start_date", "The first legal status must start the day the child became looked after ("+
			ep.StartDate.Format("2 January 2006")+"): a child in care cannot be without one")
	case cur != nil && !ls.StartDate.After(cur.StartDate) && !v.Has("start_date"):
		v.Add("start_date", "A new legal status starts after the current one began ("+cur.StartDate.Format("2 January 2006")+")")
	case cur != nil && cur.Code == ls.Code && !v.Has("legal_status"):
		v.Add("legal_status", "The child's legal status is already "+LabelOf(legalStatuses, ls.Code))
	}
	return v.Err()
}

// CheckPlacementMove: a placement needs an open period of care; a move
// starts after the current placement began, which then ends that day, so
// placements never overlap (SSDA903 rule 501) and never leave a gap; the
// reason for the change is recorded (rule 225).
func (cf CaseFile) CheckPlacementMove(p Placement, reason string, today time.Time) error {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return Invalid("placement_type", "A placement needs an open period of care: "+lowerFirstWord(noEpisode))
	}
	v := &ValidationError{}
	checkEventDate(v, "start_date", "Start of the placement", p.StartDate, ep.StartDate, "the day the child became looked after", today)
	cur := cf.CurrentPlacement()
	if cur != nil && !p.StartDate.After(cur.StartDate) && !v.Has("start_date") {
		v.Add("start_date", "The new placement would overlap the current one, which began on "+cur.StartDate.Format("2 January 2006")+": a move starts after it")
	}
	for _, other := range cf.EpisodePlacements(ep.ID) {
		if other.EndDate != nil && p.StartDate.Before(*other.EndDate) && !v.Has("start_date") {
			v.Add("start_date", "The new placement would overlap an earlier one that ran to "+other.EndDate.Format("2 January 2006"))
		}
	}
	if cur != nil && !inCodes(placementChangeReasons, reason) {
		v.Add("change_reason", "Select the reason for the change of placement")
	}
	p.validate(v)
	return v.Err()
}

// CheckCareEvent: care plans, reviews, health assessments, dental checks
// and PEPs belong to an open period of care and are dated within it.
func (cf CaseFile) CheckCareEvent(e CareEvent, today time.Time) error {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return Invalid("date", noEpisode)
	}
	v := &ValidationError{}
	checkEventDate(v, "date", "Date", e.Date, ep.StartDate, "the day the child became looked after", today)
	e.validate(v)
	return v.Err()
}

// CheckFamilyTime: a family-time arrangement belongs to an open period of
// care and starts within it.
func (cf CaseFile) CheckFamilyTime(ft FamilyTime, today time.Time) error {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return Invalid("start_date", noEpisode)
	}
	v := &ValidationError{}
	checkEventDate(v, "start_date", "Start of the arrangement", ft.StartDate, ep.StartDate, "the day the child became looked after", today)
	if ft.With == "" {
		v.Add("with", "Enter who the child spends time with")
	}
	if !inCodes(familyTimeFrequencies, ft.Frequency) {
		v.Add("frequency", "Select how often")
	}
	return v.Err()
}

// CheckEndCare: the open period of care ends with a reason (not X1, which
// only joins SSDA903 episodes) on or after the day its last placement and
// last legal status began.
func (cf CaseFile) CheckEndCare(end time.Time, reason string, today time.Time) error {
	ep := cf.OpenCareEpisode()
	if ep == nil {
		return Invalid("end_date", noEpisode)
	}
	v := &ValidationError{}
	checkEventDate(v, "end_date", "End date", end, ep.StartDate, "the day the child became looked after", today)
	if !inCodes(reasonsEpisodeCeased, reason) {
		v.Add("reason", "Select why the child stopped being looked after")
	}
	if p := cf.CurrentPlacement(); p != nil && end.Before(p.StartDate) && !v.Has("end_date") {
		v.Add("end_date", "The episode cannot end before the last placement began ("+p.StartDate.Format("2 January 2006")+")")
	}
	if ls := cf.CurrentLegalStatus(); ls != nil && end.Before(ls.StartDate) && !v.Has("end_date") {
		v.Add("end_date", "The episode cannot end before the last legal status began ("+ls.StartDate.Format("2 January 2006")+")")
	}
	return v.Err()
}
