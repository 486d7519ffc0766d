package cli

import (
	"context"
	"fmt"
	"log/slog"

	"sightline/internal/store"
)

// serveOptions are the flags serve and demo share.
type serveOptions struct {
	addr          string
	secureCookies bool
	trustProxy    bool
	logFormat     string
}

func (o *serveOptions) register(f *flags) {
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "the address to listen on (port 0 picks a free port)")
	f.StringVar(&o.logFormat, "log-format", "text", "how to write logs on stderr: text or json")
}

func runServe(ctx context.Context, e *env, args []string) error {
	f := newFlags(e, "serve", "--db DB [--addr 127.0.0.1:8080] [--secure-cookies] [--trust-proxy] [--log-format text|json]",
		"Serves the web UI. It refuses a database whose schema is not up to date: run `sightline migrate` first.")
	db := f.dbFlag()
	var o serveOptions
	o.register(f)
	f.BoolVar(&o.secureCookies, "secure-cookies", false, "always mark cookies Secure (set this when users reach sightline over HTTPS)")
	f.BoolVar(&o.trustProxy, "trust-proxy", false, "take the client address and scheme from X-Forwarded-For and X-Forwarded-Proto (only behind your own proxy)")
	if err := f.parse(args); err != nil {
		return err
	}
	dsn, err := database(*db)
	if err != nil {
		return err
	}
	logger, err := newLogger(e.stderr, o.logFormat)
	if err != nil {
		return err
	}
	st, err := openCurrent(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	return serveStore(ctx, st, o, logger, func(url string) {
		fmt.Fprintf(e.stdout, "sightline is serving on %s\n", url)
	})
}

// serveStore builds the web application over st and serves it until ctx
// is cancelled; ready is called once the address is bound.
func serveStore(ctx context.Context, st *store.Store, o serveOptions, logger *slog.Logger, ready func(url string)) error {
	h, err := newHandler(ctx, st, logger, o)
	if err != nil {
		return err
	}
	return serveHTTP(ctx, o.addr, h, logger, ready)
}
