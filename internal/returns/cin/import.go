package cin

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// ImportOptions say how to import a census read from another system.
type ImportOptions struct {
	Source  string      // the file's name, for the history and the report
	Partial bool        // write the good children even when some are refused
	Actor   store.Actor // who the history says imported it
}

// Refusal is a child (or one of its episodes) not imported, and why.
type Refusal struct {
	Line  int
	Child string
	Field string
	Why   string
}

// ImportReport is what an import did.
type ImportReport struct {
	Children int       // new children written
	Matched  int       // children already held, matched by LA child ID
	Episodes int       // referral episodes written
	Held     int       // episodes skipped: the child already has a referral that day
	Refused  []Refusal // in file order
	Written  bool      // false when refusals stopped the whole import
}

// Import writes the children of m, as read by Read with its problems,
// into st. A child is matched to one already held by its LA child ID (and
// refused if its UPN belongs to another child, or differs from the held
// child's); a matched child gains only the episodes whose referral date it
// does not already have. A child with any problem from reading is refused,
// with every problem. Unless opts.Partial, nothing is written when any
// child is refused. Everything written goes in one transaction with one
// history event.
//
// What the census does not carry is not invented: imported children have
// no names (the record asks for them), and the ICPC target date, internal
// review dates and strategy discussions are not kept (the target is
// worked out again from the enquiry's start).
func Import(ctx context.Context, st *store.Store, m *Message, problems []Problem, opts ImportOptions) (ImportReport, error) {
	var rep ImportReport
	keys, err := st.ChildKeys(ctx)
	if err != nil {
		return rep, err
	}
	ids, err := st.NextIDs(ctx)
	if err != nil {
		return rep, err
	}
	im := newImporter(keys, ids)
	faults := problemsByChild(m, problems, &rep)
	for i := range m.Children {
		c := &m.Children[i]
		if ps := faults[i]; len(ps) > 0 {
			for _, p := range ps {
				rep.Refused = append(rep.Refused, Refusal{Line: p.Line, Child: c.Identifiers.LAchildID, Field: p.Field, Why: p.Message})
			}
			continue
		}
		if r := im.child(c, &rep); r != nil {
			rep.Refused = append(rep.Refused, *r)
		}
	}
	if len(rep.Refused) > 0 && !opts.Partial {
		rep.Children, rep.Matched, rep.Episodes, rep.Held = 0, 0, 0, 0
		return rep, nil
	}
	if len(im.b.Children) > 0 || len(im.b.Referrals) > 0 {
		w := st.SyntheticWriter()
		defer w.Close()
		im.b.Seq = ids.Referral
		if _, err := w.WriteImported(ctx, opts.Actor, &im.b, opts.Source); err != nil {
			return rep, fmt.Errorf("cin census import: %w", err)
		}
	}
	rep.Written = true
	return rep, nil
}

// problemsByChild files each problem under the child whose lines hold it;
// problems outside any child (the header) refuse nothing but are reported.
func problemsByChild(m *Message, problems []Problem, rep *ImportReport) map[int][]Problem {
	out := map[int][]Problem{}
	for _, p := range problems {
		i := childAt(m, p.Line)
		if i < 0 {
			rep.Refused = append(rep.Refused, Refusal{Line: p.Line, Field: p.Field, Why: p.Message})
			continue
		}
		out[i] = append(out[i], p)
	}
	return out
}

