package cin_test

import (
	"bytes"
	"context"
	"os"
	"testing"

	"sightline/internal/returns/cin"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
)

// roundTrip exports a generated authority, imports the file into an empty
// database, exports that, and wants the same bytes.
func roundTrip(t *testing.T, backend, size string) {
	first := export(t, generated(t, backend, size))
	m, problems, err := cin.Read(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("reading sightline's own export: %s", p)
	}
	empty := storetest.Open(t, backend)
	rep, err := cin.Import(context.Background(), empty, &m, problems, cin.ImportOptions{Source: "first.xml",
		Actor: store.Actor{Name: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Written || len(rep.Refused) > 0 || rep.Children != len(m.Children) {
		t.Fatalf("import: %+v", rep)
	}
	second := export(t, empty)
	if !bytes.Equal(first, second) {
		os.WriteFile(t.TempDir()+"/first.xml", first, 0o600)
		t.Fatalf("export → import → export changed the file:\n%s", firstDiff(first, second))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			lo := max(0, i-8)
			return "first:\n" + string(bytes.Join(la[lo:i+3], []byte("\n"))) +
				"\nsecond:\n" + string(bytes.Join(lb[lo:min(len(lb), i+3)], []byte("\n")))
		}
	}
	return "one file is longer"
}

func TestRoundTripSmall(t *testing.T) {
	for _, b := range storetest.Backends {
		t.Run(b, func(t *testing.T) { roundTrip(t, b, "small") })
	}
}

// TestRoundTripLA is the same at the size of a whole authority; -short
// skips it.
func TestRoundTripLA(t *testing.T) {
	if testing.Short() {
		t.Skip("la round trip skipped in -short")
	}
	roundTrip(t, "sqlite", "la")
}
