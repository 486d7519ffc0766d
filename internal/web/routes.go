package web

import (
	"net/http"
	"strings"

	"sightline/internal/auth"
	"sightline/internal/web/static"
)

// public marks a route anyone may reach without signing in.
const public auth.Permission = ""

// route is one URL pattern, the permission it needs and its handler.
type route struct {
	pattern string
	perm    auth.Permission
	handle  handlerFunc
}

// routes lists every page of sightline with its access rule. The rule is
// checked by auth.Allowed before the handler runs; no handler decides on
// its own who may use it. Record-level rules (restricted children) are
// applied by the loaders in access.go.
func (s *Server) routes() []route {
	return []route{
		{"GET /sign-in", public, s.signInForm},
		{"POST /sign-in", public, s.signIn},
		{"POST /sign-out", auth.PermSignedIn, s.signOut},
		{"GET /{$}", auth.PermSignedIn, s.home},

		{"GET /children", auth.PermViewChildren, s.findChildren},
		{"GET /children/{id}", auth.PermViewChildren, s.childRecord},
		{"GET /children/{id}/edit", auth.PermEditChildren, s.editChildForm},
		{"POST /children/{id}/edit", auth.PermEditChildren, s.editChild},
		{"GET /children/{id}/notes/new", auth.PermEditChildren, s.newNoteForm},
		{"POST /children/{id}/notes", auth.PermEditChildren, s.addNote},
		{"GET /children/{id}/notes/{note}/error", auth.PermEditChildren, s.noteErrorForm},
		{"POST /children/{id}/notes/{note}/error", auth.PermEditChildren, s.markNoteInError},
		{"GET /children/{id}/records/{kind}/{record}/error", auth.PermEditChildren, s.recordErrorForm},
		{"POST /children/{id}/records/{kind}/{record}/error", auth.PermEditChildren, s.markRecordInError},

		{"GET /my-work", auth.PermEditChildren, s.myWork},
		{"GET /team", auth.PermViewTeams, s.teamView},
		{"GET /front-door", auth.PermEditChildren, s.frontDoor},
		{"GET /authorisations", auth.PermAuthorise, s.authorisations},
		{"GET /children/new", auth.PermEditChildren, s.newChildForm},
		{"POST /children/new", auth.PermEditChildren, s.createChild},

		{"GET /admin/holidays", auth.PermAdmin, s.holidays},
		{"POST /admin/holidays", auth.PermAdmin, s.addHoliday},
		{"GET /admin/settings", auth.PermAdmin, s.settingsPage},
		{"POST /admin/settings", auth.PermAdmin, s.saveSettings},
		{"POST /admin/settings/caseloads", auth.PermAdmin, s.saveCaseloadSettings},
		{"POST /admin/settings/population", auth.PermAdmin, s.savePopulation},
		{"POST /admin/settings/authority", auth.PermAdmin, s.saveAuthority},
	}
}

// allRoutes is every group of routes. Each group lists its routes with
// their access rules: the pages here, the case actions below, and one
// group per area in routes_*.go.
func (s *Server) allRoutes() []route {
	groups := [][]route{
		s.routes(),
		s.caseActionRoutes(),
		s.workforceRoutes(),
		s.auditRoutes(),
		s.allocationRoutes(),
		s.careRoutes(),
		s.missingCourtRoutes(),
		s.leaverRoutes(),
		s.performanceRoutes(),
		s.improvementRoutes(),
		s.returnsRoutes(),
		s.providerRoutes(),
	}
	var all []route
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}

// caseActions are the forms that record help and protection work on a
// child's case file, each with the permission it needs. Each path serves
// the form (GET) and takes it (POST).
func (s *Server) caseActionRoutes() []route {
	edit, authorise := auth.PermEditChildren, auth.PermAuthorise
	acts := []struct {
		path string
		perm auth.Permission
		act  action
	}{
		{"/children/{id}/contacts/new", edit, contactAction},
		{"/children/{id}/contacts/{contact}/decide", edit, contactDecisionAction},
		{"/children/{id}/referral/decide", edit, referralDecisionAction},
		{"/children/{id}/referral/approve-nfa", authorise, approveNFAAction},
		{"/children/{id}/assessment/start", edit, startAssessmentAction},
		{"/children/{id}/assessment/complete", edit, completeAssessmentAction},
		{"/children/{id}/assessment/authorise", authorise, authoriseAssessmentAction},
		{"/children/{id}/strategy/new", edit, strategyAction},
		{"/children/{id}/s47/start", edit, startS47Action},
		{"/children/{id}/s47/complete", edit, completeS47Action},
		{"/children/{id}/conference/initial", edit, icpcAction},
		{"/children/{id}/conference/review", edit, rcpcAction},
		{"/children/{id}/core-group/new", edit, coreGroupAction},
		{"/children/{id}/visits/new", edit, visitAction},
		{"/children/{id}/cin-plan/start", edit, cinPlanStartAction},
		{"/children/{id}/cin-plan/review", edit, cinPlanReviewAction},
		{"/children/{id}/cin-plan/end", edit, cinPlanEndAction},
		{"/children/{id}/close", edit, closeAction},
		{"/children/{id}/motherhood", edit, motherhoodAction},
		{"/children/{id}/allocate", auth.PermAllocate, allocateAction},
	}
	var out []route
	for _, a := range acts {
		name := strings.TrimPrefix(a.path, "/children/{id}/")
		out = append(out, route{"GET " + a.path, a.perm, s.actionForm(name, a.act)},
			route{"POST " + a.path, a.perm, s.actionSave(name, a.act)})
		s.notices[name] = a.act.done
	}
	return out
}

// mux registers the routes, the static files and the operational endpoints.
func (s *Server) mux() *http.ServeMux {
	m := http.NewServeMux()
	for _, rt := range s.allRoutes() {
		m.Handle(rt.pattern, s.guard(rt))
	}
	m.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static.FS))))
	m.HandleFunc("GET /healthz", s.healthz)
	m.Handle("GET /metrics", s.metrics.handler())
	m.Handle("/", s.guard(route{pattern: "/", perm: public, handle: s.notFound}))
	return m
}

// cacheStatic lets browsers keep the assets for a day.
func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		h.ServeHTTP(w, r)
	})
}
