package cin_test

import (
	"bytes"
	"testing"
)

// TestExportSmallMatchesSchema exports a generated small authority's
// 2025 to 2026 census and checks it against CIN_schema_2026.xsd.
func TestExportSmallMatchesSchema(t *testing.T) {
	file := export(t, generated(t, "sqlite", "small"))
	if n := bytes.Count(file, []byte("<Child>")); n < 100 {
		t.Fatalf("the census holds %d children; a small authority has hundreds in need in a year", n)
	}
	xmllint(t, file)
}
