package web

import (
	"net/http"
	"slices"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/store"
	"sightline/internal/timescale"
)

// workItem is one task on a worker's list, with its child.
type workItem struct {
	ChildID   int64
	ChildName string
	Task      timescale.Task
}

type myWorkPage struct {
	basePage
	Linked    bool // the user is linked to a worker record
	Overdue   []workItem
	ThisWeek  []workItem
	Later     []workItem
	Children  []childTasks
	Overnight []store.ContactRow // out-of-hours contacts about my children
	WeekEnd   time.Time
}

// myWork is a worker's Monday morning: overdue first, then what is due this
// week, each with the rule that set the date; then every child they hold.
func (s *Server) myWork(w http.ResponseWriter, r *http.Request) error {
	u := currentUser(r)
	p := myWorkPage{basePage: s.base(r, "My work"), Linked: u.WorkerID != nil}
	if p.Linked {
		files, err := s.store.CaseFiles(r.Context(), store.CaseFileFilter{WorkerID: *u.WorkerID, OpenOnly: true})
		if err != nil {
			return err
		}
		d, err := s.dues(r.Context())
		if err != nil {
			return err
		}
		p.Children = d.collect(files)
		p.WeekEnd = endOfWeek(d.today)
		p.sortTasks(d.today)
		if p.Overnight, err = s.overnightFor(r, p.Children, d.cal); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "mywork", p)
	return nil
}

// sortTasks puts each child's open tasks into overdue, this week and later.
func (p *myWorkPage) sortTasks(today time.Time) {
	for _, c := range p.Children {
		for _, t := range c.Tasks {
			it := workItem{ChildID: c.Child.ID, ChildName: c.Child.FullName(), Task: t}
			switch {
			case t.Status == timescale.Overdue:
				p.Overdue = append(p.Overdue, it)
			case !t.Due.After(p.WeekEnd):
				p.ThisWeek = append(p.ThisWeek, it)
			default:
				p.Later = append(p.Later, it)
			}
		}
	}
	byDue := func(items []workItem) {
		slices.SortStableFunc(items, func(a, b workItem) int { return a.Task.Due.Compare(b.Task.Due) })
	}
	byDue(p.Overdue)
	byDue(p.ThisWeek)
	byDue(p.Later)
}

// endOfWeek is the Sunday that ends the week of day d.
func endOfWeek(d time.Time) time.Time {
	return d.AddDate(0, 0, (7-int(d.Weekday()))%7)
}

// overnightFor lists out-of-hours contacts since the last working day about
// the worker's children: the emergency duty team's work lands on the day
// worker's list, not in an email.
func (s *Server) overnightFor(r *http.Request, children []childTasks, cal *calendar.Calendar) ([]store.ContactRow, error) {
	mine := map[int64]bool{}
	for _, c := range children {
		mine[c.Child.ID] = true
	}
	rows, err := s.store.Contacts(r.Context(), store.ContactFilter{OutOfHours: true, Since: cal.AddWorkingDays(s.today(), -1)})
	if err != nil {
		return nil, err
	}
	var out []store.ContactRow
	for _, row := range rows {
		if mine[row.ChildID] {
			out = append(out, row)
		}
	}
	return out, nil
}
