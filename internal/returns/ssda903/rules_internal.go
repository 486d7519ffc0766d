package ssda903

// The validator's internal checks: every child of a file is in the
// Header, with the Header's date of birth (and sex in UASC), and is in a
// one-row-per-child file once; and a Header child has episodes or care
// leaver information (EPI, a warning).
var internalRules = []Rule{
	{Code: "INT01", Message: "Data Integrity Check: Child in AD1 does not exist in Header.", check: notInHeader(AD1)},
	{Code: "INT02", Message: "Internal Check: Child in PlacedAdoption does not exist in Header.", check: notInHeader(PlacedAdoption)},
	{Code: "INT03", Message: "Internal Check: Child in Episodes does not exist in Header.", check: notInHeader(Episodes)},
	{Code: "INT04", Message: "Internal Check: Child in Missing does not exist in Header.", check: notInHeader(Missing)},
	{Code: "INT05", Message: "Internal Check: Child in OC2 does not exist in Header.", check: notInHeader(OC2)},
	{Code: "INT06", Message: "Internal Check: Child in OC3 does not exist in Header.", check: notInHeader(OC3)},
	{Code: "INT07", Message: "Internal Check: Child in PrevPerm does not exist in Header.", check: notInHeader(PrevPerm)},
	{Code: "INT08", Message: "Internal Check: Child in Reviews does not exist in Header.", check: notInHeader(Reviews)},
	{Code: "INT09", Message: "Internal Check: Child in UASC does not exist in Header.", check: notInHeader(UASC)},
	{Code: "INT11", Message: "Internal Check: DOB in AD1 is different to DOB in Header.", check: differsFromHeader(AD1, "DOB")},
	{Code: "INT12", Message: "Internal Check: DOB in PlacedAdoption is different to DOB in Header.", check: differsFromHeader(PlacedAdoption, "DOB")},
	{Code: "INT13", Message: "Internal Check: DOB in Missing is different to DOB in Header.", check: differsFromHeader(Missing, "DOB")},
	{Code: "INT14", Message: "Internal Check: DOB in OC2 is different to DOB in Header.", check: differsFromHeader(OC2, "DOB")},
	{Code: "INT15", Message: "Internal Check: DOB in OC3 is different to DOB in Header.", check: differsFromHeader(OC3, "DOB")},
	{Code: "INT16", Message: "Internal Check: DOB in PrevPerm is different to DOB in Header.", check: differsFromHeader(PrevPerm, "DOB")},
	{Code: "INT17", Message: "Internal Check: DOB in Reviews is different to DOB in Header.", check: differsFromHeader(Reviews, "DOB")},
	{Code: "INT18", Message: "Internal Check: DOB in UASC is different to DOB in Header.", check: differsFromHeader(UASC, "DOB")},
	{Code: "INT21", Message: "Internal Check: SEX in UASC is different to SEX in Header.", check: differsFromHeader(UASC, "SEX")},
	{Code: "INT31", Message: "Internal Check: Child should only exist once in AD1.", check: moreThanOnce(AD1)},
	{Code: "INT32", Message: "Internal Check: Child should only exist once in Header.", check: moreThanOnce(Header)},
	{Code: "INT33", Message: "Internal Check: Child should only exist once in OC2.", check: moreThanOnce(OC2)},
	{Code: "INT34", Message: "Internal Check: Child should only exist once in OC3.", check: moreThanOnce(OC3)},
	{Code: "INT35", Message: "Internal Check: Child should only exist once in PrevPerm.", check: moreThanOnce(PrevPerm)},
	{Code: "INT36", Message: "Internal Check: Child should only exist once in UASC.", check: moreThanOnce(UASC)},
	{Code: "EPI", Query: true, Message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
		check: func(x *Context, r *Return) []Hit {
			eps, leavers := children(r, Episodes), children(r, OC3)
			return eachRow(Header, "CHILD", func(_ *Context, row *Row) bool { return !eps[row.Get("CHILD")] && !leavers[row.Get("CHILD")] })(x, r)
		}},
}

// notInHeader: a row of file whose child has no Header row.
func notInHeader(file string) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		header := children(r, Header)
		return eachRow(file, "CHILD", func(_ *Context, row *Row) bool { return !header[row.Get("CHILD")] })(x, r)
	}
}

// differsFromHeader: a row of file whose field (both filled; dates
// compared as dates) is not what the child's Header row says.
func differsFromHeader(file, field string) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		header := headerRows(r)
		return eachRow(file, field, func(_ *Context, row *Row) bool {
			h, ok := header[row.Get("CHILD")]
			if !ok {
				return false
			}
			if field == "DOB" {
				a, okA := dateIn(row, field)
				b, okB := dateIn(h, field)
				return okA && okB && !a.Equal(b)
			}
			return row.Get(field) != "" && h.Get(field) != "" && row.Get(field) != h.Get(field)
		})(x, r)
	}
}

// moreThanOnce: every row of a child with more than one row in file.
func moreThanOnce(file string) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		count := map[string]int{}
		for _, row := range r.Files[file] {
			count[row.Get("CHILD")]++
		}
		return eachRow(file, "CHILD", func(_ *Context, row *Row) bool { return count[row.Get("CHILD")] > 1 })(x, r)
	}
}
