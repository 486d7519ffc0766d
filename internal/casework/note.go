package casework

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Note is a case note: what happened, written by the worker, dated the day
// it happened. Notes are never deleted; a wrong one is marked as entered in
// error with a reason and stays in the history.
type Note struct {
	ID            int64
	ChildID       int64
	InvolvementID *int64
	Date          time.Time // the day it happened (may be before the day it was written)
	Kind          string    // one of NoteKinds
	Subject       string
	Body          string
	AuthorID      int64
	AuthorName    string
	CreatedAt     time.Time
	Version       int
	ErrorReason   string // set when marked entered in error
}

var noteKinds = []Code{
	{"case_note", "Case note"}, {"phone_call", "Phone call"}, {"email", "Email or letter"},
	{"meeting", "Meeting"}, {"management_oversight", "Management oversight"},
	{"out_of_hours", "Out of hours (EDT)"},
}

// NoteKinds returns the kinds of case note.
func NoteKinds() []Code { return append([]Code(nil), noteKinds...) }

// Limits on a note, so that one paste cannot fill the database.
const (
	MaxSubject = 200
	MaxBody    = 20000
)

// Validate checks a note against the rules, relative to today.
func (n Note) Validate(today time.Time) error {
	v := &ValidationError{}
	switch {
	case n.Date.IsZero():
		v.Add("date", "Enter the date the note is about")
	case n.Date.After(today):
		v.Add("date", "Date of the note must be today or in the past")
	}
	if !inCodes(noteKinds, n.Kind) {
		v.Add("kind", "Select the kind of note")
	}
	if strings.TrimSpace(n.Subject) == "" {
		v.Add("subject", "Enter a subject")
	} else if utf8.RuneCountInString(n.Subject) > MaxSubject {
		v.Add("subject", "Subject must be 200 characters or fewer")
	}
	if strings.TrimSpace(n.Body) == "" {
		v.Add("body", "Enter what happened")
	} else if utf8.RuneCountInString(n.Body) > MaxBody {
		v.Add("body", "Note must be 20,000 characters or fewer")
	}
	return v.Err()
}

// ChronologyEntry is one dated event on a child's record, from any kind of
// record, for the chronology (newest first).
type ChronologyEntry struct {
	Date     time.Time
	Kind     string // "note", "involvement", "allocation", "address", later "visit", "referral"…
	KindName string
	Summary  string
	Detail   string
	By       string
	RecordID int64
	InError  bool
	// Entity is the kind of record for marking it in error (the history's
	// name for it, "placement"), or "" when the chronology offers no way.
	Entity string
}

// ChronologyKinds are the kinds of entry a chronology can be filtered by.
var chronologyKinds = []Code{
	{"note", "Case note"}, {"involvement", "Involvement"},
	{"allocation", "Allocation"}, {"address", "Address"},
	{"contact", "Contact"}, {"referral", "Referral"}, {"assessment", "Assessment"},
	{"protection", "Child protection"}, {"visit", "Visit"}, {"cin_plan", "Child in need plan"},
	{"care", "Child in care"},
	{"missing", "Missing and exploitation"}, {"court", "Court"},
	{"leaving_care", "Leaving care"}, {"permanence", "Permanence and adoption"},
}

// ChronologyKinds returns the kinds of chronology entry.
func ChronologyKinds() []Code { return append([]Code(nil), chronologyKinds...) }

// ValidChronologyKind reports whether k is a known chronology kind.
func ValidChronologyKind(k string) bool { return inCodes(chronologyKinds, k) }
