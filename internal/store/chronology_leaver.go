package store

import (
	"strconv"

	"sightline/internal/casework"
)

// The chronology arms of leaving care and permanence, listed in
// chronologyArms, with the same 9 columns as chronology_help.go's.
var (
	leavingCareArm = `SELECT l.from_date, 'leaving_care', 'Care leaver: ' || ` + labelSQL("l.category", casework.LeaverCategories()) + `,
		CASE WHEN l.adviser = '' THEN '' ELSE 'Personal adviser: ' || l.adviser END, '', l.id, ` + inError("l") + `, 100, 'care_leaver'
		FROM care_leavers l WHERE l.child_id = ?
		UNION ALL
		SELECT l.services_ended, 'leaving_care', 'Leaving-care services ended', '', l.updated_by, l.id, ` + inError("l") + `, 101, 'care_leaver'
		FROM care_leavers l WHERE l.child_id = ? AND l.services_ended IS NOT NULL
		UNION ALL
		SELECT p.held_on, 'leaving_care', ` + labelSQL("p.kind", casework.PathwayKinds()) + `, '', p.updated_by, p.id,
		` + inError("p") + `, 102, 'pathway_record' FROM pathway_records p WHERE p.child_id = ?
		UNION ALL
		SELECT c.contact_date, 'leaving_care', CASE WHEN c.birthday > 0 THEN 'Care leaver birthday record, age ' || c.birthday
		ELSE 'Contact with care leaver' END || ': ' || ` + labelSQL("c.in_touch", casework.InTouchCodes()) + `,
		CASE WHEN c.activity = '' THEN '' ELSE ` + labelSQL("c.activity", casework.Activities()) + ` END ||
		CASE WHEN c.accom = '' OR c.accom = '0' THEN '' ELSE '; ' || ` + labelSQL("substr(c.accom, 1, 1)", casework.Accommodations()) + ` ||
		CASE WHEN c.accom LIKE '_1' THEN ' (suitable)' ELSE ' (not suitable)' END END,
		c.updated_by, c.id, ` + inError("c") + `, 103, 'leaver_contact' FROM leaver_contacts c WHERE c.child_id = ?`

	permanenceArm = permanenceStage("decided_on", "'Permanence plan: ' || "+labelSQL("pp.plan", casework.PermanencePlanTypes()), 110) +
		` UNION ALL ` + permanenceStage("should_be_placed", "'Decision: should be placed for adoption'", 111) +
		` UNION ALL ` + permanenceStage("placement_order", "'Placement order granted'", 112) +
		` UNION ALL ` + permanenceStage("matched", "'Matched with adopters'", 113) +
		` UNION ALL ` + permanenceStage("placed", "'Placed for adoption'", 114) +
		` UNION ALL ` + permanenceStage("adoption_order", "'Adoption order made'", 115) +
		` UNION ALL ` + permanenceStage("reversed", "'Decision changed: no longer to be placed for adoption, ' || "+
		labelSQL("pp.reversed_reason", casework.ReversalReasons()), 116) +
		` UNION ALL ` + permanenceStage("order_made", labelSQL("pp.order_reason", casework.OrderReasons())+" || ' made'", 117)
)

// permanenceStage is the arm of one dated stage of a permanence plan.
func permanenceStage(col, summary string, order int) string {
	return `SELECT pp.` + col + `, 'permanence', ` + summary + `, '', '', pp.id, ` + inError("pp") + `, ` + strconv.Itoa(order) + `, 'permanence_plan'` +
		` FROM permanence_plans pp WHERE pp.child_id = ? AND pp.` + col + ` IS NOT NULL`
}
