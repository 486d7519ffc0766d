package auth

import "slices"

// Permission is what a route or action needs. Handlers declare the
// permission they need and ask Allowed; none decides on its own.
type Permission string

// The permissions, in the order Permissions returns them.
const (
	PermSignedIn        Permission = "signed_in"        // any signed-in user
	PermViewChildren    Permission = "view_children"    // find children and open a child's record
	PermEditChildren    Permission = "edit_children"    // add notes, edit details
	PermAllocate        Permission = "allocate"         // allocate / reallocate work (managers)
	PermAuthorise       Permission = "authorise"        // manager sign-off (assessments, NFA)
	PermViewTeams       Permission = "view_teams"       // team views, caseloads
	PermViewAllTeams    Permission = "view_all_teams"   // every team's queue, caseloads, drift and workforce, not only one's own
	PermManageWorkforce Permission = "manage_workforce" // change the workforce register: posts, workers, leavers, absences
	PermViewPerformance Permission = "view_performance" // dashboards, indicators
	PermReturns         Permission = "returns"          // statutory returns export/import/validate
	PermAudit           Permission = "audit"            // case-file audits, access log
	PermAdmin           Permission = "admin"            // users, settings, bank holidays
	PermPartnerPortal   Permission = "partner_portal"   // partner agency referrals
	PermViewSufficiency Permission = "view_sufficiency" // placement sufficiency: where children in care live
	PermViewImprovement Permission = "view_improvement" // the improvement plan and the board report
	PermEditImprovement Permission = "edit_improvement" // change the improvement plan and the board's commentary
	PermManageProviders Permission = "manage_providers" // change the register of placement providers (Ofsted URNs)
)

// Permissions returns every permission in a fixed order (for tests and for
// an administrator's view of the policy). It returns a new slice each time.
func Permissions() []Permission {
	return []Permission{PermSignedIn, PermViewChildren, PermEditChildren,
		PermAllocate, PermAuthorise, PermViewTeams, PermViewAllTeams, PermManageWorkforce, PermViewPerformance,
		PermReturns, PermAudit, PermAdmin, PermPartnerPortal, PermViewSufficiency,
		PermViewImprovement, PermEditImprovement, PermManageProviders}
}

// Allowed reports whether a user with role may do what p guards. It is the
// one access policy in sightline. An invalid role or an unknown permission
// is denied.
func Allowed(role Role, p Permission) bool {
	return role.Valid() && slices.Contains(rolesWith(p), role)
}

// rolesWith is the policy table: for each permission, the roles that have
// it. Administrators manage the system and do not read case records by
// default; partner agencies see only their portal.
func rolesWith(p Permission) []Role {
	switch p {
	case PermSignedIn:
		return Roles()
	case PermViewChildren:
		return []Role{SocialWorker, TeamManager, ServiceManager, PerformanceAnalyst, Auditor}
	case PermEditChildren:
		return []Role{SocialWorker, TeamManager, ServiceManager}
	case PermAllocate, PermAuthorise:
		return []Role{TeamManager, ServiceManager}
	case PermViewTeams:
		return []Role{TeamManager, ServiceManager, Auditor}
	case PermViewAllTeams:
		// A team manager sees their own team; a head of service and an
		// auditor look across the service.
		return []Role{ServiceManager, Auditor}
	case PermManageWorkforce:
		// The register is the establishment and its cost, which a head of
		// service answers for; team managers read their own team's.
		return []Role{ServiceManager}
	case PermViewPerformance:
		return []Role{TeamManager, ServiceManager, PerformanceAnalyst, Auditor}
	case PermReturns:
		// Administrators produce the returns with analysts and heads of
		// service; the census files carry no names, and opening a child's
		// record from a failure still needs PermViewChildren.
		return []Role{PerformanceAnalyst, ServiceManager, Administrator}
	case PermAudit:
		return []Role{Auditor, TeamManager, ServiceManager}
	case PermAdmin:
		return []Role{Administrator}
	case PermPartnerPortal:
		return []Role{PartnerAgency}
	case PermViewImprovement:
		// Leaders change the plan; analysts and auditors read it to
		// supply and check its evidence.
		return []Role{TeamManager, ServiceManager, PerformanceAnalyst, Administrator, Auditor}
	case PermEditImprovement:
		return []Role{TeamManager, ServiceManager, Administrator}
	case PermViewSufficiency:
		return []Role{TeamManager, ServiceManager, PerformanceAnalyst}
	case PermManageProviders:
		// The register answers the return's questions about placements:
		// the analysts who make the return and the heads of service who
		// commission placements keep it; team managers read it.
		return []Role{ServiceManager, PerformanceAnalyst}
	}
	return nil
}

// Subject is who is asking: the signed-in user.
type Subject struct {
	UserID int64
	Role   Role
}

// ChildAccess is what the policy needs to know about one child's record.
// A restricted record (for example a child of a staff member, or a child
// at risk from someone who could look them up) is visible only to the
// users named on it.
type ChildAccess struct {
	Restricted bool
	NamedUsers []int64
}

// CanViewChild reports whether s may open the record c describes: their
// role must have PermViewChildren, and a restricted record is visible only
// to users named on it, whatever their role. Being named never gives a
// role access it does not otherwise have (a partner agency user named on a
// record still cannot open it).
func CanViewChild(s Subject, c ChildAccess) bool {
	if !Allowed(s.Role, PermViewChildren) {
		return false
	}
	if !c.Restricted {
		return true
	}
	return s.UserID > 0 && slices.Contains(c.NamedUsers, s.UserID)
}

// CanCorrectRecord decides who may mark a record as entered in error: the
// person who wrote it, or a manager (who can authorise), so that a worker
// cannot strike out a colleague's or a manager's entry.
func CanCorrectRecord(s Subject, authorID int64) bool {
	if !Allowed(s.Role, PermEditChildren) {
		return false
	}
	return (s.UserID != 0 && s.UserID == authorID) || Allowed(s.Role, PermAuthorise)
}
