package cin_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/returns/cin"
	"sightline/internal/store"
	"sightline/internal/store/storetest"
	"sightline/internal/synth/synthtest"
)

// generated writes a synthetic authority of size into a fresh store on
// backend, its history running to 30 June 2026 so the 2025 to 2026 year
// is whole.
func generated(t testing.TB, backend, size string) *store.Store {
	t.Helper()
	st := storetest.Open(t, backend)
	synthtest.Write(t, st, "steady", size, 7, calendar.Date(2026, time.June, 30))
	return st
}

// options is the 2025 to 2026 census with a fixed header time.
func options() cin.Options {
	return cin.Options{Year: 2026, LACode: "999", Release: "test", Generated: time.Date(2026, 4, 10, 9, 0, 0, 0, time.UTC),
		Calendar: calendar.Default()}
}

// export builds and writes the census of st.
func export(t testing.TB, st *store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := cin.ExportStore(context.Background(), st, &buf, options()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// xmllint validates file against the 2026 schema; without xmllint the
// test is skipped (failed when CI=true).
func xmllint(t *testing.T, file []byte) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is not installed (Debian: libxml2-utils); CI needs it to check the export against the schema")
		}
		t.Skip("xmllint is not installed (Debian: libxml2-utils): schema check skipped")
	}
	path := filepath.Join(t.TempDir(), "cin.xml")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "--noout", "--schema", "schema/CIN_schema_2026.xsd", path).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint: %v\n%.3000s", err, out)
	}
}
