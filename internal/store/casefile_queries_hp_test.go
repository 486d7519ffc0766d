package store

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"sightline/internal/casework"
)

// countingQuerier counts the queries a read runs.
type countingQuerier struct {
	querier
	n int
}

func (c *countingQuerier) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	c.n++
	return c.querier.query(ctx, q, args...)
}

func (c *countingQuerier) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	c.n++
	return c.querier.queryRow(ctx, q, args...)
}

// CaseFiles runs the same 32 queries (children, open involvements, and one
// per kind of record) for one child as for two hundred: "My work" and the
// team view call it on every page view.
func TestCaseFilesRunAConstantNumberOfQueries(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir()+"/q.db", WithClock(func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	team, err := s.CreateTeam(ctx, System, casework.Team{Name: "A", Kind: "assessment"})
	if err != nil {
		t.Fatal(err)
	}
	worker := func(name string) int64 {
		w, err := s.CreateWorker(ctx, System, casework.Worker{Name: name, TeamID: &team.ID, FTE: 1,
			EmploymentType: casework.Permanent, StartDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		return w.ID
	}
	one, many := worker("One"), worker("Many")
	born := time.Date(2015, 3, 14, 0, 0, 0, 0, time.UTC)
	for i := range 201 {
		c, err := s.CreateChild(ctx, System, casework.Child{LAChildID: fmt.Sprintf("LA%d", i), FirstName: "C",
			LastName: fmt.Sprint(i), DateOfBirth: &born, Sex: "F", Ethnicity: "WBRI"})
		if err != nil {
			t.Fatal(err)
		}
		holder := many
		if i == 0 {
			holder = one
		}
		if _, err := s.OpenInvolvement(ctx, System, casework.Involvement{ChildID: c.ID,
			StartDate: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), TeamID: &team.ID, WorkerID: &holder}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		worker int64
		want   int
	}{{one, 1}, {many, 200}} {
		q := &countingQuerier{querier: s}
		files, err := caseFiles(ctx, q, CaseFileFilter{WorkerID: tc.worker, OpenOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != tc.want || q.n != 3+len(caseFileParts) || q.n != 32 {
			t.Errorf("%d case files in %d queries, want %d in 32", len(files), q.n, tc.want)
		}
	}
}
