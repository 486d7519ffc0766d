package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// CINCaseFiles loads the case file of every child with a referral episode
// open at some time from from to to (both included): referred on or before
// to and not closed before from. These are the children of a CIN census
// year; records entered in error are left out. The census needs the whole
// episode, so each case file is whole; the caller picks the year's part.
func (s *Store) CINCaseFiles(ctx context.Context, from, to time.Time) ([]casework.CaseFile, error) {
	var out []casework.CaseFile
	err := s.CINCaseFilesEach(ctx, from, to, 0, func(files []casework.CaseFile) error {
		out = append(out, files...)
		return nil
	})
	return out, err
}

// cinSlice is how many children's case files CINCaseFilesEach hands over
// at a time unless told.
const cinSlice = 20_000

// CINCaseFilesEach is CINCaseFiles a slice of children at a time, so that
// a census of hundreds of thousands of children never holds every case
// file at once: fn gets each slice of n children (0: cinSlice) and may keep
// only what it makes of it.
func (s *Store) CINCaseFilesEach(ctx context.Context, from, to time.Time, n int, fn func([]casework.CaseFile) error) error {
	if n <= 0 {
		n = cinSlice
	}
	wrap := func(err error) error {
		return fmt.Errorf("store: CIN census case files %s to %s: %w", day(from), day(to), err)
	}
	var ids []int64
	err := eachRow(ctx, s, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, func(id int64) { ids = append(ids, id) }, `SELECT DISTINCT child_id FROM referrals WHERE error_reason = ''
		AND referral_date <= ? AND (closure_date IS NULL OR closure_date >= ?) ORDER BY child_id`, day(to), day(from))
	if err != nil {
		return wrap(err)
	}
	for lo := 0; lo < len(ids); lo += n {
		part := ids[lo:min(lo+n, len(ids))]
		list := make([]string, len(part))
		for i, id := range part {
			list[i] = strconv.FormatInt(id, 10)
		}
		// The list holds integers formatted here, never user input.
		files, err := loadCaseFilesIn(ctx, s, caseFileParts, ` IN (`+strings.Join(list, ",")+`)`)
		if err != nil {
			return wrap(err)
		}
		if err := fn(files); err != nil {
			return err
		}
	}
	return nil
}

// ChildKey is a child's identifiers, for matching records read from
// another system's return to the children already held.
type ChildKey struct {
	ID        int64
	LAChildID string
	UPN       string
	Referrals []time.Time // referral dates not entered in error
}

// ChildKeys returns every child's identifiers and referral dates.
func (s *Store) ChildKeys(ctx context.Context) ([]ChildKey, error) {
	var keys []ChildKey
	at := map[int64]int{}
	err := eachRow(ctx, s, func(r rowScanner) (ChildKey, error) {
		var k ChildKey
		return k, r.Scan(&k.ID, &k.LAChildID, &k.UPN)
	}, func(k ChildKey) {
		at[k.ID] = len(keys)
		keys = append(keys, k)
	}, `SELECT id, la_child_id, upn FROM children ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: child identifiers: %w", err)
	}
	type ref struct {
		child int64
		date  dateCol
	}
	err = eachRow(ctx, s, func(r rowScanner) (ref, error) {
		var x ref
		return x, r.Scan(&x.child, &x.date)
	}, func(x ref) {
		if i, ok := at[x.child]; ok {
			keys[i].Referrals = append(keys[i].Referrals, x.date.t)
		}
	}, `SELECT child_id, referral_date FROM referrals WHERE error_reason = '' ORDER BY child_id, referral_date`)
	if err != nil {
		return nil, fmt.Errorf("store: referral dates: %w", err)
	}
	return keys, nil
}

// CareCaseFiles loads the case file of every child looked after at some
// time from from to to (both included), or who has a care leaver's record:
// the children of an SSDA903 year (episodes, reviews, missing, adoption,
// OC3), with the allocation history of their involvements (SocialWorkers,
// for SWEpisodes). Records entered in error are left out; each case file
// is whole and the caller picks the year's part.
func (s *Store) CareCaseFiles(ctx context.Context, from, to time.Time) ([]casework.CaseFile, error) {
	sel := `SELECT child_id FROM care_episodes WHERE error_reason = '' AND start_date <= ?
		AND (end_date IS NULL OR end_date >= ?)
		UNION SELECT child_id FROM care_leavers WHERE error_reason = ''`
	in, args, err := childIDList(ctx, s, sel, []any{day(to), day(from)})
	var files []casework.CaseFile
	if err == nil && in != "" {
		files, err = loadCaseFilesIn(ctx, s, careReturnParts, in, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("store: SSDA903 case files %s to %s: %w", day(from), day(to), err)
	}
	return files, nil
}

// AnnexACaseFiles returns the case files of every child who may be on one
// of Ofsted's Annex A lists for the period from..to: a contact or an open
// referral episode in it, a period of care open in it, a care leaver
// record, or a permanence plan. The lists pick their own records from
// these; restricted children are included, since the lists go to
// inspectors.
func (s *Store) AnnexACaseFiles(ctx context.Context, from, to time.Time) ([]casework.CaseFile, error) {
	sel := `SELECT child_id FROM contacts WHERE error_reason = '' AND contact_date BETWEEN ? AND ?
		UNION SELECT child_id FROM referrals WHERE error_reason = '' AND referral_date <= ?
			AND (closure_date IS NULL OR closure_date >= ?)
		UNION SELECT child_id FROM assessments WHERE error_reason = '' AND start_date <= ?
			AND (authorised_date IS NULL OR authorised_date >= ?)
		UNION SELECT child_id FROM s47_enquiries WHERE error_reason = '' AND start_date <= ?
			AND (end_date IS NULL OR end_date >= ?)
		UNION SELECT child_id FROM cp_plans WHERE error_reason = '' AND start_date <= ?
			AND (end_date IS NULL OR end_date >= ?)
		UNION SELECT child_id FROM care_episodes WHERE error_reason = '' AND start_date <= ?
			AND (end_date IS NULL OR end_date >= ?)
		UNION SELECT child_id FROM care_leavers WHERE error_reason = ''
		UNION SELECT child_id FROM permanence_plans WHERE error_reason = ''`
	files, err := loadCaseFiles(ctx, s, sel, day(from), day(to), day(to), day(from), day(to), day(from), day(to), day(from), day(to), day(from),
		day(to), day(from))
	if err != nil {
		return nil, fmt.Errorf("store: Annex A case files %s to %s: %w", day(from), day(to), err)
	}
	return files, nil
}
