package web

import (
	"strings"

	"sightline/internal/auth"
)

// missingCourtRoutes are the missing and exploitation view, the court
// tracker (managers, service managers and auditors: PermViewTeams), and
// the actions that record missing, exploitation and court work on a
// child's record (PermEditChildren). Each page's tables download as CSV
// (?format=csv&table=NAME).
func (s *Server) missingCourtRoutes() []route {
	edit := auth.PermEditChildren
	acts := []struct {
		path string
		perm auth.Permission
		act  action
	}{
		{"/children/{id}/missing/new", edit, missingAction},
		{"/children/{id}/missing/return", edit, missingReturnAction},
		{"/children/{id}/missing/interview", edit, interviewAction},
		{"/children/{id}/missing/interview/done", edit, interviewDoneAction},
		{"/children/{id}/exploitation/screen", edit, screeningAction},
		{"/children/{id}/plo/start", edit, startPLOAction},
		{"/children/{id}/plo/event", edit, ploEventAction},
		{"/children/{id}/plo/end", edit, endPLOAction},
		{"/children/{id}/proceedings/issue", edit, issueProceedingsAction},
		{"/children/{id}/proceedings/hearing", edit, hearingAction},
		{"/children/{id}/proceedings/final", edit, finalHearingAction},
		{"/children/{id}/proceedings/extend", edit, extendAction},
	}
	out := []route{
		{"GET /missing", auth.PermViewTeams, s.missingPage},
		{"GET /court", auth.PermViewTeams, s.courtPage},
	}
	for _, a := range acts {
		name := strings.TrimPrefix(a.path, "/children/{id}/")
		out = append(out, route{"GET " + a.path, a.perm, s.actionForm(name, a.act)},
			route{"POST " + a.path, a.perm, s.actionSave(name, a.act)})
		s.notices[name] = a.act.done
	}
	return out
}
