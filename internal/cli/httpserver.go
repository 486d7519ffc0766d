package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long requests in flight may take to finish once
// sightline is asked to stop.
const shutdownGrace = 10 * time.Second

// serveHTTP listens on addr, calls ready with the URL actually bound (so
// port 0 works), and serves h until ctx is cancelled; then it stops taking
// new connections and lets requests in flight finish, for up to
// shutdownGrace. A clean shutdown returns nil.
func serveHTTP(ctx context.Context, addr string, h http.Handler, logger *slog.Logger, ready func(url string)) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second, // slow-loris: a client must send its headers promptly
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // long enough for an export to render
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String()
	logger.Info("serving", "url", url)
	ready(url)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve on %s: %w", addr, err)
	case <-ctx.Done():
	}
	return shutdown(ctx, srv, logger)
}

// shutdown stops srv gracefully, or closes it when the grace runs out.
func shutdown(ctx context.Context, srv *http.Server, logger *slog.Logger) error {
	logger.Info("shutting down", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
		return fmt.Errorf("requests were still running after %s and were cut off", shutdownGrace)
	}
	if err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	logger.Info("stopped")
	return nil
}
