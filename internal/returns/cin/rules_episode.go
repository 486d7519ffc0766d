package cin

import "math"

// Rules on CINdetails: the episode from referral to closure.

var episodeRules = []Rule{
	{Code: "8600", Message: "Child referral date missing or after data collection period", child: rule8600},
	{Code: "8606", Message: "Child referral date is more than 40 weeks before DOB or expected DOB", child: rule8606},
	{Code: "8866", Message: "Source of Referral is missing or an invalid code", child: rule8866},
	{Code: "8610", Message: "Primary Need code is missing for a referral which led to further action.", child: rule8610},
	{Code: "8650", Message: "Primary Need Code invalid (see Primary Need table in CIN census code set)", child: rule8650},
	{Code: "8620", Message: "CIN Closure Date present and does not fall within the Census year", child: rule8620},
	{Code: "8630", Message: "CIN Closure Date is before CIN Referral Date for the same CIN episode", child: rule8630},
	{Code: "8640", Message: "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)", child: rule8640},
	{Code: "8805", Message: "A CIN case cannot have a CIN closure date without a Reason for Closure", child: rule8805},
	{Code: "8810", Message: "A CIN case cannot have a Reason for Closure without a CIN Closure Date", child: rule8810},
	{Code: "8568", Message: "RNFA flag is missing or invalid", child: rule8568},
	{Code: "8815", Message: "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.", child: rule8815},
	{Code: "8816", Message: "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.", child: rule8816},
	{Code: "8820", Message: "The dates on the CIN episodes for this child overlap", child: rule8820},
	{Code: "8831", Message: "Activity is recorded against a case marked as a referral with no further action", child: rule8831},
	{Code: "2990", Message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.", child: rule2990},
	{Code: "8555Q", Query: true, Message: "Child cannot be referred after its recorded date of death", child: rule8555Q},
	{Code: "8585Q", Query: true, Message: "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death", child: rule8585Q},
	{Code: "8569Q", Query: true, Message: "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case", child: rule8569Q},
	{Code: "8825Q", Query: true, Message: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.", child: rule8825Q},
	{Code: "8867", Message: "CIN episode is shown as closed, however Assessment is not shown as completed", child: rule8867},
	{Code: "8868", Message: "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag", child: rule8868},
	{Code: "2991Q", Query: true, Message: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode", child: rule2991Q},
	{Code: "8565", Message: "Activity shown after a case has been closed", child: rule8565},
}

// eachEpisode returns field once for each episode where bad holds.
func eachEpisode(c *Child, field string, bad func(d *Details) bool) []string {
	var out []string
	for i := range c.Details {
		if bad(&c.Details[i]) {
			out = append(out, field)
		}
	}
	return out
}

func rule8600(x *Context, c *Child) []string {
	return eachEpisode(c, "CINreferralDate", func(d *Details) bool {
		r, ok := day(d.CINreferralDate)
		return !ok || r > x.end
	})
}

// rule8606: the referral is at most 280 days before the birth (or the
// expected birth).
func rule8606(_ *Context, c *Child) []string {
	b, ok := day(c.Identifiers.PersonBirthDate)
	if !ok {
		if b, ok = day(c.Identifiers.ExpectedPersonBirthDate); !ok {
			return nil
		}
	}
	return eachEpisode(c, "CINreferralDate", func(d *Details) bool {
		r, ok := day(d.CINreferralDate)
		return ok && b-r > 280
	})
}

func rule8866(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReferralSource", func(d *Details) bool { return !ValidCode("referralsourcetype", d.ReferralSource) })
}

func rule8610(_ *Context, c *Child) []string {
	return eachEpisode(c, "PrimaryNeedCode", func(d *Details) bool { return d.ReferralNFA == "0" && d.PrimaryNeedCode == "" })
}

func rule8650(_ *Context, c *Child) []string {
	return eachEpisode(c, "PrimaryNeedCode", func(d *Details) bool {
		return d.PrimaryNeedCode != "" && !ValidCode("primaryneedcodetype", d.PrimaryNeedCode)
	})
}

func rule8620(x *Context, c *Child) []string {
	return eachEpisode(c, "CINclosureDate", func(d *Details) bool {
		e, ok := day(d.CINclosureDate)
		return ok && !x.inYear(e)
	})
}

func rule8630(_ *Context, c *Child) []string {
	return eachEpisode(c, "CINclosureDate", func(d *Details) bool {
		e, ok1 := day(d.CINclosureDate)
		r, ok2 := day(d.CINreferralDate)
		return ok1 && ok2 && e < r
	})
}

func rule8640(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool {
		return d.ReasonForClosure != "" && !ValidCode("reasonforclosuretype", d.ReasonForClosure)
	})
}

func rule8805(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool { return d.CINclosureDate != "" && d.ReasonForClosure == "" })
}

func rule8810(_ *Context, c *Child) []string {
	return eachEpisode(c, "CINclosureDate", func(d *Details) bool { return d.ReasonForClosure != "" && d.CINclosureDate == "" })
}

func rule8568(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReferralNFA", func(d *Details) bool { return !ValidCode("yesnotype", d.ReferralNFA) })
}

// openFurther: an episode with no closure date that is not an NFA referral.
func openFurther(d *Details) bool { return d.CINclosureDate == "" && !isYes(d.ReferralNFA) }

func rule8815(_ *Context, c *Child) []string {
	n := 0
	for i := range c.Details {
		if openFurther(&c.Details[i]) {
			n++
		}
	}
	return when(n > 1, "CINclosureDate")
}

func rule8816(_ *Context, c *Child) []string {
	latest := math.MinInt
	for _, d := range c.Details {
		if r, ok := day(d.CINreferralDate); ok && r > latest {
			latest = r
		}
	}
	return eachEpisode(c, "CINclosureDate", func(d *Details) bool {
		r, ok := day(d.CINreferralDate)
		return openFurther(d) && ok && r < latest
	})
}

// rule8820: an episode begins before an earlier one has closed (an open
// one runs on for ever).
func rule8820(_ *Context, c *Child) []string {
	for i := range c.Details {
		a := &c.Details[i]
		ra, ok := day(a.CINreferralDate)
		if !ok {
			continue
		}
		ea, closed := day(a.CINclosureDate)
		if !closed {
			ea = math.MaxInt
		}
		for j := range c.Details {
			rb, ok := day(c.Details[j].CINreferralDate)
			if i != j && ok && (rb > ra || rb == ra && j > i) && rb < ea {
				return []string{"CINreferralDate"}
			}
		}
	}
	return nil
}

// hasActivity: any assessment, plan, enquiry or conference in the episode.
func hasActivity(d *Details) bool {
	return len(d.Assessments) > 0 || len(d.CINPlanDates) > 0 || len(d.Section47) > 0 ||
		len(d.ChildProtectionPlans) > 0 || d.DateOfInitialCPC != ""
}

func rule8831(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReferralNFA", func(d *Details) bool { return isYes(d.ReferralNFA) && hasActivity(d) })
}

// rule2990: a case closed after assessment (RC8, RC9) has nothing after the
// assessment: no CIN plan, s47, conference or CP plan.
func rule2990(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool {
		after := len(d.CINPlanDates) > 0 || len(d.Section47) > 0 || len(d.ChildProtectionPlans) > 0 || d.DateOfInitialCPC != ""
		return (d.ReasonForClosure == "RC8" || d.ReasonForClosure == "RC9") && after
	})
}

