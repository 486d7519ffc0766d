package store_test

import (
	"database/sql"
	"testing"

	"sightline/internal/postcode"
	"sightline/internal/store"
)

// TestSyntheticBatchWritesThePostcodeDirectory: a batch's directory
// entries go into postcode_places as given, the grid reference NULL when
// the entry has none; a later batch giving a postcode again is refused
// whole (the directory is keyed by the postcode and the write is a plain
// INSERT), leaving what was written as it was.
func TestSyntheticBatchWritesThePostcodeDirectory(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		next, err := s.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := smallBatch(next)
		b.Postcodes = []postcode.Entry{
			{Postcode: "BK47QT", Place: postcode.Place{Area: "E06999999", Easting: 446210, Northing: 531870, Grid: true}},
			{Postcode: "BK601AA", Place: postcode.Place{Area: "E06999998"}},
		}
		sum, err := s.WriteSyntheticBatch(ctx, store.System, b)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 19 {
			t.Errorf("summary = %+v, want 19 rows: the batch's 17 and two postcodes", sum)
		}
		type row struct {
			area              string
			easting, northing sql.NullInt64
		}
		read := func(pc string) row {
			var r row
			if err := s.DB().QueryRow(`SELECT area, easting, northing FROM postcode_places WHERE postcode = '`+pc+`'`).
				Scan(&r.area, &r.easting, &r.northing); err != nil {
				t.Fatalf("%s: %v", pc, err)
			}
			return r
		}
		if r := read("BK47QT"); r.area != "E06999999" || r.easting.Int64 != 446210 || r.northing.Int64 != 531870 {
			t.Errorf("BK47QT read back = %+v", r)
		}
		if r := read("BK601AA"); r.area != "E06999998" || r.easting.Valid || r.northing.Valid {
			t.Errorf("BK601AA read back = %+v, want no grid reference", r)
		}
		again := &store.SyntheticBatch{Seq: 2}
		again.Postcodes = []postcode.Entry{{Postcode: "BK92AB", Place: postcode.Place{Area: "E06999999", Grid: true}},
			{Postcode: "BK47QT", Place: postcode.Place{Area: "E06999999", Grid: true}}}
		if _, err := s.WriteSyntheticBatch(ctx, store.System, again); err == nil {
			t.Error("a batch giving BK47QT again was written")
		}
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM postcode_places`).Scan(&n); err != nil || n != 2 {
			t.Errorf("directory entries after the refused batch = %d, %v; want the first batch's 2", n, err)
		}
	})
}
