package web

import (
	"strings"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// careRoutes are the children in care forms on a child's record (the
// outcomes of outcomes.go among them), and the child's UASC status (each path serves the form and takes it,
// PermEditChildren) and the placement
// sufficiency page for managers, heads of service and analysts.
func (s *Server) careRoutes() []route {
	acts := []struct {
		path string
		act  action
	}{
		{"/children/{id}/care/start", startCareAction},
		{"/children/{id}/care/legal-status", legalStatusAction},
		{"/children/{id}/care/move", movePlacementAction},
		{"/children/{id}/care/visit", claVisitAction},
		{"/children/{id}/care/care-plan", careEventAction(casework.CarePlanMade, "Record the care plan", "Care plan recorded")},
		{"/children/{id}/care/review", careEventAction(casework.CareReview, "Record a looked-after review", "Review recorded")},
		{"/children/{id}/care/health-initial", careEventAction(casework.HealthInitial, "Record the initial health assessment", "Health assessment recorded")},
		{"/children/{id}/care/health-review", careEventAction(casework.HealthReview, "Record a review health assessment", "Health assessment recorded")},
		{"/children/{id}/care/dental", careEventAction(casework.DentalCheck, "Record a dental check", "Dental check recorded")},
		{"/children/{id}/care/pep", careEventAction(casework.PEPMeeting, "Record a personal education plan", "Personal education plan recorded")},
		{"/children/{id}/care/family-time", familyTimeAction},
		{"/children/{id}/care/end", endCareAction},
		{"/children/{id}/uasc", uascAction}, // uasc.go
	}
	for _, o := range outcomeForms { // outcomes.go
		acts = append(acts, struct {
			path string
			act  action
		}{"/children/{id}/" + o.path, outcomeAction(o.kind, o.heading, o.done)})
	}
	var out []route
	for _, a := range acts {
		name := strings.TrimPrefix(a.path, "/children/{id}/")
		out = append(out, route{"GET " + a.path, auth.PermEditChildren, s.actionForm(name, a.act)},
			route{"POST " + a.path, auth.PermEditChildren, s.actionSave(name, a.act)})
		s.notices[name] = a.act.done
	}
	out = append(out, s.careCorrectionRoutes()...)
	return append(out, route{"GET /sufficiency", auth.PermViewSufficiency, s.sufficiencyPage})
}
