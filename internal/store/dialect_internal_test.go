package store

import "testing"

func TestPostgresRebindNumbersPlaceholdersOutsideQuotes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a = ? AND b = '?'", "a = $1 AND b = '?'"},
		{"SELECT 1", "SELECT 1"},
		{"VALUES (?,?,?)", "VALUES ($1,$2,$3)"},
		{"a = 'it''s ?' AND b = ?", "a = 'it''s ?' AND b = $1"},
		{"x IN (?, ?) OR y = '?' OR z = ?", "x IN ($1, $2) OR y = '?' OR z = $3"},
	}
	for _, tc := range cases {
		if got := (postgresDialect{}).rebind(tc.in); got != tc.want {
			t.Errorf("rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := (sqliteDialect{}).rebind(tc.in); got != tc.in {
			t.Errorf("sqlite rebind(%q) = %q, want it unchanged", tc.in, got)
		}
	}
}
