package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/metrics"
	"sightline/internal/store"
)

// populationForm is the child population form as the page shows it.
func populationForm(t *testing.T, page string) url.Values {
	t.Helper()
	return fieldValues(t, page, metrics.KeyChildPopulation, "version."+metrics.KeyChildPopulation)
}

// The administrator types this year's estimate; it is stored as a number,
// the history shows the change, and the rates per 10,000 use it at once.
func TestAnAdministratorUpdatesTheChildPopulation(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a) // 2 referrals in the year to 30 June 2025 among 1,000 children
		manager := a.signIn(auth.ServiceManager)
		mustContain(t, manager.get("/performance?as_at=2025-06-30").body, `id="value-referrals_per_10k"><a class="govuk-link" href="/performance/referrals_per_10k?as_at=2025-06-30">20<`)
		admin := a.signIn(auth.Administrator)
		page := admin.get("/admin/settings").body
		mustContain(t, page, `id="population-settings"`, `value="1000"`)
		form := populationForm(t, page)
		form.Set(metrics.KeyChildPopulation, "2,000")
		if res := admin.post("/admin/settings/population", form); res.code != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.code, res.body)
		}
		if st, _ := a.st.Settings(ctx); st[metrics.KeyChildPopulation].Value != "2000" {
			t.Errorf("stored population = %q, want 2000", st[metrics.KeyChildPopulation].Value)
		}
		page = admin.get("/admin/settings?saved=population").body
		mustContain(t, page, "Child population saved", `id="population-history"`, ">1000<", ">2000<")
		// 2 referrals among 2,000 children: 10 per 10,000.
		mustContain(t, manager.get("/performance?as_at=2025-06-30").body, `href="/performance/referrals_per_10k?as_at=2025-06-30">10<`)
	})
}

// A number that is not a number of children comes back with the error
// summary and the text as typed; nothing is saved.
func TestABadChildPopulationComesBackAsTyped(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		admin := a.signIn(auth.Administrator)
		for typed, why := range map[string]string{"55 thousand": "must be a whole number", "0": "between 1 and 1,000,000", "": "Enter the number"} {
			form := populationForm(t, admin.get("/admin/settings").body)
			form.Set(metrics.KeyChildPopulation, typed)
			res := admin.post("/admin/settings/population", form)
			if res.code != http.StatusUnprocessableEntity {
				t.Fatalf("%q: %d, want 422", typed, res.code)
			}
			mustContain(t, res.body, "govuk-error-summary", `href="#`+metrics.KeyChildPopulation+`"`, why,
				`id="`+metrics.KeyChildPopulation+`-error"`, `name="`+metrics.KeyChildPopulation+`" type="text" inputmode="numeric" spellcheck="false" value="`+typed+`"`)
		}
		if st, _ := a.st.Settings(ctx); st[metrics.KeyChildPopulation].Value != "1000" || st[metrics.KeyChildPopulation].Version != 1 {
			t.Errorf("after refused saves the setting is %+v, want 1000 as first saved", st[metrics.KeyChildPopulation])
		}
	})
}

// A save from a page read before a colleague's save is refused and shows
// what was saved meanwhile; saving again, having looked, goes through.
func TestAStaleChildPopulationIsRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		perfSeed(t, a)
		admin := a.signIn(auth.Administrator)
		form := populationForm(t, admin.get("/admin/settings").body)
		if err := a.st.PutSetting(ctx, store.System, metrics.KeyChildPopulation, "1500", 1); err != nil {
			t.Fatal(err)
		}
		form.Set(metrics.KeyChildPopulation, "3000")
		res := admin.post("/admin/settings/population", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale save: %d, want 422", res.code)
		}
		mustContain(t, res.body, `href="#population-version"`, `id="population-version"`, "Saved meanwhile by someone else: 1500", `value="3000"`)
		if st, _ := a.st.Settings(ctx); st[metrics.KeyChildPopulation].Value != "1500" {
			t.Errorf("after the refused save: %q, want the colleague's 1500", st[metrics.KeyChildPopulation].Value)
		}
		if res := admin.post("/admin/settings/population", populationForm(t, res.body)); res.code != http.StatusSeeOther {
			t.Fatalf("saving again after looking: %d\n%s", res.code, res.body)
		}
		if st, _ := a.st.Settings(ctx); st[metrics.KeyChildPopulation].Value != "3000" {
			t.Errorf("after saving again: %q, want 3000", st[metrics.KeyChildPopulation].Value)
		}
	})
}

func TestOnlyAnAdministratorSetsTheChildPopulation(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		for _, role := range []auth.Role{auth.ServiceManager, auth.PerformanceAnalyst, auth.TeamManager, auth.SocialWorker} {
			res := a.signIn(role).post("/admin/settings/population", url.Values{metrics.KeyChildPopulation: {"4000"}})
			if res.code != http.StatusForbidden {
				t.Errorf("%s setting the child population: %d, want 403", role, res.code)
			}
		}
		if st, _ := a.st.Settings(ctx); st[metrics.KeyChildPopulation].Value != "" {
			t.Errorf("a refused save stored %q", st[metrics.KeyChildPopulation].Value)
		}
	})
}
