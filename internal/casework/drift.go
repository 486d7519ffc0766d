package casework

import (
	"slices"
	"time"

	"sightline/internal/calendar"
)

// Progress is recorded work that moves a child's case on. Drift is its
// absence: indicators.md drift_cases, a local definition ("no recorded key
// activity (visit, review, plan update, management oversight) within a
// configured interval"). These records count, each on its own date:
//
//   - a visit to the child;
//   - an assessment started, completed or authorised;
//   - a strategy discussion; a section 47 enquiry started or completed;
//   - a child protection conference (initial or review); a core group;
//   - a child in need plan started, or reviewed;
//   - a case note of substance: a case note, a meeting, or management
//     oversight.
//
// A phone call, an email or letter, and an out-of-hours (EDT) note do not
// count on their own: they are often an attempt, a message passed on or
// an emergency response, not the plan moving on. Contacts and referrals
// do not count either: a new referral on an open case is a new worry, not
// progress with the old one.
var progressNoteKinds = []string{"case_note", "meeting", "management_oversight"}

// ProgressNoteKinds returns the kinds of case note that count as progress.
func ProgressNoteKinds() []string { return slices.Clone(progressNoteKinds) }

// NoteIsProgress reports whether a case note of this kind counts as
// progress on the case.
func NoteIsProgress(kind string) bool { return slices.Contains(progressNoteKinds, kind) }

// Progress kinds, naming what the last progress on a case was.
var progressKinds = []Code{
	{"visit", "Visit"}, {"assessment", "Assessment"}, {"strategy", "Strategy discussion"},
	{"s47", "Section 47 enquiry"}, {"conference", "Conference"}, {"core_group", "Core group"},
	{"cin_plan", "Child in need plan"}, {"note", "Case note"},
}

// ProgressKinds returns the kinds of progress, for labels.
func ProgressKinds() []Code { return append([]Code(nil), progressKinds...) }

// Stall is how long an open case has gone without progress as at a date.
type Stall struct {
	Since       time.Time // the last progress, or the day the case opened if later
	WorkingDays int       // working days from Since to the date asked
}

// StallOn measures a case's time without progress as at asAt: from its
// last progress, or from the day it opened when nothing has happened since
// (progress in an earlier episode does not count for this one). Days are
// counted as timescales are: Since is day 0.
func StallOn(cal *calendar.Calendar, opened time.Time, last *time.Time, asAt time.Time) Stall {
	since := opened
	if last != nil && last.After(since) {
		since = *last
	}
	return Stall{Since: since, WorkingDays: max(0, cal.WorkingDaysBetween(since, asAt))}
}

// Drifting reports whether the case has gone more than limit working days
// without progress: progress exactly limit working days ago is still in
// time, as a task due limit working days on is.
func (st Stall) Drifting(limit int) bool { return st.WorkingDays > limit }

// AssessmentAge is how long an open assessment has run as at a date,
// against the national limit.
type AssessmentAge struct {
	WorkingDays int // working days from the referral to the date asked
	DaysOver    int // working days beyond the limit; 0 within it
}

// AgeOfAssessment measures an open assessment against limit working days
// from the referral (Working Together 2023, ch. 3, assessment timeliness:
// "no longer than 45 working days from the point of the referral"; the
// limit is timescale.AssessmentWorkingDays).
func AgeOfAssessment(cal *calendar.Calendar, referral, asAt time.Time, limit int) AssessmentAge {
	wd := max(0, cal.WorkingDaysBetween(referral, asAt))
	return AssessmentAge{WorkingDays: wd, DaysOver: max(0, wd-limit)}
}
