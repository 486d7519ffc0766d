package cin

import (
	"math"
	"slices"
)

// Rules on Assessments and CINPlanDates.

var assessmentRules = []Rule{
	{Code: "1103", Message: "The assessment start date cannot be before the referral date", child: rule1103},
	{Code: "8608", Message: "Assessment Start Date cannot be later than its End Date", child: rule8608},
	{Code: "8614", Message: "Parental or child factors at assessment should only be present for a completed assessment.", child: rule8614},
	{Code: "8670Q", Query: true, Message: "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.", child: rule8670Q},
	{Code: "8696", Message: "Assessment end date must fall within the census year", child: rule8696},
	{Code: "8736", Message: "For an Assessment that has not been completed, the start date must fall within the census year", child: rule8736},
	{Code: "8863Q", Query: true, Message: "An Assessment is shown as starting when there is another Assessment ongoing.", child: rule8863Q},
	{Code: "8869", Message: "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.", child: rule8869},
	{Code: "8873Q", Query: true, Message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.", child: rule8873Q},
	{Code: "8896", Message: "Within one CINDetails group there are 2 or more open Assessments groups", child: rule8896},
	{Code: "8897Q", Query: true, Message: "Parental or child factors at assessment information is missing from a completed assessment", child: rule8897Q},
	{Code: "8898", Message: "The assessment has more than one parental or child factors with the same code", child: rule8898},
	{Code: "8945Q", Query: true, Message: "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)", child: factorQuery("18A")},
	{Code: "8950Q", Query: true, Message: "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)", child: factorQuery("19A")},
}

var cinPlanRules = []Rule{
	{Code: "4000", Message: "CIN Plan details provided for a referral with no further action", child: rule4000},
	{Code: "4001", Message: "A CIN Plan cannot run concurrently with a Child Protection Plan", child: rule4001},
	{Code: "4003", Message: "A CPP review date is shown as being held at the same time as an open CIN Plan.", child: rule4003},
	{Code: "4004", Message: "This child is showing more than one open CIN Plan, i.e. with no End Date", child: rule4004},
	{Code: "4008", Message: "CIN Plan shown as starting after the child’s Date of Death.", child: rule4008},
	{Code: "4009Q", Query: true, Message: "CIN Plan cannot end after the child’s Date of Death", child: rule4009Q},
	{Code: "4010", Message: "CIN Plan start date is missing or out of data collection period", child: rule4010},
	{Code: "4011", Message: "CIN Plan End Date earlier than Start Date", child: rule4011},
	{Code: "4012Q", Query: true, Message: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day", child: rule4012Q},
	{Code: "4013", Message: "CIN Plan end date must fall within the census year", child: rule4013},
	{Code: "4014", Message: "CIN Plan data contains overlapping dates", child: rule4014},
	{Code: "4015", Message: "The CIN Plan start date cannot be before the referral date", child: rule4015},
	{Code: "4016", Message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", child: rule4016},
	{Code: "4017", Message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", child: rule4017},
}

// eachAssessment returns field for each assessment where bad holds.
func eachAssessment(c *Child, field string, bad func(d *Details, a *Assessment) bool) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		for j := range d.Assessments {
			if bad(d, &d.Assessments[j]) {
				out = append(out, field)
			}
		}
	}
	return out
}

func rule1103(_ *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentActualStartDate", func(d *Details, a *Assessment) bool {
		s, ok1 := day(a.AssessmentActualStartDate)
		r, ok2 := day(d.CINreferralDate)
		return ok1 && ok2 && s < r
	})
}

func rule8608(_ *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentActualStartDate", func(_ *Details, a *Assessment) bool {
		s, ok1 := day(a.AssessmentActualStartDate)
		e, ok2 := day(a.AssessmentAuthorisationDate)
		return ok1 && ok2 && s > e
	})
}

func rule8614(_ *Context, c *Child) []string {
	return eachAssessment(c, "FactorsIdentifiedAtAssessment", func(_ *Details, a *Assessment) bool {
		return a.AssessmentAuthorisationDate == "" && len(a.FactorCodes()) > 0
	})
}

func rule8670Q(x *Context, c *Child) []string {
	limit := x.workingDaysBeforeEnd(45)
	return eachAssessment(c, "AssessmentAuthorisationDate", func(_ *Details, a *Assessment) bool {
		s, ok := day(a.AssessmentActualStartDate)
		return ok && s < limit && a.AssessmentAuthorisationDate == ""
	})
}

func rule8696(x *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentAuthorisationDate", func(_ *Details, a *Assessment) bool {
		e, ok := day(a.AssessmentAuthorisationDate)
		return ok && !x.inYear(e)
	})
}

func rule8736(x *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentActualStartDate", func(_ *Details, a *Assessment) bool {
		s, ok := day(a.AssessmentActualStartDate)
		return ok && a.AssessmentAuthorisationDate == "" && !x.inYear(s)
	})
}

