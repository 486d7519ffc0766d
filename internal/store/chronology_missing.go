package store

import "sightline/internal/casework"

// The chronology arms of missing episodes, exploitation screenings and
// court work, listed in chronologyArms with the same 9 columns as the
// others (see chronology_help.go).
var (
	missingArm = `SELECT e.start_date, 'missing', CASE WHEN e.missing_from = 'care' THEN 'Missing from care: '
		ELSE 'Missing from home: ' END || ` + labelSQL("e.kind", missingKindPhrases) + `,
		CASE WHEN e.reported_to_police THEN 'Reported to the police' ELSE '' END, '', e.id, ` + inError("e") + `, 14, 'missing_episode'
		FROM missing_episodes e WHERE e.child_id = ?
		UNION ALL
		SELECT e.end_date, 'missing', 'Returned from missing', e.where_found, e.updated_by, e.id, ` + inError("e") + `, 15, 'missing_episode'
		FROM missing_episodes e WHERE e.child_id = ? AND e.end_date IS NOT NULL
		UNION ALL
		SELECT ri.offered_on, 'missing', 'Return home interview offered', '', '', ri.id, ` + inError("ri") + `, 16, 'return_interview'
		FROM return_interviews ri WHERE ri.child_id = ?
		UNION ALL
		SELECT ri.held_on, 'missing', 'Return home interview held' || CASE WHEN ri.held_by = '' THEN '' ELSE ' by ' || ri.held_by END,
		ri.notes, ri.updated_by, ri.id, ` + inError("ri") + `, 17, 'return_interview'
		FROM return_interviews ri WHERE ri.child_id = ? AND ri.held_on IS NOT NULL
		UNION ALL
		SELECT ri.offered_on, 'missing', 'Return home interview declined by the child', ri.notes, ri.updated_by, ri.id,
		` + inError("ri") + `, 17, 'return_interview' FROM return_interviews ri WHERE ri.child_id = ? AND ri.declined
		UNION ALL
		SELECT s.screened_on, 'missing', 'Exploitation screening: ' || ` + labelSQL("s.risk_level", screeningPhrases) + `,
		CASE WHEN s.lead = '' THEN s.notes ELSE 'Lead professional: ' || s.lead END, s.updated_by, s.id, ` + inError("s") + `, 18, 'exploitation_screening'
		FROM exploitation_screenings s WHERE s.child_id = ?`

	courtArm = `SELECT p.start_date, 'court', 'Pre-proceedings started', '', '', p.id, ` + inError("p") + `, 62, 'pre_proceedings'
		FROM pre_proceedings p WHERE p.child_id = ?
		UNION ALL
		SELECT p.end_date, 'court', 'Pre-proceedings ended: ' || ` + labelSQL("p.outcome", casework.PLOOutcomes()) + `,
		'', p.updated_by, p.id, ` + inError("p") + `, 64, 'pre_proceedings' FROM pre_proceedings p WHERE p.child_id = ? AND p.end_date IS NOT NULL
		UNION ALL
		SELECT e.held_on, 'court', ` + labelSQL("e.kind", casework.PLOEventKinds()) + `, e.notes, e.updated_by, e.id,
		` + inError("e") + `, 63, 'plo_event' FROM plo_events e WHERE e.child_id = ?
		UNION ALL
		SELECT pr.issued_on, 'court', 'Care proceedings issued: ' || ` + labelSQL("pr.application", casework.ApplicationTypes()) + `,
		pr.court, '', pr.id, ` + inError("pr") + `, 65, 'proceedings' FROM proceedings pr WHERE pr.child_id = ?
		UNION ALL
		SELECT h.held_on, 'court', ` + labelSQL("h.kind", casework.HearingKinds()) + ` || CASE WHEN h.final_order = '' THEN ''
		ELSE ': ' || ` + labelSQL("h.final_order", casework.FinalOrders()) + ` END, h.outcome, h.updated_by, h.id,
		` + inError("h") + `, 66, 'hearing' FROM hearings h WHERE h.child_id = ?
		UNION ALL
		SELECT x.granted_on, 'court', 'Timetable extended by ' || x.weeks || ' weeks (s.32(5))', x.reason, x.updated_by, x.id,
		` + inError("x") + `, 67, 'proceedings_extension' FROM proceedings_extensions x WHERE x.child_id = ?`
)

// missingKindPhrases finish "Missing from home: …".
var missingKindPhrases = []casework.Code{
	{Code: "M", Label: "whereabouts not known"}, {Code: "A", Label: "away without authorisation, whereabouts known"},
}

// screeningPhrases finish "Exploitation screening: …".
var screeningPhrases = []casework.Code{
	{Code: casework.RiskNone, Label: "no risk identified"}, {Code: casework.RiskLow, Label: "low risk"},
	{Code: casework.RiskMedium, Label: "medium risk"}, {Code: casework.RiskHigh, Label: "high risk"},
}
