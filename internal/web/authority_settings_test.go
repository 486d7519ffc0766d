package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/store"
)

// authorityForm is the authority's codes form as the page shows it.
func authorityForm(t *testing.T, page string) url.Values {
	t.Helper()
	return fieldValues(t, page, "la_code", "version.la_code", "la_area", "version.la_area")
}

// The administrator sets the DfE number and the ONS code the returns name
// the authority by; the ONS code is kept in capitals.
func TestAnAdministratorSetsTheAuthoritysCodes(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		page := admin.get("/admin/settings").body
		mustContain(t, page, `id="authority-settings"`, "DfE local authority number", "ONS code of the authority")
		form := authorityForm(t, page)
		form.Set("la_code", "840")
		form.Set("la_area", " e06000047 ")
		if res := admin.post("/admin/settings/authority", form); res.code != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.code, res.body)
		}
		st, _ := a.st.Settings(ctx)
		if st["la_code"].Value != "840" || st["la_area"].Value != "E06000047" {
			t.Errorf("stored la_code %q, la_area %q; want 840 and E06000047", st["la_code"].Value, st["la_area"].Value)
		}
		mustContain(t, admin.get("/admin/settings?saved=authority").body, "The authority&#39;s codes saved", `value="E06000047"`)
	})
}

// Codes of the wrong shape come back with the error summary and the text
// as typed; nothing is saved.
func TestBadAuthorityCodesComeBackAsTyped(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		form := authorityForm(t, admin.get("/admin/settings").body)
		form.Set("la_code", "Durham")
		form.Set("la_area", "E07000008") // a district, not an upper-tier authority
		res := admin.post("/admin/settings/authority", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("bad codes: %d, want 422", res.code)
		}
		mustContain(t, res.body, "govuk-error-summary", `href="#la_code"`, `href="#la_area"`, `id="la_code-error"`,
			"three digits", `value="Durham"`, `value="E07000008"`)
		if st, _ := a.st.Settings(ctx); st["la_code"].Value != "" || st["la_area"].Value != "" {
			t.Errorf("after a refused save: %+v, %+v; want nothing saved", st["la_code"], st["la_area"])
		}
	})
}

// A save from a page read before a colleague's save is refused and shows
// what was saved meanwhile; saving again, having looked, goes through.
func TestStaleAuthorityCodesAreRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		admin := a.signIn(auth.Administrator)
		form := authorityForm(t, admin.get("/admin/settings").body)
		if err := a.st.PutSetting(ctx, store.System, "la_area", "E06000001", 0); err != nil {
			t.Fatal(err)
		}
		form.Set("la_area", "E06000047")
		res := admin.post("/admin/settings/authority", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, `href="#authority-version"`, "Saved meanwhile by someone else: E06000001", `value="E06000047"`)
		if st, _ := a.st.Settings(ctx); st["la_area"].Value != "E06000001" {
			t.Errorf("after the refused save: %q, want the colleague's", st["la_area"].Value)
		}
		if res := admin.post("/admin/settings/authority", authorityForm(t, res.body)); res.code != http.StatusSeeOther {
			t.Fatalf("saving again after looking: %d\n%s", res.code, res.body)
		}
		if st, _ := a.st.Settings(ctx); st["la_area"].Value != "E06000047" {
			t.Errorf("after saving again: %q", st["la_area"].Value)
		}
	})
}

func TestOnlyAnAdministratorSetsTheAuthoritysCodes(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		for _, role := range []auth.Role{auth.ServiceManager, auth.PerformanceAnalyst, auth.TeamManager, auth.SocialWorker} {
			res := a.signIn(role).post("/admin/settings/authority", url.Values{"la_code": {"840"}})
			if res.code != http.StatusForbidden {
				t.Errorf("%s setting the authority's codes: %d, want 403", role, res.code)
			}
		}
	})
}
