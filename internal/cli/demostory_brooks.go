package cli

import (
	"slices"
	"time"
)

// Maya and Leo Brooks, Amira's children (journey 1): a school's contact in
// May led to a section 47 enquiry and child protection plans for neglect.
// On the as-at date Leo's visit is a day overdue (he was last seen on 9
// November), Maya's is due tomorrow (she was not in on the 9th, and was
// seen alone on the 11th), and overnight the emergency duty team took a
// call about them.
const maya, leo = "DEMO0001", "DEMO0002"

// brooksStory is the Brooks children's records in the order they were made.
func brooksStory() []demoStep {
	var out []demoStep
	add := func(child, by string, d time.Time, a demoAction) { out = append(out, step(child, by, d, a)) }
	both := func(by string, d time.Time, a demoAction) { add(maya, by, d, a); add(leo, by, d, a) }

	const school = "Tom Ashby, designated safeguarding lead, Brookside Primary School, 01632 960412"
	add(maya, "priya", on(2026, 5, 18), contact{at: "09:40", source: "2A", detail: school,
		concerns: "Maya (Year 4) arrived with a bruise on her upper arm and said she was hungry. She has come to school " +
			"without breakfast most days this month and her uniform is not washed."})
	add(leo, "priya", on(2026, 5, 18), contact{at: "09:40", source: "2A", detail: school,
		concerns: "Leo (Year 1), Maya's brother, is late most days, tired and hungry. The school is worried about both children."})
	both("priya", on(2026, 5, 18), decideContact{decision: "referral", primaryNeed: "N1", team: "front"})
	both("priya", on(2026, 5, 19), decideReferral{decision: "strategy"})
	both("priya", on(2026, 5, 19), strategy{startS47: true,
		attendees: "Front door (children's social care), Demoford police child abuse team, Brookside Primary School, school nurse",
		summary:   "Bruise and signs of neglect for both children. Section 47 enquiry agreed; child protection medical today."})
	both("priya", on(2026, 5, 19), startS47{})
	both("dan", on(2026, 5, 21), allocate{worker: "amira", code: "TSPROC",
		reason: "Strategy discussion agreed a section 47 enquiry: transferred to the child protection team"})
	add(maya, "amira", on(2026, 5, 22), visit{kind: "assessment", place: "home", seen: true, alone: true})
	add(leo, "amira", on(2026, 5, 22), visit{kind: "assessment", place: "home", seen: true})
	both("amira", on(2026, 6, 4), icpc{category: "NEG"})
	out = append(out, brooksPlan()...)
	add(maya, "sam", on(2026, 11, 23), contact{at: "22:40", source: "1A", outOfHours: true,
		detail: "Pauline Ward, maternal grandmother, 01632 960587",
		concerns: "Mum was taken to hospital by ambulance at 21:30 with chest pains. Maya and Leo are staying the night " +
			"with their grandmother at 3 Heron Walk. EDT spoke to both children by phone: they are safe and will go to school."})
	add(maya, "priya", on(2026, 11, 24), decideContact{decision: "information",
		reason: "Open to the child protection team: passed to Amira Khan, the allocated worker, whose visit to Maya is due tomorrow"})
	return out
}

// brooksPlan is the plans' core groups, review and visits: every 10
// working days, in time but for one in August while Amira was on leave.
func brooksPlan() []demoStep {
	var out []demoStep
	for _, d := range []time.Time{on(2026, 6, 15), on(2026, 7, 23), on(2026, 8, 27), on(2026, 10, 1), on(2026, 11, 12)} {
		out = append(out, step(maya, "amira", d, coreGroup{}), step(leo, "amira", d, coreGroup{}))
	}
	out = append(out, step(maya, "amira", on(2026, 9, 3), review{decision: "continue"}),
		step(leo, "amira", on(2026, 9, 3), review{decision: "continue"}))
	seen := []time.Time{on(2026, 6, 15), on(2026, 6, 26), on(2026, 7, 10), on(2026, 7, 24), on(2026, 8, 7),
		on(2026, 8, 24), on(2026, 9, 4), on(2026, 9, 17), on(2026, 10, 1), on(2026, 10, 15), on(2026, 10, 29)}
	for _, d := range seen {
		v := visit{kind: "cp", place: "home", seen: true}
		if d.Equal(on(2026, 8, 24)) {
			v.notes = "Later than planned: Amira was on leave. The family support worker saw both children on 19 August."
		}
		out = append(out, step(maya, "amira", d, v), step(leo, "amira", d, v))
	}
	out = append(out,
		step(leo, "amira", on(2026, 11, 9), visit{kind: "cp", place: "school", seen: true, alone: true}),
		step(maya, "amira", on(2026, 11, 9), visit{kind: "cp", place: "home",
			notes: "Maya was at her after-school club; arranged to see her at home on Wednesday."}),
		step(maya, "amira", on(2026, 11, 11), visit{kind: "cp", place: "home", seen: true, alone: true}),
	)
	slices.SortStableFunc(out, func(a, b demoStep) int { return a.on.Compare(b.on) })
	return out
}
