package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sightline/internal/postcode"
)

// The postcode directory (table postcode_places) is where each postcode
// is: the upper-tier authority and the grid reference the DfE works the
// SSDA903 fields PL_LA, PL_LOCATION and PL_DISTANCE out from. It is
// reference data loaded whole from the ONS Postcode Directory, not a
// record anyone edits, so a load is one history event (how many postcodes,
// and a hash of what was written), not one a postcode.

// DirectorySummary is what a load of the postcode directory wrote.
type DirectorySummary struct {
	Postcodes int
	SHA256    string
}

// ReplacePostcodes makes entries the whole postcode directory, in one
// transaction: the directory held before is gone. Each postcode must be
// given once, as postcode.Compact gives it.
func (s *Store) ReplacePostcodes(ctx context.Context, actor Actor, entries []postcode.Entry, source string) (DirectorySummary, error) {
	var sum DirectorySummary
	sw := s.SyntheticWriter()
	defer sw.Close()
	err := sw.transact(ctx, actor, func(tx *Tx, w *bulkWriter) error {
		if _, err := tx.exec(ctx, `DELETE FROM postcode_places`); err != nil {
			return err
		}
		at, by := tx.s.d.ts(tx.now), tx.actor.Name
		if err := w.insert(ctx, postcodeTable(entries, func(a []any) []any { return append(a, at, by) })); err != nil {
			return err
		}
		sum = DirectorySummary{Postcodes: len(entries), SHA256: w.digest()}
		return tx.record("postcode_directory", 0, "replace", nil, sum, "loaded from "+source)
	})
	if err != nil {
		return DirectorySummary{}, fmt.Errorf("store: replace the postcode directory: %w", err)
	}
	return sum, nil
}

// postcodeTable is entries as a bulk table of postcode_places, a postcode
// without a grid reference holding NULLs; stamp adds updated_at and
// updated_by.
func postcodeTable(entries []postcode.Entry, stamp func([]any) []any) bulkTable {
	return bulkTable{"postcode_places", "postcode, area, easting, northing, updated_at, updated_by", len(entries),
		func(i int, a []any) []any {
			e := entries[i]
			var east, north any
			if e.Grid {
				east, north = int64(e.Easting), int64(e.Northing)
			}
			return stamp(append(a, e.Postcode, e.Area, east, north))
		}}
}

// CountPostcodes is the number of postcodes the directory holds: 0 when
// none has been loaded.
func (s *Store) CountPostcodes(ctx context.Context) (int, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT count(*) FROM postcode_places`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count postcodes: %w", err)
	}
	return n, nil
}

// lookupChunk is how many postcodes one query of PostcodePlaces asks for.
const lookupChunk = 500

// PostcodePlaces is where each of postcodes is, by postcode.Compact form;
// a postcode the directory does not hold is not in the map.
func (s *Store) PostcodePlaces(ctx context.Context, postcodes []string) (map[string]postcode.Place, error) {
	out := make(map[string]postcode.Place, len(postcodes))
	for lo := 0; lo < len(postcodes); lo += lookupChunk {
		part := postcodes[lo:min(lo+lookupChunk, len(postcodes))]
		args := make([]any, len(part))
		for i, pc := range part {
			args[i] = postcode.Compact(pc)
		}
		q := `SELECT postcode, area, easting, northing FROM postcode_places WHERE postcode IN (?` +
			strings.Repeat(",?", len(part)-1) + `)`
		err := eachRow(ctx, s, scanPostcodeEntry, func(e postcode.Entry) { out[e.Postcode] = e.Place }, q, args...)
		if err != nil {
			return nil, fmt.Errorf("store: look up postcodes: %w", err)
		}
	}
	return out, nil
}

func scanPostcodeEntry(r rowScanner) (postcode.Entry, error) {
	var e postcode.Entry
	var east, north sql.NullInt64
	if err := r.Scan(&e.Postcode, &e.Area, &east, &north); err != nil {
		return e, err
	}
	e.Easting, e.Northing, e.Grid = int(east.Int64), int(north.Int64), east.Valid && north.Valid
	return e, nil
}

// HasPostcodes says whether a postcode directory has been loaded, cheaply.
func (s *Store) HasPostcodes(ctx context.Context) (bool, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM postcode_places LIMIT 1) AS one`).Scan(&n); err != nil {
		return false, fmt.Errorf("store: is a postcode directory loaded: %w", err)
	}
	return n > 0, nil
}
