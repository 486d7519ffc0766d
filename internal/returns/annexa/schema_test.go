package annexa_test

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// schemaColumns reads schema/columns.txt, the column names of each list
// as liia-pipeline's Annex_A_schema.yml gives them, keyed by sheet name.
func schemaColumns(t *testing.T) map[string][]string {
	t.Helper()
	f, err := os.Open("schema/columns.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := map[string][]string{}
	var sheet string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "[list_") {
			sheet = "List " + strings.TrimSuffix(strings.TrimPrefix(line, "[list_"), "]")
			continue
		}
		cols[sheet] = append(cols[sheet], line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cols
}
