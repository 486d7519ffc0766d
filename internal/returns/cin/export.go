package cin

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// Options say which census to build and how to stamp its header.
type Options struct {
	Year Year
	// LACode is the authority's three-digit DfE code (the LEA item). Empty:
	// the header carries no Source, which the schema allows, rather than a
	// made-up code.
	LACode    string
	Generated time.Time // the Source DateTime; fixed by callers that compare files
	Release   string    // the Source Release; "" for this package's Release
	// Calendar gives working days, for the ICPC target date (15 working days
	// after the strategy discussion that started the enquiry).
	Calendar interface {
		AddWorkingDays(d time.Time, n int) time.Time
	}
	// Slice is how many children ExportStore reads at a time (0: the
	// store's default), so that a large census never holds every case file.
	Slice int
}

// Build makes the census of opts.Year from the children's case files (see
// store.CINCaseFiles): every child with an episode open in the year, the
// year's part of each episode, as the record stood at the reference date
// (anything dated after it is left out, so the census reads the same
// whenever it is made). Children are in LA child ID order.
func Build(files []casework.CaseFile, opts Options) Message {
	start, end := opts.Year.Start(), opts.Year.End()
	m := Message{Header: header(opts)}
	for i := range files {
		cf := &files[i]
		var details []Details
		for _, r := range cf.Referrals {
			if r.Date.After(end) || (r.ClosureDate != nil && r.ClosureDate.Before(start)) {
				continue
			}
			details = append(details, episode(cf, r, start, end, opts))
		}
		if len(details) == 0 {
			continue
		}
		m.Children = append(m.Children, Child{ID: cf.Child.ID, Identifiers: identifiers(cf.Child, end),
			Characteristics: characteristics(cf.Child),
			Details:         details})
	}
	sortChildren(m.Children)
	return m
}

// sortChildren puts the children in LA child ID order, the file's order.
func sortChildren(cs []Child) {
	slices.SortStableFunc(cs, func(a, b Child) int {
		return strings.Compare(a.Identifiers.LAchildID, b.Identifiers.LAchildID)
	})
}

// Release is the software release the header names by default.
const Release = "sightline 0.1"

func header(opts Options) *Header {
	if opts.Release == "" {
		opts.Release = Release
	}
	h := &Header{Collection: CollectionDetails{Collection: "CIN", Year: fmt.Sprint(int(opts.Year)),
		ReferenceDate: date(opts.Year.End())}}
	if opts.LACode != "" {
		h.Source = &Source{SourceLevel: "L", LEA: opts.LACode, SoftwareCode: "sightline", Release: opts.Release,
			SerialNo: "001", DateTime: opts.Generated.UTC().Format("2006-01-02T15:04:05")}
	}
	return h
}

func characteristics(c casework.Child) Characteristics {
	ch := Characteristics{Ethnicity: c.Ethnicity}
	if len(c.Disabilities) > 0 {
		ch.Disabilities = &Disabilities{Codes: c.Disabilities}
	}
	return ch
}

// identifiers are the child's as at the reference date: a child born after
// it is still unborn then, with an expected date of birth and their sex
// not known (U, rule 8750).
func identifiers(c casework.Child, end time.Time) Identifiers {
	id := Identifiers{LAchildID: c.LAChildID, UPN: c.UPN, FormerUPN: c.FormerUPN, UPNunknown: c.UPNUnknown, Sex: c.Sex}
	switch {
	case c.DateOfBirth != nil && !c.DateOfBirth.After(end):
		id.PersonBirthDate = date(*c.DateOfBirth)
	case c.ExpectedBirth != nil:
		id.ExpectedPersonBirthDate, id.Sex = date(*c.ExpectedBirth), "U"
	case c.DateOfBirth != nil:
		id.ExpectedPersonBirthDate, id.Sex = date(*c.DateOfBirth), "U"
	}
	if c.DateOfDeath != nil && !c.DateOfDeath.After(end) {
		id.PersonDeathDate = date(*c.DateOfDeath)
	}
	return id
}

// by returns d when it is on or before the reference date, else nil: what
// had not happened by then is not in the census.
func by(d *time.Time, end time.Time) *time.Time {
	if d == nil || d.After(end) {
		return nil
	}
	return d
}

// episode is one referral's CINdetails.
func episode(cf *casework.CaseFile, r casework.Referral, start, end time.Time, opts Options) Details {
	d := Details{CINreferralDate: date(r.Date), ReferralSource: r.Source, PrimaryNeedCode: r.PrimaryNeed,
		ReferralNFA: yesNo(r.NFA)}
	if c := by(r.ClosureDate, end); c != nil {
		d.CINclosureDate, d.ReasonForClosure = date(*c), r.ClosureReason
	}
	d.Assessments = assessments(cf, r.ID, start, end)
	for _, p := range cf.CINPlans {
		if p.ReferralID == r.ID && !p.StartDate.After(end) && (p.EndDate == nil || !p.EndDate.Before(start)) {
			d.CINPlanDates = append(d.CINPlanDates, PlanDates{CINPlanStartDate: date(p.StartDate),
				CINPlanEndDate: dateOf(by(p.EndDate, end))})
		}
	}
	d.Section47 = enquiries(cf, r.ID, start, end, opts)
	d.DateOfInitialCPC = conferenceWithoutEnquiry(cf, r.ID, start, end)
	d.ChildProtectionPlans = plans(cf, r.ID, start, end)
	return d
}

