package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sightline/internal/casework"
)

// The register of placement providers: Ofsted-registered settings a
// placement's URN is chosen from. Every change is one write with history.

const providerColumns = `id, urn, name, provider_type, place_codes, provider_codes, postcode, la_code,
	registered_on, closed_on, version`

func scanProvider(r rowScanner) (casework.Provider, error) {
	var p casework.Provider
	var places, providers string
	var reg, closed dateCol
	err := r.Scan(&p.ID, &p.URN, &p.Name, &p.Type, &places, &providers, &p.Postcode, &p.LACode, &reg, &closed, &p.Version)
	p.PlaceCodes, p.ProviderCodes = strings.Fields(places), strings.Fields(providers)
	p.Registered, p.Closed = reg.t, closed.ptr()
	return p, err
}

// tidyProvider normalises what a person typed into a provider.
func tidyProvider(p *casework.Provider) {
	p.URN, p.Name, p.LACode = casework.NormaliseURN(p.URN), strings.TrimSpace(p.Name), strings.TrimSpace(p.LACode)
	p.Postcode = casework.NormalisePostcode(p.Postcode)
	p.PlaceCodes = casework.CodeList(strings.Join(p.PlaceCodes, " "))
	p.ProviderCodes = casework.CodeList(strings.Join(p.ProviderCodes, " "))
}

// Providers lists the register by name, then URN.
func (s *Store) Providers(ctx context.Context) ([]casework.Provider, error) {
	var out []casework.Provider
	err := eachRow(ctx, s, scanProvider, func(p casework.Provider) { out = append(out, p) },
		`SELECT `+providerColumns+` FROM placement_providers ORDER BY name, urn`)
	if err != nil {
		return nil, fmt.Errorf("store: providers: %w", err)
	}
	return out, nil
}

// Provider returns one provider of the register.
func (s *Store) Provider(ctx context.Context, id int64) (casework.Provider, error) {
	p, err := scanProvider(s.queryRow(ctx, `SELECT `+providerColumns+` FROM placement_providers WHERE id = ?`, id))
	if err != nil {
		return p, fmt.Errorf("store: %w", notFound(err, "provider", id))
	}
	return p, nil
}

// providerByURN is the register's entry for urn, nil when it holds none.
func (t *Tx) providerByURN(ctx context.Context, urn string) (*casework.Provider, error) {
	p, err := scanProvider(t.queryRow(ctx, `SELECT `+providerColumns+` FROM placement_providers WHERE urn = ?`, urn))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("provider %s: %w", urn, err)
	}
	return &p, nil
}

// checkURN checks a placement's URN against the register as it is now
// (casework.CheckPlacementURN).
func (t *Tx) checkURN(ctx context.Context, p casework.Placement) error {
	if p.URN == "" || p.URN == casework.NotRegisteredURN {
		return nil
	}
	prov, err := t.providerByURN(ctx, p.URN)
	if err != nil {
		return err
	}
	return casework.CheckPlacementURN(p, prov)
}

// CreateProvider adds a provider to the register; its URN must be new.
func (s *Store) CreateProvider(ctx context.Context, actor Actor, p casework.Provider) (casework.Provider, error) {
	tidyProvider(&p)
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error { return tx.insertProvider(ctx, &p) })
	if err != nil {
		return p, fmt.Errorf("store: create provider %s: %w", p.URN, err)
	}
	return p, nil
}

func (t *Tx) insertProvider(ctx context.Context, p *casework.Provider) error {
	if had, err := t.providerByURN(ctx, p.URN); err != nil {
		return err
	} else if had != nil {
		return casework.Invalid("urn", "The register already holds "+p.URN+" ("+had.Name+")")
	}
	id, err := t.insert(ctx, `INSERT INTO placement_providers (urn, name, provider_type, place_codes, provider_codes,
		postcode, la_code, registered_on, closed_on, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		p.URN, p.Name, p.Type, strings.Join(p.PlaceCodes, " "), strings.Join(p.ProviderCodes, " "), p.Postcode,
		p.LACode, day(p.Registered), dayPtr(p.Closed), t.s.d.ts(t.now), t.actor.Name)
	if err != nil {
		return fmt.Errorf("insert provider: %w", err)
	}
	p.ID, p.Version = id, 1
	return t.record("provider", id, "create", nil, *p, "")
}

// UpdateProvider changes a provider if p.Version is current. Its URN may
// change only to one the register does not hold.
func (s *Store) UpdateProvider(ctx context.Context, actor Actor, p casework.Provider) (casework.Provider, error) {
	tidyProvider(&p)
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, actor, func(tx *Tx) error { return tx.updateProvider(ctx, &p) })
	if err != nil {
		return p, fmt.Errorf("store: update provider %d: %w", p.ID, err)
	}
	return p, nil
}

func (t *Tx) updateProvider(ctx context.Context, p *casework.Provider) error {
	before, err := scanProvider(t.queryRow(ctx, `SELECT `+providerColumns+` FROM placement_providers WHERE id = ?`, p.ID))
	if err != nil {
		return notFound(err, "provider", p.ID)
	}
	if err := t.fresh(ctx, "placement_providers", "provider", p.ID, p.Version, before.Version); err != nil {
		return err
	}
	if had, err := t.providerByURN(ctx, p.URN); err != nil {
		return err
	} else if had != nil && had.ID != p.ID {
		return casework.Invalid("urn", "The register already holds "+p.URN+" ("+had.Name+")")
	}
	if err := t.updateVersioned(ctx, "placement_providers", "provider", p.ID, p.Version,
		`urn = ?, name = ?, provider_type = ?, place_codes = ?, provider_codes = ?, postcode = ?, la_code = ?,
		registered_on = ?, closed_on = ?`, p.URN, p.Name, p.Type, strings.Join(p.PlaceCodes, " "),
		strings.Join(p.ProviderCodes, " "), p.Postcode, p.LACode, day(p.Registered), dayPtr(p.Closed)); err != nil {
		return err
	}
	p.Version++
	return t.record("provider", p.ID, "update", before, *p, "")
}

// PutProviders writes providers read from a list (sightline import
// providers) in one write: a URN the register holds is updated to the
// list's values, a new one added. It returns how many were added and
// updated.
func (s *Store) PutProviders(ctx context.Context, actor Actor, ps []casework.Provider) (added, updated int, err error) {
	err = s.write(ctx, actor, func(tx *Tx) error {
		added, updated = 0, 0
		for i := range ps {
			p := &ps[i]
			tidyProvider(p)
			if err := p.Validate(); err != nil {
				return fmt.Errorf("provider %s: %w", p.URN, err)
			}
			had, err := tx.providerByURN(ctx, p.URN)
			if err != nil {
				return err
			}
			if had == nil {
				added++
				err = tx.insertProvider(ctx, p)
			} else {
				updated++
				p.ID, p.Version = had.ID, had.Version
				err = tx.updateProvider(ctx, p)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store: put providers: %w", err)
	}
	return added, updated, nil
}
