package auth_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"sightline/internal/auth"
)

func TestRolesAreListedInOrder(t *testing.T) {
	want := []auth.Role{auth.SocialWorker, auth.TeamManager, auth.ServiceManager,
		auth.PerformanceAnalyst, auth.PartnerAgency, auth.Administrator, auth.Auditor}
	if got := auth.Roles(); !slices.Equal(got, want) {
		t.Errorf("Roles() = %v, want %v", got, want)
	}
	auth.Roles()[0] = "changed"
	if auth.Roles()[0] != auth.SocialWorker {
		t.Error("changing the slice Roles returned changed the roles")
	}
}

func TestParseRoleAcceptsValuesAndLabelsLoosely(t *testing.T) {
	tests := []struct {
		in   string
		want auth.Role
	}{
		{"team_manager", auth.TeamManager},
		{"Team manager", auth.TeamManager},
		{"team-manager", auth.TeamManager},
		{"TEAM_MANAGER", auth.TeamManager},
		{"  Team Manager  ", auth.TeamManager},
		{"social worker", auth.SocialWorker},
		{"Service-Manager", auth.ServiceManager},
		{"performance_analyst", auth.PerformanceAnalyst},
		{"Partner agency", auth.PartnerAgency},
		{"ADMINISTRATOR", auth.Administrator},
		{"auditor", auth.Auditor},
	}
	for _, tt := range tests {
		if got, err := auth.ParseRole(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, r := range auth.Roles() {
		for _, s := range []string{string(r), r.Label()} {
			if got, err := auth.ParseRole(s); err != nil || got != r {
				t.Errorf("ParseRole(%q) = %q, %v; want %q", s, got, err, r)
			}
		}
	}
}

func TestParseRoleRejectsUnknownRolesListingTheValidOnes(t *testing.T) {
	for _, in := range []string{"boss", "", "manager", "team__manager", "teammanager"} {
		got, err := auth.ParseRole(in)
		if err == nil || got != "" || !errors.Is(err, auth.ErrUnknownRole) {
			t.Errorf("ParseRole(%q) = %q, %v; want ErrUnknownRole", in, got, err)
			continue
		}
		for _, r := range auth.Roles() {
			if !strings.Contains(err.Error(), string(r)) {
				t.Errorf("ParseRole(%q) error %q does not list %s", in, err, r)
			}
		}
	}
}

func TestRoleLabelsAndContacts(t *testing.T) {
	tests := []struct {
		role           auth.Role
		label, contact string
	}{
		{auth.SocialWorker, "Social worker", "your team manager"},
		{auth.TeamManager, "Team manager", "your system administrator"},
		{auth.ServiceManager, "Service manager", "your system administrator"},
		{auth.PerformanceAnalyst, "Performance analyst", "your system administrator"},
		{auth.PartnerAgency, "Partner agency", "the council's system administrator"},
		{auth.Administrator, "Administrator", "your system administrator"},
		{auth.Auditor, "Auditor", "your system administrator"},
		{"boss", "", "your system administrator"},
	}
	for _, tt := range tests {
		if got := tt.role.Label(); got != tt.label {
			t.Errorf("%q.Label() = %q, want %q", tt.role, got, tt.label)
		}
		if got := tt.role.Contact(); got != tt.contact {
			t.Errorf("%q.Contact() = %q, want %q", tt.role, got, tt.contact)
		}
		if got := tt.role.Valid(); got != (tt.label != "") {
			t.Errorf("%q.Valid() = %v", tt.role, got)
		}
	}
}
