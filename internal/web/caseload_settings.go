package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// caseloadField is one caseload weight, capacity or drift setting on the
// settings page, with the version read so that a save made from a stale
// page is refused rather than overwriting a colleague's change.
type caseloadField struct {
	casework.CaseloadSettingKey
	Value   string
	Version int
	By      string
	Now     string // after a refused stale save: the value saved meanwhile, when it differs from the one typed
}

// settingChangeRow is one line of the caseload settings' history.
type settingChangeRow struct {
	At                  time.Time
	By, Label, From, To string
}

// caseloadHistoryRows is how many past changes the page lists.
const caseloadHistoryRows = 50

// caseloadSettingKeys are the stored keys of the caseload settings.
func caseloadSettingKeys() []string {
	var out []string
	for _, k := range casework.CaseloadSettingKeys() {
		out = append(out, k.Key)
	}
	return out
}

// caseloadFields reads the stored caseload settings (defaults for those
// never saved) and their history, newest first.
func (s *Server) caseloadFields(r *http.Request) ([]caseloadField, []settingChangeRow, error) {
	stored, err := s.store.Settings(r.Context())
	if err != nil {
		return nil, nil, err
	}
	keys := casework.CaseloadSettingKeys()
	fields := make([]caseloadField, len(keys))
	labels := map[string]casework.CaseloadSettingKey{}
	for i, k := range keys {
		fields[i] = caseloadField{CaseloadSettingKey: k, Value: k.Default}
		if st, ok := stored[k.Key]; ok {
			fields[i].Value, fields[i].Version, fields[i].By = st.Value, st.Version, st.UpdatedBy
		}
		labels[k.Key] = k
	}
	events, err := s.store.SettingHistory(r.Context(), caseloadSettingKeys())
	if err != nil {
		return nil, nil, err
	}
	var hist []settingChangeRow
	for _, e := range events[:min(len(events), caseloadHistoryRows)] {
		from := e.Before
		if from == "" {
			from = labels[e.Key].Default + " (default)"
		}
		hist = append(hist, settingChangeRow{At: e.At, By: e.By, Label: labels[e.Key].Label, From: from, To: e.After})
	}
	return fields, hist, nil
}

// saveCaseloadSettings checks the caseload settings as a whole
// (casework.CaseloadSettingsFrom) and saves those that changed in one
// transaction, each against the version the user read. Bad values or a
// stale page come back on the form with what was typed.
func (s *Server) saveCaseloadSettings(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	fields, hist, err := s.caseloadFields(r)
	if err != nil {
		return err
	}
	values := map[string]string{}
	var changes []store.SettingChange
	stored := make([]caseloadField, len(fields))
	copy(stored, fields)
	for i := range fields {
		f := &fields[i]
		typed := strings.TrimSpace(r.PostFormValue(f.Key))
		read, _ := strconv.Atoi(r.PostFormValue("version." + f.Key))
		if typed != f.Value || read != f.Version {
			changes = append(changes, store.SettingChange{Key: f.Key, Value: typed, Version: read})
		}
		f.Value, f.Version = typed, read
		values[f.Key] = typed
	}
	problem := caseloadProblem(values)
	if problem == nil && len(changes) > 0 {
		if err := s.store.PutSettings(r.Context(), currentUser(r).Actor(), changes); err != nil {
			if problem = formProblem(err); problem == nil {
				return err
			}
			if problem.Has("version") {
				staleSave(fields, stored)
			}
		}
	}
	if problem != nil {
		p, err := s.settingsData(r)
		if err != nil {
			return err
		}
		p.Caseload, p.History, p.Errors = fields, hist, problem
		s.render(w, r, http.StatusUnprocessableEntity, "settings", p)
		return nil
	}
	http.Redirect(w, r, "/admin/settings?saved=caseloads#caseloads", http.StatusSeeOther)
	return nil
}

// caseloadProblem is what is wrong with the typed caseload settings, by
// field, or nil.
func caseloadProblem(values map[string]string) *casework.ValidationError {
	_, err := casework.CaseloadSettingsFrom(values)
	var v *casework.ValidationError
	if errors.As(err, &v) {
		return v
	}
	return nil
}

// staleSave prepares the form after a save refused because someone saved
// since the page was read: the typed values stay, each field shows the
// value saved meanwhile where it differs, and the versions become the
// current ones so that saving again, having looked, is deliberate.
func staleSave(fields, stored []caseloadField) {
	for i := range fields {
		if stored[i].Value != fields[i].Value {
			fields[i].Now = stored[i].Value
		}
		fields[i].Version, fields[i].By = stored[i].Version, stored[i].By
	}
}
