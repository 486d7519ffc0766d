package auth

import (
	"errors"
	"fmt"
	"strings"
)

// Role is what a user does in the service; it decides what they may see
// and do. Each user has exactly one. The value is what the store keeps.
type Role string

// The roles, in the order Roles returns them.
const (
	SocialWorker       Role = "social_worker"       // holds and records casework
	TeamManager        Role = "team_manager"        // manages a team: allocates, authorises
	ServiceManager     Role = "service_manager"     // manages the service across teams
	PerformanceAnalyst Role = "performance_analyst" // indicators and statutory returns
	PartnerAgency      Role = "partner_agency"      // police, health, schools: referrals only
	Administrator      Role = "administrator"       // runs the system, not the casework
	Auditor            Role = "auditor"             // quality assurance: audits and access log
)

// ErrUnknownRole means a string named no role. ParseRole wraps it with the
// string and the list of valid roles.
var ErrUnknownRole = errors.New("unknown role")

// Roles returns every role in a fixed order (for forms, lists and tests).
// It returns a new slice each time, so callers may change it.
func Roles() []Role {
	return []Role{SocialWorker, TeamManager, ServiceManager,
		PerformanceAnalyst, PartnerAgency, Administrator, Auditor}
}

// ParseRole turns a role's value ("team_manager") or label ("Team manager")
// into a Role. Case does not matter and spaces, hyphens and underscores are
// interchangeable, so "team-manager" and "TEAM_MANAGER" also work. An
// unknown name gives an error wrapping ErrUnknownRole that lists the roles.
func ParseRole(s string) (Role, error) {
	key := roleKey(s)
	for _, r := range Roles() {
		if key == roleKey(string(r)) {
			return r, nil
		}
	}
	return "", fmt.Errorf("%w %q: valid roles are %s", ErrUnknownRole, s, roleList())
}

// roleKey normalises a role name for comparison.
func roleKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// roleList lists the role values for error messages.
func roleList() string {
	names := make([]string, 0, len(Roles()))
	for _, r := range Roles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

// Valid reports whether r is one of the roles Roles returns. Allowed
// denies everything to an invalid role.
func (r Role) Valid() bool {
	return r.Label() != ""
}

// Label returns the role's name for people, in sentence case ("Team
// manager"), or "" for an invalid role.
func (r Role) Label() string {
	switch r {
	case SocialWorker:
		return "Social worker"
	case TeamManager:
		return "Team manager"
	case ServiceManager:
		return "Service manager"
	case PerformanceAnalyst:
		return "Performance analyst"
	case PartnerAgency:
		return "Partner agency"
	case Administrator:
		return "Administrator"
	case Auditor:
		return "Auditor"
	}
	return ""
}

// Contact says who a user with this role should ask for more access, for
// the "You do not have access" page: "ask <Contact>". Social workers ask
// their team manager, who can request it; partner agency staff are outside
// the council, so they are pointed at the council's administrator rather
// than their own IT; everyone else asks the system administrator.
func (r Role) Contact() string {
	switch r {
	case SocialWorker:
		return "your team manager"
	case PartnerAgency:
		return "the council's system administrator"
	}
	return "your system administrator"
}
