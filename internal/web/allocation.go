package web

import (
	"net/http"
	"net/url"
	"strconv"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// queueRow is one child waiting for a worker, as the queue shows it.
type queueRow struct {
	store.QueueEntry
	Name        string // the child's name, or the restricted-record note
	Hidden      bool
	Allocate    string // the allocate form's address, when the user may allocate now
	PriorityTag string // GOV.UK tag colour of the priority
}

type allocationPage struct {
	basePage
	allocationScope
	Rows        []queueRow
	Open        int // open cases service-wide
	Unallocated int // of them with no worker, service-wide (target: none)
	Share       string
	CSV         string
}

// allocationPage is the unallocated queue: every child of the team (or the
// service) with no worker, child protection first and then the longest
// wait, each with its next task and an Allocate link that comes back here;
// and the service-wide count against its target of none.
func (s *Server) allocationPage(w http.ResponseWriter, r *http.Request) error {
	sc, problem, err := s.readScope(r)
	if err != nil {
		return err
	}
	p := allocationPage{basePage: s.base(r, "Allocation"), allocationScope: sc}
	p.Errors = problem
	if r.URL.Query().Get("saved") == "allocate" {
		p.Notice = s.allocatedNotice(r)
	}
	if !sc.NoTeam {
		q, err := s.store.UnallocatedQueue(r.Context(), store.QueueFilter{TeamID: sc.TeamID(), AsAt: sc.AsAt})
		if err != nil {
			return err
		}
		p.Open, p.Unallocated = q.ServiceOpen, q.ServiceUnallocated
		if p.Open > 0 {
			p.Share = strconv.FormatFloat(float64(p.Unallocated)*100/float64(p.Open), 'f', 1, 64) + "%"
		}
		if p.Rows, err = s.queueRows(r, sc, q.Entries); err != nil {
			return err
		}
	}
	p.CSV = csvLink("/allocation", sc.Query, "queue")
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"queue": p.queueTable})
	}
	s.render(w, r, http.StatusOK, "allocation", p)
	return nil
}

// queueRows dresses the queue for the page: restricted children hidden,
// the Allocate link for those who may allocate, today only.
func (s *Server) queueRows(r *http.Request, sc allocationScope, es []store.QueueEntry) ([]queueRow, error) {
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return nil, err
	}
	back := url.Values{"return": {sc.link("/allocation")}}.Encode()
	out := make([]queueRow, len(es))
	for i, e := range es {
		row := queueRow{QueueEntry: e, Name: e.Child.FullName(), Hidden: hidden[e.Child.ID], PriorityTag: priorityTag(e.Priority)}
		if row.Hidden {
			row.Name = restrictedNote
		}
		if sc.Today && allowed(r, auth.PermAllocate) {
			row.Allocate = "/children/" + strconv.FormatInt(e.Child.ID, 10) + "/allocate?" + back
		}
		out[i] = row
	}
	return out, nil
}

// priorityTag is the tag colour of a queue priority.
func priorityTag(p casework.Priority) string {
	switch p {
	case casework.PriorityProtection:
		return "govuk-tag--red"
	case casework.PriorityAssessment:
		return "govuk-tag--orange"
	}
	return "govuk-tag--grey"
}

// queueTable is the queue as CSV: the same rows as the page.
func (p allocationPage) queueTable() auditTable {
	t := auditTable{file: "unallocated-" + calendar.FormatDate(p.AsAt),
		header: []string{"As at", "Child ID", "Child", "Team", "Priority", "Opened", "Waiting since", "Days waiting",
			"Next due", "Due date", "Status"}}
	for _, e := range p.Rows {
		id := e.Child.LAChildID
		if e.Hidden {
			id = ""
		}
		next, due, status := "", "", ""
		if e.Next != nil {
			_, words := statusTag(e.Next.Status)
			next, due, status = e.Next.Rule.Title, calendar.FormatDate(e.Next.Due), words
		}
		t.rows = append(t.rows, []string{calendar.FormatDate(p.AsAt), id, e.Name, e.TeamName, e.Priority.Label(),
			calendar.FormatDate(e.OpenedOn), calendar.FormatDate(e.WaitingSince), strconv.Itoa(e.DaysWaiting),
			next, due, status})
	}
	return t
}

// allocatedNotice confirms the allocation just made: "Maya Brooks is now
// allocated to Amira Khan", or the plain confirmation when the child
// cannot be named.
func (s *Server) allocatedNotice(r *http.Request) string {
	plain := s.notices["allocate"]
	id, err := strconv.ParseInt(r.URL.Query().Get("child"), 10, 64)
	if err != nil {
		return plain
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil || hidden[id] {
		return plain
	}
	c, err := s.store.Child(r.Context(), id)
	if err != nil {
		return plain
	}
	invs, err := s.store.Involvements(r.Context(), id)
	if err != nil || len(invs) == 0 || invs[0].WorkerName == "" {
		return plain
	}
	return c.FullName() + " is now allocated to " + invs[0].WorkerName
}
