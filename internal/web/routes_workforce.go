package web

import "sightline/internal/auth"

// workforceRoutes are the workforce register, its figures and the census.
// Viewing needs PermViewTeams: team managers see their own team, service
// managers and auditors every team (workforceTeam). Changing the register
// needs PermViewTeams and, checked by wfEditor before any form is shown or
// saved, the service manager role. The census download needs PermReturns.
func (s *Server) workforceRoutes() []route {
	view := auth.PermViewTeams
	out := []route{
		{"GET /workforce", view, s.workforce},
		{"GET /workforce/csv/{table}", view, s.workforceCSV},
		{"GET /workforce/census", auth.PermReturns, s.workforceCensus},
	}
	forms := []struct {
		path string
		form wfForm
	}{
		{"/workforce/posts/new", wfPostForm},
		{"/workforce/workers/new", wfWorkerForm},
		{"/workforce/workers/{id}/edit", wfWorkerEditForm},
		{"/workforce/workers/{id}/leaver", wfLeaverForm},
		{"/workforce/workers/{id}/absence", wfAbsenceForm},
	}
	for _, f := range forms {
		out = append(out, route{"GET " + f.path, view, s.wfFormShow(f.form)},
			route{"POST " + f.path, view, s.wfFormSave(f.form)})
	}
	return out
}
