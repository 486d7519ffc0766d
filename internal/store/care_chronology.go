package store

import "sightline/internal/casework"

// careArm is the chronology of a child's periods of care: becoming looked
// after, each legal status, each placement and move with its reason, the
// care plan, reviews, health, dental and education work, family-time
// arrangements, the end of care, the day a child's status as an
// unaccompanied asylum-seeking child ceased, and the SDQs, convictions,
// immunisation checks and substance misuse of the return's OC2 (entity
// care_outcome). Columns as chronologyArms.
var careArm = `SELECT e.start_date, 'care', 'Became looked after', ` + labelSQL("e.category_of_need", casework.NeedCategories()) + `,
	'', e.id, ` + inError("e") + `, 14, 'care_episode' FROM care_episodes e WHERE e.child_id = ?
	UNION ALL
	SELECT e.end_date, 'care', 'Stopped being looked after: ' || ` + labelSQL("e.end_reason", casework.ReasonsEpisodeCeased()) + `,
	'', e.updated_by, e.id, ` + inError("e") + `, 97, 'care_episode' FROM care_episodes e WHERE e.child_id = ? AND e.end_date IS NOT NULL
	UNION ALL
	SELECT l.start_date, 'care', 'Legal status: ' || ` + labelSQL("l.code", casework.LegalStatuses()) + `, l.code,
	l.updated_by, l.id, ` + inError("l") + `, 16, 'legal_status' FROM care_legal_statuses l WHERE l.child_id = ?
	UNION ALL
	SELECT p.start_date, 'care', 'Placed: ' || ` + labelSQL("p.place_type", casework.PlacementTypes()) + `,
	p.postcode || CASE WHEN p.in_area THEN ', in the area' ELSE ', out of the area' END
	|| CASE WHEN p.school_move THEN ', with a change of school' ELSE '' END, '', p.id, ` + inError("p") + `, 17, 'placement'
	FROM care_placements p WHERE p.child_id = ?
	UNION ALL
	SELECT p.end_date, 'care', 'Placement ended: ' || ` + labelSQL("p.change_reason", casework.PlacementChangeReasons()) + `,
	'', p.updated_by, p.id, ` + inError("p") + `, 15, 'placement' FROM care_placements p WHERE p.child_id = ? AND p.change_reason <> ''
	UNION ALL
	SELECT c.held_on, 'care', ` + labelSQL("c.kind", casework.CareEventKinds()) + `,
	CASE WHEN c.iro <> '' THEN 'Chaired by ' || c.iro || '. ' ELSE '' END || c.notes, c.updated_by, c.id, ` + inError("c") + `, 18, 'care_event'
	FROM care_events c WHERE c.child_id = ?
	UNION ALL
	SELECT f.start_date, 'care', 'Family time arranged with ' || f.with_whom,
	` + labelSQL("f.frequency", casework.FamilyTimeFrequencies()) + ` || CASE WHEN f.supervised THEN ', supervised' ELSE '' END,
	f.updated_by, f.id, ` + inError("f") + `, 19, 'family_time' FROM family_time f WHERE f.child_id = ?
	UNION ALL
	SELECT u.uasc_ceased, 'care', 'Status as an unaccompanied asylum-seeking child ceased', '', u.updated_by, u.id, 0, 96, ''
	FROM children u WHERE u.id = ? AND u.uasc AND u.uasc_ceased IS NOT NULL
	UNION ALL
	SELECT o.event_date, 'care', ` + outcomeSummarySQL + `, o.notes, o.updated_by, o.id, ` + inError("o") + `, 20, 'care_outcome'
	FROM care_outcomes o WHERE o.child_id = ?`

// outcomeSummarySQL says what an outcome record (care_outcomes) records,
// in the words of casework.CareOutcome.Summary.
var outcomeSummarySQL = `CASE o.kind WHEN 'sdq' THEN CASE WHEN o.sdq_score IS NOT NULL
	THEN 'SDQ completed: total score ' || o.sdq_score
	ELSE 'SDQ not completed: ' || ` + labelSQL("o.sdq_reason", casework.SDQReasons()) + ` END
	WHEN 'immunisations' THEN CASE WHEN o.up_to_date THEN 'Immunisations up to date' ELSE 'Immunisations not up to date' END
	WHEN 'substance_misuse' THEN CASE WHEN o.received THEN 'Substance misuse identified: intervention received'
		WHEN o.offered THEN 'Substance misuse identified: intervention offered, not received'
		ELSE 'Substance misuse identified: no intervention offered' END
	ELSE ` + labelSQL("o.kind", casework.OutcomeKinds()) + ` END`
