package web

import (
	"net/http"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// settingField is one local timescale on the settings page.
type settingField struct {
	timescale.SettingKey
	Value   string
	Version int
	By      string
	Error   string
}

type settingsPage struct {
	basePage
	Fields   []settingField
	Caseload []caseloadField    // caseload weights, capacity and drift (caseload_settings.go)
	History  []settingChangeRow // changes to them, newest first
	// Population is the authority's child population (population_settings.go).
	Population populationField
	// Authority is the authority's codes for the returns (authority_settings.go).
	Authority []authorityField
}

// settingsData reads every form of the settings page as stored.
func (s *Server) settingsData(r *http.Request) (settingsPage, error) {
	p := settingsPage{basePage: s.base(r, "Local timescales")}
	var err error
	if p.Fields, err = s.settingFields(r); err != nil {
		return p, err
	}
	if p.Caseload, p.History, err = s.caseloadFields(r); err != nil {
		return p, err
	}
	if p.Population, err = s.populationField(r); err != nil {
		return p, err
	}
	if p.Authority, err = s.authorityFields(r); err != nil {
		return p, err
	}
	return p, nil
}

func (s *Server) settingFields(r *http.Request) ([]settingField, error) {
	stored, err := s.store.Settings(r.Context())
	if err != nil {
		return nil, err
	}
	var out []settingField
	for _, k := range timescale.SettingKeys() {
		f := settingField{SettingKey: k, Value: k.Default}
		if st, ok := stored[k.Key]; ok {
			f.Value, f.Version, f.By = st.Value, st.Version, st.UpdatedBy
		}
		out = append(out, f)
	}
	return out, nil
}

// settingsPage lets an administrator set the local timescales (how often a
// child on a plan is seen, and so on); due dates follow at once.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.settingsData(r)
	if err != nil {
		return err
	}
	switch r.URL.Query().Get("saved") {
	case "1":
		p.Notice = "Timescales saved. Due dates now follow them."
	case "caseloads":
		p.Notice = "Caseload settings saved. Caseloads and drift now follow them."
	case "population":
		p.Notice = "Child population saved. Every rate per 10,000 children now uses it."
	case "authority":
		p.Notice = "The authority's codes saved. The returns use them from now on."
	}
	s.render(w, r, http.StatusOK, "settings", p)
	return nil
}

func (s *Server) saveSettings(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	fields, err := s.settingFields(r)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for i := range fields {
		fields[i].Value = strings.TrimSpace(r.PostFormValue(fields[i].Key))
		values[fields[i].Key] = fields[i].Value
	}
	p, err := s.settingsData(r)
	if err != nil {
		return err
	}
	p.Fields = fields // as typed
	if _, err := timescale.SettingsFrom(values); err != nil {
		p.Errors = casework.Invalid("settings", err.Error()).(*casework.ValidationError)
		s.render(w, r, http.StatusUnprocessableEntity, "settings", p)
		return nil
	}
	if err := s.putSettings(r, fields); err != nil {
		if problem := formProblem(err); problem != nil {
			p.Errors = problem
			s.render(w, r, http.StatusUnprocessableEntity, "settings", p)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/admin/settings?saved=1", http.StatusSeeOther)
	return nil
}

// putSettings saves the values that changed, each against the version read.
func (s *Server) putSettings(r *http.Request, fields []settingField) error {
	stored, err := s.store.Settings(r.Context())
	if err != nil {
		return err
	}
	for _, f := range fields {
		current, ok := stored[f.Key]
		if (ok && current.Value == f.Value) || (!ok && f.Value == f.Default) {
			continue
		}
		version := 0
		if ok {
			version = current.Version
		}
		if err := s.store.PutSetting(r.Context(), currentUser(r).Actor(), f.Key, f.Value, version); err != nil {
			return err
		}
	}
	return nil
}
