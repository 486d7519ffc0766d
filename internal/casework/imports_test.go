package casework_test

import (
	"go/build"
	"strings"
	"testing"
)

// The domain packages import only the standard library and each other, so
// their rules can be read and tested on their own (DESIGN.md, rules of the
// house): never a database, the web, or a third-party module. The
// indicator rules (package metrics) are among them; the engine that feeds
// them from the store is its own package, metrics/engine.
var domainPackages = map[string]bool{"sightline/internal/casework": true, "sightline/internal/calendar": true}

func TestDomainPackagesImportOnlyTheStandardLibrary(t *testing.T) {
	for _, dir := range []string{".", "../calendar", "../timescale", "../metrics"} {
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			if strings.Contains(err.Error(), "no buildable Go source") || strings.Contains(err.Error(), "cannot find") {
				continue // a package not written yet
			}
			t.Fatalf("%s: %v", dir, err)
		}
		for _, imp := range pkg.Imports {
			if strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") || (strings.HasPrefix(imp, "sightline/") && !domainPackages[imp]) {
				t.Errorf("package %s imports %s: domain packages may import only the standard library", pkg.Name, imp)
			}
		}
	}
}
