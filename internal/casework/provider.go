package casework

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// Provider is one Ofsted-registered setting of the register of placement
// providers: what the DfE's provider information (the Ofsted children's
// homes and social care providers lists) gives the SSDA903 rules that
// check a placement's URN (219, 221, 224, 227, 228, 229, 1008).
type Provider struct {
	ID            int64
	URN           string // Ofsted unique reference number, like SC123456
	Name          string
	Type          string     // Ofsted provider type, one of ProviderTypes
	PlaceCodes    []string   // the SSDA903 placement types (PLACE) it takes (rule 219)
	ProviderCodes []string   // the PLACE_PROVIDER codes it is (rule 224)
	Postcode      string     // of the setting (rule 221)
	LACode        string     // DfE number of the authority it is in (rule 229)
	Registered    time.Time  // registered with Ofsted
	Closed        *time.Time // registration ended (rules 227 and 228); nil while open
	Version       int
}

// NotRegisteredURN is the URN given for a placement whose setting is not
// registered with Ofsted (rules 218 and 222 take it as given).
const NotRegisteredURN = "XXXXXXX"

// noURNTypes are the placement types that take no URN (SSDA903 rule 222;
// rule 218 asks none of them).
const noURNTypes = "P1 P3 R1 R2 R5 T0 T1 T2 T3 T4 Z11 Z12 Z13 Z14"

// TakesURN reports whether a placement of type placeType has an Ofsted
// URN (rules 218 and 222).
func TakesURN(placeType string) bool {
	return ValidPlacementType(placeType) && !slices.Contains(strings.Fields(noURNTypes), placeType)
}

// urnPattern is the shape of an Ofsted URN: SC and six digits for a
// social care setting, or six or seven digits (rule 1008 takes any URN
// the provider information holds; these are the shapes Ofsted gives).
var urnPattern = regexp.MustCompile(`^(SC[0-9]{6}|[0-9]{6,7})$`)

// ValidURN reports whether s has the shape of an Ofsted URN.
func ValidURN(s string) bool { return urnPattern.MatchString(s) }

// NormaliseURN is s trimmed and upper case.
func NormaliseURN(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// providerTypes are Ofsted's provider types of the settings a child is
// placed with.
var providerTypes = []Code{
	{"CH", "Children's home"}, {"SCH", "Secure children's home"},
	{"RSS", "Residential special school"}, {"RFC", "Residential family centre"},
	{"IFA", "Independent fostering agency"}, {"LAF", "Local authority fostering agency"},
	{"VAA", "Voluntary adoption agency"}, {"LAA", "Local authority adoption agency"},
	{"SA", "Supported accommodation"},
}

// ProviderTypes returns Ofsted's provider types.
func ProviderTypes() []Code { return slices.Clone(providerTypes) }

// ProviderTypeCode is the code of an Ofsted provider type given by code
// or by name (any case), "" when it is neither.
func ProviderTypeCode(s string) string {
	s = strings.TrimSpace(s)
	for _, c := range providerTypes {
		if strings.EqualFold(c.Code, s) || strings.EqualFold(c.Label, s) {
			return c.Code
		}
	}
	return ""
}

// OpenOn reports whether the provider was registered on day d.
func (p Provider) OpenOn(d time.Time) bool {
	return !d.Before(p.Registered) && (p.Closed == nil || d.Before(*p.Closed))
}

// Validate checks a provider's own fields.
func (p Provider) Validate() error {
	v := &ValidationError{}
	if !ValidURN(p.URN) {
		v.Add("urn", "Enter the Ofsted URN, like SC123456")
	}
	if strings.TrimSpace(p.Name) == "" {
		v.Add("name", "Enter the setting's name")
	}
	if !inCodes(providerTypes, p.Type) {
		v.Add("type", "Select the Ofsted provider type")
	}
	if len(p.PlaceCodes) == 0 || slices.ContainsFunc(p.PlaceCodes, func(c string) bool { return !TakesURN(c) }) {
		v.Add("place_codes", "Select the placement types it takes (only types recorded with a URN)")
	}
	if len(p.ProviderCodes) == 0 || slices.ContainsFunc(p.ProviderCodes, func(c string) bool {
		return c == "PR0" || !inCodes(placementProviders, c)
	}) {
		v.Add("provider_codes", "Select who provides it (PR1 to PR5)")
	}
	if !postcodePattern.MatchString(NormalisePostcode(p.Postcode)) {
		v.Add("postcode", "Enter the setting's postcode, like LS1 1AA")
	}
	if !ValidLACode(p.LACode) {
		v.Add("la_code", "Enter the three-digit DfE number of the authority it is in")
	}
	if p.Registered.IsZero() {
		v.Add("registered", "Enter the date it was registered")
	}
	if p.Closed != nil && !p.Closed.After(p.Registered) {
		v.Add("closed", "The closure must be after the registration")
	}
	return v.Err()
}

// laCodePattern is a DfE local authority number.
var laCodePattern = regexp.MustCompile(`^[0-9]{3}$`)

// ValidLACode says whether code is a DfE local authority number: three
// digits, as 840.
func ValidLACode(code string) bool { return laCodePattern.MatchString(code) }

// CodeList splits codes given with commas, slashes or spaces (as the
// Ofsted lists give "K2/R3"), upper case, each once, in order.
func CodeList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ',' || r == '/' || r == ' ' || r == ';' }) {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// CheckPlacementURN checks a placement's URN against the register:
// prov is the register's entry for p.URN, nil when it holds none. A URN
// (not XXXXXXX) must be one the register holds, open on the day the
// placement began, taking its type and its provider code (rules 1008,
// 227, 219 and 224, checked as the placement is recorded).
func CheckPlacementURN(p Placement, prov *Provider) error {
	if p.URN == "" || p.URN == NotRegisteredURN {
		return nil
	}
	v := &ValidationError{}
	switch {
	case prov == nil:
		v.Add("urn", "Enter a URN the register of placement providers holds (type the setting's name or postcode to find it), or XXXXXXX for a setting not registered with Ofsted")
	case !prov.OpenOn(p.StartDate):
		v.Add("urn", "The provider was not registered with Ofsted on the day the placement began")
	case !slices.Contains(prov.PlaceCodes, p.Type):
		v.Add("urn", "The provider does not take placements of this type (SSDA903 rule 219)")
	case !slices.Contains(prov.ProviderCodes, p.Provider):
		v.Add("urn", "The provider is not "+p.Provider+" as the register holds it (SSDA903 rule 224)")
	}
	return v.Err()
}

// MissingURN reports whether the placement lacks the URN its type needs
// (SSDA903 rule 218). The placement forms ask for it; records made before
// the register was kept, and returns from elsewhere, may lack it.
func (p Placement) MissingURN() bool { return TakesURN(p.Type) && p.URN == "" }
