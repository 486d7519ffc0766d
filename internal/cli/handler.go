package cli

import (
	"fmt"
	"log/slog"
	"net/http"

	"sightline/internal/store"
	"sightline/internal/web"
)

// newHandler builds the web application.
func newHandler(st *store.Store, logger *slog.Logger, o serveOptions) (http.Handler, error) {
	srv, err := web.New(web.Config{
		Store:         st,
		Logger:        logger,
		SecureCookies: o.secureCookies,
		TrustProxy:    o.trustProxy,
	})
	if err != nil {
		return nil, fmt.Errorf("start the web server: %w", err)
	}
	return srv, nil
}
