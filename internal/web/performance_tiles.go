package web

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"sightline/internal/calendar"
)

// tileCache keeps the performance page's tiles as rendered HTML. The tiles
// are the same for every user for one date and one generation of the
// engine's figures (links and figures alike; the pages behind the links
// check each user's access), and rendering some forty of them is most of
// the page's work: with fifty people asking for the dashboard at once,
// rendering them once per date and generation keeps each answer quick.
type tileCache struct {
	mu      sync.Mutex
	entries map[string]template.HTML
}

// maxTileEntries bounds the dates kept; a write starts a new generation,
// and older entries go when the map is next full.
const maxTileEntries = 32

func tileKey(p *performancePage) string {
	return fmt.Sprintf("%s|%d", calendar.FormatDate(p.AsAt), p.gen)
}

// kept returns the tiles of p's date and generation when they are kept,
// "" otherwise.
func (c *tileCache) kept(p *performancePage) template.HTML {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[tileKey(p)]
}

// render renders the tiles of p with the page's template set t and keeps
// them.
func (c *tileCache) render(t *template.Template, p *performancePage) (template.HTML, error) {
	key := tileKey(p)
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "perftiles", p); err != nil {
		return "", fmt.Errorf("render the performance tiles: %w", err)
	}
	html := template.HTML(buf.String()) // rendered by html/template, so escaped
	c.mu.Lock()
	if c.entries == nil || len(c.entries) >= maxTileEntries {
		c.entries = map[string]template.HTML{}
	}
	c.entries[key] = html
	c.mu.Unlock()
	return html, nil
}
