package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

type workerLoad struct {
	Name     string
	Children int
	Overdue  int
}

type teamPage struct {
	basePage
	Teams       []casework.Team
	Team        *casework.Team
	Children    []childTasks
	Workers     []workerLoad
	Unallocated int
	Overdue     int
}

// teamView shows a manager every child of the team with their next due
// task, and overdue counts by worker. Team managers see their own team;
// service managers and auditors choose any team.
func (s *Server) teamView(w http.ResponseWriter, r *http.Request) error {
	teams, err := s.store.Teams(r.Context())
	if err != nil {
		return err
	}
	p := teamPage{basePage: s.base(r, "Team"), Teams: teams}
	p.Team, err = s.chosenTeam(r, teams)
	if err != nil {
		return err
	}
	if p.Team != nil {
		p.Title = p.Team.Name
		if err := s.fillTeam(r, &p); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "team", p)
	return nil
}

// chosenTeam is the ?team= asked for (when the role may see every team) or
// the user's own team.
func (s *Server) chosenTeam(r *http.Request, teams []casework.Team) (*casework.Team, error) {
	u := currentUser(r)
	want := int64(0)
	if u.TeamID != nil {
		want = *u.TeamID
	}
	if q := r.URL.Query().Get("team"); q != "" {
		id, err := strconv.ParseInt(q, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("team %q: %w", q, casework.ErrNotFound)
		}
		if id != want && u.Role == auth.TeamManager {
			return nil, fmt.Errorf("team manager asked for team %d: %w", id, casework.ErrForbidden)
		}
		want = id
	}
	for i := range teams {
		if teams[i].ID == want {
			return &teams[i], nil
		}
	}
	if r.URL.Query().Get("team") != "" {
		return nil, fmt.Errorf("team %d: %w", want, casework.ErrNotFound)
	}
	return nil, nil
}

func (s *Server) fillTeam(r *http.Request, p *teamPage) error {
	files, err := s.store.CaseFiles(r.Context(), store.CaseFileFilter{TeamID: p.Team.ID, OpenOnly: true})
	if err != nil {
		return err
	}
	d, err := s.dues(r.Context())
	if err != nil {
		return err
	}
	p.Children = d.collect(files)
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	hideChildren(p.Children, hidden)
	loads := map[string]*workerLoad{}
	for _, c := range p.Children {
		p.Overdue += c.Overdue
		name := ""
		if c.Involvement != nil {
			name = c.Involvement.WorkerName
		}
		if name == "" {
			p.Unallocated++
			continue
		}
		if loads[name] == nil {
			loads[name] = &workerLoad{Name: name}
		}
		loads[name].Children++
		loads[name].Overdue += c.Overdue
	}
	for _, l := range loads {
		p.Workers = append(p.Workers, *l)
	}
	slices.SortStableFunc(p.Workers, func(a, b workerLoad) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), strings.Compare(a.Name, b.Name))
	})
	return nil
}
