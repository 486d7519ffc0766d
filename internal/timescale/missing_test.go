package timescale_test

import (
	"testing"

	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// missingFile has one missing episode (id 30) from day start, returned on
// day returned ("" while missing), with an interview offered on day
// offered ("" for none).
func missingFile(start, returned, offered string) casework.CaseFile {
	e := casework.MissingEpisode{ID: 30, ChildID: child, From: "home", Kind: "M", StartDate: d(start)}
	if returned != "" {
		e.EndDate = p(returned)
	}
	cf := casework.CaseFile{Child: casework.Child{ID: child}, Missing: []casework.MissingEpisode{e}}
	if offered != "" {
		cf.Interviews = []casework.ReturnInterview{{ID: 31, EpisodeID: 30, OfferedOn: d(offered)}}
	}
	return cf
}

// missing_rhi: an interview offered within 72 hours of the return.
func TestRuleMissingRHI(t *testing.T) {
	checkRule(t, []ruleCase{
		{name: "returned Mon 2 Nov 2026: offer due Thu 5 Nov", cf: missingFile("2026-11-01", "2026-11-02", ""), asAt: "2026-11-02",
			want: []string{"missing_rhi 2026-11-02→2026-11-05 due_soon"}},
		{name: "72 hours run over a weekend: returned Fri 6 Nov, due Mon 9 Nov", cf: missingFile("2026-11-05", "2026-11-06", ""),
			asAt: "2026-11-06", want: []string{"missing_rhi 2026-11-06→2026-11-09 due_soon"}},
		{name: "offered on the third day is in time", cf: missingFile("2026-11-01", "2026-11-02", "2026-11-05"), asAt: "2026-11-06",
			want: []string{"missing_rhi 2026-11-02→2026-11-05 done_in_time done 2026-11-05"}},
		{name: "offered after 72 hours is late", cf: missingFile("2026-11-01", "2026-11-02", "2026-11-06"), asAt: "2026-11-06",
			want: []string{"missing_rhi 2026-11-02→2026-11-05 done_late done 2026-11-06"}},
		{name: "no offer after 72 hours is overdue", cf: missingFile("2026-11-01", "2026-11-02", ""), asAt: "2026-11-06",
			want: []string{"missing_rhi 2026-11-02→2026-11-05 overdue"}},
		{name: "still missing: no clock yet", cf: missingFile("2026-11-01", "", ""), asAt: "2026-11-06"},
		{name: "a return after the date asked is not yet known", cf: missingFile("2026-11-01", "2026-11-04", ""), asAt: "2026-11-03"},
		{name: "an offer after the date asked is not yet made", cf: missingFile("2026-11-01", "2026-11-02", "2026-11-04"), asAt: "2026-11-03",
			want: []string{"missing_rhi 2026-11-02→2026-11-05 due_soon"}},
	}, "missing_rhi")
}

// screeningFile has screenings on the given days (ids 40…), each with a
// review date a month later unless noReview.
func screeningFile(noReview bool, days ...string) casework.CaseFile {
	cf := casework.CaseFile{Child: casework.Child{ID: child}}
	for i, s := range days {
		sc := casework.ExploitationScreening{ID: int64(40 + i), ChildID: child, Date: d(s), Level: "high",
			Kinds: []string{"criminal"}, Lead: "Jo"}
		if !noReview {
			r := d(s).AddDate(0, 1, 0)
			sc.ReviewDate = &r
		}
		cf.Screenings = append(cf.Screenings, sc)
	}
	return cf
}

// exploitation_review: by the review date the screening set.
func TestRuleExploitationReview(t *testing.T) {
	checkRule(t, []ruleCase{
		{name: "due on the review date set", cf: screeningFile(false, "2026-10-01"), asAt: "2026-10-01",
			want: []string{"exploitation_review 2026-10-01→2026-11-01 due local"}},
		{name: "past the review date with no new screening", cf: screeningFile(false, "2026-10-01"), asAt: "2026-11-02",
			want: []string{"exploitation_review 2026-10-01→2026-11-01 overdue local"}},
		{name: "the next screening is the review, in time", cf: screeningFile(false, "2026-10-01", "2026-10-30"), asAt: "2026-11-02",
			want: []string{"exploitation_review 2026-10-01→2026-11-01 done_in_time done 2026-10-30 local",
				"exploitation_review 2026-10-30→2026-11-30 due local"}},
		{name: "the next screening late", cf: screeningFile(false, "2026-10-01", "2026-11-03"), asAt: "2026-11-03",
			want: []string{"exploitation_review 2026-10-01→2026-11-01 done_late done 2026-11-03 local",
				"exploitation_review 2026-11-03→2026-12-03 due local"}},
		{name: "no review date: the local setting of 3 months", cf: screeningFile(true, "2026-08-31"), asAt: "2026-09-01",
			want: []string{"exploitation_review 2026-08-31→2026-11-30 due local"}},
		{name: "no review date, a setting of 1 month", cf: screeningFile(true, "2026-08-31"), asAt: "2026-09-01",
			set:  func(s *timescale.Settings) { s.ExploitationReviewMonths = 1 },
			want: []string{"exploitation_review 2026-08-31→2026-09-30 due local"}},
		{name: "a screening after the date asked is ignored", cf: screeningFile(false, "2026-10-01"), asAt: "2026-09-30"},
		{name: "at 18 an open review is dropped; one done stays", cf: bornOn("2008-10-15", screeningFile(false, "2026-09-01", "2026-10-01")),
			asAt: "2026-11-02", want: []string{"exploitation_review 2026-09-01→2026-10-01 done_in_time done 2026-10-01 local"}},
		{name: "at 17 the review is still due", cf: bornOn("2009-10-15", screeningFile(false, "2026-10-01")), asAt: "2026-11-02",
			want: []string{"exploitation_review 2026-10-01→2026-11-01 overdue local"}},
		{name: "the case closed: the open review is dropped", cf: withReferral("2026-09-01", "2026-10-20", screeningFile(false, "2026-10-01")),
			asAt: "2026-11-02"},
		{name: "the case closes after the date asked: still due then", cf: withReferral("2026-09-01", "2026-11-20", screeningFile(false, "2026-10-01")),
			asAt: "2026-11-02", want: []string{"exploitation_review 2026-10-01→2026-11-01 overdue local"}},
		{name: "the case closed but the child is in care", cf: careFrom("2026-10-05", withReferral("2026-09-01", "2026-10-20", screeningFile(false, "2026-10-01"))),
			asAt: "2026-11-02", want: []string{"exploitation_review 2026-10-01→2026-11-01 overdue local"}},
	}, "exploitation_review")
}

func bornOn(dob string, cf casework.CaseFile) casework.CaseFile {
	cf.Child.DateOfBirth = p(dob)
	return cf
}

// withReferral gives the case file a referral on day from whose episode
// closed on day closed.
func withReferral(from, closed string, cf casework.CaseFile) casework.CaseFile {
	cf.Referrals = append(cf.Referrals, casework.Referral{ID: 90, ChildID: child, Date: d(from), ClosureDate: p(closed)})
	return cf
}

// careFrom gives the case file a period of care begun on day from.
func careFrom(from string, cf casework.CaseFile) casework.CaseFile {
	cf.CareEpisodes = append(cf.CareEpisodes, casework.CareEpisode{ID: 91, ChildID: child, StartDate: d(from)})
	return cf
}
