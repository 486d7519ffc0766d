package store

import (
	"strconv"
	"strings"
	"time"
)

// dialect holds every difference between SQLite and PostgreSQL that the
// queries meet. Queries are written with "?" placeholders.
type dialect interface {
	name() string
	rebind(q string) string
	// ts turns an instant into the value the backend stores (SQLite keeps
	// fixed-width UTC text so text order is time order).
	ts(t time.Time) any
	// forUpdate is the suffix that locks the selected row until commit
	// (SQLite locks the whole database at BEGIN IMMEDIATE instead).
	forUpdate() string
	// like is the case-insensitive LIKE operator.
	like() string
}

// tsLayout is how SQLite keeps instants: fixed width, UTC, microseconds.
const tsLayout = "2006-01-02 15:04:05.000000"

type sqliteDialect struct{}

func (sqliteDialect) name() string           { return "sqlite" }
func (sqliteDialect) rebind(q string) string { return q }
func (sqliteDialect) ts(t time.Time) any     { return t.UTC().Format(tsLayout) }
func (sqliteDialect) forUpdate() string      { return "" }
func (sqliteDialect) like() string           { return "LIKE" }

type postgresDialect struct{}

func (postgresDialect) name() string       { return "postgres" }
func (postgresDialect) ts(t time.Time) any { return t.UTC() }
func (postgresDialect) forUpdate() string  { return " FOR UPDATE" }
func (postgresDialect) like() string       { return "ILIKE" }

// rebind turns "?" into "$1", "$2"… outside quoted strings.
func (postgresDialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n, inQuote := 0, false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
			b.WriteByte(c)
		case c == '?' && !inQuote:
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// day turns a civil date into the value both backends store: ISO text,
// which PostgreSQL casts to DATE from the column's type.
func day(t time.Time) any { return t.Format("2006-01-02") }

// dayPtr is day for an optional date.
func dayPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return day(*t)
}
