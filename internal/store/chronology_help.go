package store

import (
	"strings"

	"sightline/internal/casework"
)

// Who recorded an entry: a record's updated_by names who saved it last, so
// it is shown only for entries made in the one write that created or ended
// the record (a conference, a strategy discussion, a plan's end), never for
// a start that a later write may have changed hands on.
//
// The chronology arms of help and protection, from the contact to the
// closure, listed in chronologyArms. Each keeps the 9 columns (date, kind,
// summary, detail, by, record id, in error, order, entity). Codes are named with
// CASE expressions built from the casework code sets, so the query runs
// the same on both backends. The order column puts the steps of one day
// in the order they happen (the chronology lists the last first).
var (
	contactArm = `SELECT c.contact_date, 'contact', CASE WHEN c.out_of_hours THEN 'Out of hours contact from '
		ELSE 'Contact from ' END || ` + labelSQL("c.source", casework.ReferralSources()) + `, c.concerns, c.recorded_by,
		c.id, ` + inError("c") + `, 10, '' FROM contacts c WHERE c.child_id = ?
		UNION ALL
		SELECT c.decision_date, 'contact', 'Contact decision: ' || ` + labelSQL("c.decision", casework.ContactDecisions()) + `,
		c.reason, c.decision_by, c.id, ` + inError("c") + `, 11, ''
		FROM contacts c WHERE c.child_id = ? AND c.decision_date IS NOT NULL`

	referralArm = `SELECT r.referral_date, 'referral', 'Referral from ' || ` + labelSQL("r.source", casework.ReferralSources()) + `,
		` + labelSQL("r.primary_need", casework.PrimaryNeeds()) + `, COALESCE(c.decision_by, ''), r.id, ` + inError("r") + `, 20, ''
		FROM referrals r LEFT JOIN contacts c ON c.id = r.contact_id WHERE r.child_id = ?
		UNION ALL
		SELECT r.decision_date, 'referral', 'Referral decision: ' || ` + labelSQL("r.decision", casework.ReferralDecisions()) + `,
		r.nfa_reason, r.updated_by, r.id, ` + inError("r") + `, 21, '' FROM referrals r WHERE r.child_id = ? AND r.decision_date IS NOT NULL
		UNION ALL
		SELECT r.nfa_approved_at, 'referral', 'No further action approved', r.nfa_reason, r.nfa_approved_by, r.id,
		` + inError("r") + `, 95, '' FROM referrals r WHERE r.child_id = ? AND r.nfa_approved_at IS NOT NULL
		UNION ALL
		SELECT r.closure_date, 'referral', 'Episode closed: ' || ` + labelSQL("r.closure_reason", casework.ClosureReasons()) + `,
		'', '', r.id, ` + inError("r") + `, 99, '' FROM referrals r WHERE r.child_id = ? AND r.closure_date IS NOT NULL`

	assessmentArm = `SELECT a.start_date, 'assessment', 'Assessment started', '', '', a.id, ` + inError("a") + `, 30, ''
		FROM assessments a WHERE a.child_id = ?
		UNION ALL
		SELECT a.completed_date, 'assessment', 'Assessment completed: ' || ` + labelSQL("a.outcome", casework.AssessmentOutcomes()) + `,
		'', '', a.id, ` + inError("a") + `, 85, '' FROM assessments a WHERE a.child_id = ? AND a.completed_date IS NOT NULL
		UNION ALL
		SELECT a.authorised_date, 'assessment', 'Assessment authorised', '', a.authorised_by, a.id, ` + inError("a") + `, 86, ''
		FROM assessments a WHERE a.child_id = ? AND a.authorised_date IS NOT NULL`

	protectionArm = `SELECT sd.held_on, 'protection', CASE WHEN sd.initiated_s47
		THEN 'Strategy discussion: section 47 enquiry to start' ELSE 'Strategy discussion: no section 47 enquiry' END,
		sd.notes, sd.updated_by, sd.id, ` + inError("sd") + `, 40, '' FROM strategy_discussions sd WHERE sd.child_id = ?
		UNION ALL
		SELECT e.start_date, 'protection', 'Section 47 enquiry started', '', '', e.id, ` + inError("e") + `, 50, ''
		FROM s47_enquiries e WHERE e.child_id = ?
		UNION ALL
		SELECT e.end_date, 'protection', 'Section 47 enquiry ended: ' || ` + labelSQL("e.outcome", casework.S47Outcomes()) + `,
		CASE WHEN e.icpc_not_required THEN 'Conference not required' ELSE '' END, e.updated_by, e.id, ` + inError("e") + `, 55, ''
		FROM s47_enquiries e WHERE e.child_id = ? AND e.end_date IS NOT NULL
		UNION ALL
		SELECT cf.held_on, 'protection', CASE WHEN cf.kind = 'initial' THEN 'Initial child protection conference: '
		ELSE 'Review child protection conference: ' END || ` + labelSQL("cf.decision", conferenceDecisions) + `,
		` + labelSQL("cf.category", casework.AbuseCategories()) + `, cf.updated_by, cf.id, ` + inError("cf") + `, 60, ''
		FROM conferences cf WHERE cf.child_id = ?
		UNION ALL
		SELECT p.start_date, 'protection', 'Child protection plan started: ' || ` + labelSQL("p.initial_category", casework.AbuseCategories()) + `,
		'', '', p.id, ` + inError("p") + `, 61, '' FROM cp_plans p WHERE p.child_id = ?
		UNION ALL
		SELECT p.end_date, 'protection', 'Child protection plan ended: ' || ` + labelSQL("p.latest_category", casework.AbuseCategories()) + `,
		p.end_reason, p.updated_by, p.id, ` + inError("p") + `, 90, '' FROM cp_plans p WHERE p.child_id = ? AND p.end_date IS NOT NULL
		UNION ALL
		SELECT g.held_on, 'protection', 'Core group meeting', '', g.updated_by, g.id, ` + inError("g") + `, 70, ''
		FROM core_groups g WHERE g.child_id = ?`

	visitArm = `SELECT v.visit_date, 'visit', 'Visit: ' || CASE WHEN v.seen_alone THEN 'seen alone'
		WHEN v.seen THEN 'seen' ELSE 'not seen' END || ' ' || ` + labelSQL("v.place", visitPlacePhrases) + `,
		CASE WHEN v.notes = '' THEN ` + labelSQL("v.kind", casework.VisitKinds()) + `
		ELSE ` + labelSQL("v.kind", casework.VisitKinds()) + ` || ': ' || v.notes END,
		v.visited_by, v.id, ` + inError("v") + `, 75, '' FROM visits v WHERE v.child_id = ?`

	cinPlanArm = `SELECT p.start_date, 'cin_plan', 'Child in need plan started', '', '', p.id, ` + inError("p") + `, 80, ''
		FROM cin_plans p WHERE p.child_id = ?
		UNION ALL
		SELECT p.end_date, 'cin_plan', 'Child in need plan ended', '', p.updated_by, p.id, ` + inError("p") + `, 91, ''
		FROM cin_plans p WHERE p.child_id = ? AND p.end_date IS NOT NULL
		UNION ALL
		SELECT r.held_on, 'cin_plan', 'Child in need plan review', '', r.updated_by, r.id, ` + inError("r") + `, 81, ''
		FROM cin_plan_reviews r WHERE r.child_id = ?`
)

