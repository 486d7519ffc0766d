package casework_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
)

// parseDate stands in for calendar.ParseDate (casework may import only the
// standard library): ISO and d/m/yyyy.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2/1/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New("not a date")
}

func TestParseSearchSortsWordsIntoNamesIdentifiersAndBirth(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want casework.SearchTerms
	}{
		{"Maya Brooks", casework.SearchTerms{Names: []string{"maya", "brooks"}}},
		{"  O'Brien, Zoë ", casework.SearchTerms{Names: []string{"obrien", "zoe"}}},
		{"brook 14/3/2015", casework.SearchTerms{Names: []string{"brook"}, Birth: ptr(day(2015, 3, 14))}},
		{"14/3/2015", casework.SearchTerms{Birth: ptr(day(2015, 3, 14))}},
		{"a123456789012", casework.SearchTerms{Identifiers: []string{"A123456789012"}}},
		{"x", casework.SearchTerms{}}, // one letter is too little to search on
		{"", casework.SearchTerms{}},
	} {
		got := casework.ParseSearch(tc.q, parseDate)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseSearch(%q) = %+v, want %+v", tc.q, got, tc.want)
		}
	}
}

func TestSearchKeyFoldsNames(t *testing.T) {
	got := casework.SearchKey(casework.Child{FirstName: "Zoë", LastName: "O'Brien-Smith", KnownAs: "Zo B"})
	if got != " zoe obriensmith zo b " {
		t.Errorf("SearchKey = %q", got)
	}
}

// FuzzParseSearch: no query can panic the parser or produce more words
// than the limit, and names are always folded.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"Maya Brooks", "14/3/2015", "%_", "a b c d e f g h", "ÿ\x00\xff", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		st := casework.ParseSearch(q, parseDate)
		if len(st.Names)+len(st.Identifiers) > 6 {
			t.Errorf("too many words: %+v", st)
		}
		for _, n := range st.Names {
			if n != casework.FoldName(n) || n == "" {
				t.Errorf("name %q is not folded", n)
			}
		}
	})
}
