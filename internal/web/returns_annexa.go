package web

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/returns/annexa"
)

// annexAForm is the Annex A box of the returns page: the inspection's day
// as typed, and what was wrong with it.
type annexAForm struct {
	AsAt  string
	Error string
}

// annexAFormFor reads ?as_at= (default today) into the form.
func annexAFormFor(r *http.Request, today time.Time) annexAForm {
	v := strings.TrimSpace(r.URL.Query().Get("as_at"))
	if v == "" {
		v = today.Format(time.DateOnly)
	}
	return annexAForm{AsAt: v}
}

// parseAsAt reads the inspection's day: a date, not in the future.
func parseAsAt(v string, today time.Time) (time.Time, string) {
	d, err := time.Parse(time.DateOnly, v)
	switch {
	case err != nil:
		return time.Time{}, "Enter the inspection date as a date, for example 2026-06-30"
	case d.After(today):
		return time.Time{}, "The inspection date must be today or in the past"
	}
	return d, ""
}

// annexADownload sends the Annex A workbook as at ?as_at=. Restricted
// children are in it (the lists go to inspectors); the route is for the
// roles with the returns permission only. A bad date brings the returns
// page back with the error and the text as typed.
func (s *Server) annexADownload(w http.ResponseWriter, r *http.Request) error {
	form := annexAFormFor(r, s.today())
	day, msg := parseAsAt(form.AsAt, s.today())
	if msg != "" {
		p, err := s.returnsData(r)
		if err != nil {
			return err
		}
		form.Error = msg
		p.AnnexA = form
		p.Errors = &casework.ValidationError{}
		p.Errors.Add("as_at", msg)
		s.render(w, r, http.StatusBadRequest, "returns", p)
		return nil
	}
	var buf bytes.Buffer
	if _, err := annexa.ExportStore(r.Context(), s.store, &buf, day); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="annex-a-`+day.Format(time.DateOnly)+`.xlsx"`)
	_, err := w.Write(buf.Bytes())
	return err
}