// rule8863Q: an assessment starts while an earlier one in the episode is
// still open (not authorised, or authorised after the start).
func rule8863Q(_ *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentActualStartDate", func(d *Details, a *Assessment) bool {
		s, ok := day(a.AssessmentActualStartDate)
		if !ok {
			return false
		}
		for k := range d.Assessments {
			b := &d.Assessments[k]
			bs, ok := day(b.AssessmentActualStartDate)
			if b == a || !ok || bs > s || (bs == s && k > indexOf(d.Assessments, a)) {
				continue
			}
			be, done := day(b.AssessmentAuthorisationDate)
			if !done {
				be = math.MaxInt
			}
			if be > s {
				return true
			}
		}
		return false
	})
}

func indexOf(as []Assessment, a *Assessment) int {
	for i := range as {
		if &as[i] == a {
			return i
		}
	}
	return -1
}

func rule8869(_ *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentFactors", func(_ *Details, a *Assessment) bool {
		fs := a.FactorCodes()
		for _, f := range fs {
			if f == "21" && len(fs) > 1 {
				return true
			}
		}
		return false
	})
}

func rule8873Q(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool {
		if len(d.Assessments) != 1 || d.CINclosureDate == "" {
			return false
		}
		a := d.Assessments[0]
		fs := a.FactorCodes()
		return a.AssessmentAuthorisationDate != "" && len(fs) == 1 && fs[0] == "21" &&
			d.ReasonForClosure != "RC8" && d.ReasonForClosure != "RC9"
	})
}

func rule8896(_ *Context, c *Child) []string {
	return eachEpisode(c, "AssessmentAuthorisationDate", func(d *Details) bool {
		open := 0
		for _, a := range d.Assessments {
			if a.AssessmentAuthorisationDate == "" {
				open++
			}
		}
		return open > 1
	})
}

func rule8897Q(_ *Context, c *Child) []string {
	return eachAssessment(c, "FactorsIdentifiedAtAssessment", func(_ *Details, a *Assessment) bool {
		return a.AssessmentAuthorisationDate != "" && len(a.FactorCodes()) == 0
	})
}

func rule8898(_ *Context, c *Child) []string {
	return eachAssessment(c, "AssessmentFactors", func(_ *Details, a *Assessment) bool {
		fs := a.FactorCodes()
		for i := range fs {
			for j := i + 1; j < len(fs); j++ {
				if fs[i] == fs[j] {
					return true
				}
			}
		}
		return false
	})
}

// factorQuery is the query on a superseded factor code.
func factorQuery(code string) func(*Context, *Child) []string {
	return func(_ *Context, c *Child) []string {
		return eachAssessment(c, "AssessmentFactors", func(_ *Details, a *Assessment) bool {
			for _, f := range a.FactorCodes() {
				if f == code {
					return true
				}
			}
			return false
		})
	}
}

// span is a period as day numbers; an open end is MaxInt.
type span struct{ from, to int }

func spanOf(start, end string) (span, bool) {
	s, ok := day(start)
	if !ok {
		return span{}, false
	}
	e, closed := day(end)
	if !closed {
		e = math.MaxInt
	}
	return span{s, e}, true
}

// overlaps: the two periods share more than a boundary day.
func (a span) overlaps(b span) bool { return a.from < b.to && b.from < a.to }

// eachCINPlan returns field for each CIN plan where bad holds.
func eachCINPlan(c *Child, field string, bad func(d *Details, p *PlanDates) bool) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		for j := range d.CINPlanDates {
			if bad(d, &d.CINPlanDates[j]) {
				out = append(out, field)
			}
		}
	}
	return out
}

func rule4000(_ *Context, c *Child) []string {
	return eachEpisode(c, "CINPlanDates", func(d *Details) bool { return isYes(d.ReferralNFA) && len(d.CINPlanDates) > 0 })
}

// rule4001: within one CIN episode, a CP plan and a CIN plan both left
// open (the DfE's condition: a CINDetails module with a CP plan with no
// end date must hold no CIN plan with no end date). Plans overlapping in
// time otherwise, in one episode or across episodes, are 4016's and
// 4017's.
func rule4001(_ *Context, c *Child) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		if !slices.ContainsFunc(d.ChildProtectionPlans, func(p CPPlan) bool { return p.CPPendDate == "" }) {
			continue
		}
		for _, p := range d.CINPlanDates {
			if p.CINPlanEndDate == "" {
				out = append(out, "CINPlanEndDate")
			}
		}
	}
	return out
}

