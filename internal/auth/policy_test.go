package auth_test

import (
	"testing"

	"sightline/internal/auth"
)

// TestThePolicy is the whole access policy as a grid: a row per permission,
// a column per role in the order of auth.Roles(). Changing the policy means
// changing this table, on purpose.
func TestThePolicy(t *testing.T) {
	const Y, n = true, false
	// Columns: social worker, team manager, service manager, performance
	// analyst, partner agency, administrator, auditor.
	policy := []struct {
		perm  auth.Permission
		roles [7]bool
	}{
		{auth.PermSignedIn, [7]bool{Y, Y, Y, Y, Y, Y, Y}},
		{auth.PermViewChildren, [7]bool{Y, Y, Y, Y, n, n, Y}},
		{auth.PermEditChildren, [7]bool{Y, Y, Y, n, n, n, n}},
		{auth.PermAllocate, [7]bool{n, Y, Y, n, n, n, n}},
		{auth.PermAuthorise, [7]bool{n, Y, Y, n, n, n, n}},
		{auth.PermViewTeams, [7]bool{n, Y, Y, n, n, n, Y}},
		{auth.PermViewAllTeams, [7]bool{n, n, Y, n, n, n, Y}},
		{auth.PermManageWorkforce, [7]bool{n, n, Y, n, n, n, n}},
		{auth.PermViewPerformance, [7]bool{n, Y, Y, Y, n, n, Y}},
		{auth.PermReturns, [7]bool{n, n, Y, Y, n, Y, n}},
		{auth.PermAudit, [7]bool{n, Y, Y, n, n, n, Y}},
		{auth.PermAdmin, [7]bool{n, n, n, n, n, Y, n}},
		{auth.PermPartnerPortal, [7]bool{n, n, n, n, Y, n, n}},
		{auth.PermViewSufficiency, [7]bool{n, Y, Y, Y, n, n, n}},
		{auth.PermViewImprovement, [7]bool{n, Y, Y, Y, n, Y, Y}},
		{auth.PermEditImprovement, [7]bool{n, Y, Y, n, n, Y, n}},
		{auth.PermManageProviders, [7]bool{n, n, Y, Y, n, n, n}},
	}
	roles := auth.Roles()
	if len(roles) != 7 {
		t.Fatalf("the grid has 7 role columns but there are %d roles", len(roles))
	}
	perms := auth.Permissions()
	if len(perms) != len(policy) {
		t.Fatalf("the grid has %d rows but there are %d permissions", len(policy), len(perms))
	}
	for i, row := range policy {
		if perms[i] != row.perm {
			t.Fatalf("row %d is %s but permission %d is %s", i, row.perm, i, perms[i])
		}
		for j, role := range roles {
			if got := auth.Allowed(role, row.perm); got != row.roles[j] {
				t.Errorf("Allowed(%s, %s) = %v, want %v", role, row.perm, got, row.roles[j])
			}
		}
	}
}

func TestUnknownRolesAndPermissionsAreDenied(t *testing.T) {
	for _, role := range []auth.Role{"", "boss", "Administrator", "team manager"} {
		for _, p := range auth.Permissions() {
			if auth.Allowed(role, p) {
				t.Errorf("Allowed(%q, %s) = true for an invalid role", role, p)
			}
		}
	}
	for _, role := range auth.Roles() {
		for _, p := range []auth.Permission{"", "everything", "ADMIN"} {
			if auth.Allowed(role, p) {
				t.Errorf("Allowed(%s, %q) = true for an unknown permission", role, p)
			}
		}
	}
}

