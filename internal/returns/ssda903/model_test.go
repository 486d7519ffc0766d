package ssda903

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestParseDateIsTimeParse: the return's date reader agrees with
// time.Parse on every day, month and year edge and on random text.
func TestParseDateIsTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []string{"0000", "1900", "2000", "2023", "2024", "2025", "2100", "9999"} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%02d/%02d/%s", d, m, y))
			}
		}
	}
	cases = append(cases, "", "1/1/2025", "01-01-2025", "2025-01-01", "+1/01/2025", "01/+1/2025", "01/01/+025", " 1/01/2025", "01/01/2025 ")
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789/+- x"
	for range 200000 {
		b := []byte("01/02/2025")
		for range r.IntN(4) {
			b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, err := time.Parse(dateLayout, s)
		got, ok := parseDate(s)
		if ok != (err == nil) || (ok && !got.Equal(want)) || (ok && got.Location() != want.Location()) {
			t.Errorf("parseDate(%q) = %v, %v; time.Parse gives %v, %v", s, got, ok, want, err)
		}
	}
}

// TestColumnSlotsAreDistinct: no two columns of a file share a slot of
// its column index, so a column is found at the first look.
func TestColumnSlotsAreDistinct(t *testing.T) {
	for file, cols := range Columns {
		seen := map[int]string{}
		for _, c := range cols {
			s := columnSlot(c)
			if other, ok := seen[s]; ok {
				t.Errorf("%s: %s and %s share slot %d", file, c, other, s)
			}
			seen[s] = c
			if got := NewRow(file, 0); got.cols.at(c) < 0 || got.cols.names[got.cols.at(c)] != c {
				t.Errorf("%s: %s not found", file, c)
			}
		}
		if NewRow(file, 0).cols.at("NOT_A_COLUMN") != -1 {
			t.Errorf("%s: a name that is no column is found", file)
		}
	}
}
