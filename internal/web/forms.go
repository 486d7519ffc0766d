package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// maxForm bounds a posted form (a long case note is well under this).
const maxForm = 256 << 10

// parseForm reads a posted form within the size limit.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("read form: %w", casework.Invalid("form", "The form was too large or malformed"))
	}
	return nil
}

// dateField is a GOV.UK date input: three boxes, kept as typed.
type dateField struct {
	Day, Month, Year string
}

func readDate(v url.Values, name string) dateField {
	return dateField{Day: strings.TrimSpace(v.Get(name + "-day")), Month: strings.TrimSpace(v.Get(name + "-month")),
		Year: strings.TrimSpace(v.Get(name + "-year"))}
}

func dateFieldOf(t *time.Time) dateField {
	if t == nil {
		return dateField{}
	}
	return dateField{Day: strconv.Itoa(t.Day()), Month: strconv.Itoa(int(t.Month())), Year: strconv.Itoa(t.Year())}
}

// Empty reports whether nothing was typed.
func (d dateField) Empty() bool { return d.Day == "" && d.Month == "" && d.Year == "" }

// parse turns the three boxes into a date, adding a field error if wrong.
// An empty date is nil with no error (callers decide if it is required).
func (d dateField) parse(v *casework.ValidationError, field, label string) *time.Time {
	if d.Empty() {
		return nil
	}
	if d.Day == "" || d.Month == "" || d.Year == "" {
		v.Add(field, label+" must include a day, month and year")
		return nil
	}
	t, err := calendar.ParseDate(d.Day + "/" + d.Month + "/" + d.Year)
	if err != nil {
		v.Add(field, dateMessage(label, err.Error()))
		return nil
	}
	return &t
}

// dateMessage names the field in the calendar's message: "Enter a real
// date: February 2026 has 28 days" becomes "Date of the note must be a real
// date: February 2026 has 28 days".
func dateMessage(label, msg string) string {
	if rest, ok := strings.CutPrefix(msg, "Enter a real date"); ok {
		return label + " must be a real date" + rest
	}
	if rest, ok := strings.CutPrefix(msg, "Enter a date"); ok {
		return "Enter the " + lowerFirst(label) + rest
	}
	return label + ": " + lowerFirst(msg)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// pathID reads a numeric id from the URL; anything else is "not found".
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("bad %s %q: %w", name, r.PathValue(name), casework.ErrNotFound)
	}
	return id, nil
}

// formVersion reads the hidden version field of an edit form.
func formVersion(r *http.Request) int {
	v, _ := strconv.Atoi(r.PostFormValue("version"))
	return v
}
