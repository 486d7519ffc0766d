package web

import "sightline/internal/auth"

// auditRoutes are the case-file audits: the summary and lists, random
// samples, the audit form, an audit's page, and closing actions and
// hand-backs. Closing one is open to anyone who can see children, because
// an action's owner may be a social worker; the handler lets only the
// owner, or someone who audits, record it (mayResolve).
func (s *Server) auditRoutes() []route {
	s.notices["hand-back"] = "Hand-back resolved: the case is no longer flagged for urgent action"
	s.notices["audit-action"] = "Audit action recorded as done"
	return []route{
		{"GET /audits", auth.PermAudit, s.auditsHome},
		{"POST /audits/samples", auth.PermAudit, s.drawSample},
		{"GET /audits/samples/{id}", auth.PermAudit, s.auditSample},
		{"GET /children/{id}/audit", auth.PermAudit, s.auditForm},
		{"POST /children/{id}/audit", auth.PermAudit, s.saveAudit},
		{"GET /audits/template", auth.PermAudit, s.auditTemplateForm},
		{"POST /audits/template", auth.PermAudit, s.saveAuditTemplate},
		{"GET /audits/{id}", auth.PermAudit, s.auditView},
		{"GET /audits/actions/{id}", auth.PermViewChildren, s.auditActionForm},
		{"POST /audits/actions/{id}", auth.PermViewChildren, s.completeAuditAction},
		{"GET /audits/hand-backs/{id}", auth.PermViewChildren, s.handBackForm},
		{"POST /audits/hand-backs/{id}", auth.PermViewChildren, s.resolveHandBack},
	}
}
