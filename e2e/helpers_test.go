package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/web"
)

// fixedNow is the clock of the server and the store: Tuesday 24 November
// 2026, 10:00 UTC, so that dates on the pages are stable.
var fixedNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

func now() time.Time { return fixedNow }

// password is every seeded user's password.
const password = "correct horse battery"

// browserTimeout bounds one browser test, start-up of Chromium included.
const browserTimeout = 60 * time.Second

// app is the real sightline server on a fresh database.
type app struct {
	t   *testing.T
	st  *store.Store
	url string
}

// eachBackend runs fn as one subtest per backend, each with its own server.
func eachBackend(t *testing.T, fn func(t *testing.T, a *app)) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			fn(t, startApp(t, backend))
		})
	}
}

// startApp opens a migrated database on backend and serves sightline over
// it. Warnings and errors from the server go to the test log.
func startApp(t *testing.T, backend string) *app {
	t.Helper()
	st := storetest.Open(t, backend, store.WithClock(now))
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := web.New(web.Config{Store: st, Logger: logger, Now: now})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &app{t: t, st: st, url: srv.URL}
}

// user adds a user who signs in with password.
func (a *app) user(username, name string, role auth.Role, worker *casework.Worker) store.User {
	a.t.Helper()
	nu := store.NewUser{Username: username, DisplayName: name, Password: password, Role: role}
	if worker != nil {
		nu.WorkerID, nu.TeamID = &worker.ID, worker.TeamID
	}
	u, err := a.st.CreateUser(context.Background(), store.System, nu)
	if err != nil {
		a.t.Fatalf("create user %s: %v", username, err)
	}
	return u
}

// child adds a (synthetic) child.
func (a *app) child(laID, first, last string, born time.Time, sex string) casework.Child {
	a.t.Helper()
	c, err := a.st.CreateChild(context.Background(), store.System, casework.Child{LAChildID: laID, FirstName: first,
		LastName: last, DateOfBirth: &born, Sex: sex, Ethnicity: "WBRI", Synthetic: true})
	if err != nil {
		a.t.Fatalf("create child %s %s: %v", first, last, err)
	}
	return c
}

func date(y int, m time.Month, d int) time.Time { return calendar.Date(y, m, d) }

// browser is one Chromium tab, signed in as at most one user.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	shot *int // screenshots taken so far, to number the files in order (shared with other sessions of the test)
}

// chromiumPath is the browser to run: SIGHTLINE_CHROMIUM or Debian's.
func chromiumPath() string {
	if p := os.Getenv("SIGHTLINE_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// newBrowser starts headless Chromium for one test, with the flags that
// were checked on these machines (docs: DEPENDENCIES.md, row 10). The whole
// browser lives at most browserTimeout and is stopped when the test ends.
// Without a Chromium binary the test is skipped, or failed when CI=true.
func newBrowser(t *testing.T, baseURL string) *browser {
	t.Helper()
	path, err := exec.LookPath(chromiumPath())
	if err != nil {
		storetest.Unavailable(t, "Chromium ("+chromiumPath()+")", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Headless, chromedp.DisableGPU, chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1024, 900))
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc() // waits for the browser process to end
		cancel()
	})
	// Start the browser now, so that a broken install fails here and clearly.
	if err := chromedp.Do(tabCtx); err != nil {
		t.Fatalf("start Chromium (%s): %v", path, err)
	}
	return &browser{t: t, ctx: tabCtx, base: baseURL, shot: new(int)}
}

// otherSession opens a second tab of the same Chromium in a browser context
// of its own (its own cookies), so that a second user can sign in while the
// first stays signed in. Its screenshots are numbered in the same series.
func (b *browser) otherSession() *browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		b.t.Fatalf("open a second browser session: %v", err)
	}
	return &browser{t: b.t, ctx: ctx, base: b.base, shot: b.shot}
}

// do runs steps in the tab and fails the test, naming the step and the page
// the browser is on, if one of them fails (or times out).
func (b *browser) do(step string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v (browser at %s)", step, err, b.where())
	}
}

// where is the address the browser is on, for failure messages.
func (b *browser) where() string {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(b.ctx), 2*time.Second)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "an unknown page"
	}
	return loc
}

// open navigates to a path on the server and waits for the page to load.
func (b *browser) open(path string) {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path))
}

// openStatus navigates to a path, waits for the page to load and returns
// the HTTP status of the page.
func (b *browser) openStatus(path string) int64 {
	b.t.Helper()
	res, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
	return res.Status
}

