package cin

// Rules on Section47, initial conferences and ChildProtectionPlans.

var s47Rules = []Rule{
	{Code: "2889", Message: "The S47 start date cannot be before the referral date.", child: rule2889},
	{Code: "1104", Message: "The date of the initial child protection conference cannot be before the referral date", child: rule1104},
	{Code: "8615", Message: "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference", child: rule8615},
	{Code: "8715", Message: "Date of Initial Child Protection Conference must fall within the census year", child: rule8715},
	{Code: "8740", Message: "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year", child: rule8740},
	{Code: "8675Q", Query: true, Message: "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.", child: rule8675Q},
	{Code: "8839", Message: "Within one CINDetails group there are 2 or more open S47 Assessments", child: rule8839},
	{Code: "8890", Message: "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing", child: rule8890},
	{Code: "2884", Message: "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one", child: rule2884},
	{Code: "8870Q", Query: true, Message: "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend", child: rule8870Q},
	{Code: "8875", Message: "The Date of Initial Child Protection Conference cannot be a weekend", child: rule8875},
}

var cpPlanRules = []Rule{
	{Code: "1105", Message: "The child protection plan start date cannot be before the referral date", child: rule1105},
	{Code: "8720", Message: "Child Protection Plan Start Date missing or out of data collection period", child: rule8720},
	{Code: "8730", Message: "Total Number of previous Child Protection Plans missing", child: rule8730},
	{Code: "8905", Message: "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", child: rule8905},
	{Code: "8910", Message: "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", child: rule8910},
	{Code: "8832", Message: "Child Protection details provided for a referral with no further action.", child: rule8832},
	{Code: "8840", Message: "Child Protection Plan cannot start and end on the same day", child: rule8840},
	{Code: "8841", Message: "The review date cannot be on the same day or before the Child protection Plan start date.", child: rule8841},
	{Code: "8842Q", Query: true, Message: "Please check and either amend or provide a reason: Review Record has a missing date", child: rule8842Q},
	{Code: "8915", Message: "Child Protection Plan shown as starting after the child’s Date of Death", child: rule8915},
	{Code: "8920", Message: "Child Protection Plan cannot end after the child’s Date of Death", child: rule8920},
	{Code: "8925", Message: "Child Protection Plan End Date earlier than Start Date", child: rule8925},
	{Code: "8930", Message: "Child Protection Plan End Date must fall within the census year", child: rule8930},
	{Code: "8935", Message: "This child is showing more than one open Child Protection plan, i.e. with no End Date", child: rule8935},
	{Code: "8940", Message: "Child Protection Plan data contains overlapping dates", child: rule8940},
	{Code: "2885", Message: "Child protection plan shown as starting a different day to the initial child protection conference.", child: rule2885},
	{Code: "2883", Message: "There are more child protection plans starting than initial conferences taking place", child: rule2883},
}

// eachS47 returns field for each enquiry where bad holds.
func eachS47(c *Child, field string, bad func(d *Details, s *Section47) bool) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		for j := range d.Section47 {
			if bad(d, &d.Section47[j]) {
				out = append(out, field)
			}
		}
	}
	return out
}

// openS47: no conference held and none found unnecessary.
func openS47(s *Section47) bool { return s.DateOfInitialCPC == "" && !isYes(s.ICPCnotRequired) }

func rule2889(_ *Context, c *Child) []string {
	return eachS47(c, "S47ActualStartDate", func(d *Details, s *Section47) bool {
		st, ok1 := day(s.S47ActualStartDate)
		r, ok2 := day(d.CINreferralDate)
		return ok1 && ok2 && st < r
	})
}

// icpcDates are the episode's initial conference dates at either level.
func icpcDates(d *Details) []string {
	out := []string{}
	if d.DateOfInitialCPC != "" {
		out = append(out, d.DateOfInitialCPC)
	}
	for _, s := range d.Section47 {
		if s.DateOfInitialCPC != "" {
			out = append(out, s.DateOfInitialCPC)
		}
	}
	return out
}

// eachICPC returns field for each initial conference where bad holds.
func eachICPC(c *Child, bad func(d *Details, icpc int) bool) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		for _, s := range icpcDates(d) {
			if v, ok := day(s); ok && bad(d, v) {
				out = append(out, "DateOfInitialCPC")
			}
		}
	}
	return out
}

