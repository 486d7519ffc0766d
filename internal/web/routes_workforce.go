package web

import "sightline/internal/auth"

// workforceRoutes are the workforce register, its figures and the census.
// Viewing needs PermViewTeams: those with PermViewAllTeams choose any
// team, team managers see their own (workforceTeam). Changing the register
// (every form, shown or saved) needs PermManageWorkforce. The census
// download needs PermReturns.
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
		out = append(out, route{"GET " + f.path, auth.PermManageWorkforce, s.wfFormShow(f.form)},
			route{"POST " + f.path, auth.PermManageWorkforce, s.wfFormSave(f.form)})
	}
	return out
}
