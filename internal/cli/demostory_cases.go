package cli

import (
	"slices"

	"sightline/internal/calendar"
)

// The other children's stories, each in the order its records were made.
// demoStories lists them all; the Brooks children's are in
// demostory_brooks.go.

// demoStories is every story the demo loads, in the order they load. A
// story's steps are in date order; stories are independent of each other.
func demoStories() []demoStep {
	var out []demoStep
	for _, story := range [][]demoStep{brooksStory(), noahStory(), zofiaStory(), meiStory(), aishaStory(),
		kaiStory(), jaydenStory(), yusufStory(), rubyStory(), lilyStory(), oscarStory()} {
		out = append(out, story...)
	}
	return out
}

// noahStory: Noah Hartley, Amira's restricted case. An assessment led to a
// child in need plan; a police call in November led to a section 47
// enquiry, and his initial conference is due on Thursday 26 November.
// Only Amira and Sue are named on the record, so Sue signs it off.
func noahStory() []demoStep {
	const n = "DEMO0012"
	return []demoStep{
		step(n, "amira", on(2026, 8, 10), contact{at: "10:15", source: "3A",
			detail: "Dr Helen Marsh, Demoford Road Surgery, 01632 960210",
			concerns: "Noah has missed three appointments for his asthma and has lost weight. His mother seemed " +
				"intoxicated at the last one. Passed straight to a named worker: a family member works for the council."}),
		step(n, "amira", on(2026, 8, 10), decideContact{decision: "referral", primaryNeed: "N1", team: "cp"}),
		step(n, "sue", on(2026, 8, 10), allocate{worker: "amira", code: "OTHERS", reason: "Restricted record: held by a named worker"}),
		step(n, "amira", on(2026, 8, 11), decideReferral{decision: "assessment"}),
		step(n, "amira", on(2026, 8, 11), startAssessment{}),
		step(n, "amira", on(2026, 8, 14), visit{kind: "assessment", place: "home", seen: true, alone: true}),
		step(n, "amira", on(2026, 9, 17), visit{kind: "assessment", place: "school", seen: true, alone: true}),
		step(n, "amira", on(2026, 10, 2), completeAssessment{outcome: "cin_plan", factors: []string{"1B", "4B"}}),
		step(n, "sue", on(2026, 10, 6), authorise{}),
		step(n, "amira", on(2026, 10, 8), cinPlan{}),
		step(n, "amira", on(2026, 10, 22), visit{kind: "cin", place: "home", seen: true, alone: true}),
		step(n, "amira", on(2026, 11, 4), contact{at: "07:50", source: "6", detail: "PC Aaron Webb, Demoford police",
			concerns: "Police were called to the home at 23:30 last night: Noah's mother was intoxicated and unconscious. " +
				"Noah rang 999 himself and was looking after her when officers arrived."}),
		step(n, "amira", on(2026, 11, 4), decideContact{decision: "information",
			reason: "Open case: passed to the allocated worker, who is arranging a strategy discussion"}),
		step(n, "amira", on(2026, 11, 5), strategy{startS47: true,
			attendees: "Children's social care, Demoford police, Demoford Road Surgery, Noah's school",
			summary:   "Escalating parental alcohol misuse; Noah caring for his mother at night. Section 47 enquiry agreed."}),
		step(n, "amira", on(2026, 11, 5), startS47{}),
		step(n, "amira", on(2026, 11, 6), visit{kind: "assessment", place: "home", seen: true, alone: true}),
	}
}

// zofiaStory: Zofia Kowalska, held by Ellie (newly qualified). Her first
// child protection plan (emotional abuse, 2024) ended and the case closed;
// a school's contact in September 2026 led to a second plan, for neglect.
// Her next core group is due on Thursday 26 November.
func zofiaStory() []demoStep {
	const z = "DEMO0005"
	return append([]demoStep{
		step(z, "priya", on(2024, 1, 15), contact{at: "11:05", source: "2A", detail: "Oakfield Primary School",
			concerns: "Zofia told her teacher that her stepfather shouts at her mother and throws things, and that she hides in her room."}),
		step(z, "priya", on(2024, 1, 15), decideContact{decision: "referral", primaryNeed: "N1", team: "cp"}),
		step(z, "dan", on(2024, 1, 16), allocate{worker: "amira", code: "FCONTA", reason: "Child protection concerns: allocated the same day"}),
		step(z, "amira", on(2024, 1, 16), decideReferral{decision: "strategy"}),
		step(z, "amira", on(2024, 1, 16), strategy{startS47: true, attendees: "Children's social care, police, school",
			summary: "Domestic abuse in the home. Section 47 enquiry agreed."}),
		step(z, "amira", on(2024, 1, 16), startS47{}),
		step(z, "amira", on(2024, 2, 2), icpc{category: "EMO"}),
	}, zofiaFirstPlan()...)
}