func rule1104(_ *Context, c *Child) []string {
	return eachICPC(c, func(d *Details, icpc int) bool {
		r, ok := day(d.CINreferralDate)
		return ok && icpc < r
	})
}

func rule8615(_ *Context, c *Child) []string {
	return eachS47(c, "S47ActualStartDate", func(_ *Details, s *Section47) bool {
		st, ok := day(s.S47ActualStartDate)
		icpc, held := day(s.DateOfInitialCPC)
		return !ok || held && st > icpc
	})
}

func rule8715(x *Context, c *Child) []string {
	return eachICPC(c, func(_ *Details, icpc int) bool { return !x.inYear(icpc) })
}

func rule8740(x *Context, c *Child) []string {
	return eachS47(c, "S47ActualStartDate", func(_ *Details, s *Section47) bool {
		st, ok := day(s.S47ActualStartDate)
		return ok && openS47(s) && !x.inYear(st)
	})
}

func rule8675Q(x *Context, c *Child) []string {
	limit := x.workingDaysBeforeEnd(15)
	return eachS47(c, "DateOfInitialCPC", func(_ *Details, s *Section47) bool {
		st, ok := day(s.S47ActualStartDate)
		return ok && st < limit && openS47(s)
	})
}

func rule8839(_ *Context, c *Child) []string {
	return eachEpisode(c, "Section47", func(d *Details) bool {
		open := 0
		for j := range d.Section47 {
			if openS47(&d.Section47[j]) {
				open++
			}
		}
		return open > 1
	})
}

// rule8890: an enquiry starts while an earlier one of the episode is
// ongoing: open, or its conference held after the start.
func rule8890(_ *Context, c *Child) []string {
	return eachS47(c, "S47ActualStartDate", func(d *Details, s *Section47) bool {
		st, ok := day(s.S47ActualStartDate)
		for k := range d.Section47 {
			e := &d.Section47[k]
			es, ok2 := day(e.S47ActualStartDate)
			if e == s || !ok || !ok2 || es >= st {
				continue
			}
			end, held := day(e.DateOfInitialCPC)
			switch {
			case held && end > st, !held && !isYes(e.ICPCnotRequired):
				return true
			}
		}
		return false
	})
}

func rule2884(_ *Context, c *Child) []string {
	return eachEpisode(c, "DateOfInitialCPC", func(d *Details) bool {
		if d.DateOfInitialCPC == "" {
			return false
		}
		for _, s := range d.Section47 {
			if s.DateOfInitialCPC != "" {
				return true
			}
		}
		return false
	})
}

func rule8870Q(_ *Context, c *Child) []string {
	return eachS47(c, "InitialCPCtarget", func(_ *Details, s *Section47) bool {
		t, ok := day(s.InitialCPCtarget)
		return ok && weekend(t)
	})
}

func rule8875(_ *Context, c *Child) []string {
	return eachICPC(c, func(_ *Details, icpc int) bool { return weekend(icpc) })
}

// eachCPP returns field for each CP plan where bad holds.
func eachCPP(c *Child, field string, bad func(d *Details, p *CPPlan) bool) []string {
	var out []string
	for i := range c.Details {
		d := &c.Details[i]
		for j := range d.ChildProtectionPlans {
			if bad(d, &d.ChildProtectionPlans[j]) {
				out = append(out, field)
			}
		}
	}
	return out
}

func rule1105(_ *Context, c *Child) []string {
	return eachCPP(c, "CPPstartDate", func(d *Details, p *CPPlan) bool {
		s, ok1 := day(p.CPPstartDate)
		r, ok2 := day(d.CINreferralDate)
		return ok1 && ok2 && s < r
	})
}

func rule8720(x *Context, c *Child) []string {
	return eachCPP(c, "CPPstartDate", func(_ *Details, p *CPPlan) bool {
		s, ok := day(p.CPPstartDate)
		return !ok || s > x.end
	})
}

func rule8730(_ *Context, c *Child) []string {
	return eachCPP(c, "NumberOfPreviousCPP", func(_ *Details, p *CPPlan) bool { return p.NumberOfPreviousCPP == "" })
}

func rule8905(_ *Context, c *Child) []string {
	return eachCPP(c, "InitialCategoryOfAbuse", func(_ *Details, p *CPPlan) bool {
		return !ValidCode("categoryofabusetype", p.InitialCategoryOfAbuse)
	})
}

