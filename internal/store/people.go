package store

import (
	"context"
	"fmt"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// AddAddress records where a child lived from a date. An open address
// before it is closed the day the new one starts, so the history has no
// overlaps.
func (s *Store) AddAddress(ctx context.Context, actor Actor, a casework.Address) (casework.Address, error) {
	a.Postcode = casework.NormalisePostcode(a.Postcode)
	if err := a.Validate(calendar.Today(s.Now())); err != nil {
		return a, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.child(ctx, a.ChildID); err != nil {
			return err
		}
		if _, err := tx.exec(ctx, `UPDATE addresses SET end_date = ? WHERE child_id = ? AND end_date IS NULL
			AND start_date < ? AND error_reason = ''`, day(a.StartDate), a.ChildID, day(a.StartDate)); err != nil {
			return fmt.Errorf("close previous address: %w", err)
		}
		id, err := tx.insert(ctx, `INSERT INTO addresses (child_id, line1, line2, town, postcode, start_date, end_date,
			updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)`, a.ChildID, a.Line1, a.Line2, a.Town, a.Postcode,
			day(a.StartDate), dayPtr(a.EndDate), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert address: %w", err)
		}
		a.ID = id
		return tx.record("address", id, "create", nil, a, "")
	})
	if err != nil {
		return a, fmt.Errorf("store: add address for child %d: %w", a.ChildID, err)
	}
	return a, nil
}

// Addresses returns a child's addresses, the current one first.
func (s *Store) Addresses(ctx context.Context, childID int64) ([]casework.Address, error) {
	rows, err := s.query(ctx, `SELECT id, child_id, line1, line2, town, postcode, start_date, end_date FROM addresses
		WHERE child_id = ? AND error_reason = '' ORDER BY start_date DESC, id DESC`, childID)
	if err != nil {
		return nil, fmt.Errorf("store: addresses of child %d: %w", childID, err)
	}
	defer rows.Close()
	var out []casework.Address
	for rows.Next() {
		var a casework.Address
		var start, end dateCol
		if err := rows.Scan(&a.ID, &a.ChildID, &a.Line1, &a.Line2, &a.Town, &a.Postcode, &start, &end); err != nil {
			return nil, err
		}
		a.StartDate, a.EndDate = start.t, end.ptr()
		out = append(out, a)
	}
	return out, rows.Err()
}

// AddRelationship links a child to a family member, another child, or a
// professional.
func (s *Store) AddRelationship(ctx context.Context, actor Actor, r casework.Relationship) (casework.Relationship, error) {
	if err := r.Validate(calendar.Today(s.Now())); err != nil {
		return r, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if _, err := tx.child(ctx, r.ChildID); err != nil {
			return err
		}
		if r.RelatedChildID != nil {
			related, err := tx.child(ctx, *r.RelatedChildID)
			if err != nil {
				return casework.Invalid("related_child_id", "Choose a child known to the service")
			}
			if r.Name == "" {
				r.Name = related.FullName()
			}
		}
		id, err := tx.insert(ctx, `INSERT INTO relationships (child_id, kind, relationship, related_child_id, name,
			organisation, phone, start_date, end_date, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			r.ChildID, r.Kind, r.Relationship, r.RelatedChildID, r.Name, r.Organisation, r.Phone,
			dayPtr(r.StartDate), dayPtr(r.EndDate), tx.s.d.ts(tx.now), actor.Name)
		if err != nil {
			return fmt.Errorf("insert relationship: %w", err)
		}
		r.ID = id
		return tx.record("relationship", id, "create", nil, r, "")
	})
	if err != nil {
		return r, fmt.Errorf("store: add relationship for child %d: %w", r.ChildID, err)
	}
	return r, nil
}

// Relationships returns a child's family and professional network, family
// first.
func (s *Store) Relationships(ctx context.Context, childID int64) ([]casework.Relationship, error) {
	rows, err := s.query(ctx, `SELECT id, child_id, kind, relationship, related_child_id, name, organisation, phone,
		start_date, end_date FROM relationships WHERE child_id = ? AND error_reason = ''
		ORDER BY kind, end_date IS NOT NULL, name, id`, childID)
	if err != nil {
		return nil, fmt.Errorf("store: relationships of child %d: %w", childID, err)
	}
	defer rows.Close()
	var out []casework.Relationship
	for rows.Next() {
		var r casework.Relationship
		var start, end dateCol
		if err := rows.Scan(&r.ID, &r.ChildID, &r.Kind, &r.Relationship, &r.RelatedChildID, &r.Name, &r.Organisation,
			&r.Phone, &start, &end); err != nil {
			return nil, err
		}
		r.StartDate, r.EndDate = start.ptr(), end.ptr()
		out = append(out, r)
	}
	return out, rows.Err()
}