// zofiaFirstPlan is the work of the 2024 plan, all in time: core groups
// every six weeks, visits every nine working days, two reviews (the second
// ended the plan), then the closure; then the second plan.
func zofiaFirstPlan() []demoStep {
	const z = "DEMO0005"
	start, end := on(2024, 2, 2), on(2024, 10, 30)
	out := []demoStep{
		step(z, "amira", on(2024, 5, 1), review{decision: "continue"}),
		step(z, "amira", end, review{decision: "end"}),
	}
	for d := on(2024, 2, 14); d.Before(end); d = d.AddDate(0, 0, 42) {
		out = append(out, step(z, "amira", d, coreGroup{}))
	}
	cal := calendar.Default()
	for d := cal.AddWorkingDays(start, 9); d.Before(end); d = cal.AddWorkingDays(d, 9) {
		out = append(out, step(z, "amira", d, visit{kind: "cp", place: "home", seen: true, alone: true}))
	}
	slices.SortStableFunc(out, func(a, b demoStep) int { return a.on.Compare(b.on) })
	out = append(out, step(z, "amira", on(2024, 11, 20), closeCase{reason: "RC7", summary: "The stepfather has left " +
		"the home and Zofia is doing well. The plan ended at review; the school's pastoral support continues."}))
	return append(out, zofiaSecondPlan()...)
}

func zofiaSecondPlan() []demoStep {
	const z = "DEMO0005"
	return []demoStep{
		step(z, "priya", on(2026, 9, 15), contact{at: "10:30", source: "2A", detail: "Northmoor Academy, pastoral lead",
			concerns: "Zofia has missed nine days this term, comes in wearing a dirty uniform and says her mum's new partner drinks."}),
		step(z, "priya", on(2026, 9, 15), decideContact{decision: "referral", primaryNeed: "N1", team: "cp"}),
		step(z, "priya", on(2026, 9, 16), decideReferral{decision: "strategy"}),
		step(z, "priya", on(2026, 9, 16), strategy{startS47: true, attendees: "Front door, police, Northmoor Academy",
			summary: "A second episode: neglect, and a new partner's drinking. Section 47 enquiry agreed."}),
		step(z, "priya", on(2026, 9, 16), startS47{}),
		step(z, "dan", on(2026, 9, 16), allocate{worker: "ellie", code: "FCONTA", reason: "Section 47 enquiry: allocated with close supervision"}),
		step(z, "ellie", on(2026, 9, 18), visit{kind: "assessment", place: "school", seen: true, alone: true}),
		step(z, "ellie", on(2026, 10, 6), icpc{category: "NEG"}),
		step(z, "ellie", on(2026, 10, 9), visit{kind: "cp", place: "home", seen: true, alone: true}),
		step(z, "ellie", on(2026, 10, 15), coreGroup{}),
		step(z, "ellie", on(2026, 10, 22), visit{kind: "cp", place: "home", seen: true}),
		step(z, "ellie", on(2026, 11, 4), visit{kind: "cp", place: "school", seen: true, alone: true}),
		step(z, "ellie", on(2026, 11, 17), visit{kind: "cp", place: "home", seen: true, alone: true}),
	}
}

