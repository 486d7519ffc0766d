package ssda903

import (
	"slices"

	"sightline/internal/casework"
	"sightline/internal/postcode"
)

// Rules on the Ofsted URN of an episode's placement. 218 and 222 look at
// the episode alone; the others check the URN against the DfE's provider
// information (Context.Providers: the register sightline keeps, or a list
// given to `sightline validate ssda903 --providers`) and find nothing
// without it. A URN of XXXXXXX (a setting not registered with Ofsted) is
// checked by none of them.
var urnRules = []Rule{
	{Code: "218", Message: "Ofsted Unique reference number (URN) is required.", check: eachRow(Episodes, "URN",
		func(x *Context, row *Row) bool {
			dec, ok := dateIn(row, "DEC")
			endsInYear := row.Get("DEC") == "" || (ok && !dec.Before(x.Year.Start()))
			return row.Get("URN") == "" && endsInYear && !shortBreak(row) && !in(noURNPlaces, row.Get("PLACE"))
		})},
	{Code: "222", Message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
		check: eachRow(Episodes, "URN", func(_ *Context, row *Row) bool {
			return registeredURN(row) && in(noURNPlaces, row.Get("PLACE"))
		})},
	{Code: "219", Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
		check: withProvider("URN", func(_ *Context, row *Row, p casework.Provider) bool {
			return !slices.Contains(p.PlaceCodes, row.Get("PLACE"))
		})},
	{Code: "221", Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		check: withProvider("PL_POST", func(_ *Context, row *Row, p casework.Provider) bool {
			post := row.Get("PL_POST")
			return !shortBreak(row) && in(postcodeCheckedPlaces, row.Get("PLACE")) && post != "" &&
				postcode.Compact(post) != postcode.Compact(p.Postcode)
		})},
	{Code: "224", Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
		check: withProvider("PLACE_PROVIDER", func(_ *Context, row *Row, p casework.Provider) bool {
			return !slices.Contains(p.ProviderCodes, row.Get("PLACE_PROVIDER"))
		})},
	{Code: "227", Message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
		check: withProvider("URN", func(_ *Context, row *Row, p casework.Provider) bool {
			start, ok := dateIn(row, "DECOM")
			return ok && p.Closed != nil && !start.Before(*p.Closed)
		})},
	{Code: "228", Message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
		check: withProvider("URN", func(x *Context, row *Row, p casework.Provider) bool {
			if p.Closed == nil {
				return false
			}
			if row.Get("DEC") == "" {
				return x.Year.End().After(*p.Closed)
			}
			end, ok := dateIn(row, "DEC")
			return ok && end.After(*p.Closed)
		})},
	{Code: "229", Message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
		check: withProvider("PLACE_PROVIDER", func(x *Context, row *Row, p casework.Provider) bool {
			switch row.Get("PLACE_PROVIDER") {
			case "PR1":
				return x.LACode != "" && p.LACode != x.LACode
			case "PR2":
				return x.LACode != "" && p.LACode == x.LACode
			}
			return false
		})},
	{Code: "1008", Message: "Ofsted Unique Reference Number (URN) is not valid.", check: func(x *Context, r *Return) []Hit {
		if x.Providers == nil {
			return nil
		}
		var hits []Hit
		for _, row := range r.Files[Episodes] {
			if _, ok := x.Providers[row.Get("URN")]; registeredURN(row) && !ok {
				hits = append(hits, Hit{File: Episodes, Row: row, Field: "URN"})
			}
		}
		return hits
	}},
}

// ProviderRules are the codes of the rules that need the DfE's provider
// information; without it they find nothing.
var ProviderRules = []string{"219", "221", "224", "227", "228", "229", "1008"}

// noURNPlaces are the placement types that take no URN (rules 218, 222).
var noURNPlaces = []string{"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}

// postcodeCheckedPlaces are the placement types whose postcode is the
// setting's (rule 221): a foster placement's is the carers' home, not the
// agency's.
var postcodeCheckedPlaces = []string{"K1", "K2", "R3", "S1"}

// registeredURN reports whether the episode gives a URN other than
// XXXXXXX.
func registeredURN(row *Row) bool {
	v := row.Get("URN")
	return v != "" && v != casework.NotRegisteredURN
}

// withProvider is a rule on episodes whose URN the provider information
// holds: bad says whether the episode breaks it, given the provider.
// Without provider information, or for a URN it does not hold (rule
// 1008's), it finds nothing.
func withProvider(field string, bad func(x *Context, row *Row, p casework.Provider) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		if x.Providers == nil {
			return nil
		}
		var hits []Hit
		for _, row := range r.Files[Episodes] {
			if p, ok := x.Providers[row.Get("URN")]; ok && registeredURN(row) && bad(x, row, p) {
				hits = append(hits, Hit{File: Episodes, Row: row, Field: field})
			}
		}
		return hits
	}
}