// conferenceDecisions name a conference's decision in the chronology.
var conferenceDecisions = []casework.Code{
	{Code: "plan", Label: "child protection plan"}, {Code: "no_plan", Label: "no plan"},
	{Code: "continue", Label: "plan continues"}, {Code: "end", Label: "plan ends"},
}

// visitPlacePhrases finish "Visit: seen alone …".
var visitPlacePhrases = []casework.Code{
	{Code: "home", Label: "at home"}, {Code: "school", Label: "at school or nursery"},
	{Code: "placement", Label: "at the placement"}, {Code: "office", Label: "at the office"},
	{Code: "other", Label: "somewhere else"},
}

// inError is the chronology's "in error" column for a table alias.
func inError(alias string) string {
	return `CASE WHEN ` + alias + `.error_reason <> '' THEN 1 ELSE 0 END`
}

// labelSQL is a CASE expression naming the code in col from set (the code
// itself when unknown). Labels are quoted as SQL literals; a "?" is
// dropped, since Chronology counts placeholders.
func labelSQL(col string, set []casework.Code) string {
	quote := func(s string) string {
		return "'" + strings.ReplaceAll(strings.ReplaceAll(s, "?", ""), "'", "''") + "'"
	}
	var b strings.Builder
	b.WriteString("CASE " + col)
	for _, c := range set {
		b.WriteString(" WHEN " + quote(c.Code) + " THEN " + quote(c.Label))
	}
	b.WriteString(" ELSE " + col + " END")
	return b.String()
}