// assessments are the referral's assessments open at some time in the
// year; factors go with a completed (authorised) one only (rule 8614).
func assessments(cf *casework.CaseFile, ref int64, start, end time.Time) []Assessment {
	var out []Assessment
	for _, a := range cf.Assessments {
		done := by(a.AuthorisedDate, end)
		if a.ReferralID != ref || a.StartDate.After(end) || (done != nil && done.Before(start)) {
			continue
		}
		x := Assessment{AssessmentActualStartDate: date(a.StartDate), AssessmentAuthorisationDate: dateOf(done)}
		if done != nil && len(a.Factors) > 0 {
			x.Factors = &Factors{Codes: a.Factors}
		}
		out = append(out, x)
	}
	return out
}

// enquiries are the referral's s47 enquiries open at some time in the year,
// each with the initial conference that followed it.
func enquiries(cf *casework.CaseFile, ref int64, start, end time.Time, opts Options) []Section47 {
	var out []Section47
	for _, e := range cf.S47s {
		if e.ReferralID != ref || e.StartDate.After(end) {
			continue
		}
		icpc := initialConference(cf, func(c casework.Conference) bool { return c.S47ID != nil && *c.S47ID == e.ID }, end)
		finished := icpc
		if finished == nil {
			finished = by(e.EndDate, end)
		}
		if finished != nil && finished.Before(start) {
			continue
		}
		s := Section47{S47ActualStartDate: date(e.StartDate), DateOfInitialCPC: dateOf(icpc),
			ICPCnotRequired: yesNo(e.ICPCNotRequired && icpc == nil && (e.EndDate == nil || !e.EndDate.After(end)))}
		if opts.Calendar != nil {
			s.InitialCPCtarget = date(opts.Calendar.AddWorkingDays(e.StartDate, 15))
		}
		out = append(out, s)
	}
	return out
}

// initialConference is the date of the first initial conference that
// matches, held by the reference date, or nil.
func initialConference(cf *casework.CaseFile, match func(casework.Conference) bool, end time.Time) *time.Time {
	for _, c := range cf.Conferences {
		if c.Kind == casework.InitialConference && match(c) && !c.Date.After(end) {
			d := c.Date
			return &d
		}
	}
	return nil
}

// conferenceWithoutEnquiry is the CINdetails DateOfInitialCPC: an initial
// conference in the year that made one of the referral's plans but follows
// no s47 enquiry (rule 2884: recorded at one level only).
func conferenceWithoutEnquiry(cf *casework.CaseFile, ref int64, start, end time.Time) string {
	planOf := map[int64]bool{}
	for _, p := range cf.Plans {
		if p.ReferralID == ref && p.ConferenceID != nil {
			planOf[*p.ConferenceID] = true
		}
	}
	d := initialConference(cf, func(c casework.Conference) bool {
		return c.S47ID == nil && planOf[c.ID] && !c.Date.Before(start)
	}, end)
	return dateOf(d)
}

// plans are the referral's CP plans in force at some time in the year, with
// the review conferences held in the year.
func plans(cf *casework.CaseFile, ref int64, start, end time.Time) []CPPlan {
	var out []CPPlan
	for _, p := range cf.Plans {
		if p.ReferralID != ref || p.StartDate.After(end) || (p.EndDate != nil && p.EndDate.Before(start)) {
			continue
		}
		x := CPPlan{CPPstartDate: date(p.StartDate), CPPendDate: dateOf(by(p.EndDate, end)),
			InitialCategoryOfAbuse: p.InitialCategory, LatestCategoryOfAbuse: p.LatestCategory,
			NumberOfPreviousCPP: fmt.Sprint(p.PreviousPlans)}
		for _, c := range cf.Conferences {
			if c.Kind == casework.ReviewConference && c.PlanID != nil && *c.PlanID == p.ID &&
				!c.Date.Before(start) && !c.Date.After(end) {
				if x.Reviews == nil {
					x.Reviews = &Reviews{}
				}
				x.Reviews.Dates = append(x.Reviews.Dates, date(c.Date))
			}
		}
		out = append(out, x)
	}
	return out
}

// Write writes m as the census XML file.
func Write(w io.Writer, m Message) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := io.WriteString(bw, xml.Header); err != nil {
		return fmt.Errorf("cin census: write: %w", err)
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(m); err != nil {
		return fmt.Errorf("cin census: write: %w", err)
	}
	if _, err := io.WriteString(bw, "\n"); err != nil {
		return fmt.Errorf("cin census: write: %w", err)
	}
	return bw.Flush()
}

// Filename is the download name of the census of year y.
func Filename(y Year) string { return fmt.Sprintf("cin-census-%d-%d.xml", int(y)-1, int(y)) }

// ExportStore builds the census of opts.Year from the store and writes it
// to w, returning the message written.
func ExportStore(ctx context.Context, st *store.Store, w io.Writer, opts Options) (Message, error) {
	// A slice of children at a time: only the census's own rows are kept,
	// not every child's whole case file.
	m := Message{Header: header(opts)}
	err := st.CINCaseFilesEach(ctx, opts.Year.Start(), opts.Year.End(), opts.Slice, func(files []casework.CaseFile) error {
		m.Children = append(m.Children, Build(files, opts).Children...)
		return nil
	})
	if err != nil {
		return Message{}, err
	}
	sortChildren(m.Children)
	return m, Write(w, m)
}