// meiStory: Mei Chen, held by Marek, on a child in need plan since June.
// Her plan was last reviewed on 27 August, so a review is due on Friday
// 27 November.
func meiStory() []demoStep {
	const m = "DEMO0009"
	return []demoStep{
		step(m, "priya", on(2026, 4, 27), contact{at: "14:20", source: "3C", detail: "School nurse, Cobden Street Primary",
			concerns: "Mei has untreated tooth decay and head lice, and says she looks after her little brother after school " +
				"while her dad sleeps: he works nights and her mum is in hospital."}),
		step(m, "priya", on(2026, 4, 27), decideContact{decision: "referral", primaryNeed: "N4", team: "cp"}),
		step(m, "priya", on(2026, 4, 28), decideReferral{decision: "assessment"}),
		step(m, "dan", on(2026, 4, 28), allocate{worker: "marek", code: "FCONTA", reason: "Assessment: allocated to a senior practitioner"}),
		step(m, "marek", on(2026, 4, 28), startAssessment{}),
		step(m, "marek", on(2026, 5, 5), visit{kind: "assessment", place: "home", seen: true, alone: true}),
		step(m, "marek", on(2026, 6, 9), completeAssessment{outcome: "cin_plan", factors: []string{"6B", "7A"}}),
		step(m, "dan", on(2026, 6, 11), authorise{}),
		step(m, "marek", on(2026, 6, 15), cinPlan{}),
		step(m, "marek", on(2026, 7, 2), visit{kind: "cin", place: "home", seen: true, alone: true}),
		step(m, "marek", on(2026, 7, 28), visit{kind: "cin", place: "home", seen: true}),
		step(m, "marek", on(2026, 8, 20), visit{kind: "cin", place: "home", seen: true, alone: true}),
		step(m, "marek", on(2026, 8, 27), cinReview{}),
		step(m, "marek", on(2026, 9, 17), visit{kind: "cin", place: "school", seen: true, alone: true}),
		step(m, "marek", on(2026, 10, 13), visit{kind: "cin", place: "home", seen: true}),
		step(m, "marek", on(2026, 11, 9), visit{kind: "cin", place: "home", seen: true, alone: true}),
	}
}

// aishaStory: Aisha Rahman, held by Ellie, whose assessment (her first as
// a newly qualified worker) has waited for Dan's sign-off since Friday.
func aishaStory() []demoStep {
	const a = "DEMO0003"
	return []demoStep{
		step(a, "priya", on(2026, 10, 6), contact{at: "13:10", source: "2A", detail: "Westbank High School, head of year",
			concerns: "Aisha (15) told a teacher she has been cutting her arms. She says home is fine but she is scared of her older brother."}),
		step(a, "priya", on(2026, 10, 6), decideContact{decision: "referral", primaryNeed: "N4", team: "cp"}),
		step(a, "priya", on(2026, 10, 7), decideReferral{decision: "assessment"}),
		step(a, "dan", on(2026, 10, 7), allocate{worker: "ellie", code: "FCONTA", reason: "Assessment: allocated with weekly supervision"}),
		step(a, "ellie", on(2026, 10, 8), startAssessment{}),
		step(a, "ellie", on(2026, 10, 9), visit{kind: "assessment", place: "school", seen: true, alone: true}),
		step(a, "ellie", on(2026, 10, 29), visit{kind: "assessment", place: "home", seen: true, alone: true}),
		step(a, "ellie", on(2026, 11, 20), completeAssessment{outcome: "cin_plan", factors: []string{"4A", "15A"}}),
	}
}

// kaiStory: Kai Thompson, 4. The police's contact became a referral to the
// child protection team, not yet allocated; the front door decided no
// further action the next day, and that waits for Dan's approval.
func kaiStory() []demoStep {
	const k = "DEMO0006"
	return []demoStep{
		step(k, "priya", on(2026, 11, 19), contact{at: "08:15", source: "6", detail: "Demoford police, domestic abuse unit",
			concerns: "Police attended a domestic incident at the home at 01:30. Kai was asleep upstairs and was not hurt. " +
				"Mother's ex-partner was arrested and is on bail not to contact her."}),
		step(k, "priya", on(2026, 11, 19), decideContact{decision: "referral", primaryNeed: "N1", team: "cp"}),
		step(k, "priya", on(2026, 11, 20), decideReferral{decision: "nfa",
			nfaReason: "A single incident; Kai was not hurt. The ex-partner is on bail not to contact mother, who has " +
				"accepted support from the domestic abuse service. Police will share any further incident."}),
	}
}

// jaydenStory: Jayden Okafor, referred for an assessment and waiting in the
// assessment team's queue for a worker.
func jaydenStory() []demoStep {
	const j = "DEMO0010"
	return []demoStep{
		step(j, "priya", on(2026, 11, 12), contact{at: "15:05", source: "2A", detail: "Northmoor Academy, designated safeguarding lead",
			concerns: "Jayden (16) has been excluded twice this term and says he is sleeping on a friend's sofa after arguments at home."}),
		step(j, "priya", on(2026, 11, 12), decideContact{decision: "referral", primaryNeed: "N5", team: "assess"}),
		step(j, "priya", on(2026, 11, 13), decideReferral{decision: "assessment"}),
	}
}

