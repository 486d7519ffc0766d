package cin

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sync"
)

// Reading a national census (near a gigabyte) on one core takes longer
// than the whole validation may, so the <Child> elements are decoded on
// several: the file is cut into pieces after a "</Child>", workers read
// the pieces' children, and the pieces are joined in file order, so the
// message and its problems are what reading in turn gives.
//
// A cut is only a guess: "</Child>" may sit in a comment, a CDATA
// section, an attribute's value or a <Child> nested in another. A piece
// cut there does not read cleanly to its end (it ends inside a comment or
// an element, or holds an end tag of its own), and from the first such
// piece on the file is read in turn, from the start of that piece, as if
// no piece had been cut. A piece never outgrows maxChunk: a file without
// cuts is read in turn.

// chunkSize is about how many bytes a piece holds.
const chunkSize = 1 << 20

// maxChunk bounds a piece; past it the rest is read in turn.
const maxChunk = 16 << 20

var childEnd = []byte("</Child>")

// piece is a run of whole <Child> elements (and what lies between them),
// and what its worker made of it.
type piece struct {
	data []byte
	line int // the line data starts on
	done chan struct{}

	children []Child
	problems []Problem
	clean    bool // read to its end with every element whole
}

// childrenParallel reads <Children> like children, decoding the pieces on
// workers goroutines.
func (rd *reader) childrenParallel(m *Message, start token, workers, chunk int) error {
	if start.selfClose {
		return nil
	}
	jobs := make(chan *piece, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			rd := &reader{s: &scanner{r: bufio.NewReaderSize(nil, 64<<10)}}
			for p := range jobs {
				p.read(rd)
				close(p.done)
			}
		})
	}
	sp := &splitter{r: rd.s.r, line: rd.s.line, size: chunk}
	// The pieces' children are joined once at the end, in one slice of
	// their total size: appended piece by piece, a national file's
	// children were copied over and over as the slice grew.
	var queue, joined []*piece
	for more := true; ; {
		for more && len(queue) < 2*workers {
			p := sp.next()
			if more = p != nil; more {
				queue = append(queue, p)
				jobs <- p
			}
		}
		if len(queue) == 0 {
			break
		}
		p := queue[0]
		<-p.done
		if !p.clean {
			break
		}
		queue = queue[1:]
		p.data = nil // read: only its children are wanted now
		joined = append(joined, p)
		rd.problems = append(rd.problems, p.problems...)
	}
	close(jobs)
	wg.Wait()
	joinChildren(m, joined)
	rd.s = sp.rest(queue)
	return rd.children(m, start)
}

// joinChildren appends the pieces' children to m's in order.
func joinChildren(m *Message, pieces []*piece) {
	n := len(m.Children)
	for _, p := range pieces {
		n += len(p.children)
	}
	if n == len(m.Children) {
		return
	}
	all := make([]Child, len(m.Children), n)
	copy(all, m.Children)
	for _, p := range pieces {
		all = append(all, p.children...)
		p.children = nil
	}
	m.Children = all
}

// read decodes the piece's children with rd (a worker's, kept for its
// buffers), noting whether the piece read cleanly.
func (p *piece) read(rd *reader) {
	rd.s.r.Reset(bytes.NewReader(p.data))
	rd.s.line, rd.problems = p.line, nil
	var m Message
	for {
		tok, err := rd.s.next()
		switch {
		case errors.Is(err, errEOF):
			p.children, p.problems, p.clean = m.Children, rd.problems, true
			return
		case err != nil, tok.kind == tokEnd:
			return
		case tok.kind == tokText && len(bytes.TrimSpace(tok.text)) == 0:
			continue
		}
		if rd.item(&m, tok) != nil {
			return
		}
	}
}

// splitter cuts the file into pieces, each ending just after a
// "</Child>".
type splitter struct {
	r    io.Reader
	line int    // the line buf starts on
	buf  []byte // read but not yet cut
	size int
	err  error // io.EOF once r is read
}

// next is the next piece, or nil when no more can be cut.
func (sp *splitter) next() *piece {
	want := sp.size
	for {
		sp.fill(want)
		if i := bytes.LastIndex(sp.buf, childEnd); i >= 0 {
			cut := i + len(childEnd)
			p := &piece{data: sp.buf[:cut:cut], line: sp.line, done: make(chan struct{})}
			sp.line += bytes.Count(p.data, []byte{'\n'})
			rest := make([]byte, len(sp.buf)-cut, max(sp.size, len(sp.buf)-cut))
			copy(rest, sp.buf[cut:])
			sp.buf = rest
			return p
		}
		if sp.err != nil || len(sp.buf) >= maxChunk {
			return nil
		}
		want = min(2*want, maxChunk)
	}
}

// fill reads until buf holds want bytes or the reader ends.
func (sp *splitter) fill(want int) {
	if cap(sp.buf) < want {
		sp.buf = append(make([]byte, 0, want), sp.buf...)
	}
	for len(sp.buf) < want && sp.err == nil {
		n, err := sp.r.Read(sp.buf[len(sp.buf):want])
		sp.buf = sp.buf[:len(sp.buf)+n]
		sp.err = err
	}
}

// rest is a scanner of what is left to read in turn: the pieces not
// joined (the first of which did not read cleanly), what was read but not
// cut, and the rest of the file.
func (sp *splitter) rest(pieces []*piece) *scanner {
	line := sp.line
	if len(pieces) > 0 {
		line = pieces[0].line
	}
	var rs []io.Reader
	for _, p := range pieces {
		rs = append(rs, bytes.NewReader(p.data))
	}
	rs = append(rs, bytes.NewReader(sp.buf))
	if !errors.Is(sp.err, io.EOF) {
		rs = append(rs, failing{sp.err, sp.r})
	}
	s := newScanner(io.MultiReader(rs...))
	s.line = line
	return s
}

// failing gives err, or reads r when err is nil.
type failing struct {
	err error
	r   io.Reader
}

func (f failing) Read(b []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	return f.r.Read(b)
}
