package web

import "sightline/internal/auth"

// allocationRoutes are the team manager's allocation meeting: the queue of
// unallocated work, caseloads weighted by complexity, and drift. Each
// page's tables download as CSV (?format=csv&table=NAME). Allocating is
// the case action /children/{id}/allocate (PermAllocate), which comes back
// to the queue when the queue sent the manager there.
func (s *Server) allocationRoutes() []route {
	return []route{
		{"GET /allocation", auth.PermViewTeams, s.allocationPage},
		{"GET /caseloads", auth.PermViewTeams, s.caseloadsPage},
		{"GET /drift", auth.PermViewTeams, s.driftPage},
	}
}
