package store

import (
	"context"
	"strings"
	"testing"
)

// A failing migration must roll back whole and say which step failed.
func TestAFailedMigrationRollsBackAndNamesTheStep(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir()+"/m.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.ensureMigrationsTable(ctx); err != nil {
		t.Fatal(err)
	}
	bad := Migration{Version: 99, Name: "broken", SQL: `CREATE TABLE half_done (id INTEGER); SELECT * FROM no_such_table;`}
	err = s.apply(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "0099 broken") || !strings.Contains(err.Error(), "rolled back") {
		t.Fatalf("apply = %v, want an error naming step 0099 broken", err)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n)
	if n != 0 {
		t.Error("the table created before the failure was left behind")
	}
	s.db.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 99`).Scan(&n)
	if n != 0 {
		t.Error("the failed step was recorded as applied")
	}
}
