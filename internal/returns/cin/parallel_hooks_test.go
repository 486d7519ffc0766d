package cin

import "io"

// ReadInTurn reads on one goroutine, as Read did before it used several.
func ReadInTurn(r io.Reader) (Message, []Problem, error) { return read(r, 1, chunkSize) }

// ReadInPieces reads with workers goroutines from pieces of about size
// bytes, so a small file is cut as a big one would be.
func ReadInPieces(r io.Reader, workers, size int) (Message, []Problem, error) {
	return read(r, workers, size)
}
