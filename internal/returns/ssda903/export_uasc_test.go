package ssda903

import (
	"slices"
	"testing"
	"time"

	"sightline/internal/casework"
)

// inCareFrom is a case file of a child looked after from start (and to
// end, when given) in foster care.
func inCareFrom(id int64, laID, sex string, dob time.Time, start time.Time, end *time.Time, rec string) casework.CaseFile {
	cf := casework.CaseFile{Child: casework.Child{ID: id, LAChildID: laID, Sex: sex, Ethnicity: "BAFR", UPNUnknown: "UN2",
		DateOfBirth: &dob}}
	cf.CareEpisodes = []casework.CareEpisode{{ID: id * 10, StartDate: start, Reason: "S", CategoryOfNeed: "N8", EndDate: end, EndReason: rec}}
	cf.LegalStatuses = []casework.LegalStatus{{EpisodeID: id * 10, StartDate: start, Code: "V2"}}
	cf.Placements = []casework.Placement{{EpisodeID: id * 10, StartDate: start, EndDate: end, Type: "U6", Provider: "PR4", Postcode: "AB1 2CD"}}
	return cf
}

// TestTheUASCFileListsTheChildrenUASCInTheYear: a child UASC throughout
// (no DUC), one whose status ceases after 31 March (not yet known: no
// DUC), one whose status ceased on the 18th birthday in the year; not one
// whose status ceased before the year, nor a care leaver (rule 1014).
func TestTheUASCFileListsTheChildrenUASCInTheYear(t *testing.T) {
	uasc := func(cf casework.CaseFile, ceased *time.Time) casework.CaseFile {
		cf.Child.UASC, cf.Child.UASCCeased = true, ceased
		return cf
	}
	files := []casework.CaseFile{
		uasc(inCareFrom(1, "U1", "M", day(2009, 5, 1), day(2025, 6, 1), nil, ""), nil),
		uasc(inCareFrom(2, "U2", "M", day(2008, 5, 1), day(2025, 6, 1), nil, ""), ptr(day(2026, 5, 1))),
		uasc(inCareFrom(3, "U3", "F", day(2008, 1, 20), day(2025, 6, 1), ptr(day(2026, 1, 20)), "E17"), ptr(day(2026, 1, 20))),
		uasc(inCareFrom(4, "U4", "M", day(2010, 5, 1), day(2025, 6, 1), nil, ""), ptr(day(2025, 3, 1))),
		inCareFrom(5, "N5", "M", day(2009, 5, 1), day(2025, 6, 1), nil, ""),
	}
	leaver := uasc(authority()[2], nil) // Ben, a care leaver who turned 18 in the year
	r := Build(append(files, leaver), Options{Year: 2026})
	var got [][]string
	for _, row := range r.Files[UASC] {
		got = append(got, []string{row.Get("CHILD"), row.Get("SEX"), row.Get("DOB"), row.Get("DUC")})
	}
	want := [][]string{{"U1", "M", "01/05/2009", ""}, {"U2", "M", "01/05/2008", ""}, {"U3", "F", "20/01/2008", "20/01/2026"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("UASC rows = %v, want %v", got, want)
	}
	for _, f := range Validate(r, &Context{Year: 2026}) {
		if slices.Contains([]string{"105", "231", "303", "304", "1014", "INT09", "INT18", "INT21", "INT36"}, f.Code) {
			t.Errorf("the UASC file fails %s: %+v", f.Code, f)
		}
	}
}

// TestPrevPermGivesWhatWasRecordedWhenCareBegan: the order recorded on a
// period begun in the year, with ZZ for the day not known; Z1 when none
// was recorded.
func TestPrevPermGivesWhatWasRecordedWhenCareBegan(t *testing.T) {
	before := inCareFrom(1, "P1", "F", day(2015, 10, 10), day(2025, 7, 1), nil, "")
	before.CareEpisodes[0].PrevPerm, before.CareEpisodes[0].PrevPermLA, before.CareEpisodes[0].PrevPermDate = "P2", "316", "2019-06-ZZ"
	none := inCareFrom(2, "P2", "M", day(2014, 1, 1), day(2025, 8, 1), nil, "")
	r := Build([]casework.CaseFile{before, none}, Options{Year: 2026})
	var got []string
	for _, row := range r.Files[PrevPerm] {
		got = append(got, row.Get("CHILD")+" "+row.Get("PREV_PERM")+" "+row.Get("LA_PERM")+" "+row.Get("DATE_PERM"))
	}
	if want := []string{"P1 P2 316 ZZ/06/2019", "P2 Z1  "}; !slices.Equal(got, want) {
		t.Errorf("PrevPerm rows = %q, want %q", got, want)
	}
	for _, f := range Validate(r, &Context{Year: 2026}) {
		if slices.Contains([]string{"630", "631", "632", "633", "634", "635"}, f.Code) {
			t.Errorf("PrevPerm fails %s: %+v", f.Code, f)
		}
	}
}
