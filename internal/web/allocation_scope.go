package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// allocationScope is what the allocation, caseload and drift pages show:
// one team's work or every team's, as at a day. Team managers see their
// own team; service managers and auditors see every team, or one they
// choose.
type allocationScope struct {
	Teams     []casework.Team // the teams the user may choose from (none for a team manager)
	Team      *casework.Team  // the team shown; nil for every team
	NoTeam    bool            // a team manager with no team: nothing to show
	AsAt      time.Time
	Today     bool      // AsAt is today: work can be allocated from the page
	AsAtField dateField // the as-at date as typed
	Query     url.Values
}

// TeamID is the team shown, 0 for every team.
func (sc allocationScope) TeamID() int64 {
	if sc.Team == nil {
		return 0
	}
	return sc.Team.ID
}

// Scope names what is shown: "Child Protection Team" or "All teams".
func (sc allocationScope) Scope() string {
	if sc.Team == nil {
		return "All teams"
	}
	return sc.Team.Name
}

// readScope reads ?team= and the as-at date (asat-day, -month, -year). A
// date that is not a real one, or is in the future, comes back as a field
// error and today is shown.
func (s *Server) readScope(r *http.Request) (allocationScope, *casework.ValidationError, error) {
	teams, err := s.store.Teams(r.Context())
	if err != nil {
		return allocationScope{}, nil, err
	}
	q := r.URL.Query()
	sc := allocationScope{Query: url.Values{}}
	if err := s.scopeTeam(r, teams, &sc); err != nil {
		return sc, nil, err
	}
	v := &casework.ValidationError{}
	sc.AsAt, sc.AsAtField = s.today(), readDate(q, "asat")
	if d := sc.AsAtField.parse(v, "asat", "The date to show"); d != nil {
		if d.After(s.today()) {
			v.Add("asat", "The date to show must be today or in the past")
		} else {
			sc.AsAt = *d
			for _, part := range []string{"-day", "-month", "-year"} {
				sc.Query.Set("asat"+part, q.Get("asat"+part))
			}
		}
	}
	if sc.AsAtField.Empty() || v.Err() != nil {
		sc.AsAtField = dateFieldOf(&sc.AsAt)
	}
	sc.Today = sc.AsAt.Equal(s.today())
	if v.Err() == nil {
		v = nil
	}
	return sc, v, nil
}

// scopeTeam sets the team: the ?team= asked for by those who see every
// team (PermViewAllTeams), or else the user's own (another is refused).
func (s *Server) scopeTeam(r *http.Request, teams []casework.Team, sc *allocationScope) error {
	u := currentUser(r)
	asked := r.URL.Query().Get("team")
	want := int64(0)
	if asked != "" {
		id, err := strconv.ParseInt(asked, 10, 64)
		if err != nil {
			return fmt.Errorf("team %q: %w", asked, casework.ErrNotFound)
		}
		want = id
	}
	if !allowed(r, auth.PermViewAllTeams) {
		if u.TeamID == nil {
			sc.NoTeam = true
			return nil
		}
		if want != 0 && want != *u.TeamID {
			return fmt.Errorf("%s asked for team %d: %w", u.Role, want, casework.ErrForbidden)
		}
		want = *u.TeamID
	} else {
		sc.Teams = teams
	}
	if want == 0 {
		return nil
	}
	for i := range teams {
		if teams[i].ID == want {
			sc.Team = &teams[i]
			if asked != "" {
				sc.Query.Set("team", asked)
			}
			return nil
		}
	}
	return fmt.Errorf("team %d: %w", want, casework.ErrNotFound)
}

// link is the address of a page in the same scope.
func (sc allocationScope) link(path string) string {
	if len(sc.Query) == 0 {
		return path
	}
	return path + "?" + sc.Query.Encode()
}

// Links are the three pages in the same scope, for the sub-navigation.
func (sc allocationScope) Links() map[string]string {
	return map[string]string{"allocation": sc.link("/allocation"), "caseloads": sc.link("/caseloads"), "drift": sc.link("/drift")}
}