func TestWhoCanViewAChild(t *testing.T) {
	open := auth.ChildAccess{}
	restricted := auth.ChildAccess{Restricted: true, NamedUsers: []int64{7, 8, 9, 10}}
	tests := []struct {
		rule  string
		who   auth.Subject
		child auth.ChildAccess
		want  bool
	}{
		{"a social worker sees an unrestricted child", auth.Subject{UserID: 1, Role: auth.SocialWorker}, open, true},
		{"an auditor sees an unrestricted child", auth.Subject{UserID: 1, Role: auth.Auditor}, open, true},
		{"a partner agency never opens records", auth.Subject{UserID: 1, Role: auth.PartnerAgency}, open, false},
		{"an administrator does not read records", auth.Subject{UserID: 1, Role: auth.Administrator}, open, false},
		{"an invalid role sees nothing", auth.Subject{UserID: 1, Role: "boss"}, open, false},
		{"a named social worker sees a restricted child", auth.Subject{UserID: 7, Role: auth.SocialWorker}, restricted, true},
		{"a named team manager sees a restricted child", auth.Subject{UserID: 8, Role: auth.TeamManager}, restricted, true},
		{"an unnamed social worker does not", auth.Subject{UserID: 2, Role: auth.SocialWorker}, restricted, false},
		{"an unnamed service manager does not", auth.Subject{UserID: 3, Role: auth.ServiceManager}, restricted, false},
		{"an unnamed auditor does not", auth.Subject{UserID: 4, Role: auth.Auditor}, restricted, false},
		{"a named partner agency still does not", auth.Subject{UserID: 9, Role: auth.PartnerAgency}, restricted, false},
		{"a named administrator still does not", auth.Subject{UserID: 10, Role: auth.Administrator}, restricted, false},
		{"a restricted record naming nobody is hidden from all", auth.Subject{UserID: 7, Role: auth.ServiceManager}, auth.ChildAccess{Restricted: true}, false},
		{"a subject without a user ID is never named", auth.Subject{Role: auth.SocialWorker}, auth.ChildAccess{Restricted: true, NamedUsers: []int64{0}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if got := auth.CanViewChild(tt.who, tt.child); got != tt.want {
				t.Errorf("CanViewChild(%+v, %+v) = %v, want %v", tt.who, tt.child, got, tt.want)
			}
		})
	}
}

func TestWhoMayMarkARecordAsEnteredInError(t *testing.T) {
	for _, tc := range []struct {
		name    string
		s       auth.Subject
		author  int64
		allowed bool
	}{
		{"the worker who wrote it", auth.Subject{UserID: 7, Role: auth.SocialWorker}, 7, true},
		{"another worker", auth.Subject{UserID: 8, Role: auth.SocialWorker}, 7, false},
		{"a team manager", auth.Subject{UserID: 9, Role: auth.TeamManager}, 7, true},
		{"an auditor, who may read but not change", auth.Subject{UserID: 10, Role: auth.Auditor}, 10, false},
		{"no user", auth.Subject{UserID: 0, Role: auth.SocialWorker}, 0, false},
	} {
		if got := auth.CanCorrectRecord(tc.s, tc.author); got != tc.allowed {
			t.Errorf("%s: CanCorrectRecord = %v, want %v", tc.name, got, tc.allowed)
		}
	}
}

// Issue #8: managers see their team, heads of service all teams; only a
// head of service changes the workforce register.
func TestWhoSeesEveryTeamAndWhoChangesTheWorkforceRegister(t *testing.T) {
	tests := []struct {
		role            auth.Role
		allTeams, edits bool
	}{
		{auth.SocialWorker, false, false},
		{auth.TeamManager, false, false}, // their own team only, and read only
		{auth.ServiceManager, true, true},
		{auth.PerformanceAnalyst, false, false},
		{auth.PartnerAgency, false, false},
		{auth.Administrator, false, false},
		{auth.Auditor, true, false}, // looks across the service, changes nothing
	}
	for _, tc := range tests {
		if got := auth.Allowed(tc.role, auth.PermViewAllTeams); got != tc.allTeams {
			t.Errorf("%s sees every team: %v, want %v", tc.role, got, tc.allTeams)
		}
		if got := auth.Allowed(tc.role, auth.PermManageWorkforce); got != tc.edits {
			t.Errorf("%s changes the workforce register: %v, want %v", tc.role, got, tc.edits)
		}
	}
}
