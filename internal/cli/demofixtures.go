// HAND-WRITTEN FIXTURES: the demo authority, a stand-in until the synthetic
// generator (issue "Synthetic local authority", package internal/synth)
// replaces them. Every child is Synthetic and fictional: local authority
// child IDs are DEMO0001…, NHS numbers are in the 999 range that is never
// issued to patients, UPNs use the made-up authority number 999, and email
// addresses end in .invalid. Dates are fixed, up to demoAsAt. The notes
// are in demonotes.go and the loader in demoload.go.

package cli

import (
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// demoAsAt is the day the demo's story reaches: nothing is dated later.
var demoAsAt = calendar.Date(2026, 11, 24)

// on is a civil date, to keep the tables short.
func on(y int, m time.Month, d int) time.Time { return calendar.Date(y, m, d) }

type demoTeam struct{ key, name, kind string }

func demoTeams() []demoTeam {
	return []demoTeam{
		{"front", "Front Door (MASH)", "front_door"},
		{"assess", "Assessment Team", "assessment"},
		{"cp", "Child Protection Team", "child_protection"},
		{"cic", "Children in Care Team", "children_in_care"},
	}
}

type demoWorker struct {
	key, team string // team key; "" for none
	w         casework.Worker
}

// staff makes a worker; key is also the start of their email address.
func staff(key, team, name, job, emp string, fte float64, nq bool, start time.Time) demoWorker {
	return demoWorker{key, team, casework.Worker{Name: name, Email: key + "@sightline-demo.invalid", JobRole: job,
		FTE: fte, EmploymentType: emp, NewlyQualified: nq, StartDate: start}}
}

func demoWorkers() []demoWorker {
	const sw, sp, tm = "Social worker", "Senior practitioner", "Team manager"
	p, a := casework.Permanent, casework.Agency
	return []demoWorker{
		staff("priya", "front", "Priya Shah", sw, p, 1, false, on(2021, 4, 6)),
		staff("kwame", "front", "Kwame Mensah", sp, a, 1, false, on(2026, 2, 2)),
		staff("hannah", "assess", "Hannah Lewis", sw, p, 0.8, false, on(2019, 9, 2)),
		staff("oliver", "assess", "Oliver Grant", sw, a, 1, false, on(2026, 8, 3)),
		staff("amira", "cp", "Amira Khan", sw, p, 1, false, on(2020, 1, 13)),
		staff("dan", "cp", "Dan Whitfield", tm, p, 1, false, on(2017, 5, 22)),
		staff("ellie", "cp", "Ellie Parsons", sw, p, 1, true, on(2026, 9, 1)),
		staff("marek", "cp", "Marek Nowak", sp, a, 1, false, on(2025, 6, 16)),
		staff("tom", "cic", "Tom Fletcher", sw, p, 1, false, on(2018, 11, 5)),
		staff("ruth", "cic", "Ruth Adeyemi", tm, p, 0.9, false, on(2016, 3, 14)),
		staff("sue", "", "Sue Harrington", "Service manager", p, 1, false, on(2012, 7, 2)),
	}
}

// demoUser is one demo sign-in; worker and team are fixture keys.
type demoUser struct {
	username, name string
	role           auth.Role
	worker, team   string
}

// demoUsers has one user for each role, and the people of JOURNEYS.md.
func demoUsers() []demoUser {
	return []demoUser{
		{"amira", "Amira Khan", auth.SocialWorker, "amira", "cp"},
		{"priya", "Priya Shah", auth.SocialWorker, "priya", "front"},
		{"tom", "Tom Fletcher", auth.SocialWorker, "tom", "cic"},
		{"dan", "Dan Whitfield", auth.TeamManager, "dan", "cp"},
		{"sue", "Sue Harrington", auth.ServiceManager, "sue", ""},
		{"jo", "Jo Bennett", auth.PerformanceAnalyst, "", ""},
		{"grace", "Grace Okoye", auth.Auditor, "", ""},
		{"pat", "Pat Morgan", auth.PartnerAgency, "", ""},
		{"admin", "Alex Reid", auth.Administrator, "", ""},
	}
}

// demoChild is a child with the involvement that opened their case.
type demoChild struct {
	c      casework.Child
	team   string    // team key holding the involvement
	worker string    // worker key, "" when unallocated
	opened time.Time // involvement start
	access []string  // usernames named on a restricted record
}

// child makes a synthetic child with no disability recorded.
func child(id, first, last, sex, eth string, dob time.Time) casework.Child {
	return casework.Child{LAChildID: id, FirstName: first, LastName: last, Sex: sex, Ethnicity: eth,
		DateOfBirth: &dob, Disabilities: []string{"NONE"}, Synthetic: true}
}

// upn makes a UPN from its 12 digits after the check letter.
func upn(rest string) string { return string(casework.UPNCheckLetter(rest)) + rest }

func demoChildren() []demoChild {
	maya := child("DEMO0001", "Maya", "Brooks", "F", "WBRI", on(2017, 5, 12))
	maya.UPN, maya.NHSNumber = upn("999210516001"), "9990010005"
	leo := child("DEMO0002", "Leo", "Brooks", "M", "WBRI", on(2020, 2, 3))
	leo.UPN, leo.NHSNumber = upn("999210522014"), "9990010374"
	aisha := child("DEMO0003", "Aisha", "Rahman", "F", "ABAN", on(2011, 8, 19))
	aisha.UPN = upn("999440116052")
	tyler := child("DEMO0004", "Tyler", "Johnson", "M", "MWBC", on(2009, 1, 27))
	tyler.KnownAs, tyler.UPN, tyler.NHSNumber = "Ty", upn("999440109087"), "9990010749"
	zofia := child("DEMO0005", "Zofia", "Kowalska", "F", "WOTH", on(2014, 10, 5))
	zofia.UPN = upn("999210519033")
	kai := child("DEMO0006", "Kai", "Thompson", "M", "BCRB", on(2022, 6, 30))
	kai.UPNUnknown, kai.NHSNumber = "UN1", "9990011117"
	amelia := child("DEMO0007", "Amelia", "Clarke", "F", "WBRI", on(2008, 12, 11))
	amelia.UPN, amelia.Disabilities = upn("999700808041"), []string{"LD", "COMM"}
	yusuf := child("DEMO0008", "Yusuf", "Ali", "M", "APKN", on(2013, 3, 22))
	yusuf.UPN = upn("999440113066")
	mei := child("DEMO0009", "Mei", "Chen", "F", "CHNE", on(2016, 7, 14))
	mei.UPN, mei.NHSNumber = upn("999210516047"), "9990011486"
	jayden := child("DEMO0010", "Jayden", "Okafor", "M", "BAFR", on(2010, 4, 9))
	jayden.UPN = upn("999440110071")
	ruby := child("DEMO0011", "Ruby", "Doherty", "F", "WIRT", on(2019, 11, 2))
	ruby.UPN = upn("999210519098")
	noah := child("DEMO0012", "Noah", "Hartley", "M", "WBRI", on(2015, 9, 17))
	noah.UPN, noah.Restricted = upn("999210515019"), true
	return []demoChild{
		{c: maya, team: "front", worker: "priya", opened: on(2026, 5, 18)},
		{c: leo, team: "front", worker: "priya", opened: on(2026, 5, 18)},
		{c: aisha, team: "assess", worker: "hannah", opened: on(2026, 10, 6)},
		{c: tyler, team: "cic", worker: "tom", opened: on(2024, 3, 11)},
		{c: zofia, team: "cp", worker: "ellie", opened: on(2026, 9, 15)},
		{c: kai, team: "front", opened: on(2026, 11, 19)},
		{c: amelia, team: "cic", worker: "tom", opened: on(2023, 7, 4)},
		{c: yusuf, team: "assess", worker: "oliver", opened: on(2026, 10, 20)},
		{c: mei, team: "cp", worker: "marek", opened: on(2026, 4, 27)},
		{c: jayden, team: "assess", opened: on(2026, 11, 12)},
		{c: ruby, team: "front", worker: "kwame", opened: on(2026, 11, 16)},
		{c: noah, team: "cp", worker: "amira", opened: on(2026, 8, 10), access: []string{"amira"}},
	}
}

// demoAllocation moves a child's involvement to another worker.
type demoAllocation struct {
	child, worker string // LA child ID, worker key
	on            time.Time
	reason        string
}

func demoAllocations() []demoAllocation {
	const why = "Strategy discussion agreed a section 47 enquiry: transferred to the child protection team"
	return []demoAllocation{
		{"DEMO0001", "amira", on(2026, 5, 21), why},
		{"DEMO0002", "amira", on(2026, 5, 21), why},
	}
}
