package web

import (
	"strings"

	"sightline/internal/auth"
)

// leaverRoutes are leaving care and permanence: the actions on a child's
// record (each path serves the form and takes it), the care leavers list
// and the adoption tracker. Each list downloads as CSV
// (?format=csv&table=NAME) and shows any day (?asat-day=…).
func (s *Server) leaverRoutes() []route {
	edit := auth.PermEditChildren
	acts := []struct {
		path string
		act  action
	}{
		{"/children/{id}/leaving-care/eligibility", eligibilityAction},
		{"/children/{id}/leaving-care/adviser", adviserAction},
		{"/children/{id}/leaving-care/pathway", pathwayAction},
		{"/children/{id}/leaving-care/birthday", birthdayAction},
		{"/children/{id}/leaving-care/contact", leaverContactAction},
		{"/children/{id}/permanence/plan", permanencePlanAction},
		{"/children/{id}/permanence/should-be-placed", admAction},
		{"/children/{id}/permanence/placement-order", placementOrderAction},
		{"/children/{id}/permanence/match", matchAction},
		{"/children/{id}/permanence/placed", placedAction},
		{"/children/{id}/permanence/adoption-order", adoptionOrderAction},
		{"/children/{id}/permanence/changed", adoptionChangedAction},
		{"/children/{id}/permanence/order", orderAction},
	}
	out := []route{
		{"GET /care-leavers", auth.PermViewChildren, s.careLeaversPage},
		{"GET /permanence", auth.PermViewChildren, s.permanencePage},
	}
	for _, a := range acts {
		name := strings.TrimPrefix(a.path, "/children/{id}/")
		out = append(out, route{"GET " + a.path, edit, s.actionForm(name, a.act)},
			route{"POST " + a.path, edit, s.actionSave(name, a.act)})
		s.notices[name] = a.act.done
	}
	return out
}
