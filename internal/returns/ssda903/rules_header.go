package ssda903

import "regexp"

// upnPattern is rule 168's: a letter other than I, O or S, then 12
// digits or 11 digits and a letter; or an unknown code UN1–UN5.
var upnPattern = regexp.MustCompile(`^([A-HJ-NP-RT-Z][0-9]{12}|[A-HJ-NP-RT-Z][0-9]{11}[A-Z]|UN[1-5])$`)

var headerRules = []Rule{
	{Code: "101", Message: "The child or young person's reported sex is not valid.", check: notIn(Header, "SEX", sexCodes)},
	{Code: "102", Message: "Date of birth is not a valid date.", check: badDate(Header, "DOB", false)},
	{Code: "103", Message: "The ethnicity code is either not valid or has not been entered.", check: notIn(Header, "ETHNIC", ethnicCodes)},
	{Code: "104", Message: "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
		check: badDate(UASC, "DUC", true)},
	{Code: "168", Message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
		check: eachRow(Header, "UPN", func(_ *Context, row *Row) bool { return !upnPattern.MatchString(row.Get("UPN")) })},
	{Code: "166", Message: "Date of review is invalid or blank.", check: badDate(Reviews, "REVIEW", false)},
	{Code: "167", Message: "Data entry for participation is invalid or blank.", check: notIn(Reviews, "REVIEW_CODE", reviewCodes)},
}
