package casework

import (
	"strings"
	"time"
	"unicode"
)

// SearchTerms is a parsed "find a child" query. A person types names,
// identifiers and dates of birth in any order; each word is classified so
// the store can match it against the right column.
type SearchTerms struct {
	Names       []string   // lower-cased name fragments, accents removed
	Identifiers []string   // upper-cased identifiers (LA child ID, UPN, NHS number)
	Birth       *time.Time // a date of birth, if one was typed
}

// Empty reports whether nothing searchable was typed.
func (s SearchTerms) Empty() bool {
	return len(s.Names) == 0 && len(s.Identifiers) == 0 && s.Birth == nil
}

// maxSearchWords bounds the work one query can cause.
const maxSearchWords = 6

// ParseSearch splits a query into names, identifiers and a date of birth.
// parseDate is the calendar's user-date parser (passed in to keep this
// package free of dependencies). Words of one letter are ignored; the
// result never has more than maxSearchWords words.
func ParseSearch(q string, parseDate func(string) (time.Time, error)) SearchTerms {
	var st SearchTerms
	q = strings.TrimSpace(q)
	if len(q) > 200 {
		q = q[:200]
	}
	if d, err := parseDate(q); err == nil {
		st.Birth = &d
		return st
	}
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		if len(st.Names)+len(st.Identifiers) >= maxSearchWords {
			break
		}
		if d, err := parseDate(w); err == nil {
			st.Birth = &d
			continue
		}
		if hasDigit(w) {
			st.Identifiers = append(st.Identifiers, NormaliseIdentifier(w))
			continue
		}
		if n := FoldName(w); len([]rune(n)) > 1 {
			st.Names = append(st.Names, n)
		}
	}
	return st
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// FoldName lower-cases a name and strips accents and punctuation, so that
// "O'Brien", "o brien" and "Zoë" match "obrien" and "zoe". Stored names are
// folded the same way into a search column.
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := foldAccents[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldAccents covers the Latin letters common in names in England.
var foldAccents = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ù': "u",
	'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'ł': "l", 'ś': "s",
	'ș': "s", 'ş': "s", 'ț': "t", 'ź': "z", 'ż': "z", 'ć': "c", 'č': "c", 'ř': "r", 'š': "s", 'ž': "z",
}

// SearchKey is the folded text the store keeps for a child so that a name
// search is one indexed-friendly LIKE over one column.
func SearchKey(c Child) string {
	parts := []string{FoldName(c.FirstName), FoldName(c.LastName)}
	for _, w := range strings.Fields(c.KnownAs) {
		parts = append(parts, FoldName(w))
	}
	return " " + strings.Join(parts, " ") + " "
}
