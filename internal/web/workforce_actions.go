package web

import (
	"strconv"
	"strings"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// The forms of the workforce register.
var (
	wfPostForm = wfForm{done: "post", heading: "Add a post", submit: "Add post",
		fields: wfPostFields, save: wfSavePost}
	wfWorkerForm = wfForm{done: "worker", heading: "Add a worker", submit: "Add worker",
		fields: wfWorkerFields, save: wfSaveWorker}
	wfWorkerEditForm = wfForm{done: "edit", heading: "Change a worker's record", submit: "Save record",
		fields: wfWorkerFields, save: wfSaveWorker}
	wfLeaverForm = wfForm{done: "leaver", heading: "Record a leaver", submit: "Record leaver",
		fields: wfLeaverFields, save: wfSaveLeaver, about: (*wfCtx).aboutWorker}
	wfAbsenceForm = wfForm{done: "absence", heading: "Record an absence", submit: "Record absence",
		fields: wfAbsenceFields, save: wfSaveAbsence, about: (*wfCtx).aboutWorker}
)

const wfMoneyHint = "In pounds, for example "

func wfPostFields(c *wfCtx) []field {
	return []field{
		selectF("team_id", "Team", c.teamCodes(), ""),
		textF("title", "Title of the post", "For example Social worker (CP3)"),
		selectF("org_role", "Role (workforce census)", casework.OrgRoles(), "5"),
		{Name: "fte", Label: "FTE", Hint: "1 for a full-time post", Kind: "text", Value: "1"},
		dateF("funded_from", "Funded from", c.today),
		wfOptionalDateF("funded_to", "Last funded day", "Leave blank while the post is funded", nil),
		textF("salary", "Budgeted salary (£ a year, full time)", wfMoneyHint+"38,500"),
		textF("oncost", "On-costs (%)", "Employer's National Insurance and pension as a percentage of salary, for example 28"),
	}
}

func wfSavePost(c *wfCtx, f form) error {
	v := &casework.ValidationError{}
	n := wfNumbers{f, v}
	p := casework.Post{Title: f.text("title"), OrgRole: f.text("org_role"), FTE: n.float("fte", "FTE", "1"),
		SalaryPence: n.pence("salary", "Salary"), OnCostPct: n.float("oncost", "On-costs", "28")}
	if id := wfOptionalID(f, "team_id"); id != nil {
		p.TeamID = *id
	}
	p.FundedFrom = f.date(v, "funded_from", "Date the post is funded from")
	p.FundedTo = readDate(f.Values, "funded_to").parse(v, "funded_to", "Last funded day")
	if err := wfFinish(v, p.Validate()); err != nil {
		return err
	}
	_, err := c.s.store.CreatePost(c.r.Context(), currentUser(c.r).Actor(), p)
	return saveErr(err)
}

// wfWorkerFields are the fields of a new worker or, on
// /workforce/workers/{id}/edit, of the worker's record as it stands.
func wfWorkerFields(c *wfCtx) []field {
	w := casework.StaffRecord{Worker: casework.Worker{EmploymentType: casework.Permanent, FTE: 1, StartDate: c.today}, OrgRole: "5"}
	if c.worker != nil {
		w = *c.worker
	}
	nq := "no"
	if w.NewlyQualified {
		nq = "yes"
	}
	text := func(name, label, hint, value string) field {
		return field{Name: name, Label: label, Hint: hint, Kind: "text", Value: value}
	}
	pay := func(p int64) string {
		if p == 0 {
			return ""
		}
		return strconv.FormatFloat(float64(p)/100, 'f', -1, 64)
	}
	return []field{
		text("name", "Name", "", w.Name),
		text("job_role", "Job title", "As the authority titles it, for example Senior practitioner", w.JobRole),
		selectF("team_id", "Team", c.teamCodes(), wfIDText(w.TeamID)),
		{Name: "post_id", Label: "Post", Hint: "The funded post the worker fills, if any: the worker joins the post's team",
			Kind: "select", Options: c.postCodes(), Value: wfIDText(w.PostID)},
		selectF("org_role", "Role (workforce census)", casework.OrgRoles(), w.OrgRole),
		radiosF("employment_type", "Employment", casework.EmploymentTypes(), w.EmploymentType),
		text("fte", "FTE", "1 for full time, 0.8 for four days a week", wfFTEText(w.FTE)),
		dateF("start_date", "Start date", w.StartDate),
		{Name: "newly_qualified", Label: "Newly qualified (in the assessed and supported year)", Kind: "yesno", Value: nq},
		text("swe_no", "Social Work England number", "Two letters then up to 10 digits, for example SW123456", w.SWENo),
		selectF("start_origin", "Came from (workforce census)", casework.StartOrigins(), w.StartOrigin),
		text("agency_name", "Agency", "Agency and consultancy workers only", w.AgencyName),
		text("day_rate", "Day rate (£)", "What the agency charges for a full-time day. Agency workers only", pay(w.DayRatePence)),
		text("salary", "Salary (£ a year, full time)", "Base salary before on-costs. Employed staff only", pay(w.SalaryPence)),
		text("oncost", "On-costs (%)", "Employer's National Insurance and pension as a percentage of salary, for example 28",
			wfFTEText(w.OnCostPct)),
	}
}

func wfSaveWorker(c *wfCtx, f form) error {
	v := &casework.ValidationError{}
	n := wfNumbers{f, v}
	var rec casework.StaffRecord
	if c.worker != nil {
		rec = *c.worker // keeps the leaving details, which the leaver form changes
		rec.Version, _ = strconv.Atoi(f.Get("version"))
	}
	rec.Name, rec.JobRole, rec.OrgRole = f.text("name"), f.text("job_role"), f.text("org_role")
	rec.TeamID, rec.PostID, rec.EmploymentType = wfOptionalID(f, "team_id"), wfOptionalID(f, "post_id"), f.text("employment_type")
	rec.FTE, rec.NewlyQualified = n.float("fte", "FTE", "0.8"), f.yes("newly_qualified")
	rec.StartDate = f.date(v, "start_date", "Start date")
	rec.SWENo = strings.ToUpper(strings.ReplaceAll(f.text("swe_no"), " ", ""))
	rec.StartOrigin, rec.AgencyName = f.text("start_origin"), f.text("agency_name")
	rec.DayRatePence, rec.SalaryPence = n.pence("day_rate", "Day rate"), n.pence("salary", "Salary")
	rec.OnCostPct = n.float("oncost", "On-costs", "28")
	if err := wfFinish(v, rec.Validate()); err != nil {
		return err
	}
	actor := currentUser(c.r).Actor()
	var err error
	if c.worker == nil {
		_, err = c.s.store.CreateStaff(c.r.Context(), actor, rec)
	} else {
		_, err = c.s.store.UpdateStaff(c.r.Context(), actor, rec)
	}
	return saveErr(err)
}

func wfLeaverFields(c *wfCtx) []field {
	w := c.worker
	return []field{
		dateF("end_date", "Last day in post", c.today),
		selectF("leaving_reason", "Reason for leaving (workforce census)", casework.LeavingReasons(), w.LeavingReason),
		selectF("leaver_destination", "Where they went (workforce census)", casework.LeaverDestinations(), w.LeaverDestination),
	}
}

func wfSaveLeaver(c *wfCtx, f form) error {
	v := &casework.ValidationError{}
	l := store.Leaving{Date: f.date(v, "end_date", "Last day in post"), Reason: f.text("leaving_reason"),
		Destination: f.text("leaver_destination")}
	check := *c.worker
	check.EndDate, check.LeavingReason, check.LeaverDestination = &l.Date, l.Reason, l.Destination
	if err := wfFinish(v, check.ValidateLeaving()); err != nil {
		return err
	}
	version, _ := strconv.Atoi(f.Get("version"))
	_, err := c.s.store.RecordLeaver(c.r.Context(), currentUser(c.r).Actor(), c.worker.ID, version, l)
	return saveErr(err)
}

func wfAbsenceFields(c *wfCtx) []field {
	return []field{
		selectF("reason", "Reason (workforce census)", casework.AbsenceReasons(), casework.AbsenceSickness),
		dateF("start_date", "First day away", c.today),
		wfOptionalDateF("end_date", "Last day away", "Leave blank while the absence goes on", nil),
		textF("days_lost", "Working days lost", "Only if HR recorded them, for example 4.5 for part days. "+
			"Leave blank to count the working days away times the worker's FTE"),
	}
}

func wfSaveAbsence(c *wfCtx, f form) error {
	v := &casework.ValidationError{}
	a := casework.Absence{WorkerID: c.worker.ID, Reason: f.text("reason"), Start: f.date(v, "start_date", "First day away"),
		End: readDate(f.Values, "end_date").parse(v, "end_date", "Last day away")}
	if f.text("days_lost") != "" {
		lost := wfNumbers{f, v}.float("days_lost", "Working days lost", "4.5")
		a.DaysLost = &lost
	}
	if err := wfFinish(v, a.Validate()); err != nil {
		return err
	}
	_, err := c.s.store.RecordAbsence(c.r.Context(), currentUser(c.r).Actor(), a)
	return saveErr(err)
}
