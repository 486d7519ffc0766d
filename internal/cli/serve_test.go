package cli_test

import (
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sightline/internal/cli"
	"sightline/internal/store"
)

func TestServeRefusesAnUnmigratedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "old.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := run(t, "", "serve", "--db", db, "--addr", "127.0.0.1:0")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "sightline migrate --db "+db) || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("stderr does not say, in one line, to migrate:\n%s", r.stderr)
	}
	if strings.Contains(r.stdout, "serving") {
		t.Fatalf("it served anyway:\n%s", r.stdout)
	}
}

func TestServeRefusesAMissingFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "typo.db")
	r := run(t, "", "serve", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "does not exist") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestServeAnswersAndStopsWhenCancelled(t *testing.T) {
	db := migratedDB(t)
	s := startServer(t, "serve", "--db", db, "--addr", "127.0.0.1:0", "--log-format", "json")
	url := s.waitURL(t)
	if code := httpStatus(t, url+"/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", code)
	}
	if code := httpStatus(t, url+"/"); code != http.StatusOK {
		t.Errorf("GET / (redirected to sign in) = %d, want 200", code)
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d after cancel, want 0; stderr:\n%s", code, s.errOut.String())
	}
	if !strings.Contains(s.errOut.String(), `"msg":"serving"`) {
		t.Errorf("--log-format json did not log JSON:\n%s", s.errOut.String())
	}
}

var servingLine = regexp.MustCompile(`sightline is serving on (http://\S+)`)

// server is sightline running in the background until the test stops it.
type server struct {
	out, errOut *syncBuffer
	cancel      context.CancelFunc
	finished    chan struct{}
	code        int
}

func startServer(t *testing.T, args ...string) *server {
	t.Helper()
	runCtx, cancel := context.WithCancel(ctx)
	s := &server{out: &syncBuffer{}, errOut: &syncBuffer{}, cancel: cancel, finished: make(chan struct{})}
	go func() {
		s.code = cli.RunWithInput(runCtx, args, strings.NewReader(""), s.out, s.errOut)
		close(s.finished)
	}()
	t.Cleanup(func() { s.stop(t) })
	return s
}

// waitURL waits for the "serving on" line and returns the URL.
func (s *server) waitURL(t *testing.T) string {
	t.Helper()
	deadline := time.After(2 * time.Minute)
	for {
		if m := servingLine.FindStringSubmatch(s.out.String()); m != nil {
			return m[1]
		}
		select {
		case <-s.finished:
			t.Fatalf("exited %d before serving\nstdout: %s\nstderr: %s", s.code, s.out.String(), s.errOut.String())
		case <-deadline:
			t.Fatalf("not serving after 2 minutes\nstdout: %s\nstderr: %s", s.out.String(), s.errOut.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// stop cancels the context, as SIGINT does, and returns the exit status.
func (s *server) stop(t *testing.T) int {
	t.Helper()
	s.cancel()
	select {
	case <-s.finished:
	case <-time.After(15 * time.Second):
		t.Fatal("still running 15s after cancel")
	}
	return s.code
}

func httpStatus(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
