package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const contactColumns = `id, child_id, received_at, contact_date, source, source_detail, concerns, out_of_hours,
	decision, decision_date, decision_by, reason, referral_id, recorded_by, version`

func scanContact(r rowScanner) (casework.Contact, error) {
	var c casework.Contact
	return c, scanContactInto(r, &c)
}

// scanContactInto scans contactColumns into c, then any extra columns.
func scanContactInto(r rowScanner, c *casework.Contact, extra ...any) error {
	var received tsCol
	var on, decided dateCol
	err := r.Scan(append([]any{&c.ID, &c.ChildID, &received, &on, &c.Source, &c.SourceDetail, &c.Concerns,
		&c.OutOfHours, &c.Decision, &decided, &c.DecisionBy, &c.Reason, &c.ReferralID, &c.RecordedBy, &c.Version},
		extra...)...)
	c.ReceivedAt, c.Date, c.DecisionDate = received.t, on.t, decided.ptr()
	return err
}

// RecordContact records information about a child reaching the front door.
// ReceivedAt defaults to now and Date to its day in England; RecordedBy is
// the actor. The contact is recorded undecided (decision fields given are
// ignored): the front door decides it with DecideContact.
func (s *Store) RecordContact(ctx context.Context, actor Actor, c casework.Contact) (casework.Contact, error) {
	if c.ReceivedAt.IsZero() {
		c.ReceivedAt = s.Now()
	}
	c.ReceivedAt = c.ReceivedAt.UTC().Truncate(time.Microsecond)
	if c.Date.IsZero() {
		c.Date = calendar.Today(c.ReceivedAt)
	}
	c.Source, c.Concerns = casework.NormaliseCode(c.Source), strings.TrimRight(c.Concerns, " \t\r\n")
	c.SourceDetail = strings.TrimSpace(c.SourceDetail)
	c.Decision, c.DecisionDate, c.DecisionBy, c.Reason, c.ReferralID = "", nil, "", "", nil
	c.RecordedBy, c.Version = actor.Name, 1
	if err := c.Validate(calendar.Today(s.Now())); err != nil {
		return c, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.child(ctx, c.ChildID); err != nil {
			return err
		}
		id, err := tx.insert(ctx, `INSERT INTO contacts (child_id, received_at, contact_date, source, source_detail,
			concerns, out_of_hours, recorded_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			c.ChildID, tx.s.d.ts(c.ReceivedAt), day(c.Date), c.Source, c.SourceDetail, c.Concerns, c.OutOfHours,
			actor.Name, tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert contact: %w", err)
		}
		c.ID = id
		return tx.record("contact", id, "create", nil, c, "")
	})
	if err != nil {
		return c, fmt.Errorf("store: record contact for child %d: %w", c.ChildID, err)
	}
	return c, nil
}

// Contact returns one contact.
func (s *Store) Contact(ctx context.Context, id int64) (casework.Contact, error) {
	c, err := getRow(ctx, s, scanContact, "contact", `SELECT `+contactColumns+` FROM contacts WHERE id = ?`, id)
	if err != nil {
		return c, fmt.Errorf("store: %w", err)
	}
	return c, nil
}

// ContactFilter chooses contacts for the front door's lists.
type ContactFilter struct {
	Undecided  bool      // only contacts awaiting a decision
	OutOfHours bool      // only those the emergency duty team recorded
	Since      time.Time // received at or after this instant; zero: all
	Limit      int       // at most this many; 0: no limit
}

// ContactRow is a contact in a list, with who it is about.
type ContactRow struct {
	casework.Contact
	ChildName  string
	LAChildID  string
	ReReferral bool // a referral of this child in the 12 months before the contact date, now closed
	OpenCase   bool // the child's episode was open on the contact date: the contact is for the allocated worker
}

// Contacts lists contacts, newest first: the front door list and the
// morning list of out-of-hours contacts. Contacts entered in error are left
// out. It runs two queries: the contacts, then the referrals of their
// children (for the re-referral flag).
func (s *Store) Contacts(ctx context.Context, f ContactFilter) ([]ContactRow, error) {
	where, args := s.contactWhere(f)
	q := `SELECT ` + prefixed("c.", contactColumns) + `, ch.first_name, ch.last_name, ch.la_child_id
		FROM contacts c JOIN children ch ON ch.id = c.child_id WHERE ` + where + ` ORDER BY c.received_at DESC, c.id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	var out []ContactRow
	err := eachRow(ctx, s, scanContactRow, func(r ContactRow) { out = append(out, r) }, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: contacts: %w", err)
	}
	if err := s.flagReReferrals(ctx, f, out); err != nil {
		return nil, fmt.Errorf("store: contacts: %w", err)
	}
	return out, nil
}

func (s *Store) contactWhere(f ContactFilter) (string, []any) {
	where, args := []string{`c.error_reason = ''`}, []any{}
	if f.Undecided {
		where = append(where, `c.decision = ''`)
	}
	if f.OutOfHours {
		where = append(where, `c.out_of_hours = ?`)
		args = append(args, true)
	}
	if !f.Since.IsZero() {
		where = append(where, `c.received_at >= ?`)
		args = append(args, s.d.ts(f.Since))
	}
	return strings.Join(where, " AND "), args
}

func scanContactRow(r rowScanner) (ContactRow, error) {
	var row ContactRow
	var ch casework.Child
	err := scanContactInto(r, &row.Contact, &ch.FirstName, &ch.LastName, &row.LAChildID)
	row.ChildName = ch.FullName()
	return row, err
}

// flagReReferrals sets ReReferral on each row from the referrals of the
// children listed, with the casework rule (CaseFile.IsReReferral).
func (s *Store) flagReReferrals(ctx context.Context, f ContactFilter, rows []ContactRow) error {
	if len(rows) == 0 {
		return nil
	}
	where, args := s.contactWhere(f)
	refs := map[int64][]casework.Referral{}
	err := eachRow(ctx, s, scanReferral, func(r casework.Referral) { refs[r.ChildID] = append(refs[r.ChildID], r) },
		`SELECT `+referralColumns+` FROM referrals WHERE error_reason = '' AND child_id IN
		(SELECT c.child_id FROM contacts c WHERE `+where+`)`, args...)
	if err != nil {
		return err
	}
	for i := range rows {
		cf := casework.CaseFile{Referrals: refs[rows[i].ChildID]}
		for _, r := range cf.Referrals {
			rows[i].OpenCase = rows[i].OpenCase || (r.Open(rows[i].Date) && !r.NFA)
		}
		// A contact during an open episode is not a re-referral: the child
		// is already known and held.
		rows[i].ReReferral = !rows[i].OpenCase && cf.IsReReferral(rows[i].Date, 0)
	}
	return nil
}

// DecideContact records the front door's decision on a contact. For
// casework.ContactToReferral it also creates the referral (dated the day
// of the contact, from its source, with primaryNeed) and links it to the
// child's open involvement, opening one held by teamID if there is none.
// A child whose episode is still open cannot be referred again: the
// contact goes to the allocated worker instead.
func (s *Store) DecideContact(ctx context.Context, actor Actor, contactID int64, version int, decision string,
	on time.Time, reason string, primaryNeed string, teamID *int64) (casework.Contact, error) {
	var after casework.Contact
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := getRow(ctx, tx, scanContact, "contact", `SELECT `+contactColumns+` FROM contacts WHERE id = ?`, contactID)
		if err != nil {
			return err
		}
		cf, err := tx.caseFile(ctx, before.ChildID)
		if err != nil {
			return err
		}
		if err := tx.fresh(ctx, "contacts", "contact", contactID, version, before.Version); err != nil {
			return err
		}
		after = decided(before, decision, on, reason, actor.Name)
		if err := checkContactDecision(cf, before, after, calendar.Today(tx.now)); err != nil {
			return err
		}
		if after.Decision == casework.ContactToReferral {
			ref, err := tx.referContact(ctx, cf, after, casework.NormaliseCode(primaryNeed), teamID)
			if err != nil {
				return err
			}
			after.ReferralID = &ref.ID
		}
		if err := tx.updateVersioned(ctx, "contacts", "contact", contactID, version, `decision = ?, decision_date = ?,
			decision_by = ?, reason = ?, referral_id = ?`, after.Decision, dayPtr(after.DecisionDate), after.DecisionBy,
			after.Reason, after.ReferralID); err != nil {
			return err
		}
		after.Version = version + 1
		return tx.record("contact", contactID, "decide", before, after, after.Reason)
	})
	if err != nil {
		return after, fmt.Errorf("store: decide contact %d: %w", contactID, err)
	}
	return after, nil
}

