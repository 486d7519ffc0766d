package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/timescale"
)

// searchLimit is how many children a search shows; a person narrows a
// longer list by typing more.
const searchLimit = 50

type findPage struct {
	basePage
	ForContact bool // the front door is finding the child a contact is about
	Query      string
	Searched   bool
	Children   []childRow
	More       bool
}

type childRow struct {
	casework.Child
	Hidden bool // restricted and not named: shown without details
}

func (s *Server) findChildren(w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := findPage{basePage: s.base(r, "Find a child"), Query: q, ForContact: r.URL.Query().Get("for") == "contact"}
	if p.ForContact {
		p.Title = "Record a contact: find the child"
	}
	if q != "" {
		p.Searched = true
		terms := casework.ParseSearch(q, calendar.ParseDate)
		if terms.Empty() {
			p.Errors = &casework.ValidationError{Errors: []casework.FieldError{{Field: "q",
				Message: "Enter at least two letters of a name, an identifier or a date of birth"}}}
		} else {
			found, err := s.store.SearchChildren(r.Context(), terms, searchLimit+1)
			if err != nil {
				return err
			}
			p.More = len(found) > searchLimit
			if p.More {
				found = found[:searchLimit]
			}
			if p.Children, err = s.visibleRows(r, found); err != nil {
				return err
			}
		}
	}
	s.render(w, r, http.StatusOK, "find", p)
	return nil
}

// visibleRows marks restricted children the user may not open, so the
// search neither hides that a record exists nor shows its details.
func (s *Server) visibleRows(r *http.Request, children []casework.Child) ([]childRow, error) {
	u := currentUser(r)
	rows := make([]childRow, len(children))
	for i, c := range children {
		rows[i].Child = c
		if !c.Restricted {
			continue
		}
		access, err := s.store.ChildAccess(r.Context(), c.ID)
		if err != nil {
			return nil, err
		}
		rows[i].Hidden = !auth.CanViewChild(auth.Subject{UserID: u.ID, Role: u.Role}, access)
	}
	return rows, nil
}

// chronologyPage is how many entries one page of the chronology shows,
// newest first; older ones are a link away (and the filter narrows by
// kind). A child known for years has a few thousand entries, and a page of
// all of them is megabytes that nobody reads at once.
const chronologyPage = 200

// chronoRow is a chronology entry ready to draw: the values the template
// would otherwise compute per row, worked out once in Go.
type chronoRow struct {
	casework.ChronologyEntry
	DateText    string
	ISO         string
	Correctable bool   // the user may mark this note as entered in error
	CorrectHref string // the page marking this record in error, for those who may edit the record
	FixHref     string // the form correcting this record, where there is one
}

type childPage struct {
	basePage
	Child       casework.Child
	Age         string
	Current     *casework.Involvement
	Involvement []casework.Involvement
	Addresses   []casework.Address
	Network     []casework.Relationship
	Chronology  []chronoRow
	Older       string // link to the next page of older entries, if any
	Newer       string // link back towards the newest entries, if not on the first page
	Kinds       []casework.Code
	Selected    []string
	CanEdit     bool
	Motherhood  string // what the record says of a girl's motherhood (motherhood.go)
	Case        caseView
	HandedBack  []casework.HandBack // open hand-backs from case-file audits: a red flag until resolved
}

// caseView is the help and protection summary on a child's record.
type caseView struct {
	State    string
	Referral *casework.Referral
	Plan     *casework.CPPlan
	Care     *careView // the open period of care, if any
	Actions  []caseLink
	Tasks    []timescale.Task
	Open     bool // the child has an open case
	// MissingCourt is the missing, exploitation and court section.
	MissingCourt missingCourtView
	Leaving      leavingView // leaving care and permanence (leaver_view.go)
}

// caseSummary builds the case section: where the case is, what is due, and
// what can be recorded next.
func (s *Server) caseSummary(r *http.Request, c casework.Child) (caseView, error) {
	cf, err := s.store.CaseFile(r.Context(), c.ID)
	if err != nil {
		return caseView{}, err
	}
	d, err := s.dues(r.Context())
	if err != nil {
		return caseView{}, err
	}
	v := caseView{State: caseState(cf), Referral: cf.OpenReferral(), Plan: cf.OpenPlan(), Care: careSummary(cf), Tasks: d.open(cf),
		Actions: caseActions(cf, allowed(r, auth.PermEditChildren), allowed(r, auth.PermAuthorise), allowed(r, auth.PermAllocate)),
		Open:    cf.Involvement != nil}
	if v.Care != nil && allowed(r, auth.PermEditChildren) {
		v.Care.PrevPermHref = fmt.Sprintf("/children/%d/care/periods/%d/previous-permanence", c.ID, v.Care.Episode.ID)
	}
	v.MissingCourt = missingCourtSummary(cf, s.today(), allowed(r, auth.PermEditChildren))
	v.Leaving = leavingSummary(cf, s.today())
	v.Actions = append(v.Actions, leavingActions(cf, s.today(), allowed(r, auth.PermEditChildren))...)
	return v, nil
}

