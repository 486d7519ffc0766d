package ssda903

// Rules on which files a child may be in together: the OC2 cohort (looked
// after for 12 months at 31 March), care leavers (OC3) and adoptions
// (AD1); and on UASC and previous permanence items that contradict.
var cohortRules = []Rule{
	{Code: "187", Message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
		check: func(x *Context, r *Return) []Hit {
			oc2 := children(r, OC2)
			return append(eachRow(OC3, "CHILD", func(_ *Context, row *Row) bool { return oc2[row.Get("CHILD")] })(x, r),
				eachRow(AD1, "CHILD", func(_ *Context, row *Row) bool { return oc2[row.Get("CHILD")] && hasAdoptionData(row) })(x, r)...)
		}},
	{Code: "215", Message: "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
		check: func(x *Context, r *Return) []Hit {
			leavers := children(r, OC3)
			return eachRow(OC2, "CHILD", func(_ *Context, row *Row) bool {
				if !leavers[row.Get("CHILD")] {
					return false
				}
				for _, c := range Columns[OC2][2:] {
					if row.Get(c) != "" {
						return true
					}
				}
				return false
			})(x, r)
		}},
	{Code: "1014", Message: "UASC information is not required for care leavers", check: func(x *Context, r *Return) []Hit {
		leavers := children(r, OC3)
		return eachRow(UASC, "CHILD", func(_ *Context, row *Row) bool { return leavers[row.Get("CHILD")] })(x, r)
	}},
	{Code: "304", Message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
		check: eachRow(UASC, "DUC", func(_ *Context, row *Row) bool {
			dob, ok := dateIn(row, "DOB")
			duc, ok2 := dateIn(row, "DUC")
			return ok && ok2 && duc.After(dob.AddDate(18, 0, 0))
		})},
	{Code: "635", Message: "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
		check: eachRow(PrevPerm, "PREV_PERM", func(_ *Context, row *Row) bool {
			return row.Get("PREV_PERM") == "Z1" && (row.Get("LA_PERM") != "" || row.Get("DATE_PERM") != "")
		})},
}

// children are the children with a row in file. During Validate they are
// worked out once for each file, so the caller must not change the map.
func children(r *Return, file string) map[string]bool {
	if out, ok := r.children[file]; ok {
		return out
	}
	out := make(map[string]bool, len(r.Files[file]))
	for _, row := range r.Files[file] {
		out[row.Get("CHILD")] = true
	}
	if r.children != nil { // during Validate
		r.children[file] = out
	}
	return out
}
