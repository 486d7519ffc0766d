package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds one parsed template set per page (layout + page), parsed once
// at start-up.
type pages struct {
	sets map[string]*template.Template
}

func parsePages() (*pages, error) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/_*.html", f)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		p.sets[name] = t
	}
	return p, nil
}

// basePage is embedded in every page's data.
type basePage struct {
	Title  string
	User   *store.User
	Nav    []navItem
	Path   string
	Errors *casework.ValidationError
	Notice string // a green banner: "Note saved"
	// Refresh asks the browser to load the page again after this many
	// seconds (0: never): for a page waiting on work in the background.
	Refresh int
}

type navItem struct {
	Label, Href string
	Current     bool
}

// base fills the parts of a page every page has.
func (s *Server) base(r *http.Request, title string) basePage {
	b := basePage{Title: title, User: currentUser(r), Path: r.URL.Path}
	if b.User != nil {
		b.Nav = navFor(r)
	}
	return b
}

// navFor lists the sections the user's role may open.
func navFor(r *http.Request) []navItem {
	items := []struct {
		label, href string
		perm        auth.Permission
	}{
		{"Home", "/", auth.PermSignedIn},
		{"My work", "/my-work", auth.PermEditChildren},
		{"Team", "/team", auth.PermViewTeams},
		{"Front door", "/front-door", auth.PermEditChildren},
		{"Sign-off", "/authorisations", auth.PermAuthorise},
		{"Allocation", "/allocation", auth.PermViewTeams},
		{"Missing", "/missing", auth.PermViewTeams},
		{"Court", "/court", auth.PermViewTeams},
		{"Workforce", "/workforce", auth.PermViewTeams},
		{"Placements", "/sufficiency", auth.PermViewSufficiency},
		{"Providers", "/providers", auth.PermViewSufficiency},
		{"Care leavers", "/care-leavers", auth.PermViewChildren},
		{"Adoption", "/permanence", auth.PermViewChildren},
		{"Performance", "/performance", auth.PermViewPerformance},
		{"Audits", "/audits", auth.PermAudit},
		{"Improvement", "/improvement", auth.PermViewImprovement},
		{"Returns", "/returns", auth.PermReturns},
		{"Find a child", "/children", auth.PermViewChildren},
		{"Bank holidays", "/admin/holidays", auth.PermAdmin},
		{"Timescales", "/admin/settings", auth.PermAdmin},
	}
	var out []navItem
	for _, it := range items {
		if allowed(r, it.perm) {
			cur := r.URL.Path == it.href || (it.href != "/" && strings.HasPrefix(r.URL.Path, it.href))
			out = append(out, navItem{Label: it.label, Href: it.href, Current: cur})
		}
	}
	return out
}

// render executes a page into a buffer first, so a template failure gives
// a clean error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.pages.sets[name]
	if !ok {
		s.log.Error("no such template", "name", name)
		http.Error(w, "Sorry, there is a problem with sightline", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		ref := newReference()
		s.log.Error("render", "ref", ref, "template", name, "err", err)
		http.Error(w, "Sorry, there is a problem with sightline (reference "+ref+")", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

var funcs = template.FuncMap{
	"date": func(t time.Time) string { return calendar.FormatLong(t) },
	"dateptr": func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return calendar.FormatLong(*t)
	},
	"iso":      calendar.FormatDate,
	"longdate": longDate,
	"datetime": func(t time.Time) string { return t.In(calendar.England()).Format("15:04, 2 Jan 2006") },
	"clock":    func(t time.Time) string { return t.In(calendar.England()).Format("15:04:05") },
	"ethnicity": func(c string) string {
		return casework.LabelOf(casework.Ethnicities(), c)
	},
	"sex":              func(c string) string { return casework.LabelOf(casework.Sexes(), c) },
	"notekind":         func(c string) string { return casework.LabelOf(casework.NoteKinds(), c) },
	"closure":          func(c string) string { return casework.LabelOf(casework.ClosureReasons(), c) },
	"disability":       func(c string) string { return casework.LabelOf(casework.Disabilities(), c) },
	"contains":         slices.Contains[[]string],
	"errfor":           func(v *casework.ValidationError, field string) string { return v.For(field) },
	"source":           func(c string) string { return casework.LabelOf(casework.ReferralSources(), c) },
	"contactdecision":  func(c string) string { return casework.LabelOf(casework.ContactDecisions(), c) },
	"referraldecision": func(c string) string { return casework.LabelOf(casework.ReferralDecisions(), c) },
	"category":         func(c string) string { return casework.LabelOf(casework.AbuseCategories(), c) },
	"familytime":       func(c string) string { return strings.ToLower(casework.LabelOf(casework.FamilyTimeFrequencies(), c)) },
	"role":             func(r auth.Role) string { return r.Label() },
	"join":             strings.Join,
	"providertype":     func(c string) string { return casework.LabelOf(casework.ProviderTypes(), c) },
	"add":              func(a, b int) int { return a + b },
	"sub":              func(a, b int) int { return a - b },
	"actionstatus":     statusLabel,
	"ragtag":           ragTag,
	"actions": func(n int) string {
		if n == 1 {
			return "1 action"
		}
		return strconv.Itoa(n) + " actions"
	},
}

// longDate is the GOV.UK date style without the weekday, "14 March 2015",
// for dates of birth and other dates where the weekday does not matter.
func longDate(d any) string {
	switch t := d.(type) {
	case time.Time:
		return t.Format("2 January 2006")
	case *time.Time:
		if t != nil {
			return t.Format("2 January 2006")
		}
	}
	return ""
}