// yusufStory: Yusuf Ali, a young carer, whose assessment Oliver is doing.
func yusufStory() []demoStep {
	const y = "DEMO0008"
	return []demoStep{
		step(y, "priya", on(2026, 10, 20), contact{at: "11:00", source: "5D", detail: "Westbank Family Hub, early help worker",
			concerns: "Yusuf (13) is missing school and his mother, who has multiple sclerosis, relies on him for her care."}),
		step(y, "priya", on(2026, 10, 20), decideContact{decision: "referral", primaryNeed: "N3", team: "assess"}),
		step(y, "priya", on(2026, 10, 21), decideReferral{decision: "assessment"}),
		step(y, "sue", on(2026, 10, 21), allocate{worker: "oliver", code: "FCONTA", reason: "Young carer: assessment"}),
		step(y, "oliver", on(2026, 10, 22), startAssessment{}),
		step(y, "oliver", on(2026, 10, 23), visit{kind: "assessment", place: "home", seen: true}),
		step(y, "oliver", on(2026, 11, 10), visit{kind: "assessment", place: "school", seen: true, alone: true}),
	}
}

// rubyStory: Ruby Doherty, whose contact went to early help: no case opened.
func rubyStory() []demoStep {
	const r = "DEMO0011"
	return []demoStep{
		step(r, "priya", on(2026, 11, 16), contact{at: "10:20", source: "3C", detail: "School nurse, Eastfield Infants",
			concerns: "Ruby has been unwell and has missed two health appointments; her mother is struggling since the baby was born."}),
		step(r, "priya", on(2026, 11, 16), decideContact{decision: "early_help",
			reason: "Mother agreed to an early help assessment; the family hub will contact her this week"}),
	}
}

// lilyStory: Lily Hughes. An assessment in March found no further action
// was needed and the case closed (RC8); this morning her school rang
// again, so the front door sees a re-referral within 12 months (journey 3).
func lilyStory() []demoStep {
	const l = "DEMO0013"
	const school = "Claire Dunmore, designated safeguarding lead, Wren Gardens Primary, 01632 960318"
	return []demoStep{
		step(l, "priya", on(2026, 3, 9), contact{at: "09:30", source: "2A", detail: school,
			concerns: "Lily (7) came to school with a burn on the back of her hand. Her mother says it was the oven door."}),
		step(l, "priya", on(2026, 3, 9), decideContact{decision: "referral", primaryNeed: "N1", team: "assess"}),
		step(l, "priya", on(2026, 3, 10), decideReferral{decision: "assessment"}),
		step(l, "sue", on(2026, 3, 10), allocate{worker: "hannah", code: "FCONTA", reason: "Assessment"}),
		step(l, "hannah", on(2026, 3, 10), startAssessment{}),
		step(l, "hannah", on(2026, 3, 12), visit{kind: "assessment", place: "home", seen: true, alone: true}),
		step(l, "hannah", on(2026, 4, 23), completeAssessment{outcome: "nfa", factors: []string{"21"}}),
		step(l, "sue", on(2026, 4, 27), authorise{}),
		step(l, "hannah", on(2026, 4, 28), closeCase{reason: "RC8", summary: "The assessment found the burn was accidental " +
			"and Lily's needs are met at home. Her mother has joined a parenting course at the family hub."}),
		step(l, "priya", on(2026, 11, 24), contact{at: "09:20", source: "2A", detail: school,
			concerns: "Lily (8) has bruising on her cheek. She says she fell off her scooter but would not say more. " +
				"The school knows she was referred in March."}),
	}
}

// oscarStory: Oscar Bell, 15 months, new to the service this morning.
func oscarStory() []demoStep {
	return []demoStep{
		step("DEMO0014", "priya", on(2026, 11, 24), contact{at: "08:50", source: "3B",
			detail: "Gemma Price, health visitor, Demoford Community Health, 01632 960733",
			concerns: "At a home visit yesterday Oscar had a bruise behind his ear. He is not yet walking; his parents " +
				"could not say how it happened."}),
	}
}
