package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// caseloadForm is the caseload settings form as the page shows it: every
// field's value and the version read.
func caseloadForm(t *testing.T, page string) url.Values {
	t.Helper()
	var names []string
	for _, k := range casework.CaseloadSettingKeys() {
		names = append(names, k.Key, "version."+k.Key)
	}
	return fieldValues(t, page, names...)
}

func TestAnAdministratorChangesTheCaseloadWeightsAndSeesTheHistory(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		page := admin.get("/admin/settings").body
		mustContain(t, page, `id="caseload-settings"`, "Weight of a child on a child protection plan", "No changes yet")
		form := caseloadForm(t, page)
		form.Set(casework.KeyWeightCPPlan, "2")
		form.Set(casework.KeyCapacityFullTime, "16")
		if res := admin.post("/admin/settings/caseloads", form); res.code != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.code, res.body)
		}
		settings, err := a.st.CaseloadSettings(ctx)
		if err != nil || settings.WeightCPPlan != 2 || settings.CapacityFullTime != 16 {
			t.Errorf("stored settings = %+v, %v; want CP weight 2, capacity 16", settings, err)
		}
		page = admin.get("/admin/settings?saved=caseloads").body
		mustContain(t, page, "Caseload settings saved", `id="caseload-history"`, "1.5 (default)", "18 (default)", ">16<", ">2<")
	})
}

// Bad values come back with the error summary, each field's message and
// everything typed; nothing is saved.
func TestCaseloadSettingsOutOfBoundsComeBackWithTheTextKept(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		form := caseloadForm(t, admin.get("/admin/settings").body)
		form.Set(casework.KeySiblingShare, "1.5")
		form.Set(casework.KeyCapacityFullTime, "eighteen")
		form.Set(casework.KeyWeightCPPlan, "2.25")
		res := admin.post("/admin/settings/caseloads", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("bad values: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", `href="#`+casework.KeySiblingShare+`"`, `href="#`+casework.KeyCapacityFullTime+`"`,
			`id="`+casework.KeySiblingShare+`-error"`, `value="1.5"`, `value="eighteen"`, `value="2.25"`)
		if st, _ := a.st.Settings(ctx); len(st) != 0 {
			t.Errorf("a refused form saved %v", st)
		}
	})
}

// A save from a page read before a colleague's save is refused, whole, and
// shows what was saved meanwhile; saving again, having looked, goes through.
func TestAStaleCaseloadSettingsPageIsRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		form := caseloadForm(t, admin.get("/admin/settings").body)
		if err := a.st.PutSetting(ctx, store.System, casework.KeyWeightCPPlan, "1.75", 0); err != nil {
			t.Fatal(err)
		}
		form.Set(casework.KeyWeightCPPlan, "3")
		form.Set(casework.KeyCapacityFullTime, "20")
		res := admin.post("/admin/settings/caseloads", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, `href="#version"`, "Saved meanwhile by someone else: 1.75", `value="3"`, `value="20"`)
		if s, _ := a.st.CaseloadSettings(ctx); s.WeightCPPlan != 1.75 || s.CapacityFullTime != 18 {
			t.Errorf("after the refused save: %+v, want the colleague's 1.75 and the default capacity", s)
		}
		if res := admin.post("/admin/settings/caseloads", caseloadForm(t, res.body)); res.code != http.StatusSeeOther {
			t.Fatalf("saving again after looking: %d\n%s", res.code, res.body)
		}
		if s, _ := a.st.CaseloadSettings(ctx); s.WeightCPPlan != 3 || s.CapacityFullTime != 20 {
			t.Errorf("after saving again: %+v, want 3 and 20", s)
		}
	})
}

func TestOnlyAnAdministratorSavesCaseloadSettings(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		for _, role := range []auth.Role{auth.TeamManager, auth.ServiceManager, auth.SocialWorker} {
			res := a.signIn(role).post("/admin/settings/caseloads", url.Values{casework.KeyWeightCPPlan: {"4"}})
			if res.code != http.StatusForbidden {
				t.Errorf("%s saving caseload settings: %d, want 403", role, res.code)
			}
		}
	})
}
