package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

const childColumns = `id, la_child_id, upn, former_upn, upn_unknown, nhs_number, uci, first_name, last_name,
	known_as, date_of_birth, expected_birth, sex, gender, ethnicity, disabilities, date_of_death,
	uasc, uasc_ceased, restricted, synthetic, version, updated_at, updated_by, mother, first_child_born`

type rowScanner interface{ Scan(...any) error }

func scanChild(r rowScanner) (casework.Child, error) {
	var c casework.Child
	var dob, exp, dod, duc, first dateCol
	var dis string
	var upd tsCol
	err := r.Scan(&c.ID, &c.LAChildID, &c.UPN, &c.FormerUPN, &c.UPNUnknown, &c.NHSNumber, &c.UCI,
		&c.FirstName, &c.LastName, &c.KnownAs, &dob, &exp, &c.Sex, &c.Gender, &c.Ethnicity, &dis, &dod,
		&c.UASC, &duc, &c.Restricted, &c.Synthetic, &c.Version, &upd, &c.UpdatedBy, &c.Motherhood.Mother, &first)
	if err != nil {
		return c, err
	}
	c.DateOfBirth, c.ExpectedBirth, c.DateOfDeath, c.UASCCeased = dob.ptr(), exp.ptr(), dod.ptr(), duc.ptr()
	c.Motherhood.FirstChildBorn = first.ptr()
	if dis != "" {
		c.Disabilities = strings.Split(dis, ",")
	}
	c.UpdatedAt = upd.t
	return c, nil
}

// childArgs are the editable columns in the order of the INSERT and UPDATE.
func childArgs(c casework.Child) []any {
	return []any{c.LAChildID, c.UPN, c.FormerUPN, c.UPNUnknown, c.NHSNumber, c.UCI, c.FirstName, c.LastName,
		c.KnownAs, casework.SearchKey(c), dayPtr(c.DateOfBirth), dayPtr(c.ExpectedBirth), c.Sex, c.Gender,
		c.Ethnicity, strings.Join(c.Disabilities, ","), dayPtr(c.DateOfDeath), c.Restricted, c.Synthetic}
}

// normaliseChild tidies identifiers the way they are compared.
func normaliseChild(c *casework.Child) {
	c.UPN = casework.NormaliseIdentifier(c.UPN)
	c.FormerUPN = casework.NormaliseIdentifier(c.FormerUPN)
	c.NHSNumber = casework.NormaliseIdentifier(c.NHSNumber)
	c.FirstName, c.LastName, c.KnownAs = strings.TrimSpace(c.FirstName), strings.TrimSpace(c.LastName), strings.TrimSpace(c.KnownAs)
}

