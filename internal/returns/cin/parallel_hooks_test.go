package cin

import (
	"io"
	"testing"
	"time"
)

// ReadInTurn reads on one goroutine, as Read did before it used several.
func ReadInTurn(r io.Reader) (Message, []Problem, error) { return read(r, 1, chunkSize) }

// ReadInPieces reads with workers goroutines from pieces of about size
// bytes, so a small file is cut as a big one would be.
func ReadInPieces(r io.Reader, workers, size int) (Message, []Problem, error) {
	return read(r, workers, size)
}

// FuzzDayIsTimeParse: the reader's date check (day) takes exactly the
// dates time.Parse(time.DateOnly) takes.
func FuzzDayIsTimeParse(f *testing.F) {
	for _, s := range []string{"2025-02-28", "2024-02-29", "2025-02-29", "2025-13-01", "2025-1-01", "0000-01-01",
		"2025-04-31", "+025-01-01", "2025-01-1 ", "２０２５-01-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, ok := day(s)
		_, err := time.Parse(time.DateOnly, s)
		if ok != (err == nil) {
			t.Errorf("%q: day says %v, time.Parse %v", s, ok, err)
		}
	})
}
