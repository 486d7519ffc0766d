package cin

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
)

// codelists is every enumeration of CIN_schema_2026.xsd: type, code, label
// (see schema/README.md for its origin).
//
//go:embed schema/codelists_2025_26.csv
var codelists []byte

// codeSets is the code lists by schema type, in file order.
var codeSets = func() map[string][]string {
	rows, err := csv.NewReader(bytes.NewReader(codelists)).ReadAll()
	if err != nil {
		panic(fmt.Sprintf("cin: embedded code lists: %v", err))
	}
	out := map[string][]string{}
	for _, r := range rows[1:] {
		out[r[0]] = append(out[r[0]], r[1])
	}
	return out
}()

var codeIndex = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for list, codes := range codeSets {
		out[list] = map[string]bool{}
		for _, c := range codes {
			out[list][c] = true
		}
	}
	return out
}()

// ValidCode reports whether code is in the schema's list (e.g.
// "referralsourcetype").
func ValidCode(list, code string) bool { return codeIndex[list][code] }

// Codes returns a list's codes in schema order.
func Codes(list string) []string { return append([]string(nil), codeSets[list]...) }
