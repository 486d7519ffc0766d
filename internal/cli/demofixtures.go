// HAND-WRITTEN FIXTURES: the demo authority, a stand-in until the synthetic
// generator (issue "Synthetic local authority", package internal/synth)
// replaces them. Every child is Synthetic and fictional: local authority
// child IDs are DEMO0001…, NHS numbers are in the 999 range that is never
// issued to patients, UPNs use the made-up authority number 999, email
// addresses end in .invalid, the town is Demoford with postcodes in "QD"
// (no real postcode starts with Q) and phone numbers are in Ofcom's ranges
// kept for drama (01632 960xxx). Dates are fixed, up to demoAsAt.
//
// The people are those of JOURNEYS.md, and the records tell its journeys
// as they stand on demoAsAt, Tuesday 24 November 2026: addresses and
// networks are in demonetwork.go, the help and protection records (what
// the front door, the workers and their managers recorded, step by step)
// in demostory*.go, the case notes in demonotes.go and the loader in
// demoload.go.

package cli

import (
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// demoAsAt is the day the demo's story reaches, a Tuesday: nothing is
// dated later.
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
		{"edt", "Emergency Duty Team", "edt"},
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
		staff("sam", "edt", "Sam Carter", sw, p, 1, false, on(2015, 10, 5)),
		staff("sue", "", "Sue Harrington", "Service manager", p, 1, false, on(2012, 7, 2)),
	}
}

// demoUser is one demo sign-in; worker and team are fixture keys.
type demoUser struct {
	username, name string
	role           auth.Role
	worker, team   string
}

// demoUsers has one user for each role, the people of JOURNEYS.md, and
// the workers who record on the demo's cases (so each record is theirs).
func demoUsers() []demoUser {
	return []demoUser{
		{"amira", "Amira Khan", auth.SocialWorker, "amira", "cp"},
		{"priya", "Priya Shah", auth.SocialWorker, "priya", "front"},
		{"tom", "Tom Fletcher", auth.SocialWorker, "tom", "cic"},
		{"ellie", "Ellie Parsons", auth.SocialWorker, "ellie", "cp"},
		{"marek", "Marek Nowak", auth.SocialWorker, "marek", "cp"},
		{"hannah", "Hannah Lewis", auth.SocialWorker, "hannah", "assess"},
		{"oliver", "Oliver Grant", auth.SocialWorker, "oliver", "assess"},
		{"sam", "Sam Carter", auth.SocialWorker, "sam", "edt"},
		{"dan", "Dan Whitfield", auth.TeamManager, "dan", "cp"},
		{"sue", "Sue Harrington", auth.ServiceManager, "sue", ""},
		{"jo", "Jo Bennett", auth.PerformanceAnalyst, "", ""},
		{"grace", "Grace Okoye", auth.Auditor, "", ""},
		{"pat", "Pat Morgan", auth.PartnerAgency, "", ""},
		{"admin", "Alex Reid", auth.Administrator, "", ""},
	}
}

// demoChild is a child of the demo. Most children's cases open the way a
// real case does, when the front door refers a contact (demostory*.go);
// a child in care, whose story begins before the demo's, has an
// involvement opened directly on day opened, held by team and worker.
type demoChild struct {
	c      casework.Child
	team   string    // team key holding the involvement opened directly
	worker string    // worker key, "" when unallocated
	opened time.Time // the involvement's start; zero when the story opens the case
	access []string  // usernames named on a restricted record
}

// child makes a synthetic child with no disability recorded.
func child(id, first, last, sex, eth string, dob time.Time) casework.Child {
	return casework.Child{LAChildID: id, FirstName: first, LastName: last, Sex: sex, Ethnicity: eth,
		DateOfBirth: &dob, Disabilities: []string{"NONE"}, Synthetic: true}
}

// upn makes a UPN from its 12 digits after the check letter.
func upn(rest string) string { return string(casework.UPNCheckLetter(rest)) + rest }

// demoChildren are the children, in the order of their LA child IDs. Who
// holds each, and why, is in their stories.
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
	lily := child("DEMO0013", "Lily", "Hughes", "F", "WBRI", on(2018, 6, 21))
	lily.UPN, lily.NHSNumber = upn("999210518055"), "9990011850"
	oscar := child("DEMO0014", "Oscar", "Bell", "M", "MWBA", on(2025, 8, 2))
	oscar.UPNUnknown, oscar.NHSNumber = "UN1", "9990012229"
	return []demoChild{
		{c: maya}, {c: leo}, {c: aisha},
		{c: tyler, team: "cic", worker: "tom", opened: on(2024, 3, 11)},
		{c: zofia}, {c: kai},
		{c: amelia, team: "cic", worker: "tom", opened: on(2023, 7, 4)},
		{c: yusuf}, {c: mei}, {c: jayden}, {c: ruby},
		{c: noah, access: []string{"amira", "sue"}},
		{c: lily}, {c: oscar},
	}
}
