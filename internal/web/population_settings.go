package web

import (
	"net/http"
	"strconv"
	"strings"

	"sightline/internal/casework"
	ind "sightline/internal/metrics"
	"sightline/internal/store"
)

// The authority's child population (the ONS mid-year estimate of children
// aged 0 to 17) is the denominator of every rate per 10,000 children. The
// generator writes it; an administrator updates it each year from this
// form on the settings page, as the caseload settings are: checked, kept
// as typed when wrong, saved against the version read, and every change
// kept in the history and listed under the form.

// populationField is the setting as the form shows it.
type populationField struct {
	Key     string
	Value   string // as stored, or as typed after an error
	Version int
	By      string
	Now     string // after a refused stale save: the value saved meanwhile
	History []settingChangeRow
}

// populationField reads the setting and its changes, newest first.
func (s *Server) populationField(r *http.Request) (populationField, error) {
	f := populationField{Key: ind.KeyChildPopulation}
	stored, err := s.store.Settings(r.Context())
	if err != nil {
		return f, err
	}
	if st, ok := stored[f.Key]; ok {
		f.Value, f.Version, f.By = st.Value, st.Version, st.UpdatedBy
	}
	events, err := s.store.SettingHistory(r.Context(), []string{f.Key})
	if err != nil {
		return f, err
	}
	for _, e := range events[:min(len(events), caseloadHistoryRows)] {
		from := e.Before
		if from == "" {
			from = "not set"
		}
		f.History = append(f.History, settingChangeRow{At: e.At, By: e.By, Label: "Child population", From: from, To: e.After})
	}
	return f, nil
}

// savePopulation checks the number typed and saves it against the
// version read. A bad number or a stale page comes back on the settings
// page with what was typed.
func (s *Server) savePopulation(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f, err := s.populationField(r)
	if err != nil {
		return err
	}
	stored := f
	typed := r.PostFormValue(f.Key)
	read, _ := strconv.Atoi(r.PostFormValue("version." + f.Key))
	f.Value, f.Version = typed, read
	n, perr := ind.ParseChildPopulation(typed)
	var problem *casework.ValidationError
	if perr != nil {
		problem = &casework.ValidationError{}
		problem.Add(f.Key, strings.ToUpper(perr.Error()[:1])+perr.Error()[1:])
	} else if value := strconv.Itoa(n); value != stored.Value || read != stored.Version {
		err := s.store.PutSettings(r.Context(), currentUser(r).Actor(), []store.SettingChange{{Key: f.Key, Value: value, Version: read}})
		if problem = formProblem(err); err != nil && problem == nil {
			return err
		}
		if problem != nil && problem.Has("version") {
			// Keep what was typed; show what was saved meanwhile; take the
			// current version so that saving again, having looked, is
			// deliberate. The message is this form's, not the caseload one's.
			f.Now, f.Version, f.By = stored.Value, stored.Version, stored.By
			problem = &casework.ValidationError{Errors: []casework.FieldError{{Field: "population-version", Message: problem.Errors[0].Message}}}
		}
	}
	if problem == nil {
		http.Redirect(w, r, "/admin/settings?saved=population#population", http.StatusSeeOther)
		return nil
	}
	p, err := s.settingsData(r)
	if err != nil {
		return err
	}
	p.Population, p.Errors = f, problem
	s.render(w, r, http.StatusUnprocessableEntity, "settings", p)
	return nil
}
