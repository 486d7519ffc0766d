package engine

import (
	"slices"
	"strings"
	"sync"

	"sightline/internal/metrics"
)

// resultCache keeps the figures worked out for the data as it stands, so
// that the dashboard asked for by many people at once is worked out once:
// every indicator for an `la` authority is some 20 ms of CPU, and on two
// cores fifty users asking together would otherwise queue for half a
// second. An entry is for one generation of the data (Engine.gen); any
// change to the data starts afresh. Entries are worked out once each even
// when asked for together.
type resultCache struct {
	mu      sync.Mutex
	gen     int64
	entries map[string]*cachedResult
}

type cachedResult struct {
	once    sync.Once
	results []metrics.Result
}

// maxCached bounds the entries kept for one generation: trends ask for a
// figure at every month end, and a generation can last a quiet day.
const maxCached = 512

// get returns the results of q on the data of generation gen, working them
// out with compute when they are not kept. The caller holds the engine's
// read lock, so the data cannot change meanwhile.
func (c *resultCache) get(gen int64, q metrics.Query, compute func(metrics.Query) []metrics.Result) []metrics.Result {
	key := queryKey(q)
	c.mu.Lock()
	if c.gen != gen || len(c.entries) >= maxCached {
		c.gen, c.entries = gen, map[string]*cachedResult{}
	}
	entry, ok := c.entries[key]
	if !ok {
		entry = &cachedResult{}
		c.entries[key] = entry
	}
	c.mu.Unlock()
	entry.once.Do(func() { entry.results = compute(q) })
	// Callers get their own slice; the results inside are read-only.
	return slices.Clone(entry.results)
}

// queryKey names a query: nil IDs (every indicator) differ from none.
func queryKey(q metrics.Query) string {
	ids := "*"
	if q.IDs != nil {
		ids = "=" + strings.Join(q.IDs, ",")
	}
	return q.AsAt.Format("2006-01-02") + "|" + q.From.Format("2006-01-02") + "|" + string(q.Split) + "|" + ids
}