// rule4003: a CP review is held while a CIN plan is open: after its first
// day (a review that ends the CP plan and starts a CIN plan the same day
// is the usual step down, not a clash) and before its end.
func rule4003(_ *Context, c *Child) []string {
	var plans []span
	for _, d := range c.Details {
		for _, p := range d.CINPlanDates {
			if s, ok := spanOf(p.CINPlanStartDate, p.CINPlanEndDate); ok {
				plans = append(plans, s)
			}
		}
	}
	var out []string
	for _, d := range c.Details {
		for _, p := range d.ChildProtectionPlans {
			for _, r := range p.ReviewDates() {
				rv, ok := day(r)
				for _, s := range plans {
					if ok && rv > s.from && rv < s.to {
						out = append(out, "CPPreviewDate")
						break
					}
				}
			}
		}
	}
	return out
}

func rule4004(_ *Context, c *Child) []string {
	open := len(eachCINPlan(c, "", func(_ *Details, p *PlanDates) bool { return p.CINPlanEndDate == "" }))
	return when(open > 1, "CINPlanEndDate")
}

func rule4008(_ *Context, c *Child) []string {
	death, ok := day(c.Identifiers.PersonDeathDate)
	return eachCINPlan(c, "CINPlanStartDate", func(_ *Details, p *PlanDates) bool {
		s, ok2 := day(p.CINPlanStartDate)
		return ok && ok2 && s > death
	})
}

func rule4009Q(_ *Context, c *Child) []string {
	death, ok := day(c.Identifiers.PersonDeathDate)
	return eachCINPlan(c, "CINPlanEndDate", func(_ *Details, p *PlanDates) bool {
		e, ok2 := day(p.CINPlanEndDate)
		return ok && ok2 && e > death
	})
}

func rule4010(x *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanStartDate", func(_ *Details, p *PlanDates) bool {
		s, ok := day(p.CINPlanStartDate)
		return !ok || s > x.end
	})
}

func rule4011(_ *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanEndDate", func(_ *Details, p *PlanDates) bool {
		s, ok1 := day(p.CINPlanStartDate)
		e, ok2 := day(p.CINPlanEndDate)
		return ok1 && ok2 && e < s
	})
}

func rule4012Q(_ *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanEndDate", func(_ *Details, p *PlanDates) bool {
		return p.CINPlanEndDate != "" && p.CINPlanEndDate == p.CINPlanStartDate
	})
}

func rule4013(x *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanEndDate", func(_ *Details, p *PlanDates) bool {
		e, ok := day(p.CINPlanEndDate)
		return ok && !x.inYear(e)
	})
}

func rule4014(_ *Context, c *Child) []string {
	var plans []span
	for _, d := range c.Details {
		for _, p := range d.CINPlanDates {
			if s, ok := spanOf(p.CINPlanStartDate, p.CINPlanEndDate); ok {
				plans = append(plans, s)
			}
		}
	}
	for i := range plans {
		for j := i + 1; j < len(plans); j++ {
			if plans[i].overlaps(plans[j]) {
				return []string{"CINPlanStartDate"}
			}
		}
	}
	return nil
}

func rule4015(_ *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanStartDate", func(d *Details, p *PlanDates) bool {
		s, ok1 := day(p.CINPlanStartDate)
		r, ok2 := day(d.CINreferralDate)
		return ok1 && ok2 && s < r
	})
}

// startsWhileOpen reports whether day d falls on or after start and before
// end, or, with no end, on or before the reference date: the DfE's test
// of a plan starting while another is open (4016, 4017). A plan starting
// the day the other ends is the step from one to the other, not a clash.
func startsWhileOpen(x *Context, d int, start, end string) bool {
	s, ok := day(start)
	if !ok || d < s {
		return false
	}
	if e, closed := day(end); closed {
		return d < e
	}
	return d <= x.end
}

// rule4016: a CIN plan starts while one of the child's CP plans, in any
// episode, is open.
func rule4016(x *Context, c *Child) []string {
	return eachCINPlan(c, "CINPlanStartDate", func(_ *Details, p *PlanDates) bool {
		s, ok := day(p.CINPlanStartDate)
		if !ok {
			return false
		}
		for i := range c.Details {
			cpps := c.Details[i].ChildProtectionPlans
			for j := range cpps {
				if startsWhileOpen(x, s, cpps[j].CPPstartDate, cpps[j].CPPendDate) {
					return true
				}
			}
		}
		return false
	})
}

// rule4017: a CP plan starts while one of the child's CIN plans, in any
// episode, is open.
func rule4017(x *Context, c *Child) []string {
	return eachCPP(c, "CPPstartDate", func(_ *Details, p *CPPlan) bool {
		s, ok := day(p.CPPstartDate)
		if !ok {
			return false
		}
		for i := range c.Details {
			plans := c.Details[i].CINPlanDates
			for j := range plans {
				if startsWhileOpen(x, s, plans[j].CINPlanStartDate, plans[j].CINPlanEndDate) {
					return true
				}
			}
		}
		return false
	})
}
