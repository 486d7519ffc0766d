package engine

import (
	"context"
	"sync"
	"time"
)

// warmState is the load Warm starts in the background.
type warmState struct {
	mu      sync.Mutex
	started time.Time
	done    chan struct{} // closed when the load ends; nil until Warm
}

// Warm starts reading every record in the background, so that the first
// dashboard asked for after start-up is answered from memory. A query
// asked for meanwhile waits for the load (it needs the engine's lock), so
// no figure is ever worked out from records half read. Calling Warm again
// does nothing; done, when not nil, is told how the load went.
func (e *Engine) Warm(ctx context.Context, done func(err error, took time.Duration)) {
	e.warm.mu.Lock()
	if e.warm.done != nil {
		e.warm.mu.Unlock()
		return
	}
	started, ch := time.Now(), make(chan struct{})
	e.warm.started, e.warm.done = started, ch
	e.warm.mu.Unlock()
	go func() {
		defer close(ch)
		err := e.Refresh(ctx) // loads everything, the engine being empty
		if done != nil {
			done(err, time.Since(started))
		}
	}()
}

// Loading says whether the background load is still running, and since
// when.
func (e *Engine) Loading() (bool, time.Time) {
	e.warm.mu.Lock()
	defer e.warm.mu.Unlock()
	if e.warm.done == nil {
		return false, time.Time{}
	}
	select {
	case <-e.warm.done:
		return false, e.warm.started
	default:
		return true, e.warm.started
	}
}

// AwaitWarm waits up to d for the background load to end and reports
// whether it has; true at once when no load was started, false when ctx
// ends first.
func (e *Engine) AwaitWarm(ctx context.Context, d time.Duration) bool {
	e.warm.mu.Lock()
	ch := e.warm.done
	e.warm.mu.Unlock()
	if ch == nil {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}
