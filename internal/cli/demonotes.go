package cli

import "time"

// demoNote is a case note of the demo authority (see demofixtures.go: a
// hand-written stand-in for the synthetic generator). errorReason marks it
// entered in error once written. The notes tell in words what the records
// of demostory*.go hold, on the same days.
type demoNote struct {
	child, author string // LA child ID, username
	date          time.Time
	kind, subject string
	body          string
	errorReason   string
}

// demoNotes gives Maya Brooks a chronology of six months and a few notes
// to others, in the order they were written.
func demoNotes() []demoNote {
	return append(mayaNotes(), []demoNote{
		{"DEMO0002", "amira", on(2026, 5, 22), "case_note", "Home visit: Leo seen with Maya",
			"Leo was at home with his mother and sister. He was chatty and showed me his toy cars. The kitchen had little food in.", ""},
		{"DEMO0002", "amira", on(2026, 11, 9), "case_note", "Visit: Leo seen alone at school",
			"Leo is settled in Year 2 and says he likes his teacher. He had breakfast before school every day last week.", ""},
		{"DEMO0004", "tom", on(2026, 10, 30), "case_note", "Statutory visit at placement",
			"Ty was seen alone at his foster home. He is doing well at college and wants more contact with his brother.", ""},
		{"DEMO0004", "tom", on(2026, 11, 17), "meeting", "Pathway plan meeting",
			"Ty, his foster carer and his personal adviser met to start his pathway plan. Ty wants to stay put after 18.", ""},
		{"DEMO0007", "tom", on(2026, 11, 3), "meeting", "Planning for Amelia's 18th birthday",
			"Transition to adult social care discussed with Amelia using her communication book. Referral to adult services agreed.", ""},
		{"DEMO0005", "dan", on(2026, 11, 18), "management_oversight", "Supervision with Ellie",
			"Reviewed Zofia's plan with Ellie (newly qualified). Visits are on time. Ellie to seek the school's view before core group.", ""},
		{"DEMO0011", "priya", on(2026, 11, 16), "phone_call", "Contact from school nurse",
			"The school nurse is worried Ruby has been unwell and missed health appointments. Mother agreed to early help contact.", ""},
		{"DEMO0006", "priya", on(2026, 11, 19), "phone_call", "Contact from police: incident at home",
			"Police attended a domestic incident overnight; Kai was asleep upstairs. Awaiting a decision on the referral.", ""},
		{"DEMO0012", "amira", on(2026, 8, 10), "case_note", "Record restricted",
			"This record is restricted because a family member works for the council. Only named workers may open it.", ""},
	}...)
}

// mayaNotes is the chronology the demo shows best: contact, strategy,
// section 47, conference, visits, oversight, review, one note in error.
func mayaNotes() []demoNote {
	const m = "DEMO0001"
	return []demoNote{
		{m, "priya", on(2026, 5, 18), "phone_call", "Contact from school: bruise on Maya's arm",
			"The designated safeguarding lead called: Maya arrived with a bruise on her upper arm and said she was hungry. Checks started.", ""},
		{m, "priya", on(2026, 5, 19), "meeting", "Strategy discussion",
			"Police, health and school agreed a section 47 enquiry for Maya and Leo. Child protection medical booked for today.", ""},
		{m, "amira", on(2026, 5, 22), "case_note", "Home visit: Maya seen alone",
			"Maya was seen alone in her bedroom. She said things are 'sometimes hard' when mum is poorly. Little food in the house.", ""},
		{m, "amira", on(2026, 6, 4), "meeting", "Initial child protection conference",
			"Conference agreed a child protection plan for Maya and Leo under the category of neglect. Core group within 10 days.", ""},
		{m, "amira", on(2026, 6, 15), "case_note", "Visit: Maya and Leo seen",
			"Both children seen. Maya showed me her school reading book. Mum has registered with the GP and a food bank.", ""},
		{m, "amira", on(2026, 6, 16), "case_note", "Visit: child seen at school",
			"Visit recorded here by mistake.", "Written on Maya's record by mistake: the visit was to another child"},
		{m, "dan", on(2026, 7, 2), "management_oversight", "Management oversight",
			"The plan is progressing. Visits are within timescale. Next step: parenting assessment to start before the review.", ""},
		{m, "amira", on(2026, 7, 20), "email", "Letter from school: attendance",
			"School report Maya's attendance has risen from 82% to 94% this half term, and she now has breakfast club.", ""},
		{m, "amira", on(2026, 8, 27), "meeting", "Core group meeting",
			"Core group reviewed the plan. Mum attends her appointments. Family support worker to continue twice weekly.", ""},
		{m, "amira", on(2026, 9, 3), "meeting", "Review child protection conference",
			"The plan continues under neglect. Progress noted; the parenting assessment is to finish before the next review.", ""},
		{m, "amira", on(2026, 10, 8), "phone_call", "Call with mum",
			"Mum rang to say the boiler has broken. Referral made to housing; emergency heater delivered the same day.", ""},
		{m, "amira", on(2026, 11, 11), "case_note", "Visit: Maya seen alone",
			"Wishes and feelings work with Maya: she drew her family and said she feels 'safer now'. Her room was warm and tidy.", ""},
		{m, "dan", on(2026, 11, 20), "management_oversight", "Management oversight before review",
			"Good progress. Consider stepping down to a child in need plan at the next review if the assessment supports it.", ""},
	}
}
