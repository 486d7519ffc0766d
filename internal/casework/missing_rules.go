package casework

import "time"

// The cross-record rules of missing episodes, return home interviews and
// exploitation screenings. Each names the field the user must change.

// MissingEpisode returns the child's missing episode with this id, or nil.
func (cf CaseFile) MissingEpisode(id int64) *MissingEpisode {
	for i := range cf.Missing {
		if cf.Missing[i].ID == id {
			return &cf.Missing[i]
		}
	}
	return nil
}

// OpenMissing is the episode the child is still missing in, or nil.
func (cf CaseFile) OpenMissing() *MissingEpisode {
	for i := range cf.Missing {
		if cf.Missing[i].EndDate == nil {
			return &cf.Missing[i]
		}
	}
	return nil
}

// InterviewFor returns the return home interview of episode id, or nil.
func (cf CaseFile) InterviewFor(episodeID int64) *ReturnInterview {
	for i := range cf.Interviews {
		if cf.Interviews[i].EpisodeID == episodeID {
			return &cf.Interviews[i]
		}
	}
	return nil
}

// LatestScreening is the most recent exploitation screening, or nil.
func (cf CaseFile) LatestScreening() *ExploitationScreening {
	if len(cf.Screenings) == 0 {
		return nil
	}
	return &cf.Screenings[len(cf.Screenings)-1]
}

// CheckMissingEpisode applies the rules for a new missing episode (or one
// whose return is being recorded, e.ID set): no episode may start while
// another is open (SSDA903 rule 574), and no two may overlap.
func (cf CaseFile) CheckMissingEpisode(e MissingEpisode, today time.Time) error {
	v := &ValidationError{}
	mergeInto(v, e.Validate(today))
	if v.Has("start_date") {
		return v.Err()
	}
	for _, o := range cf.Missing {
		if o.ID == e.ID {
			continue
		}
		if o.EndDate == nil && !o.StartDate.After(e.StartDate) {
			v.Add("start_date", "The child is already recorded as missing since "+o.StartDate.Format("2 January 2006")+
				": record their return first")
			break
		}
		if overlaps(o, e) {
			v.Add("start_date", "This overlaps the missing episode of "+spanText(o)+": a child cannot be missing twice at once")
			break
		}
	}
	return v.Err()
}

// overlaps reports whether two episodes share a day. A return and a new
// start on the same day do not overlap (the child came back, then went
// again), as SSDA903 episodes chain on the same day.
func overlaps(a, b MissingEpisode) bool {
	aEndsBeforeB := a.EndDate != nil && !a.EndDate.After(b.StartDate)
	bEndsBeforeA := b.EndDate != nil && !b.EndDate.After(a.StartDate)
	return !aEndsBeforeB && !bEndsBeforeA
}

func spanText(e MissingEpisode) string {
	s := e.StartDate.Format("2 January 2006")
	if e.EndDate == nil {
		return s + " (still open)"
	}
	return s + " to " + e.EndDate.Format("2 January 2006")
}

// CheckMissingReturn: the return ends an open episode, on or after its
// start, and must not run into a later episode.
func (cf CaseFile) CheckMissingReturn(episodeID int64, returned time.Time, today time.Time) error {
	e := cf.MissingEpisode(episodeID)
	if e == nil {
		return Invalid("episode_id", "There is no such missing episode for this child")
	}
	if e.EndDate != nil {
		return Invalid("end_date", "The child's return was already recorded on "+e.EndDate.Format("2 January 2006"))
	}
	after := *e
	after.EndDate = &returned
	v := &ValidationError{}
	checkReturn(v, e.StartDate, returned, today)
	if v.Err() != nil {
		return v
	}
	if err := cf.CheckMissingEpisode(after, today); err != nil {
		for _, fe := range err.(*ValidationError).Errors {
			if fe.Field == "start_date" { // the clash is the return's fault
				fe.Field = "end_date"
			}
			v.Add(fe.Field, fe.Message)
		}
	}
	return v.Err()
}

// CheckReturnInterview applies the rules for a return home interview: it
// follows an episode that has ended (the interview is about the return),
// is offered no earlier than the return and held no earlier than the
// offer, and there is one per episode.
func (cf CaseFile) CheckReturnInterview(ri ReturnInterview, today time.Time) error {
	e := cf.MissingEpisode(ri.EpisodeID)
	if e == nil {
		return Invalid("episode_id", "Choose the missing episode the interview follows")
	}
	if e.EndDate == nil {
		return Invalid("offered_on", "The child is still recorded as missing: record their return before the interview")
	}
	if o := cf.InterviewFor(e.ID); o != nil && o.ID != ri.ID {
		return Invalid("episode_id", "An interview was already recorded for the episode of "+spanText(*e))
	}
	v := &ValidationError{}
	checkEventDate(v, "offered_on", "The date the interview was offered", ri.OfferedOn, *e.EndDate,
		"the day the child returned", today)
	if ri.HeldOn != nil {
		checkEventDate(v, "held_on", "The date of the interview", *ri.HeldOn, *e.EndDate, "the day the child returned", today)
		if !v.Has("held_on") && !ri.OfferedOn.IsZero() && ri.HeldOn.Before(ri.OfferedOn) {
			v.Add("held_on", "The interview cannot be held before it was offered ("+ri.OfferedOn.Format("2 January 2006")+")")
		}
		if ri.Declined {
			v.Add("declined", "An interview that was held was not declined: answer one or the other")
		}
	}
	if len(ri.Notes) > MaxBody {
		v.Add("notes", "Notes must be 20,000 characters or fewer")
	}
	return v.Err()
}

// CheckScreening applies the rules for an exploitation screening: on its
// own, and not dated before the child's latest screening (a screening
// replaces the last one; an earlier one is history, entered as such).
func (cf CaseFile) CheckScreening(s ExploitationScreening, today time.Time) error {
	v := &ValidationError{}
	mergeInto(v, s.Validate(today))
	if last := cf.LatestScreening(); last != nil && !v.Has("date") && s.Date.Before(last.Date) {
		v.Add("date", "The child was screened on "+last.Date.Format("2 January 2006")+
			": a new screening must be on or after it")
	}
	return v.Err()
}