func rule8555Q(_ *Context, c *Child) []string {
	death, ok := day(c.Identifiers.PersonDeathDate)
	if !ok {
		return nil
	}
	return eachEpisode(c, "CINreferralDate", func(d *Details) bool {
		r, ok := day(d.CINreferralDate)
		return ok && r > death
	})
}

func rule8585Q(_ *Context, c *Child) []string {
	if c.Identifiers.PersonDeathDate != "" {
		return nil
	}
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool { return d.ReasonForClosure == "RC2" })
}

func rule8569Q(x *Context, c *Child) []string {
	limit := dayNumber(x.Calendar.AddWorkingDays(x.Year.Start(), -1))
	return eachEpisode(c, "ReferralNFA", func(d *Details) bool {
		r, ok := day(d.CINreferralDate)
		return ok && r < limit && isYes(d.ReferralNFA)
	})
}

func rule8825Q(_ *Context, c *Child) []string {
	return eachEpisode(c, "ReasonForClosure", func(d *Details) bool {
		return (d.ReasonForClosure == "RC8" || d.ReasonForClosure == "RC9") && len(d.Assessments) == 0
	})
}

func rule8867(_ *Context, c *Child) []string {
	var out []string
	for _, d := range c.Details {
		if d.CINclosureDate == "" {
			continue
		}
		for _, a := range d.Assessments {
			if a.AssessmentAuthorisationDate == "" {
				out = append(out, "AssessmentAuthorisationDate")
			}
		}
	}
	return out
}

func rule8868(_ *Context, c *Child) []string {
	var out []string
	for _, d := range c.Details {
		if d.CINclosureDate == "" {
			continue
		}
		for _, s := range d.Section47 {
			if s.DateOfInitialCPC == "" && !isYes(s.ICPCnotRequired) {
				out = append(out, "DateOfInitialCPC")
			}
		}
	}
	return out
}

func rule2991Q(_ *Context, c *Child) []string {
	return eachEpisode(c, "Section47", func(d *Details) bool { return len(d.Section47) > 0 && len(d.Assessments) == 0 })
}

// rule8565: nothing in an episode is dated after its closure.
func rule8565(_ *Context, c *Child) []string {
	return eachEpisode(c, "CINclosureDate", func(d *Details) bool {
		end, ok := day(d.CINclosureDate)
		if !ok {
			return false
		}
		for _, s := range episodeDates(d) {
			if v, ok := day(s); ok && v > end {
				return true
			}
		}
		return false
	})
}

// episodeDates are the dates of the activity in an episode.
func episodeDates(d *Details) []string {
	out := []string{d.DateOfInitialCPC}
	for _, a := range d.Assessments {
		out = append(out, a.AssessmentActualStartDate, a.AssessmentAuthorisationDate)
	}
	for _, p := range d.CINPlanDates {
		out = append(out, p.CINPlanStartDate, p.CINPlanEndDate)
	}
	for _, s := range d.Section47 {
		out = append(out, s.S47ActualStartDate, s.DateOfInitialCPC)
	}
	for _, p := range d.ChildProtectionPlans {
		out = append(out, p.CPPstartDate, p.CPPendDate)
		out = append(out, p.ReviewDates()...)
	}
	return out
}