// childAt is the index of the child whose element holds line: the last
// child starting on or before it (children are in file order).
func childAt(m *Message, line int) int {
	lo, hi := 0, len(m.Children)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.Children[mid].Line <= line {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// importer builds the batch of records to write.
type importer struct {
	byID  map[string]*store.ChildKey
	byUPN map[string]*store.ChildKey
	ids   store.NextIDs
	b     store.SyntheticBatch
}

func newImporter(keys []store.ChildKey, ids store.NextIDs) *importer {
	im := &importer{byID: map[string]*store.ChildKey{}, byUPN: map[string]*store.ChildKey{}, ids: ids}
	for i := range keys {
		k := &keys[i]
		im.byID[k.LAChildID] = k
		if k.UPN != "" {
			im.byUPN[k.UPN] = k
		}
	}
	return im
}

func next(p *int64) int64 { id := *p; *p++; return id }

// child adds c's records to the batch, or says why it cannot.
func (im *importer) child(c *Child, rep *ImportReport) *Refusal {
	id := c.Identifiers
	refuse := func(field, why string) *Refusal {
		return &Refusal{Line: c.Line, Child: id.LAchildID, Field: field, Why: why}
	}
	if err := casework.CheckLAChildID(id.LAchildID); err != nil {
		return refuse("LAchildID", err.Error())
	}
	if k := im.byUPN[id.UPN]; id.UPN != "" && k != nil && k.LAChildID != id.LAchildID {
		return refuse("UPN", fmt.Sprintf("UPN %s belongs to child %s already held: one child cannot have two LA child IDs", id.UPN, k.LAChildID))
	}
	k := im.byID[id.LAchildID]
	if k != nil && k.UPN != "" && id.UPN != "" && k.UPN != id.UPN {
		return refuse("UPN", fmt.Sprintf("child %s is held with UPN %s, not %s: correct one of them first", id.LAchildID, k.UPN, id.UPN))
	}
	if k != nil && k.ID == 0 {
		return refuse("LAchildID", "this LA child ID is already a child earlier in the file: give each child once")
	}
	if k == nil {
		k = &store.ChildKey{LAChildID: id.LAchildID, UPN: id.UPN}
		im.byID[id.LAchildID] = k
		if id.UPN != "" {
			im.byUPN[id.UPN] = k
		}
		im.b.Children = append(im.b.Children, im.newChild(c))
		k.ID = im.b.Children[len(im.b.Children)-1].ID
		rep.Children++
	} else {
		rep.Matched++
	}
	for i := range c.Details {
		d := &c.Details[i]
		r, _ := day(d.CINreferralDate)
		if held(k, r) {
			rep.Held++
			continue
		}
		im.episode(k.ID, d)
		rep.Episodes++
	}
	return nil
}

// held reports whether the child already has a referral on day r.
func held(k *store.ChildKey, r int) bool {
	for _, t := range k.Referrals {
		if dayNumber(t) == r {
			return true
		}
	}
	return false
}

func (im *importer) newChild(c *Child) casework.Child {
	id := c.Identifiers
	return casework.Child{ID: next(&im.ids.Child), LAChildID: id.LAchildID, UPN: id.UPN, FormerUPN: id.FormerUPN,
		UPNUnknown: id.UPNunknown, DateOfBirth: at(id.PersonBirthDate), ExpectedBirth: at(id.ExpectedPersonBirthDate),
		Sex: id.Sex, Ethnicity: c.Characteristics.Ethnicity, Disabilities: c.Characteristics.DisabilityCodes(),
		DateOfDeath: at(id.PersonDeathDate)}
}

// at reads a date the reader has checked; nil when absent.
func at(s string) *time.Time {
	t, ok := parseDate(s)
	if !ok {
		return nil
	}
	return &t
}

func must(s string) time.Time { t, _ := parseDate(s); return t }

// episode adds one CINdetails as an involvement and its referral with
// the assessments, plans, enquiries and conferences under it.
func (im *importer) episode(child int64, d *Details) {
	start, end := must(d.CINreferralDate), at(d.CINclosureDate)
	inv := casework.Involvement{ID: next(&im.ids.Involvement), ChildID: child, StartDate: start, EndDate: end,
		EndReason: d.ReasonForClosure}
	ref := casework.Referral{ID: next(&im.ids.Referral), ChildID: child, InvolvementID: &inv.ID, Date: start,
		Source: d.ReferralSource, PrimaryNeed: d.PrimaryNeedCode, NFA: isYes(d.ReferralNFA), ClosureDate: end,
		ClosureReason: d.ReasonForClosure, Decision: decision(d), DecisionDate: &start}
	im.b.Involvements = append(im.b.Involvements, inv)
	im.b.Referrals = append(im.b.Referrals, ref)
	for _, a := range d.Assessments {
		done := at(a.AssessmentAuthorisationDate)
		im.b.Assessments = append(im.b.Assessments, casework.Assessment{ID: next(&im.ids.Assessment), ChildID: child,
			ReferralID: ref.ID, StartDate: must(a.AssessmentActualStartDate), Factors: a.FactorCodes(),
			CompletedDate: done, AuthorisedDate: done})
	}
	for _, p := range d.CINPlanDates {
		im.b.CINPlans = append(im.b.CINPlans, casework.CINPlan{ID: next(&im.ids.CINPlan), ChildID: child,
			ReferralID: ref.ID, StartDate: must(p.CINPlanStartDate), EndDate: at(p.CINPlanEndDate)})
	}
	firstPlan := len(im.b.Plans)
	for _, p := range d.ChildProtectionPlans {
		n, _ := strconv.Atoi(p.NumberOfPreviousCPP)
		im.b.Plans = append(im.b.Plans, casework.CPPlan{ID: next(&im.ids.Plan), ChildID: child, ReferralID: ref.ID,
			StartDate: must(p.CPPstartDate), EndDate: at(p.CPPendDate), InitialCategory: p.InitialCategoryOfAbuse,
			LatestCategory: p.LatestCategoryOfAbuse, PreviousPlans: n})
	}
	plans := im.b.Plans[firstPlan:]
	for _, s := range d.Section47 {
		e := casework.S47Enquiry{ID: next(&im.ids.S47), ChildID: child, ReferralID: ref.ID,
			StartDate: must(s.S47ActualStartDate), ICPCNotRequired: isYes(s.ICPCnotRequired)}
		if icpc := at(s.DateOfInitialCPC); icpc != nil {
			e.EndDate, e.Outcome = icpc, "icpc"
			im.initialConference(child, &e.ID, *icpc, plans)
		}
		im.b.S47s = append(im.b.S47s, e)
	}
	if icpc := at(d.DateOfInitialCPC); icpc != nil {
		im.initialConference(child, nil, *icpc, plans)
	}
	for i, p := range d.ChildProtectionPlans {
		for _, r := range p.ReviewDates() {
			rd := must(r)
			decision := "continue"
			if plans[i].EndDate != nil && plans[i].EndDate.Equal(rd) {
				decision = "end"
			}
			im.b.Conferences = append(im.b.Conferences, casework.Conference{ID: next(&im.ids.Conference), ChildID: child,
				Kind: casework.ReviewConference, PlanID: &plans[i].ID, Date: rd, Decision: decision})
		}
	}
}

// initialConference adds an ICPC, linked to the episode's plan that starts
// that day (rule 2885) or else the first plan not yet linked to one.
func (im *importer) initialConference(child int64, s47 *int64, d time.Time, plans []casework.CPPlan) {
	c := casework.Conference{ID: next(&im.ids.Conference), ChildID: child, Kind: casework.InitialConference, S47ID: s47,
		Date: d, Decision: "no_plan"}
	link := -1
	for i := range plans {
		if plans[i].ConferenceID == nil && plans[i].StartDate.Equal(d) {
			link = i
			break
		}
	}
	if link < 0 {
		for i := range plans {
			if plans[i].ConferenceID == nil {
				link = i
				break
			}
		}
	}
	if link >= 0 {
		plans[link].ConferenceID = &c.ID
		c.Decision, c.Category = "plan", plans[link].InitialCategory
	}
	im.b.Conferences = append(im.b.Conferences, c)
}

// decision is the referral's next step as the episode shows it.
func decision(d *Details) string {
	switch {
	case isYes(d.ReferralNFA):
		return casework.ReferralNFA
	case len(d.Section47) > 0 && len(d.Assessments) == 0:
		return casework.ReferralToStrategy
	}
	return casework.ReferralToAssessment
}
