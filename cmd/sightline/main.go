// Command sightline is the case-management system for a local authority's
// children's social care service. Everything it does is in package cli, so
// the whole program can be run in-process by tests.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	_ "time/tzdata" // Europe/London dates on machines without a tz database

	"sightline/internal/cli"
)

func main() { os.Exit(run()) }

// run exists so that stop runs before os.Exit, which skips deferred calls.
func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
}
