package web

import (
	"context"
	"fmt"
	"sync"
	"time"

	"sightline/internal/calendar"
)

// returnChecks keeps the returns page's checks of sightline's own exports.
// Building a year's census and return from every case file and running the
// DfE's rules on them takes seconds on a whole authority, and the answer
// changes only when the record does: each check is kept for the history's
// head (the last write) and the day, so a second look at the page, or the
// next analyst's, is quick, and any write (a form, an import, a generator
// batch, a setting or a bank holiday) makes the next look build again.
// Downloads always build afresh.
type returnChecks struct {
	mu      sync.Mutex
	entries map[string]*returnCheck
}

// returnCheck is one check being built or built: the first asker builds
// it, and anyone asking meanwhile waits for that build, not a second one.
type returnCheck struct {
	once sync.Once
	val  any
	err  error
	at   time.Time // when the build finished
}

// maxReturnChecks bounds the checks kept; older heads go when it is full.
const maxReturnChecks = 16

// get returns the check named name as at the record's head, building it
// with build when it is not kept. at is when it was built.
func (c *returnChecks) get(ctx context.Context, s *Server, name string, build func(context.Context) (any, error)) (val any, at time.Time, err error) {
	head, err := s.store.HistoryHead(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	key := fmt.Sprintf("%s|%d|%s", name, head, calendar.FormatDate(s.today()))
	c.mu.Lock()
	if c.entries == nil || (c.entries[key] == nil && len(c.entries) >= maxReturnChecks) {
		c.entries = map[string]*returnCheck{}
	}
	e := c.entries[key]
	if e == nil {
		e = &returnCheck{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		// Built apart from the asker's request, so that one asker going
		// away does not fail the others waiting on the same build.
		e.val, e.err = build(context.WithoutCancel(ctx))
		e.at = s.now()
	})
	if e.err != nil {
		// A failed build (a cancelled request, a lost connection) is not
		// kept: the next look tries again.
		c.mu.Lock()
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		c.mu.Unlock()
		return nil, time.Time{}, e.err
	}
	return e.val, e.at, nil
}
