package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	ind "sightline/internal/metrics"
)

// behindRow is one child behind a figure.
type behindRow struct {
	ChildID     int64
	Name        string
	Hidden      bool // restricted, and the user is not named on it
	num         float64
	Numerator   string
	Denominator string
}

type behindPage struct {
	basePage
	Indicator ind.Indicator
	Tile      tile
	AsAt      time.Time
	Rows      []behindRow
	OutOf     bool // each child's part of the denominator is shown too
}

// performanceChildren lists the children counted in one indicator's
// figure as at the date: restricted children the user is not named on
// show as such, without a name or link. ?format=csv downloads the list.
func (s *Server) performanceChildren(w http.ResponseWriter, r *http.Request) error {
	in, ok := ind.Lookup(r.PathValue("id"))
	if !ok || !in.ChildSplits || in.Unavailable != "" {
		return fmt.Errorf("indicator %q with children behind it: %w", r.PathValue("id"), casework.ErrNotFound)
	}
	asAt, _, verr := s.workforceAsAt(r)
	if verr != nil {
		return verr
	}
	ctx := r.Context()
	q := ind.Query{AsAt: asAt}
	results, err := s.engine.Compute(ctx, ind.Query{AsAt: asAt, IDs: []string{in.ID}})
	if err != nil {
		return err
	}
	parts, err := s.engine.Contributors(ctx, q, in.ID)
	if err != nil {
		return err
	}
	rows, err := s.behindRows(r, parts)
	if err != nil {
		return err
	}
	p := &behindPage{basePage: s.base(r, results[0].Indicator.Title), Indicator: in, Tile: newTile(results[0]), AsAt: asAt,
		Rows: rows, OutOf: in.Unit == ind.Percent || in.Unit == ind.WorkingDays}
	if r.URL.Query().Get("format") == "csv" {
		t := wfTable{Head: []string{"child_id", "child", "numerator", "denominator"}}
		for _, row := range rows {
			id := strconv.FormatInt(row.ChildID, 10)
			if row.Hidden {
				id = ""
			}
			t.Rows = append(t.Rows, wfRow{Cells: []wfCell{wfTxt(id), wfTxt(row.Name), wfTxt(row.Numerator), wfTxt(row.Denominator)}})
		}
		return writeWorkforceCSV(w, t, in.ID+"-"+calendar.FormatDate(asAt)+".csv")
	}
	s.render(w, r, http.StatusOK, "performance_children", p)
	return nil
}

// behindRows names the children, hiding restricted ones, counted ones
// first and then by name.
func (s *Server) behindRows(r *http.Request, parts []ind.Contribution) ([]behindRow, error) {
	ids := make([]int64, len(parts))
	for i, c := range parts {
		ids[i] = c.ChildID
	}
	kids, err := s.store.ChildrenByID(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	hidden, err := s.hiddenChildren(r)
	if err != nil {
		return nil, err
	}
	rows := make([]behindRow, 0, len(parts))
	for _, c := range parts {
		row := behindRow{ChildID: c.ChildID, Name: kids[c.ChildID].FullName(), num: c.Numerator,
			Numerator: strconv.FormatFloat(c.Numerator, 'f', -1, 64), Denominator: strconv.FormatFloat(c.Denominator, 'f', -1, 64)}
		if hidden[c.ChildID] {
			row.Name, row.Hidden = restrictedNote, true
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b behindRow) int {
		return cmp.Or(cmp.Compare(b.num, a.num), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ChildID, b.ChildID))
	})
	return rows, nil
}
