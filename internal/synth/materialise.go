package synth

import (
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// materialise turns the families' episodes into each child's records, with
// ids handed out family by family, child by child, in date order.
func (w *world) materialise() {
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			for _, k := range e.kids {
				if !k.known {
					w.makeChild(k, e.start)
				}
				w.makeEpisode(k, e)
			}
		}
		w.relate(hh)
	}
}

// makeChild makes the record of a child the service has just met on day
// met: names, identifiers (NHS numbers from the test range, UPNs with the
// fictional LA number) and addresses.
func (w *world) makeChild(k *kid, met time.Time) {
	hh, r := k.hh, k.hh.r
	k.known = true
	c := casework.Child{ID: next(&w.ids.Child), FirstName: k.first, LastName: hh.surname, Sex: k.sex,
		Ethnicity: hh.ethnicity, ExpectedBirth: k.expected, Synthetic: true, Disabilities: []string{"NONE"}}
	c.LAChildID = laChildID(c.ID)
	if len(k.disabled) > 0 {
		c.Disabilities = k.disabled
	}
	if k.dob.After(w.asAt) { // still unborn
		c.FirstName, c.KnownAs, c.Sex = "", "Unborn baby", "U"
	} else {
		c.DateOfBirth = ptr(k.dob)
		c.NHSNumber = nhsNumber(&w.nhs)
		switch age := k.ageOn(w.asAt); {
		case hh.uasc:
			c.UPNUnknown = "UN2" // never at a maintained school in England
		case age < 5:
			c.UPNUnknown = "UN1"
		case r.chance(0.95):
			w.upns++
			c.UPN = upn(w.upns, k.dob.Year()+5)
		}
	}
	k.rec = c
	k.recs = &store.SyntheticBatch{Children: []casework.Child{c}}
	w.addresses(k, met)
}

// addresses records the family's homes from the day the child was born
// (or, unborn, met), up to the as-at date.
func (w *world) addresses(k *kid, met time.Time) {
	from := k.dob
	if k.dob.After(met) {
		from = met
	}
	for i, h := range k.hh.homes {
		if h.from.After(w.asAt) {
			break
		}
		a := casework.Address{ID: next(&w.ids.Address), ChildID: k.rec.ID, Line1: h.line1, Town: h.town,
			Postcode: h.postcode, StartDate: latest(h.from, from)}
		if i+1 < len(k.hh.homes) && !k.hh.homes[i+1].from.After(w.asAt) {
			end := latest(k.hh.homes[i+1].from, a.StartDate)
			a.EndDate = &end
		}
		k.recs.Addresses = append(k.recs.Addresses, a)
	}
}

// relate records each known child's known siblings and parents.
func (w *world) relate(hh *household) {
	for _, k := range hh.kids {
		if !k.known || hh.uasc { // a young person arrived alone: no family here
			continue
		}
		add := func(r casework.Relationship) {
			r.ID, r.ChildID, r.Kind = next(&w.ids.Relationship), k.rec.ID, "family"
			k.recs.Relationships = append(k.recs.Relationships, r)
		}
		add(casework.Relationship{Relationship: "mother", Name: hh.mother})
		if hh.father != "" {
			add(casework.Relationship{Relationship: "father", Name: hh.father})
		}
		for _, s := range hh.kids {
			if s != k && s.known {
				add(casework.Relationship{Relationship: "sibling", RelatedChildID: ptr(s.rec.ID), Name: s.rec.FullName()})
			}
		}
	}
}

// makeEpisode makes child k's records of episode e.
func (w *world) makeEpisode(k *kid, e *episode) {
	ke := &kidEpisode{ep: e, assessment: -1}
	k.eps = append(k.eps, ke)
	e.kes = append(e.kes, ke)
	w.contact(k, ke)
	if !e.referred {
		return
	}
	w.referral(k, ke)
	w.assessment(k, ke)
	w.enquiry(k, ke)
	w.cpPlan(k, ke)
	w.cinPlan(k, ke)
	ke.firstVisit = len(k.recs.Visits)
	w.visits(k, e.asmtVisits)
	if e.cp != nil {
		w.visits(k, e.cp.visits)
	}
	if e.cin != nil {
		w.visits(k, e.cin.visits)
	}
	ke.endVisit = len(k.recs.Visits)
}

