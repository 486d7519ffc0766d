package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"sightline/internal/store"
	"sightline/internal/web"
)

// newHandler builds the web application and starts loading the indicator
// engine in the background, so that the first dashboard is quick; the load
// stops with ctx.
func newHandler(ctx context.Context, st *store.Store, logger *slog.Logger, o serveOptions) (http.Handler, error) {
	srv, err := web.New(web.Config{
		Store:         st,
		Logger:        logger,
		SecureCookies: o.secureCookies,
		TrustProxy:    o.trustProxy,
	})
	if err != nil {
		return nil, fmt.Errorf("start the web server: %w", err)
	}
	srv.WarmIndicators(ctx)
	return srv, nil
}
