package casework

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Sentinel errors. The web layer maps each to a status and a message in one
// place; the store wraps them with the operation that failed.
var (
	// ErrNotFound means the record asked for does not exist (or is not
	// visible). It is never represented by a nil result.
	ErrNotFound = errors.New("not found")
	// ErrForbidden means the user may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrConflict means the record was changed by someone else since it was
	// read. The error value is usually a *ConflictError saying by whom.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input broke a rule. The error value is usually a
	// *ValidationError listing each field.
	ErrInvalid = errors.New("invalid")
)

// FieldError is one broken rule, tied to the form field the user must fix.
type FieldError struct {
	Field   string // the form field name, e.g. "note_date"
	Message string // what to do, in plain words: "Enter the date of the note"
}

// ValidationError carries every broken rule of one input, so that a form can
// come back with an error summary listing them all and the user's input
// intact.
type ValidationError struct {
	Errors []FieldError
}

// Add records a broken rule for field.
func (v *ValidationError) Add(field, message string) {
	v.Errors = append(v.Errors, FieldError{Field: field, Message: message})
}

// Has reports whether field already has an error (the first message for a
// field is the one worth showing).
func (v *ValidationError) Has(field string) bool {
	for _, e := range v.Errors {
		if e.Field == field {
			return true
		}
	}
	return false
}

// For returns the first message for field, or "".
func (v *ValidationError) For(field string) string {
	if v == nil {
		return ""
	}
	for _, e := range v.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Err returns v as an error if any rule was broken, or nil.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Errors) == 0 {
		return nil
	}
	return v
}

func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Errors))
	for i, e := range v.Errors {
		parts[i] = e.Field + ": " + e.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Unwrap lets errors.Is(err, ErrInvalid) find a ValidationError.
func (v *ValidationError) Unwrap() error { return ErrInvalid }

// Fields returns the names of the fields in error, sorted.
func (v *ValidationError) Fields() []string {
	var out []string
	for _, e := range v.Errors {
		out = append(out, e.Field)
	}
	sort.Strings(out)
	return out
}

// Invalid builds a ValidationError with one broken rule.
func Invalid(field, message string) error {
	return &ValidationError{Errors: []FieldError{{Field: field, Message: message}}}
}

// ConflictError says that a save was refused because the record had been
// changed since the user read it, and by whom, so the message can name them.
type ConflictError struct {
	Entity    string
	ID        int64
	ChangedBy string
	ChangedAt time.Time
}

func (c *ConflictError) Error() string {
	return fmt.Sprintf("%s %d was changed by %s at %s", c.Entity, c.ID, c.ChangedBy,
		c.ChangedAt.Format("15:04 on 2 Jan 2006"))
}

// Unwrap lets errors.Is(err, ErrConflict) find a ConflictError.
func (c *ConflictError) Unwrap() error { return ErrConflict }
