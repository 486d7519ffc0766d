package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/store"
)

type signInPage struct {
	basePage
	Username  string
	Next      string
	Kept      bool // the user's typing was kept when their session ended
	SignedOut bool
}

func (s *Server) signInForm(w http.ResponseWriter, r *http.Request) error {
	p := signInPage{basePage: s.base(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next")),
		Kept: r.URL.Query().Get("kept") == "1", SignedOut: r.URL.Query().Get("signed_out") == "1"}
	s.render(w, r, http.StatusOK, "signin", p)
	return nil
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := signInPage{basePage: s.base(r, "Sign in"), Username: strings.TrimSpace(r.PostFormValue("username")),
		Next: safeNext(r.PostFormValue("next")), Kept: r.PostFormValue("kept") == "1"}
	v := &casework.ValidationError{}
	if p.Username == "" {
		v.Add("username", "Enter your username")
	}
	password := r.PostFormValue("password")
	if password == "" {
		v.Add("password", "Enter your password")
	}
	if v.Err() != nil {
		p.Errors = v
		s.render(w, r, http.StatusUnprocessableEntity, "signin", p)
		return nil
	}
	u, err := s.store.Authenticate(r.Context(), p.Username, password, s.clientAddress(r))
	if msg, status := signInRefusal(err); msg != "" {
		p.Errors = &casework.ValidationError{Errors: []casework.FieldError{{Field: "username", Message: msg}}}
		if te := (*store.ThrottledError)(nil); errors.As(err, &te) {
			w.Header().Set("Retry-After", strconv.Itoa(int(te.RetryAfter.Seconds())+1))
		}
		s.log.Info("sign-in refused", "username", p.Username, "address", s.clientAddress(r), "reason", err)
		s.render(w, r, status, "signin", p)
		return nil
	}
	if err != nil {
		return err
	}
	token, err := s.store.CreateSession(r.Context(), u.ID, s.clientAddress(r), r.UserAgent())
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, token)
	s.log.Info("signed in", "user", u.ID, "address", s.clientAddress(r))
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// signInRefusal turns a refused sign-in into the message to show.
func signInRefusal(err error) (string, int) {
	var te *store.ThrottledError
	switch {
	case errors.As(err, &te):
		return "Too many failed attempts to sign in. Wait " + strconv.Itoa(int(te.RetryAfter.Minutes())+1) +
			" minutes and try again, or ask your system administrator to reset your password", http.StatusTooManyRequests
	case errors.Is(err, store.ErrBadCredentials):
		return "The username or password is not right", http.StatusUnauthorized
	}
	return "", 0
}

// safeNext keeps the after-sign-in address on this site.
func safeNext(next string) string {
	if localPath(next) && !strings.HasPrefix(next, "/sign-in") {
		return next
	}
	return "/"
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.store.EndSession(r.Context(), c.Value); err != nil {
			return err
		}
	}
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/sign-in?signed_out=1", http.StatusSeeOther)
	return nil
}

type homePage struct {
	basePage
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "home", homePage{basePage: s.base(r, "Home")})
	return nil
}
