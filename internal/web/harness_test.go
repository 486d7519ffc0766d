package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/web"
)

var ctx = context.Background()

// clock is a movable test clock shared by the store and the server.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// app is a real server on a real database with a few records.
type app struct {
	t     *testing.T
	st    *store.Store
	srv   *httptest.Server
	clock *clock
	child casework.Child
}

const password = "correct horse battery"

// newApp starts sightline on backend with users for every role and one child.
func newApp(t *testing.T, backend string) *app {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	st := storetest.Open(t, backend, store.WithClock(c.now))
	for _, r := range auth.Roles() {
		if _, err := st.CreateUser(ctx, store.System, store.NewUser{Username: string(r), DisplayName: r.Label() + " User",
			Password: password, Role: r}); err != nil {
			t.Fatal(err)
		}
	}
	dob := calendar.Date(2015, 3, 14)
	child, err := st.CreateChild(ctx, store.System, casework.Child{LAChildID: "C1001", FirstName: "Maya",
		LastName: "Brooks", DateOfBirth: &dob, Sex: "F", Ethnicity: "MWBC", Synthetic: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := web.New(web.Config{Store: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return &app{t: t, st: st, srv: srv, clock: c, child: child}
}

// eachApp runs a test on both backends.
func eachApp(t *testing.T, fn func(t *testing.T, a *app)) {
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) { fn(t, newApp(t, b)) })
	}
}

// browser is one user's cookie jar against the app; it does not follow
// redirects, so tests see where they lead.
type browser struct {
	a *app
	c *http.Client
}

func (a *app) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{a: a, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// signIn signs in as the user named after role.
func (a *app) signIn(role auth.Role) *browser {
	b := a.browser()
	res := b.post("/sign-in", url.Values{"username": {string(role)}, "password": {password}, "next": {"/"}})
	if res.code != http.StatusSeeOther {
		a.t.Fatalf("sign in as %s: status %d\n%s", role, res.code, res.body)
	}
	return b
}

type response struct {
	code     int
	body     string
	location string
	header   http.Header
}

func (b *browser) do(req *http.Request) response {
	b.a.t.Helper()
	res, err := b.c.Do(req)
	if err != nil {
		b.a.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return response{code: res.StatusCode, body: string(body), location: res.Header.Get("Location"), header: res.Header}
}

func (b *browser) get(path string) response {
	req, _ := http.NewRequest("GET", b.a.srv.URL+path, nil)
	return b.do(req)
}

// post sends a same-origin form, as a browser would.
func (b *browser) post(path string, form url.Values) response {
	req, _ := http.NewRequest("POST", b.a.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page does not contain %q", w)
		}
	}
	if t.Failed() {
		t.Logf("page:\n%s", body)
	}
}

// fieldValues are the values of the named inputs of a form as page shows
// it: what a browser would send back unchanged.
func fieldValues(t *testing.T, page string, names ...string) url.Values {
	t.Helper()
	form := url.Values{}
	for _, name := range names {
		i := strings.Index(page, `name="`+name+`"`)
		if i < 0 {
			t.Fatalf("the page has no field %s", name)
		}
		v := page[i:]
		v = v[strings.Index(v, `value="`)+7:]
		form.Set(name, v[:strings.Index(v, `"`)])
	}
	return form
}
