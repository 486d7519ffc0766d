package web

import (
	"fmt"
	"net/http"
	"strconv"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// auditPage is one audit as recorded: the grades by theme, the summary,
// the actions and where they stand, and any hand-back.
type auditPage struct {
	basePage
	Audit    casework.Audit
	Answers  []themeAnswer
	Actions  []actionRow
	HandBack *handBackRow
	CSV      map[string]string
}

// themeAnswer is an answer, marked when it starts a theme.
type themeAnswer struct {
	casework.AuditAnswer
	NewTheme bool
}

func (s *Server) auditView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	a, err := s.store.Audit(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.checkChildVisible(r, a.ChildID); err != nil {
		return err
	}
	p := auditPage{basePage: s.base(r, "Audit of "+a.ChildName+"'s case"), Audit: a,
		CSV: map[string]string{"answers": csvLink(r.URL.Path, nil, "answers"), "actions": csvLink(r.URL.Path, nil, "actions")}}
	prev := ""
	for _, ans := range a.Answers {
		p.Answers, prev = append(p.Answers, themeAnswer{AuditAnswer: ans, NewTheme: ans.Theme != prev}), ans.Theme
	}
	for _, x := range a.Actions {
		p.Actions = append(p.Actions, actionRow{AuditAction: x, Overdue: x.Overdue(s.today())})
	}
	if a.HandBack != nil {
		p.HandBack = &handBackRow{HandBack: *a.HandBack, Overdue: a.HandBack.Overdue(s.today())}
	}
	if table, ok := csvTableAsked(r); ok {
		return serveTable(w, table, map[string]func() auditTable{"answers": p.answerTable, "actions": p.actionTable})
	}
	switch r.URL.Query().Get("saved") {
	case "audit":
		p.Notice = "Audit saved"
	case "action":
		p.Notice = "Action recorded as done"
	}
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

// checkChildVisible applies the restricted-record rule to pages about a
// child that are not the child's record (an audit, a hand-back).
func (s *Server) checkChildVisible(r *http.Request, childID int64) error {
	access, err := s.store.ChildAccess(r.Context(), childID)
	if err != nil {
		return err
	}
	u := currentUser(r)
	if !auth.CanViewChild(auth.Subject{UserID: u.ID, Role: u.Role}, access) {
		return fmt.Errorf("child %d is restricted: %w", childID, casework.ErrForbidden)
	}
	return nil
}

func (p auditPage) answerTable() auditTable {
	t := auditTable{file: fmt.Sprintf("audit-%d-grades", p.Audit.ID), header: []string{"Question", "Theme", "Text", "Grade", "Comment"}}
	for _, a := range p.Answers {
		t.rows = append(t.rows, []string{strconv.Itoa(a.Position), a.Theme, a.Question,
			casework.LabelOf(casework.Grades(), a.Grade), a.Comment})
	}
	return t
}

func (p auditPage) actionTable() auditTable {
	t := auditTable{file: fmt.Sprintf("audit-%d-actions", p.Audit.ID),
		header: []string{"Action", "Owner", "Due", "Status", "Done on", "Done by", "What was done"}}
	for _, x := range p.Actions {
		t.rows = append(t.rows, []string{x.Text, x.OwnerName, calendar.FormatDate(x.Due), x.Status, isoPtr(x.DoneOn),
			x.DoneBy, x.DoneNote})
	}
	return t
}
