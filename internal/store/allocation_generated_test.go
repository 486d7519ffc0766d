package store_test

import (
	"io"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/cli"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/timescale"
)

// generatedSmall generates a small authority (the inadequate-2015 scenario,
// 30 June 2015) on the backend and opens it.
func generatedSmall(t *testing.T, backend string) *store.Store {
	t.Helper()
	dsn := storetest.DSN(t, backend)
	args := []string{"generate", "--db", dsn, "--scenario", "inadequate-2015", "--size", "small", "--seed", "1"}
	if code := cli.Run(ctx, args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("generate small: exit %d", code)
	}
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The queue reads only what the timescale rules read of each waiting
// child's case file (no contacts, only the visits where the child was
// seen); on generated data, as at the last day and earlier ones, each
// child's next task must be the one its full case file gives.
func TestTheQueuesNextTaskIsTheFullCaseFilesOnGeneratedData(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			s := generatedSmall(t, backend)
			cal := must[*calendar.Calendar](t)(s.Calendar(ctx))
			stored := must[map[string]store.Setting](t)(s.Settings(ctx))
			values := map[string]string{}
			for k, v := range stored {
				values[k] = v.Value
			}
			st := must[timescale.Settings](t)(timescale.SettingsFrom(values))
			checked := 0
			for _, asAt := range []time.Time{d(2015, 6, 30), d(2015, 1, 15), d(2014, 6, 30)} {
				q := must[store.Queue](t)(s.UnallocatedQueue(ctx, store.QueueFilter{AsAt: asAt}))
				for _, e := range q.Entries {
					cf := must[casework.CaseFile](t)(s.CaseFile(ctx, e.Child.ID))
					want := timescale.Next(timescale.Tasks(cf, cal, st, asAt))
					if !sameTask(e.Next, want) {
						t.Errorf("%s on %s: queue's next task %+v, full case file's %+v", e.Child.LAChildID, asAt.Format("2006-01-02"), e.Next, want)
					}
					checked++
				}
			}
			if checked == 0 {
				t.Fatal("no child waited on any date checked: the comparison checked nothing")
			}
		})
	}
}

// sameTask compares two next tasks by rule, due date, status and record.
func sameTask(a, b *timescale.Task) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Rule.ID == b.Rule.ID && a.Due.Equal(b.Due) && a.Status == b.Status && a.RecordID == b.RecordID
}