func decided(c casework.Contact, decision string, on time.Time, reason, by string) casework.Contact {
	c.Decision, c.Reason, c.DecisionBy = strings.TrimSpace(decision), strings.TrimSpace(reason), by
	c.DecisionDate = nil
	if !on.IsZero() {
		c.DecisionDate = &on
	}
	return c
}

// checkContactDecision applies the contact's rules and refuses a second
// decision, and a referral while the child's episode is still open (CIN
// episodes do not overlap).
func checkContactDecision(cf casework.CaseFile, before, after casework.Contact, today time.Time) error {
	if before.Decision != "" {
		return casework.Invalid("decision", "A decision has already been recorded for this contact")
	}
	if after.Decision == "" {
		return casework.Invalid("decision", "Select a decision")
	}
	if err := after.Validate(today); err != nil {
		return err
	}
	if after.Decision == casework.ContactToReferral && cf.OpenReferral() != nil {
		return casework.Invalid("decision", "The child already has an open referral: pass the contact to the allocated worker")
	}
	return nil
}

// referContact creates the referral a contact became, opening an
// involvement for it if the child has none.
func (t *Tx) referContact(ctx context.Context, cf casework.CaseFile, c casework.Contact, primaryNeed string, teamID *int64) (casework.Referral, error) {
	r := casework.Referral{ChildID: c.ChildID, ContactID: &c.ID, Date: c.Date, Source: c.Source, PrimaryNeed: primaryNeed, Version: 1}
	if err := r.Validate(calendar.Today(t.now)); err != nil {
		return r, err
	}
	if cf.Involvement != nil {
		r.InvolvementID = &cf.Involvement.ID
	} else {
		inv := casework.Involvement{ChildID: c.ChildID, StartDate: r.Date, TeamID: teamID}
		if err := t.openInvolvement(ctx, &inv); err != nil {
			return r, err
		}
		r.InvolvementID = &inv.ID
	}
	id, err := t.insert(ctx, `INSERT INTO referrals (child_id, involvement_id, contact_id, referral_date, source,
		primary_need, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`, r.ChildID, r.InvolvementID, r.ContactID,
		day(r.Date), r.Source, r.PrimaryNeed, t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return r, fmt.Errorf("insert referral: %w", err)
	}
	r.ID = id
	r.ReReferral = cf.IsReReferral(r.Date, id)
	return r, t.record("referral", id, "create", nil, r, "")
}
