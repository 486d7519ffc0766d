package casework

import (
	"fmt"
	"time"
)

// The rules for correcting a record of a period of care that was saved
// wrongly: the same rules as recording it, checked against the other
// records as they are. A placement's details (what kind of home, who
// provides it, where) can be corrected but not its dates, which chain it
// to the placements before and after: a wrong date is a record entered in
// error and recorded again.

// FindPlacement is the placement with the id, or nil.
func (cf CaseFile) FindPlacement(id int64) *Placement {
	for i := range cf.Placements {
		if cf.Placements[i].ID == id {
			return &cf.Placements[i]
		}
	}
	return nil
}

// FindLegalStatus is the legal status with the id, or nil.
func (cf CaseFile) FindLegalStatus(id int64) *LegalStatus {
	for i := range cf.LegalStatuses {
		if cf.LegalStatuses[i].ID == id {
			return &cf.LegalStatuses[i]
		}
	}
	return nil
}

// FindCareEvent is the care plan, review, health assessment, dental check
// or PEP with the id, or nil.
func (cf CaseFile) FindCareEvent(id int64) *CareEvent {
	for i := range cf.CareEvents {
		if cf.CareEvents[i].ID == id {
			return &cf.CareEvents[i]
		}
	}
	return nil
}

// careEpisode is the episode with the id, or nil.
func (cf CaseFile) careEpisode(id int64) *CareEpisode {
	for i := range cf.CareEpisodes {
		if cf.CareEpisodes[i].ID == id {
			return &cf.CareEpisodes[i]
		}
	}
	return nil
}

// CheckPlacementCorrection: the corrected placement is one of the child's,
// keeps its dates and episode, and its details pass the rules a new
// placement meets.
func (cf CaseFile) CheckPlacementCorrection(p Placement) error {
	was := cf.FindPlacement(p.ID)
	if was == nil {
		return fmt.Errorf("placement %d of child %d: %w", p.ID, cf.Child.ID, ErrNotFound)
	}
	v := &ValidationError{}
	if !p.StartDate.Equal(was.StartDate) || !sameDate(p.EndDate, was.EndDate) || p.EpisodeID != was.EpisodeID {
		v.Add("placement_type", "A placement's dates cannot be corrected: mark it as entered in error and record the move again")
	}
	p.validate(v)
	return v.Err()
}

// CheckLegalStatusCorrection: the corrected status keeps its episode and
// stays between the statuses before and after it, so there is never a
// day without one or two on one day: an episode's first status starts on
// its first day, and a status differs from the one before it.
func (cf CaseFile) CheckLegalStatusCorrection(ls LegalStatus, today time.Time) error {
	was := cf.FindLegalStatus(ls.ID)
	if was == nil {
		return fmt.Errorf("legal status %d of child %d: %w", ls.ID, cf.Child.ID, ErrNotFound)
	}
	ep := cf.careEpisode(was.EpisodeID)
	if ep == nil || ls.EpisodeID != was.EpisodeID {
		return Invalid("legal_status", "A legal status stays in its period of care")
	}
	v := &ValidationError{}
	if !ValidLegalStatus(ls.Code) {
		v.Add("legal_status", "Select the legal status")
	}
	checkEventDate(v, "start_date", "Start of the legal status", ls.StartDate, ep.StartDate, "the day the child became looked after", today)
	var prev, next *LegalStatus
	for i := range cf.LegalStatuses {
		o := &cf.LegalStatuses[i]
		switch {
		case o.ID == ls.ID || o.EpisodeID != ls.EpisodeID:
		case o.StartDate.Before(was.StartDate) && (prev == nil || o.StartDate.After(prev.StartDate)):
			prev = o
		case o.StartDate.After(was.StartDate) && (next == nil || o.StartDate.Before(next.StartDate)):
			next = o
		}
	}
	switch {
	case v.Has("start_date"):
	case prev == nil && !ls.StartDate.Equal(ep.StartDate):
		v.Add("start_date", "The first legal status must start the day the child became looked after ("+
			ep.StartDate.Format("2 January 2006")+"): a child in care cannot be without one")
	case prev != nil && !ls.StartDate.After(prev.StartDate):
		v.Add("start_date", "The legal status must start after the one before it began ("+prev.StartDate.Format("2 January 2006")+")")
	case next != nil && !ls.StartDate.Before(next.StartDate):
		v.Add("start_date", "The legal status must start before the next one began ("+next.StartDate.Format("2 January 2006")+")")
	case ep.EndDate != nil && ls.StartDate.After(*ep.EndDate):
		v.Add("start_date", "The legal status must start before the period of care ended ("+ep.EndDate.Format("2 January 2006")+")")
	}
	if prev != nil && prev.Code == ls.Code && !v.Has("legal_status") {
		v.Add("legal_status", "The legal status before it was already "+LabelOf(legalStatuses, ls.Code))
	}
	return v.Err()
}

// CheckCareEventCorrection: the corrected care plan, review or check
// keeps its kind and period of care and is dated within it.
func (cf CaseFile) CheckCareEventCorrection(e CareEvent, today time.Time) error {
	was := cf.FindCareEvent(e.ID)
	if was == nil {
		return fmt.Errorf("care record %d of child %d: %w", e.ID, cf.Child.ID, ErrNotFound)
	}
	ep := cf.careEpisode(was.EpisodeID)
	if ep == nil || e.EpisodeID != was.EpisodeID || e.Kind != was.Kind {
		return Invalid("date", "A care record keeps its kind and its period of care")
	}
	v := &ValidationError{}
	checkEventDate(v, "date", "Date", e.Date, ep.StartDate, "the day the child became looked after", today)
	if ep.EndDate != nil && e.Date.After(*ep.EndDate) && !v.Has("date") {
		v.Add("date", "Date must be on or before the day the period of care ended ("+ep.EndDate.Format("2 January 2006")+")")
	}
	e.validate(v)
	return v.Err()
}

func sameDate(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

// CheckPreviousPermanenceCorrection: the corrected period of care is one
// of the child's, and its previous permanence passes the rules of
// recording it when the period began.
func (cf CaseFile) CheckPreviousPermanenceCorrection(e CareEpisode) error {
	was := cf.careEpisode(e.ID)
	if was == nil {
		return fmt.Errorf("period of care %d of child %d: %w", e.ID, cf.Child.ID, ErrNotFound)
	}
	v := &ValidationError{}
	e.StartDate = was.StartDate
	e.CheckPreviousPermanence(v)
	return v.Err()
}

// FindCareEpisode is the period of care with the id, or nil.
func (cf CaseFile) FindCareEpisode(id int64) *CareEpisode { return cf.careEpisode(id) }
