package ssda903

// Rules on unaccompanied asylum-seeking children (UASC). The CSV files
// carry no UASC flag in the Header (the XML's HEADER does): the DfE's
// validator reads a child's UASC status from the UASC file, 1 when the
// child's row has SEX or DUC, and so does sightline, with one step more:
// a child whose row says the status ceased before the collection year
// began (DUC before 1 April) was not UASC in this year. Rules 205A–205D
// compare with last year's return (Context.Previous) and find nothing
// without it.
var uascRules = []Rule{
	{Code: "105", Message: "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
		check: eachRow(UASC, "SEX", func(_ *Context, row *Row) bool { return row.Get("SEX") == "" && row.Get("DUC") == "" })},
	{Code: "231", Message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
		check: func(x *Context, r *Return) []Hit {
			uasc := uascIn(r, x.Year)
			eleven := x.Year.End().AddDate(-11, 0, 0)
			return eachRow(Header, "DOB", func(_ *Context, row *Row) bool {
				dob, ok := dateIn(row, "DOB")
				return ok && uasc[row.Get("CHILD")] != nil && dob.After(eleven)
			})(x, r)
		}},
	{Code: "303", Message: "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
		check: eachRow(UASC, "DUC", func(x *Context, row *Row) bool {
			duc, ok := dateIn(row, "DUC")
			return ok && duc.Before(x.Year.Start())
		})},
	{Code: "205A", Message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
		check: func(x *Context, r *Return) []Hit {
			if x.Previous == nil {
				return nil
			}
			now, last := uascIn(r, x.Year), uascIn(x.Previous, x.Year-1)
			rows, leavers := byChild(r, UASC, ""), children(r, OC3)
			return eachRow(Header, "CHILD", func(_ *Context, row *Row) bool {
				child := row.Get("CHILD")
				before := last[child]
				// The DfE wants no UASC information about a care leaver (1014).
				if before == nil || now[child] != nil || leavers[child] {
					return false
				}
				duc, ok := dateIn(before, "DUC")
				ceasedLastYear := ok && inYear(duc, x.Year-1)
				return !ceasedLastYear || (len(rows[child]) > 0 && rows[child][0].Get("DUC") != "")
			})(x, r)
		}},
	{Code: "205B", Message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
		check: againstLastUASC("DUC", func(row *Row, now, last map[string]*Row) bool {
			before := last[row.Get("CHILD")]
			return now[row.Get("CHILD")] == row && before != nil && before.Get("DUC") != "" && before.Get("DUC") != row.Get("DUC")
		})},
	{Code: "205C", Message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
		check: againstLastUASC("DUC", func(row *Row, now, last map[string]*Row) bool {
			child := row.Get("CHILD")
			return row.Get("DUC") != "" && now[child] == nil && last[child] == nil
		})},
	{Code: "205D", Message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
		check: func(x *Context, r *Return) []Hit {
			if x.Previous == nil {
				return nil
			}
			last, inLastHeader := uascIn(x.Previous, x.Year-1), children(x.Previous, Header)
			now := uascIn(r, x.Year)
			return eachRow(UASC, "CHILD", func(_ *Context, row *Row) bool {
				child := row.Get("CHILD")
				return now[child] == row && inLastHeader[child] && last[child] == nil
			})(x, r)
		}},
}

// againstLastUASC checks each UASC row (naming field) with the children
// UASC this year (now) and last year (last); it finds nothing without last
// year's return.
func againstLastUASC(field string, fails func(row *Row, now, last map[string]*Row) bool) func(*Context, *Return) []Hit {
	return func(x *Context, r *Return) []Hit {
		if x.Previous == nil {
			return nil
		}
		now, last := uascIn(r, x.Year), uascIn(x.Previous, x.Year-1)
		return eachRow(UASC, field, func(_ *Context, row *Row) bool { return fails(row, now, last) })(x, r)
	}
}

// uascIn are the children who were UASC at some time in year y by ret's
// UASC file, each with their row: a row giving SEX or DUC (the
// validator's reading of a CSV return), whose DUC is not before the year
// began.
func uascIn(ret *Return, y Year) map[string]*Row {
	out := map[string]*Row{}
	for _, row := range ret.Files[UASC] {
		if row.Get("SEX") == "" && row.Get("DUC") == "" {
			continue
		}
		if duc, ok := dateIn(row, "DUC"); ok && duc.Before(y.Start()) {
			continue
		}
		if out[row.Get("CHILD")] == nil {
			out[row.Get("CHILD")] = row
		}
	}
	return out
}
