package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/store"
)

const sessionCookie = "sightline_session"

var errNoSession = errors.New("no session")

// expiredSession carries the user whose session ended, so their form can be
// kept.
type expiredSession struct{ user store.User }

func (e *expiredSession) Error() string { return "session expired" }

// sessionUser returns the signed-in user, errNoSession, or *expiredSession.
func (s *Server) sessionUser(r *http.Request) (*store.User, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, errNoSession
	}
	u, err := s.store.SessionUser(r.Context(), c.Value, s.cfg.Sessions)
	switch {
	case err == nil:
		return &u, nil
	case errors.Is(err, store.ErrSessionExpired):
		return nil, &expiredSession{user: u}
	case errors.Is(err, casework.ErrNotFound):
		return nil, errNoSession
	}
	return nil, fmt.Errorf("web: read session: %w", err)
}

func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.secure(r), SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: s.secure(r), SameSite: http.SameSiteLaxMode})
}

// redirectToSignIn sends the user to sign in and back here afterwards.
func (s *Server) redirectToSignIn(w http.ResponseWriter, r *http.Request, kept bool) {
	next := r.URL.RequestURI()
	if r.Method != http.MethodGet {
		next = formPage(r)
	}
	q := url.Values{"next": {next}}
	if kept {
		q.Set("kept", "1")
	}
	http.Redirect(w, r, "/sign-in?"+q.Encode(), http.StatusSeeOther)
}

// formPage is the page a posted form came from: forms name it in a hidden
// "_form" field. Only local paths are accepted, never another site.
func formPage(r *http.Request) string {
	p := r.PostFormValue("_form")
	if localPath(p) {
		return p
	}
	return "/"
}

// localPath reports whether p is a path on this site (not "//evil.example").
func localPath(p string) bool {
	return strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "/\\")
}

// keepDraft saves a form posted after the session ended for its user,
// keyed by the form's page. It reports whether it kept anything.
func (s *Server) keepDraft(r *http.Request, u store.User) bool {
	if err := r.ParseForm(); err != nil || len(r.PostForm) == 0 || u.ID == 0 {
		return false
	}
	page := formPage(r)
	if page == "/" {
		return false
	}
	if err := s.store.SaveDraft(r.Context(), u.ID, page, r.PostForm.Encode()); err != nil {
		s.log.Error("keep draft", "user", u.ID, "page", page, "err", err)
		return false
	}
	return true
}

// takeDraft returns form input kept for this user and page, if any.
func (s *Server) takeDraft(r *http.Request) (url.Values, bool) {
	u := currentUser(r)
	if u == nil {
		return nil, false
	}
	raw, ok, err := s.store.TakeDraft(r.Context(), u.ID, r.URL.Path)
	if err != nil || !ok {
		return nil, false
	}
	v, err := url.ParseQuery(raw)
	if err != nil {
		return nil, false
	}
	return v, true
}
