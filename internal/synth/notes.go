package synth

import (
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// writeNotes signs each record with the worker who made it and writes the
// case notes of every episode, by the worker holding the case that day
// (the team manager for oversight and sign-off, and while a case has no
// worker).
func (w *world) writeNotes() {
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			for i, ke := range e.kes {
				w.sign(e.kids[i], ke)
				w.episodeNotes(e.kids[i], ke)
			}
		}
	}
}

// name returns a worker's name.
func (w *world) name(worker int) string { return w.org.workers[worker].Name }

// doer is who did something on day d in episode e: the worker holding it,
// or the team's manager when no one did.
func (w *world) doer(e *episode, d time.Time) int {
	worker, team := e.holder(d)
	if worker >= 0 {
		return worker
	}
	if team < 0 {
		return w.anyHolder(e.hh.r, "front_door", d)
	}
	return w.manager(team, d)
}

// manager is the team's manager on day d.
func (w *world) manager(team int, d time.Time) int {
	return w.org.posts[team][0].holderAt(w.org, d)
}

// anyHolder is a case holder of a team of the kind, on day d.
func (w *world) anyHolder(r rng, kind string, d time.Time) int {
	teams := w.org.byKind[kind]
	return one(r, w.org.caseHolding(teams[r.IntN(len(teams))])).holderAt(w.org, d)
}

// sign fills in who recorded, decided, authorised and visited.
func (w *world) sign(k *kid, ke *kidEpisode) {
	e, r := ke.ep, k.hh.r
	c := &k.recs.Contacts[ke.contactIndex]
	front := w.doer(e, e.start)
	c.RecordedBy, c.DecisionBy = w.name(front), w.name(front)
	if e.ooh {
		c.RecordedBy = w.name(w.anyHolder(r, "edt", e.start))
	}
	if ke.involvement == 0 {
		return
	}
	ref := &k.recs.Referrals[len(k.recs.Referrals)-1]
	if ref.NFAApprovedAt != nil {
		_, team := e.holder(*ref.NFAApprovedAt)
		ref.NFAApprovedBy = w.name(w.manager(team, *ref.NFAApprovedAt))
	}
	if ke.assessment >= 0 {
		a := &k.recs.Assessments[ke.assessment]
		if a.AuthorisedDate != nil {
			_, team := e.holder(*a.AuthorisedDate)
			a.AuthorisedBy = w.name(w.manager(team, *a.AuthorisedDate))
		}
	}
	for i := ke.firstVisit; i < ke.endVisit; i++ {
		k.recs.Visits[i].By = w.name(w.doer(e, k.recs.Visits[i].Date))
	}
}

// episodeNotes writes the case notes of child k's part in an episode.
func (w *world) episodeNotes(k *kid, ke *kidEpisode) {
	e, r := ke.ep, k.hh.r
	add := func(d time.Time, kind, subject, body string, worker int) {
		if d.After(w.asAt) || (e.silentFrom != nil && d.After(*e.silentFrom)) {
			return
		}
		n := casework.Note{ID: next(&w.ids.Note), ChildID: k.rec.ID, Date: d, Kind: kind, Subject: subject,
			Body: body, AuthorID: w.org.userOf[w.org.workers[worker].ID], AuthorName: w.name(worker)}
		if ke.involvement != 0 {
			n.InvolvementID = ptr(ke.involvement)
		}
		y, m, day := d.Date()
		n.CreatedAt = time.Date(y, m, day, r.between(10, 17), r.IntN(60), 0, 0, calendar.England()).UTC()
		k.recs.Notes = append(k.recs.Notes, n)
	}
	if e.ooh {
		add(e.start, "out_of_hours", "Out-of-hours contact", e.concerns, w.anyHolder(r, "edt", e.start))
	}
	if ke.involvement == 0 {
		return
	}
	if e.decided != nil {
		label := casework.LabelOf(casework.ReferralDecisions(), e.decision)
		add(*e.decided, "case_note", "Referral decision: "+label, "Referral read with the history held; decision: "+
			label+".", w.doer(e, *e.decided))
	}
	for _, v := range e.asmtVisits[:min(1, len(e.asmtVisits))] {
		add(v.date, "case_note", "Assessment visit", visitNote(r, v, k.first), w.doer(e, v.date))
	}
	w.meetingNotes(e, add)
	w.oversight(e, add)
	if e.closed != nil && e.decision != casework.ReferralNFA {
		label := casework.LabelOf(casework.ClosureReasons(), e.closeReason)
		name := k.first
		if e.closed.Before(k.dob) {
			name = "the baby"
		}
		add(*e.closed, "case_note", "Case closed: "+label, closingNote(e.closeReason, name), w.doer(e, *e.closed))
	}
}

type noteAdder func(d time.Time, kind, subject, body string, worker int)

// meetingNotes records strategy discussions and the initial conference.
func (w *world) meetingNotes(e *episode, add noteAdder) {
	for _, s := range e.strategies {
		body := "Strategy discussion held. Agreed that the threshold for a section 47 enquiry is not met."
		if s.initiated {
			body = "Strategy discussion held. Agreed to start a section 47 enquiry."
		}
		add(s.date, "meeting", "Strategy discussion", body, w.doer(e, s.date))
	}
	if e.icpc != nil {
		body := "Initial child protection conference: no plan needed; support continues."
		if e.icpc.decision == "plan" {
			body = "Initial child protection conference: a child protection plan was made under the category of " +
				casework.LabelOf(casework.AbuseCategories(), e.icpc.category) + "."
		}
		add(e.icpc.date, "meeting", "Initial child protection conference", body, w.doer(e, e.icpc.date))
	}
}

// oversight records a manager's oversight about every three months while a
// plan runs.
func (w *world) oversight(e *episode, add noteAdder) {
	start, end := time.Time{}, e.closed
	switch {
	case e.cp != nil:
		start = e.cp.start
	case e.cin != nil:
		start = e.cin.start
	default:
		return
	}
	for d := days(start, 80); end == nil || d.Before(*end); d = days(d, 91) {
		if d.After(w.asAt) {
			return
		}
		_, team := e.holder(d)
		add(d, "management_oversight", "Management oversight", "Case discussed in supervision; the plan is "+
			"progressing and actions were agreed for the next month.", w.manager(team, d))
	}
}
