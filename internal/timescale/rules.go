package timescale

// National timescales. Each rests on an S fact (timescales.md 1.1: WT2023
// wording confirmed through local-authority procedures quoting it), so it
// is a named constant citing its source rather than a bare number.
const (
	// ReferralDecisionWorkingDays: Working Together 2023, ch. 3 "Referral":
	// within one working day of a referral, acknowledge receipt and decide
	// next steps and the type of response. Conf. S.
	ReferralDecisionWorkingDays = 1
	// AssessmentWorkingDays: Working Together 2023, ch. 3, assessment
	// timeliness: "no longer than 45 working days from the point of the
	// referral". Conf. S.
	AssessmentWorkingDays = 45
	// ICPCWorkingDays: Working Together 2023, ch. 3 "Initial child
	// protection conferences": within 15 working days of the strategy
	// discussion at which the section 47 enquiry was initiated. Conf. S.
	ICPCWorkingDays = 15
	// FirstCoreGroupWorkingDays: Working Together 2023, ch. 3 (carried from
	// WT2018): the first core group within 10 working days of the ICPC.
	// Conf. S.
	FirstCoreGroupWorkingDays = 10
	// FirstReviewMonths: Working Together 2023, ch. 3 "Child protection
	// review conference": the first review within 3 months of the ICPC.
	// Conf. S.
	FirstReviewMonths = 3
	// NextReviewMonths: Working Together 2023, ch. 3: further reviews at
	// intervals of not more than 6 months while the plan lasts. Conf. S.
	NextReviewMonths = 6
)

// Timescales of a child looked after, each from the Care Planning,
// Placement and Case Review (England) Regulations 2010 (CPPCR) or the
// statutory guidance (timescales.md 1.1).
const (
	// CarePlanWorkingDays: CPPCR reg 4(2), care plan within 10 working days
	// of the start of the first placement. Conf. V.
	CarePlanWorkingDays = 10
	// CLAVisitFirstWeeks, CLAVisitWeeks, CLAVisitLongTermMonths: CPPCR reg
	// 28(2): within 1 week of the start of any placement, then at most 6
	// weeks apart in its first year, then at most 3 months apart where the
	// placement is to last until 18 (otherwise 6 weeks). Conf. V.
	CLAVisitFirstWeeks     = 1
	CLAVisitWeeks          = 6
	CLAVisitLongTermMonths = 3
	// CLAReviewFirstWorkingDays, CLAReviewSecondMonths, CLAReviewNextMonths:
	// CPPCR reg 33: 20 working days from becoming looked after, then within
	// 3 months, then at most 6 months apart. Conf. V.
	CLAReviewFirstWorkingDays = 20
	CLAReviewSecondMonths     = 3
	CLAReviewNextMonths       = 6
	// IHAWorkingDays: statutory guidance "Promoting the health and
	// well-being of looked-after children" (2015): initial health assessment
	// within 20 working days of entering care. Conf. S.
	IHAWorkingDays = 20
	// RHAUnderFiveMonths, RHAMonths: CPPCR reg 7: health reviews at least
	// every 6 months before the fifth birthday, every 12 months after. Conf. S.
	RHAUnderFiveMonths = 6
	RHAMonths          = 12
	// PEPFirstWorkingDays: PEP guidance (2018): in an emergency the PEP is
	// initiated within 10 working days of becoming looked after. Conf. S.
	PEPFirstWorkingDays = 10
)

