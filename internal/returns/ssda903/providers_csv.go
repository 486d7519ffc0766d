package ssda903

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"sightline/internal/casework"
)

// ProviderColumns are the columns of a list of placement providers, as
// the Ofsted children's social care providers list names them (any case;
// other columns are ignored): each with the names it may go by. The
// validator's provider information takes URN, placement code, placement
// provider code, deregistration date and postcode from it; sightline's
// register also keeps the name, the provider type, the registration date
// and the DfE number of the authority the setting is in (rule 229 compares
// it with the placing authority's: the DfE's validator infers it from the
// postcode; the list gives the DfE number itself, which the postcode
// directory, keyed by ONS codes, does not).
var ProviderColumns = []struct {
	Field    string
	Names    []string
	Optional bool
}{
	{"urn", []string{"urn"}, false},
	{"name", []string{"setting name", "provider name", "name"}, false},
	{"type", []string{"provider type", "provision type"}, false},
	{"place_codes", []string{"placement code", "provider placement code"}, false},
	{"provider_codes", []string{"placement provider code", "provider code"}, false},
	{"postcode", []string{"setting address postcode", "setting postcode", "postcode"}, false},
	{"la_code", []string{"local authority code", "la code"}, false},
	{"registered", []string{"registration date", "registered date"}, false},
	{"closed", []string{"deregistration date", "closed date"}, true},
}

// ReadProviders reads a list of placement providers: the providers of
// the rows that are good, and a Problem for each field of a row that is
// not (file, line, field and why), or an error when the list cannot be
// read at all (no header, a column missing). A URN given twice is a
// problem on its second row.
func ReadProviders(r io.Reader, file string) ([]casework.Provider, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: read the header row: %w", file, err)
	}
	at, err := providerColumnsAt(header)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	var out []casework.Provider
	var problems []Problem
	seen := map[string]int{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: line %d: %w", file, line, err)
		}
		get := func(field string) string {
			if i, ok := at[field]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		p, bad := providerOf(get)
		if first, ok := seen[p.URN]; ok && p.URN != "" {
			bad = append(bad, Problem{Field: "urn", Message: fmt.Sprintf("URN %s is given twice: first on line %d", p.URN, first)})
		}
		seen[p.URN] = line
		for i := range bad {
			bad[i].File, bad[i].Line, bad[i].Child = file, line, p.URN
			bad[i].Field = columnName(header, at, bad[i].Field)
		}
		if problems = append(problems, bad...); len(bad) == 0 {
			out = append(out, p)
		}
	}
	return out, problems, nil
}

// providerColumnsAt finds each column of ProviderColumns in header.
func providerColumnsAt(header []string) (map[string]int, error) {
	at := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		for _, c := range ProviderColumns {
			if _, done := at[c.Field]; !done && inNames(c.Names, h) {
				at[c.Field] = i
			}
		}
	}
	var missing []string
	for _, c := range ProviderColumns {
		if _, ok := at[c.Field]; !ok && !c.Optional {
			missing = append(missing, fmt.Sprintf("%q", c.Names[0]))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the list has no column %s", strings.Join(missing, ", "))
	}
	return at, nil
}

// columnName is the header of the file's column for field, as the file
// spells it, so that a problem names the column the user sees.
func columnName(header []string, at map[string]int, field string) string {
	if i, ok := at[field]; ok && i < len(header) {
		if h := strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")); h != "" {
			return h
		}
	}
	return field
}

func inNames(names []string, h string) bool {
	for _, n := range names {
		if n == h {
			return true
		}
	}
	return false
}

// providerOf is the provider of a row, with a Problem for each bad field
// (casework.Provider's own checks, and dates that are no dates).
func providerOf(get func(string) string) (casework.Provider, []Problem) {
	p := casework.Provider{URN: casework.NormaliseURN(get("urn")), Name: get("name"),
		Type: casework.ProviderTypeCode(get("type")), PlaceCodes: casework.CodeList(get("place_codes")),
		ProviderCodes: casework.CodeList(get("provider_codes")), Postcode: casework.NormalisePostcode(get("postcode")),
		LACode: get("la_code")}
	var bad []Problem
	reg, ok := listDate(get("registered"))
	if ok {
		p.Registered = reg
	}
	if closed := get("closed"); closed != "" {
		if d, ok := listDate(closed); ok {
			p.Closed = &d
		} else {
			bad = append(bad, Problem{Field: "closed", Message: fmt.Sprintf("%q is no date (dd/mm/yyyy)", printable(closed))})
		}
	}
	var v *casework.ValidationError
	if err := p.Validate(); errors.As(err, &v) {
		for _, f := range v.Fields() {
			if f == "registered" && get("registered") != "" {
				bad = append(bad, Problem{Field: f, Message: fmt.Sprintf("%q is no date (dd/mm/yyyy)", printable(get("registered")))})
				continue
			}
			if f == "closed" && p.Closed == nil {
				continue
			}
			bad = append(bad, Problem{Field: f, Message: fmt.Sprintf("%q is refused: %s", printable(get(f)), v.For(f))})
		}
	}
	return p, bad
}

// listDate reads a date of a provider list: dd/mm/yyyy as Ofsted's lists
// give them, or yyyy-mm-dd.
func listDate(s string) (time.Time, bool) {
	if d, ok := parseDate(s); ok {
		return d, true
	}
	d, err := time.Parse(time.DateOnly, s)
	return d, err == nil
}