// CreateChild validates and adds a child, returning it with its id.
func (s *Store) CreateChild(ctx context.Context, actor Actor, c casework.Child) (casework.Child, error) {
	normaliseChild(&c)
	if err := c.Validate(calendar.Today(s.Now())); err != nil {
		return c, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		if err := tx.uniqueChildID(ctx, c.LAChildID, 0); err != nil {
			return err
		}
		args := append(childArgs(c), tx.s.d.ts(tx.now), actor.Name)
		id, err := tx.insert(ctx, `INSERT INTO children (la_child_id, upn, former_upn, upn_unknown, nhs_number, uci,
			first_name, last_name, known_as, search_key, date_of_birth, expected_birth, sex, gender, ethnicity,
			disabilities, date_of_death, restricted, synthetic, updated_at, updated_by)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return fmt.Errorf("insert child: %w", err)
		}
		c.ID, c.Version, c.UpdatedAt, c.UpdatedBy = id, 1, tx.now, actor.Name
		return tx.record("child", id, "create", nil, c, "")
	})
	if err != nil {
		return c, fmt.Errorf("store: create child: %w", err)
	}
	return c, nil
}

// uniqueChildID refuses a second child with the same LA child ID, as a
// field error the form can show.
func (t *Tx) uniqueChildID(ctx context.Context, laID string, self int64) error {
	var n int
	if err := t.queryRow(ctx, `SELECT count(*) FROM children WHERE la_child_id = ? AND id <> ?`, laID, self).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return casework.Invalid("la_child_id", "Another child already has this local authority child ID")
	}
	return nil
}

// UpdateChild saves edited details if c.Version is still current.
func (s *Store) UpdateChild(ctx context.Context, actor Actor, c casework.Child) (casework.Child, error) {
	normaliseChild(&c)
	if err := c.Validate(calendar.Today(s.Now())); err != nil {
		return c, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error {
		before, err := tx.child(ctx, c.ID)
		if err != nil {
			return err
		}
		c.Synthetic = before.Synthetic
		if err := tx.uniqueChildID(ctx, c.LAChildID, c.ID); err != nil {
			return err
		}
		err = tx.updateVersioned(ctx, "children", "child", c.ID, c.Version, `la_child_id = ?, upn = ?, former_upn = ?,
			upn_unknown = ?, nhs_number = ?, uci = ?, first_name = ?, last_name = ?, known_as = ?, search_key = ?,
			date_of_birth = ?, expected_birth = ?, sex = ?, gender = ?, ethnicity = ?, disabilities = ?,
			date_of_death = ?, restricted = ?, synthetic = ?`, childArgs(c)...)
		if err != nil {
			return err
		}
		c.Version, c.UpdatedAt, c.UpdatedBy = c.Version+1, tx.now, actor.Name
		return tx.record("child", c.ID, "update", before, c, "")
	})
	if err != nil {
		return c, fmt.Errorf("store: update child %d: %w", c.ID, err)
	}
	return c, nil
}

// Child returns one child.
func (s *Store) Child(ctx context.Context, id int64) (casework.Child, error) {
	c, err := scanChild(s.queryRow(ctx, `SELECT `+childColumns+` FROM children WHERE id = ?`, id))
	if err != nil {
		return c, fmt.Errorf("store: %w", notFound(err, "child", id))
	}
	return c, nil
}

func (t *Tx) child(ctx context.Context, id int64) (casework.Child, error) {
	c, err := scanChild(t.queryRow(ctx, `SELECT `+childColumns+` FROM children WHERE id = ?`, id))
	if err != nil {
		return c, notFound(err, "child", id)
	}
	return c, nil
}

// ChildByLAID finds a child by the authority's own identifier.
func (s *Store) ChildByLAID(ctx context.Context, laID string) (casework.Child, error) {
	c, err := scanChild(s.queryRow(ctx, `SELECT `+childColumns+` FROM children WHERE la_child_id = ?`, laID))
	if err == sql.ErrNoRows {
		return c, fmt.Errorf("store: child %q: %w", laID, casework.ErrNotFound)
	}
	return c, err
}

// SearchChildren finds children whose names contain every name fragment
// (case and accents ignored), whose identifiers match, and whose date of
// birth matches, at most limit of them, by name.
func (s *Store) SearchChildren(ctx context.Context, st casework.SearchTerms, limit int) ([]casework.Child, error) {
	if st.Empty() {
		return nil, nil
	}
	var where []string
	var args []any
	for _, n := range st.Names {
		where = append(where, "search_key LIKE ?")
		args = append(args, "%"+escapeLike(n)+"%")
	}
	for _, id := range st.Identifiers {
		where = append(where, "(upper(la_child_id) = ? OR upn = ? OR former_upn = ? OR nhs_number = ? OR uci = ?)")
		args = append(args, id, id, id, id, id)
	}
	if st.Birth != nil {
		where = append(where, "(date_of_birth = ? OR expected_birth = ?)")
		args = append(args, day(*st.Birth), day(*st.Birth))
	}
	q := `SELECT ` + childColumns + ` FROM children WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY last_name, first_name, id LIMIT ?`
	rows, err := s.query(ctx, q, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: search children: %w", err)
	}
	defer rows.Close()
	var out []casework.Child
	for rows.Next() {
		c, err := scanChild(rows)
		if err != nil {
			return nil, fmt.Errorf("store: search children: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// escapeLike makes % and _ typed by a user match themselves. Folded names
// contain neither, but identifiers may reach here in future.
func escapeLike(s string) string {
	return strings.NewReplacer("%", "", "_", "").Replace(s)
}

// CountChildren returns how many children there are, and how many of them
// are not synthetic (the generator and the demo never write into a
// database that holds real children).
func (s *Store) CountChildren(ctx context.Context) (total, real int, err error) {
	err = s.queryRow(ctx, `SELECT count(*), COALESCE(sum(CASE WHEN synthetic THEN 0 ELSE 1 END), 0) FROM children`).Scan(&total, &real)
	if err != nil {
		return 0, 0, fmt.Errorf("store: count children: %w", err)
	}
	return total, real, nil
}
