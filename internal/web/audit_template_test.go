package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// templateForm is the audit template form as shown: every question kept
// as it is, the new rows empty.
func templateForm(tpl casework.AuditTemplate) url.Values {
	f := url.Values{"based_on": {strconv.FormatInt(tpl.ID, 10)}, "name": {tpl.Name}}
	for _, q := range tpl.Questions {
		p := "q-" + strconv.Itoa(q.Position)
		f.Set(p+"-theme", q.Theme)
		f.Set(p+"-text", q.Text)
	}
	return f
}

func TestAnAuditorRewordsRetiresAndAddsAuditQuestions(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		before, err := a.st.CurrentAuditTemplate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := a.signIn(auth.Auditor)
		mustContain(t, b.get("/audits").body, `href="/audits/template"`)
		page := b.get("/audits/template")
		mustContain(t, page.body, `name="q-1-text"`, `name="q-2-retire"`, `name="new-1-theme"`, before.Questions[0].Text)

		form := templateForm(before)
		form.Set("q-1-text", "Was the child seen alone at every visit the plan asks for?")
		form.Set("q-2-retire", "yes")
		form.Set("new-1-theme", "Family network")
		form.Set("new-1-text", "Was the wider family asked to help?")
		form.Set("new-2-theme", "Recording") // a theme without its question
		res := b.post("/audits/template", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("a new row without its question: %d, want 422", res.code)
		}
		mustContain(t, res.body, "There is a problem", `href="#new-2-text"`, "Enter the text of new question 2",
			"Was the child seen alone at every visit the plan asks for?", "Was the wider family asked to help?", `value="Recording"`,
			`id="q-2-retire" name="q-2-retire" type="checkbox" value="yes" checked`)
		if now, _ := a.st.CurrentAuditTemplate(ctx); now.ID != before.ID {
			t.Fatal("a refused form saved a template")
		}

		form.Del("new-2-theme")
		if res := b.post("/audits/template", form); res.code != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.code, res.body)
		}
		now, err := a.st.CurrentAuditTemplate(ctx)
		if err != nil || now.ID == before.ID || len(now.Questions) != len(before.Questions) ||
			now.Questions[0].Text != "Was the child seen alone at every visit the plan asks for?" ||
			now.Questions[1].Text != before.Questions[2].Text || now.Questions[len(now.Questions)-1].Theme != "Family network" {
			t.Errorf("template in use after saving = %+v, %v", now, err)
		}
		if old, _ := a.st.AuditTemplate(ctx, before.ID); len(old.Questions) != len(before.Questions) || old.Questions[1].Text != before.Questions[1].Text {
			t.Errorf("the earlier version changed: %+v", old)
		}
	})
}

// A form read before someone else saved new questions is refused with
// the rows kept; saving again, having looked, goes through.
func TestAStaleAuditTemplateFormIsRefused(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		before, err := a.st.CurrentAuditTemplate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		form := templateForm(before)
		if _, err := a.st.SaveAuditTemplate(ctx, store.System, casework.AuditTemplate{Name: "Theirs",
			Questions: []casework.AuditQuestion{{Theme: "Recording", Text: "Up to date?"}}}); err != nil {
			t.Fatal(err)
		}
		form.Set("q-1-text", "My rewording")
		b := a.signIn(auth.TeamManager)
		res := b.post("/audits/template", form)
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("stale form: %d, want 422", res.code)
		}
		mustContain(t, res.body, `href="#version"`, "My rewording")
		if now, _ := a.st.CurrentAuditTemplate(ctx); now.Name != "Theirs" {
			t.Errorf("in use after the refusal: %q, want theirs", now.Name)
		}
		again := url.Values{}
		for k, v := range form {
			again[k] = v
		}
		i := len(`name="based_on" value="`)
		at := indexOf(res.body, `name="based_on" value="`)
		rest := res.body[at+i:]
		again.Set("based_on", rest[:indexOf(rest, `"`)])
		if res := b.post("/audits/template", again); res.code != http.StatusSeeOther {
			t.Fatalf("saving again: %d\n%s", res.code, res.body)
		}
		if now, _ := a.st.CurrentAuditTemplate(ctx); now.Questions[0].Text != "My rewording" {
			t.Errorf("after saving again the first question is %q", now.Questions[0].Text)
		}
	})
}

func TestOnlyThoseWhoAuditEditTheAuditQuestions(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		for _, role := range []auth.Role{auth.SocialWorker, auth.PerformanceAnalyst, auth.Administrator} {
			if res := a.signIn(role).get("/audits/template"); res.code != http.StatusForbidden {
				t.Errorf("%s opening the audit questions: %d, want 403", role, res.code)
			}
		}
	})
}

func indexOf(s, sub string) int { return strings.Index(s, sub) }
