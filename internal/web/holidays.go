package web

import (
	"net/http"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

type holidaysPage struct {
	basePage
	Holidays []calendar.Holiday
	Date     dateField
	Name     string
}

// holidays lists the bank holidays of this year and next, the ones an
// administrator added marked, with a form to add a day announced late.
func (s *Server) holidays(w http.ResponseWriter, r *http.Request) error {
	p, err := s.holidaysPage(r)
	if err != nil {
		return err
	}
	if r.URL.Query().Get("saved") == "1" {
		p.Notice = "Bank holiday added. Due dates now skip it."
	}
	s.render(w, r, http.StatusOK, "holidays", p)
	return nil
}

func (s *Server) holidaysPage(r *http.Request) (holidaysPage, error) {
	p := holidaysPage{basePage: s.base(r, "Bank holidays")}
	cal, err := s.store.Calendar(r.Context())
	if err != nil {
		return p, err
	}
	year := s.today().Year()
	for _, h := range cal.Holidays() {
		if h.Date.Year() == year || h.Date.Year() == year+1 {
			p.Holidays = append(p.Holidays, h)
		}
	}
	return p, nil
}

func (s *Server) addHoliday(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p, err := s.holidaysPage(r)
	if err != nil {
		return err
	}
	p.Date, p.Name = readDate(r.PostForm, "date"), strings.TrimSpace(r.PostFormValue("name"))
	v := &casework.ValidationError{}
	d := p.Date.parse(v, "date", "Date")
	if d == nil && !v.Has("date") {
		v.Add("date", "Enter the date of the bank holiday")
	}
	if d != nil && d.Before(s.today().AddDate(0, 0, -366)) {
		v.Add("date", "Date must be within the last year or in the future")
	}
	if v.Err() == nil {
		err = s.store.AddHoliday(r.Context(), currentUser(r).Actor(), *d, p.Name)
	} else {
		if p.Name == "" {
			v.Add("name", "Enter the name of the bank holiday")
		}
		err = v
	}
	if problem := formProblem(err); problem != nil {
		p.Errors = problem
		s.render(w, r, http.StatusUnprocessableEntity, "holidays", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/admin/holidays?saved=1", http.StatusSeeOther)
	return nil
}