// The rules' descriptions, one per id of timescales.md 1.1 (core_group_next,
// rcpc_first/rcpc_next, cin_visit split or add to its rows).
var (
	ruleReferralDecision = Rule{ID: "referral_decision", Title: "Referral decision", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3 \"Referral\": within one working day of a referral, acknowledge receipt and decide the next steps and the type of response"}
	ruleAssessment = Rule{ID: "assessment_complete", Title: "Child and family assessment", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3, assessment timeliness: no longer than 45 working days from the point of the referral"}
	ruleICPC = Rule{ID: "icpc", Title: "Initial child protection conference", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3 \"Initial child protection conferences\": within 15 working days of the strategy discussion at which the section 47 enquiry was initiated"}
	ruleCoreGroupFirst = Rule{ID: "core_group_first", Title: "First core group meeting", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3: the first core group within 10 working days of the initial child protection conference"}
	ruleCoreGroupNext = Rule{ID: "core_group_next", Title: "Core group meeting", Confidence: "S", Local: true,
		Source: "Local standard (setting " + KeyCoreGroupWeeks + "): Working Together 2023 sets only the first meeting; later ones at the interval the authority sets"}
	ruleRCPCFirst = Rule{ID: "rcpc_first", Title: "First review child protection conference", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3 \"Child protection review conference\": the first review within 3 months of the initial conference"}
	ruleRCPCNext = Rule{ID: "rcpc_next", Title: "Review child protection conference", Confidence: "S",
		Source: "Working Together to Safeguard Children 2023, ch. 3 \"Child protection review conference\": further reviews at intervals of not more than 6 months while the plan lasts"}
	ruleCPVisit = Rule{ID: "cp_visit", Title: "Child protection visit", Confidence: "M", Local: true,
		Source: "Local standard (setting " + KeyCPVisitWorkingDays + "): Working Together 2023 sets no national frequency; the plan or local procedures set it (commonly every 10 working days)"}
	ruleCINPlanReview = Rule{ID: "cin_plan_review", Title: "Child in need plan review", Confidence: "M", Local: true,
		Source: "Local standard (setting " + KeyCINPlanReviewMonths + "): Working Together 2023 sets no fixed interval for reviewing a child in need plan (commonly at most 3 months)"}
	ruleCINVisit = Rule{ID: "cin_visit", Title: "Child in need visit", Confidence: "M", Local: true,
		Source: "Local standard (setting " + KeyCINVisitWorkingDays + "): there is no national frequency for visits to a child in need"}
)

// The rules of a child looked after (care.go).
var (
	ruleCarePlan = Rule{ID: "cla_care_plan", Title: "Care plan", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 4(2): before the first placement or, if not practicable, within 10 working days of its start"}
	ruleCLAVisitFirst = Rule{ID: "cla_visit_first", Title: "First visit in a placement", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 28(2)(a): within one week of the start of any placement"}
	ruleCLAVisitNext = Rule{ID: "cla_visit_next", Title: "Statutory visit to a child in care", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 28(2)(b)-(c): at most 6 weeks apart in the placement's first year, then at most 3 months apart in a long-term placement (SSDA903 types U1, U4), otherwise 6 weeks"}
	ruleCLAReview1 = Rule{ID: "cla_review_1", Title: "First looked-after review", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(1): within 20 working days of the date the child becomes looked after"}
	ruleCLAReview2 = Rule{ID: "cla_review_2", Title: "Second looked-after review", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(2): not more than 3 months after the first"}
	ruleCLAReviewN = Rule{ID: "cla_review_n", Title: "Looked-after review", Confidence: "V",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(2): not more than 6 months after the last"}
	ruleIHA = Rule{ID: "iha", Title: "Initial health assessment", Confidence: "S",
		Source: "Promoting the health and well-being of looked-after children (2015): within 20 working days of entering care, to inform the first review (CPPCR reg 7)"}
	ruleRHA = Rule{ID: "rha", Title: "Review health assessment", Confidence: "S",
		Source: "Care Planning, Placement and Case Review (England) Regulations 2010, reg 7: at least every 6 months before the fifth birthday, every 12 months after"}
	rulePEPFirst = Rule{ID: "pep", Title: "Personal education plan", Confidence: "S",
		Source: "Promoting the education of looked-after children (2018): initiated before placement or, in an emergency, within 10 working days; available for the first review"}
	rulePEPReview = Rule{ID: "pep_review", Title: "Personal education plan review", Confidence: "S", Local: true,
		Source: "Local standard (setting " + KeyPEPReviewMonths + "): the PEP guidance asks for a review each school term"}
)

// catalogue lists every rule's description, for Rules.
var catalogue = []*Rule{
	&ruleReferralDecision, &ruleAssessment, &ruleICPC, &ruleCoreGroupFirst, &ruleCoreGroupNext,
	&ruleRCPCFirst, &ruleRCPCNext, &ruleCPVisit, &ruleCINPlanReview, &ruleCINVisit,
	&ruleCarePlan, &ruleCLAVisitFirst, &ruleCLAVisitNext, &ruleCLAReview1, &ruleCLAReview2, &ruleCLAReviewN,
	&ruleIHA, &ruleRHA, &rulePEPFirst, &rulePEPReview,
	&ruleRHI, &ruleExploitationReview, &rulePreProceedings, &ruleProceedings,
	&rulePathwayReview, &ruleBirthdayContact, &rulePermanencePlan,
}

// rankOf returns r's place in catalogue, which orders tasks due on the same
// day. Every rule must be in catalogue (TestRulesCatalogue).
func rankOf(r *Rule) int16 {
	for i, c := range catalogue {
		if c == r {
			return int16(i)
		}
	}
	panic("timescale: rule " + r.ID + " is not in catalogue")
}

// rankOfID is rankOf by id; an unknown id comes last.
func rankOfID(id string) int {
	for i, c := range catalogue {
		if c.ID == id {
			return i
		}
	}
	return len(catalogue)
}

// Rules returns the description of every rule the engine applies, for a
// settings page or a "where does this date come from" help page.
func Rules() []Rule {
	out := make([]Rule, len(catalogue))
	for i, r := range catalogue {
		out[i] = *r
	}
	return out
}

// ruleFunc emits (input.emit) the tasks one rule, or a linked pair such as
// the first and later core groups, sets for one case file.
type ruleFunc func(in *input)

// rules is every rule the engine runs, in no significant order (Tasks
// sorts the result). Children in care adds its rules here.
var rules = []ruleFunc{
	referralDecision,    // frontdoor.go
	assessmentDue,       // frontdoor.go
	icpcDue,             // frontdoor.go
	coreGroups,          // protection.go
	reviewConferences,   // protection.go
	cpVisits,            // protection.go
	cinPlanReviews,      // childinneed.go
	cinVisits,           // childinneed.go
	careEpisodes,        // care.go
	returnInterviews,    // missing.go
	exploitationReviews, // missing.go
	preProceedings,      // court.go
	proceedingsFinal,    // court.go
	pathwayReviews,      // leaver.go
	birthdayContacts,    // leaver.go
	permanencePlanDue,   // permanence.go
}