// contact makes the contact that began the episode.
func (w *world) contact(k *kid, ke *kidEpisode) {
	e := ke.ep
	c := casework.Contact{ID: next(&w.ids.Contact), ChildID: k.rec.ID, ReceivedAt: e.received, Date: e.start,
		Source: e.source, Concerns: e.concerns, OutOfHours: e.ooh, Decision: e.outcome, Reason: e.reason,
		DecisionDate: ptr(e.start)}
	if e.referred {
		c.Decision, c.Reason = casework.ContactToReferral, ""
	}
	ke.contact, ke.contactIndex = c.ID, len(k.recs.Contacts)
	k.recs.Contacts = append(k.recs.Contacts, c)
}

// referral makes the referral and the involvement it opened, and links
// the contact to it.
func (w *world) referral(k *kid, ke *kidEpisode) {
	e := ke.ep
	inv := casework.Involvement{ID: next(&w.ids.Involvement), ChildID: k.rec.ID, StartDate: e.start,
		EndDate: e.closed, EndReason: e.closeReason}
	ref := casework.Referral{ID: next(&w.ids.Referral), ChildID: k.rec.ID, InvolvementID: ptr(inv.ID),
		ContactID: ptr(ke.contact), Date: e.start, Source: e.source, PrimaryNeed: e.need,
		Decision: e.decision, DecisionDate: e.decided, ClosureDate: e.closed, ClosureReason: e.closeReason}
	if e.decision == casework.ReferralNFA {
		ref.NFAReason = one(k.hh.r, nfaReasons)
		if e.nfaApproved != nil {
			ref.NFA, ref.NFAApprovedAt = true, e.nfaApproved
		}
	}
	ke.involvement, ke.referral, ke.invIndex = inv.ID, ref.ID, len(k.recs.Involvements)
	k.recs.Contacts[ke.contactIndex].ReferralID = ptr(ref.ID)
	k.recs.Involvements = append(k.recs.Involvements, inv)
	k.recs.Referrals = append(k.recs.Referrals, ref)
}

// assessment makes the child's assessment, with the family's factors, the
// child's own, and the factor of the plan's category if a plan followed.
func (w *world) assessment(k *kid, ke *kidEpisode) {
	e := ke.ep
	if e.asmt == nil {
		return
	}
	a := casework.Assessment{ID: next(&w.ids.Assessment), ChildID: k.rec.ID, ReferralID: ke.referral,
		StartDate: e.asmt.start, CompletedDate: e.asmt.completed, AuthorisedDate: e.asmt.authorised,
		Outcome: e.asmt.outcome}
	if a.CompletedDate != nil {
		a.Factors = w.factorsFor(k, e)
	}
	ke.assessment = len(k.recs.Assessments)
	k.recs.Assessments = append(k.recs.Assessments, a)
}

// factorsFor draws the factors of child k's assessment in episode e.
func (w *world) factorsFor(k *kid, e *episode) []string {
	r := k.hh.r
	if e.route == routeNotInNeed && r.chance(0.5) {
		return []string{"21"}
	}
	fs := r.childFactors(w.national, e.factors, max(0, k.ageOn(e.asmt.start)))
	if e.icpc != nil && e.icpc.category != "" && categoryFactor[e.icpc.category] != "" {
		if len(fs) == 1 && fs[0] == "21" {
			fs = nil
		}
		fs = sortFactors(append(fs, categoryFactor[e.icpc.category]))
	}
	return fs
}

// visits makes the child's visits; before birth a visit cannot see the
// child, and a child under 5 is not seen alone.
func (w *world) visits(k *kid, vs []visitPlan) {
	r := k.hh.r
	for _, v := range vs {
		seen := v.seen && !v.date.Before(k.dob)
		k.recs.Visits = append(k.recs.Visits, casework.Visit{ID: next(&w.ids.Visit), ChildID: k.rec.ID, Date: v.date,
			Kind: v.kind, Seen: seen, SeenAlone: seen && k.ageOn(v.date) >= 5 && r.chance(0.55), Place: v.place,
			Notes: visitNote(r, visitPlan{seen: seen}, k.first)})
	}
}
