package casework_test

import (
	"testing"

	"sightline/internal/casework"
)

// courtFile is in pre-proceedings from 1 September 2026 (id 3); with
// issued, care proceedings were issued on 2 November 2026 (id 5) after
// them.
func courtFile(issued bool) casework.CaseFile {
	cf := casework.CaseFile{PLOs: []casework.PreProceedings{{ID: 3, StartDate: day(2026, 9, 1)}}}
	if issued {
		cf.PLOs[0].EndDate, cf.PLOs[0].Outcome = ptr(day(2026, 11, 2)), "proceedings"
		cf.Proceedings = []casework.Proceedings{{ID: 5, PLOID: ptr(int64(3)), IssuedOn: day(2026, 11, 2),
			Court: "Family Court at Newcastle", Application: "care"}}
	}
	return cf
}

func TestPreProceedingsRules(t *testing.T) {
	none := casework.CaseFile{}
	start := func(cf casework.CaseFile, d string) error {
		return cf.CheckStartPLO(casework.PreProceedings{StartDate: iso(d)}, today)
	}
	event := func(cf casework.CaseFile, kind, d string) error {
		return cf.CheckPLOEvent(casework.PLOEvent{Kind: kind, Date: iso(d)}, today)
	}
	for _, tc := range []struct {
		name   string
		err    error
		fields []string
	}{
		{"pre-proceedings start", start(none, "2026-11-02"), nil},
		{"pre-proceedings starting in the future", start(none, "2026-11-30"), []string{"start_date"}},
		{"pre-proceedings started twice", start(courtFile(false), "2026-11-02"), []string{"start_date"}},
		{"pre-proceedings while proceedings run", start(casework.CaseFile{Proceedings: courtFile(true).Proceedings}, "2026-11-20"), []string{"start_date"}},
		{"a letter before proceedings", event(courtFile(false), "letter", "2026-09-01"), nil},
		{"a meeting before pre-proceedings started", event(courtFile(false), "meeting", "2026-08-31"), []string{"date"}},
		{"a meeting of an unknown kind", event(courtFile(false), "lunch", "2026-09-10"), []string{"kind"}},
		{"a meeting with no pre-proceedings", event(none, "meeting", "2026-09-10"), []string{"date"}},
		{"ending pre-proceedings before they started", courtFile(false).CheckEndPLO(day(2026, 8, 1), today), []string{"date"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFieldsOf(t, tc.err, tc.fields) })
	}
}

func TestIssueProceedingsRules(t *testing.T) {
	valid := func() casework.Proceedings {
		return casework.Proceedings{IssuedOn: day(2026, 11, 2), Court: "Family Court at Newcastle", Application: "care",
			ExpectedFinal: ptr(day(2027, 5, 1))}
	}
	for _, tc := range []struct {
		name   string
		cf     casework.CaseFile
		change func(*casework.Proceedings)
		fields []string
	}{
		{"proceedings after pre-proceedings", courtFile(false), func(*casework.Proceedings) {}, nil},
		{"proceedings with no pre-proceedings (an emergency)", casework.CaseFile{}, func(*casework.Proceedings) {}, nil},
		{"proceedings issued before pre-proceedings started", courtFile(false),
			func(p *casework.Proceedings) { p.IssuedOn = day(2026, 8, 30) }, []string{"issued_on"}},
		{"proceedings issued twice", courtFile(true), func(*casework.Proceedings) {}, []string{"issued_on"}},
		{"no court and an unknown application", casework.CaseFile{},
			func(p *casework.Proceedings) { p.Court, p.Application = "", "divorce" }, []string{"application", "court"}},
		{"an expected final hearing before the issue", casework.CaseFile{},
			func(p *casework.Proceedings) { p.ExpectedFinal = ptr(day(2026, 11, 1)) }, []string{"expected_final"}},
		{"issued in the future", casework.CaseFile{},
			func(p *casework.Proceedings) { p.IssuedOn = day(2026, 12, 1); p.ExpectedFinal = nil }, []string{"issued_on"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := valid()
			tc.change(&p)
			wantFieldsOf(t, tc.cf.CheckIssueProceedings(p, today), tc.fields)
		})
	}
}

func TestHearingRules(t *testing.T) {
	final := courtFile(true)
	final.Proceedings[0].FinalHearing, final.Proceedings[0].FinalOrder = ptr(day(2026, 11, 20)), "care_order"
	h := func(kind, d, order string) casework.Hearing {
		return casework.Hearing{ProceedingsID: 5, Kind: kind, Date: iso(d), FinalOrder: order}
	}
	for _, tc := range []struct {
		name   string
		cf     casework.CaseFile
		h      casework.Hearing
		fields []string
	}{
		{"a case management hearing after the issue", courtFile(true), h("cmh", "2026-11-16", ""), nil},
		{"a final hearing with its order", courtFile(true), h("final", "2026-11-20", "care_order"), nil},
		{"hearing before proceedings issued", courtFile(true), h("cmh", "2026-11-01", ""), []string{"date"}},
		{"final hearing recorded twice", final, h("final", "2026-11-23", "care_order"), []string{"kind"}},
		{"a hearing after the final hearing", final, h("irh", "2026-11-23", ""), []string{"date"}},
		{"a final hearing without its order", courtFile(true), h("final", "2026-11-20", ""), []string{"final_order"}},
		{"an order from a hearing that is not final", courtFile(true), h("cmh", "2026-11-16", "care_order"), []string{"final_order"}},
		{"a hearing without proceedings", courtFile(false), h("cmh", "2026-11-16", ""), []string{"proceedings_id"}},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFieldsOf(t, tc.cf.CheckHearing(tc.h, today), tc.fields) })
	}
}
