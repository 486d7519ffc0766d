package web

import (
	"fmt"
	"net/http"
	"strconv"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// auditSamplePage shows a sample as it was drawn, with a link to audit
// each case and where each audit stands.
type auditSamplePage struct {
	basePage
	Sample casework.AuditSample
	Rows   []sampleRow
	Done   int
	CSV    string
}

type sampleRow struct {
	casework.SampledChild
	Hidden bool
}

func (s *Server) auditSample(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	smp, err := s.store.AuditSample(r.Context(), id)
	if err != nil {
		return err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return err
	}
	p := auditSamplePage{basePage: s.base(r, "Audit sample: "+smp.TeamName), Sample: smp,
		CSV: csvLink(r.URL.Path, nil, "sample")}
	for _, c := range smp.Children {
		p.Rows = append(p.Rows, sampleRow{SampledChild: c, Hidden: hidden[c.ChildID]})
		if c.AuditID != nil {
			p.Done++
		}
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"sample": p.table})
	}
	if r.URL.Query().Get("saved") == "audit" {
		p.Notice = "Audit saved"
	}
	s.render(w, r, http.StatusOK, "audit_sample", p)
	return nil
}

func (p auditSamplePage) table() auditTable {
	t := auditTable{file: fmt.Sprintf("audit-sample-%d", p.Sample.ID),
		header: []string{"Order drawn", "LA child ID", "Child", "Worker", "Overall grade", "Handed back"}}
	for _, c := range p.Rows {
		la := c.LAChildID
		if c.Hidden {
			la = ""
		}
		t.rows = append(t.rows, []string{strconv.Itoa(c.Position), la, childLabel(c.Name, c.Hidden), c.WorkerName,
			casework.LabelOf(casework.Grades(), c.Grade), yesNo(c.HandedBack)})
	}
	return t
}

// Caption says how and when the sample was drawn.
func (p auditSamplePage) Caption() string {
	return fmt.Sprintf("Drawn by %s on %s from %d eligible cases, seed %d", p.Sample.DrawnBy,
		calendar.FormatLong(p.Sample.DrawnOn), p.Sample.Eligible, p.Sample.Seed)
}
