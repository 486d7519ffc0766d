package web

import (
	"net/http"

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

		{"GET /admin/holidays", auth.PermAdmin, s.holidays},
		{"POST /admin/holidays", auth.PermAdmin, s.addHoliday},
	}
}

// mux registers the routes, the static files and the operational endpoints.
func (s *Server) mux() *http.ServeMux {
	m := http.NewServeMux()
	for _, rt := range s.routes() {
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