func (s *Server) childRecord(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "view")
	if err != nil {
		return err
	}
	var kinds []string
	for _, k := range r.URL.Query()["kind"] {
		if casework.ValidChronologyKind(k) {
			kinds = append(kinds, k)
		}
	}
	p := childPage{basePage: s.base(r, c.FullName()), Child: c, Kinds: casework.ChronologyKinds(),
		Selected: kinds, CanEdit: allowed(r, auth.PermEditChildren), Age: ageText(c, s.today())}
	age, known := c.AgeOn(s.today())
	p.Motherhood = motherhoodText(c, age, known)
	if p.Involvement, err = s.store.Involvements(r.Context(), c.ID); err != nil {
		return err
	}
	for i := range p.Involvement {
		if p.Involvement[i].EndDate == nil && p.Involvement[i].EnteredError == "" {
			p.Current = &p.Involvement[i]
			break
		}
	}
	if p.Addresses, err = s.store.Addresses(r.Context(), c.ID); err != nil {
		return err
	}
	if p.Network, err = s.store.Relationships(r.Context(), c.ID); err != nil {
		return err
	}
	if err := s.chronology(r, &p, kinds); err != nil {
		return err
	}
	if p.Case, err = s.caseSummary(r, c); err != nil {
		return err
	}
	if p.HandedBack, err = s.store.OpenHandBacksOf(r.Context(), c.ID); err != nil {
		return err
	}
	p.Notice = s.noticeText(r.URL.Query().Get("saved"))
	s.render(w, r, http.StatusOK, "child", p)
	return nil
}

// today is the civil date now in England.
func (s *Server) today() time.Time { return calendar.Today(s.now()) }

func ageText(c casework.Child, today time.Time) string {
	if c.DateOfBirth == nil {
		if c.ExpectedBirth != nil {
			return "Unborn, expected " + calendar.FormatLong(*c.ExpectedBirth)
		}
		return ""
	}
	age, ok := c.AgeOn(today)
	if !ok {
		return ""
	}
	if age == 1 {
		return "1 year old"
	}
	return fmt.Sprintf("%d years old", age)
}

// noticeText is the confirmation shown after a save: a known message for
// a known code, never text taken from the address.
func (s *Server) noticeText(code string) string {
	if msg, ok := s.notices[code]; ok {
		if msg == "" {
			return "Saved"
		}
		return msg
	}
	switch code {
	case "note":
		return "Case note saved"
	case "details":
		return "Details saved"
	case "error":
		return "Note marked as entered in error"
	case "record-error":
		return "Record marked as entered in error"
	}
	return ""
}

// chronology fills one page of the child's chronology, each row ready to
// draw, with links to older and newer pages.
func (s *Server) chronology(r *http.Request, p *childPage, kinds []string) error {
	offset, _ := strconv.Atoi(r.URL.Query().Get("from"))
	offset = max(offset, 0)
	entries, err := s.store.ChronologyPage(r.Context(), p.Child.ID, kinds, offset, chronologyPage+1)
	if err != nil {
		return err
	}
	if len(entries) > chronologyPage {
		entries = entries[:chronologyPage]
		p.Older = chronologyLink(p.Child.ID, kinds, offset+chronologyPage)
	}
	if offset > 0 {
		p.Newer = chronologyLink(p.Child.ID, kinds, max(offset-chronologyPage, 0))
	}
	all, own, err := s.correctableNotes(r, entries)
	if err != nil {
		return err
	}
	p.Chronology = make([]chronoRow, len(entries))
	for i, e := range entries {
		p.Chronology[i] = chronoRow{ChronologyEntry: e, DateText: calendar.FormatLong(e.Date), ISO: calendar.FormatDate(e.Date),
			Correctable: e.Kind == "note" && !e.InError && (all || own[e.RecordID])}
		if p.CanEdit {
			p.Chronology[i].CorrectHref = correctHref(p.Child.ID, e)
			p.Chronology[i].FixHref = correctionHref(p.Child.ID, e)
		}
	}
	return nil
}

// chronologyLink is the address of a chronology page.
func chronologyLink(child int64, kinds []string, from int) string {
	q := url.Values{"kind": kinds}
	if from > 0 {
		q.Set("from", strconv.Itoa(from))
	}
	link := fmt.Sprintf("/children/%d", child)
	if len(q) > 0 {
		link += "?" + q.Encode()
	}
	return link + "#chronology-heading"
}

// correctableNotes says which of the child's notes the user may mark as
// entered in error, by the one rule in package auth: a manager may mark any
// note, anyone else only their own.
func (s *Server) correctableNotes(r *http.Request, entries []casework.ChronologyEntry) (all bool, own map[int64]bool, err error) {
	u := currentUser(r)
	subject := auth.Subject{UserID: u.ID, Role: u.Role}
	if auth.CanCorrectRecord(subject, -1) { // allowed whoever wrote it
		return true, nil, nil
	}
	if !auth.CanCorrectRecord(subject, u.ID) { // not even their own
		return false, nil, nil
	}
	var notes []int64
	for _, e := range entries {
		if e.Kind == "note" {
			notes = append(notes, e.RecordID)
		}
	}
	own, err = s.store.NotesBy(r.Context(), u.ID, notes)
	return false, own, err
}
