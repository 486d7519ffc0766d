package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// The authority's codes go into the returns: the DfE's three-digit LA
// number (the CIN census header, SSDA903 rule 229) and its ONS code
// (which the SSDA903 fields worked out from the postcodes compare the
// placement's authority with). The generator sets both for a generated
// authority; an administrator sets them here, as the other settings:
// checked, kept as typed when wrong, and saved against the versions read.

// authorityField is one of the codes as the form shows it.
type authorityField struct {
	Key, Label, Hint string
	Value            string // as stored, or as typed after an error
	Version          int
	By               string
	Now              string // after a refused stale save: the value saved meanwhile
	valid            func(string) bool
	message          string
}

// authorityFields are the codes, each as stored.
func (s *Server) authorityFields(r *http.Request) ([]authorityField, error) {
	fields := []authorityField{
		{Key: "la_code", Label: "DfE local authority number",
			Hint:  "Three digits, for example 840. The CIN census header and SSDA903 rule 229 use it.",
			valid: casework.ValidLACode, message: "Enter the authority's DfE number: three digits, for example 840"},
		{Key: "la_area", Label: "ONS code of the authority",
			Hint: "A letter and eight digits, for example E06000047. The SSDA903 fields worked out from postcodes " +
				"(PL_LA, PL_LOCATION) compare a placement's authority with it.",
			valid:   postcode.ValidAuthority,
			message: "Enter the authority's ONS code: E06, E08, E09 or E10 then six digits, for example E06000047"},
	}
	stored, err := s.store.Settings(r.Context())
	if err != nil {
		return nil, err
	}
	for i := range fields {
		if st, ok := stored[fields[i].Key]; ok {
			fields[i].Value, fields[i].Version, fields[i].By = st.Value, st.Version, st.UpdatedBy
		}
	}
	return fields, nil
}

// saveAuthority checks the codes typed and saves those changed, against
// the versions read. Bad codes or a stale page come back on the settings
// page with what was typed.
func (s *Server) saveAuthority(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	fields, err := s.authorityFields(r)
	if err != nil {
		return err
	}
	stored := slices.Clone(fields)
	problem := &casework.ValidationError{}
	var changes []store.SettingChange
	for i := range fields {
		f := &fields[i]
		raw := strings.TrimSpace(r.PostFormValue(f.Key))
		code := strings.ToUpper(raw)
		read, _ := strconv.Atoi(r.PostFormValue("version." + f.Key))
		if code != "" && !f.valid(code) {
			problem.Add(f.Key, f.message)
			code = raw // shown again as typed
		} else if code != f.Value || read != f.Version {
			changes = append(changes, store.SettingChange{Key: f.Key, Value: code, Version: read})
		}
		f.Value, f.Version = code, read
	}
	if problem.Err() == nil && len(changes) > 0 {
		err := s.store.PutSettings(r.Context(), currentUser(r).Actor(), changes)
		if problem = formProblem(err); err != nil && problem == nil {
			return err
		}
		if problem != nil && problem.Has("version") {
			// The message is this form's, not the caseload one's; the codes
			// stay as typed, beside what is saved now (the hints), and take
			// the current versions, so that saving again is deliberate.
			problem = &casework.ValidationError{Errors: []casework.FieldError{{Field: "authority-version", Message: problem.Errors[0].Message}}}
			for i := range fields {
				fields[i].Version, fields[i].Now = stored[i].Version, stored[i].Value
			}
		}
	}
	if problem == nil || problem.Err() == nil {
		http.Redirect(w, r, "/admin/settings?saved=authority#authority", http.StatusSeeOther)
		return nil
	}
	p, err := s.settingsData(r)
	if err != nil {
		return err
	}
	p.Authority, p.Errors = fields, problem
	s.render(w, r, http.StatusUnprocessableEntity, "settings", p)
	return nil
}