// path is the path and query the browser is on now.
func (b *browser) path() string {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatalf("read location: %v", err)
	}
	return strings.TrimPrefix(loc, b.base)
}

// text is the visible text of the element with this id, once it is visible.
func (b *browser) text(id string) string {
	b.t.Helper()
	s, err := read(b.ctx, chromedp.Text(chromedp.ID(id), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("read text of #%s: %v (browser at %s)", id, err, b.where())
	}
	return strings.TrimSpace(s)
}

// textOf is the visible text of the first element that matches a CSS
// selector, once it is visible.
func (b *browser) textOf(css string) string {
	b.t.Helper()
	s, err := read(b.ctx, chromedp.Text(chromedp.CSS(css), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("read text of %s: %v (browser at %s)", css, err, b.where())
	}
	return strings.TrimSpace(s)
}

// count is how many elements of the page match a CSS selector now.
func (b *browser) count(css string) int {
	b.t.Helper()
	n, err := read(b.ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, css)))
	if err != nil {
		b.t.Fatalf("count %s: %v (browser at %s)", css, err, b.where())
	}
	return n
}

// value is the current value of the form field with this id.
func (b *browser) value(id string) string {
	b.t.Helper()
	s, err := read(b.ctx, chromedp.Value(chromedp.ID(id)))
	if err != nil {
		b.t.Fatalf("read value of #%s: %v (browser at %s)", id, err, b.where())
	}
	return s
}

// read runs a query that only reads, again when it fails while the test
// still has time: Chrome renumbers the nodes of a page when the document is
// updated (at DOMContentLoaded, for one), so a node found just before that
// can be gone ("No node with given id found") when it is read.
func read[T any](ctx context.Context, a chromedp.Action[T]) (T, error) {
	var v T
	var err error
	for range 5 {
		if v, err = chromedp.Run(ctx, a); err == nil || ctx.Err() != nil {
			break
		}
	}
	return v, err
}

// follow runs trigger, a click that leads to another page, and waits until
// that page has loaded, so that the next query sees the new page and not
// the old one, nor the new one half built.
func follow(trigger chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.WaitEvent(page.LoadEventFired, nil, trigger)(ctx, t)
		return err
	})
}

// fill empties the field with this id and types s into it, key by key.
func fill(id, s string) chromedp.Action[chromedp.Void] {
	steps := []chromedp.Action[chromedp.Void]{chromedp.WaitVisible(chromedp.ID(id)), clear(id)}
	if s != "" {
		steps = append(steps, chromedp.SendKeys(chromedp.ID(id), s))
	}
	return chromedp.Steps(steps...)
}

// clear empties the form field with this id. chromedp.SetValue(sel, "")
// cannot: cdproto v0.159.0 marshals runtime.CallArgument.Value with
// encoding/json/v2 "omitempty", which drops the JSON value "" so that the
// page receives undefined and the field ends up holding "undefined".
func clear(id string) chromedp.Action[chromedp.Void] {
	js := fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = ""; return e.value === ""; })()`, id)
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](js)(ctx, t)
		if err == nil && !ok {
			err = fmt.Errorf("could not empty #%s", id)
		}
		return err
	})
}

// typeDate fills a GOV.UK date input (name-day, name-month, name-year).
func typeDate(name string, d, m, y string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(fill(name, d), fill(name+"-month", m), fill(name+"-year", y)) // the day box carries the field's id, so error links reach it
}

// signIn fills the sign-in form the browser is on and waits for the page
// after it, on which the user's name shows in the header.
func (b *browser) signIn(username string) {
	b.t.Helper()
	b.do("sign in as "+username,
		chromedp.WaitVisible(chromedp.ID("username")),
		fill("username", username),
		fill("password", password),
		follow(chromedp.Click(chromedp.ID("sign-in"))),
		chromedp.WaitVisible(chromedp.ID("signed-in-user")))
}

// screenshot keeps a full-page PNG of what the browser shows, named after
// the test and the step, in SIGHTLINE_SCREENSHOTS (nothing when it is unset).
func (b *browser) screenshot(step string) {
	b.t.Helper()
	dir := os.Getenv("SIGHTLINE_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", step, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	*b.shot++
	name := fmt.Sprintf("%s-%02d-%s.png", strings.ReplaceAll(b.t.Name(), "/", "-"), *b.shot, step)
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", file)
}

// mustContain fails the test for each want that s lacks.
func mustContain(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s does not contain %q; it is:\n%s", what, w, s)
		}
	}
}