func rule8910(_ *Context, c *Child) []string {
	return eachCPP(c, "LatestCategoryOfAbuse", func(_ *Details, p *CPPlan) bool {
		return !ValidCode("categoryofabusetype", p.LatestCategoryOfAbuse)
	})
}

func rule8832(_ *Context, c *Child) []string {
	return eachEpisode(c, "ChildProtectionPlans", func(d *Details) bool {
		return isYes(d.ReferralNFA) && len(d.ChildProtectionPlans) > 0
	})
}

func rule8840(_ *Context, c *Child) []string {
	return eachCPP(c, "CPPendDate", func(_ *Details, p *CPPlan) bool {
		return p.CPPendDate != "" && p.CPPendDate == p.CPPstartDate
	})
}

func rule8841(_ *Context, c *Child) []string {
	var out []string
	eachCPP(c, "", func(_ *Details, p *CPPlan) bool {
		s, ok := day(p.CPPstartDate)
		for _, r := range p.ReviewDates() {
			if v, ok2 := day(r); ok && ok2 && v <= s {
				out = append(out, "CPPreviewDate")
			}
		}
		return false
	})
	return out
}

func rule8842Q(_ *Context, c *Child) []string {
	var out []string
	eachCPP(c, "", func(_ *Details, p *CPPlan) bool {
		for _, r := range p.ReviewDates() {
			if r == "" {
				out = append(out, "CPPreviewDate")
			}
		}
		return false
	})
	return out
}

func rule8915(_ *Context, c *Child) []string {
	death, ok := day(c.Identifiers.PersonDeathDate)
	return eachCPP(c, "CPPstartDate", func(_ *Details, p *CPPlan) bool {
		s, ok2 := day(p.CPPstartDate)
		return ok && ok2 && s > death
	})
}

func rule8920(_ *Context, c *Child) []string {
	death, ok := day(c.Identifiers.PersonDeathDate)
	return eachCPP(c, "CPPendDate", func(_ *Details, p *CPPlan) bool {
		e, ok2 := day(p.CPPendDate)
		return ok && ok2 && e > death
	})
}

func rule8925(_ *Context, c *Child) []string {
	return eachCPP(c, "CPPendDate", func(_ *Details, p *CPPlan) bool {
		s, ok1 := day(p.CPPstartDate)
		e, ok2 := day(p.CPPendDate)
		return ok1 && ok2 && e < s
	})
}

func rule8930(x *Context, c *Child) []string {
	return eachCPP(c, "CPPendDate", func(_ *Details, p *CPPlan) bool {
		e, ok := day(p.CPPendDate)
		return ok && !x.inYear(e)
	})
}

func rule8935(_ *Context, c *Child) []string {
	open := len(eachCPP(c, "", func(_ *Details, p *CPPlan) bool { return p.CPPendDate == "" }))
	return when(open > 1, "CPPendDate")
}

func rule8940(_ *Context, c *Child) []string {
	var plans []span
	eachCPP(c, "", func(_ *Details, p *CPPlan) bool {
		if s, ok := spanOf(p.CPPstartDate, p.CPPendDate); ok {
			plans = append(plans, s)
		}
		return false
	})
	for i := range plans {
		for j := i + 1; j < len(plans); j++ {
			if plans[i].overlaps(plans[j]) {
				return []string{"CPPstartDate"}
			}
		}
	}
	return nil
}

// rule2885: a plan starting in the year starts on the day of an initial
// conference of its episode.
func rule2885(x *Context, c *Child) []string {
	return eachCPP(c, "CPPstartDate", func(d *Details, p *CPPlan) bool {
		s, ok := day(p.CPPstartDate)
		if !ok || !x.inYear(s) {
			return false
		}
		for _, icpc := range icpcDates(d) {
			if icpc == p.CPPstartDate {
				return false
			}
		}
		return true
	})
}

func rule2883(x *Context, c *Child) []string {
	return eachEpisode(c, "ChildProtectionPlans", func(d *Details) bool {
		plans, confs := 0, 0
		for _, p := range d.ChildProtectionPlans {
			if s, ok := day(p.CPPstartDate); ok && x.inYear(s) {
				plans++
			}
		}
		for _, icpc := range icpcDates(d) {
			if v, ok := day(icpc); ok && x.inYear(v) {
				confs++
			}
		}
		return plans > confs
	})
}
