package cin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
)

// Problem is something wrong in a file read: where (line, and the child's
// LA child ID when known), which element, and why.
type Problem struct {
	Line    int
	Child   string // LAchildID, "" before it is read or in the header
	Field   string // the element, e.g. CINreferralDate
	Message string
}

func (p Problem) String() string {
	where := fmt.Sprintf("line %d", p.Line)
	if p.Child != "" {
		where += ", child " + p.Child
	}
	return fmt.Sprintf("%s: %s: %s", where, p.Field, p.Message)
}

// ReadError is a file that could not be read at all (not XML, not a CIN
// census): the line where reading stopped and why.
type ReadError struct {
	Line int
	Msg  string
}

func (e *ReadError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// maxDepth bounds nesting: the census is six levels deep, so anything far
// deeper is not a census and must not exhaust the stack or memory.
const maxDepth = 12

// Read reads a CIN census file. Every child is read even when others are
// faulty: the message holds what the file says (text as written), and
// problems lists each element that is malformed, missing, unknown to the
// schema (or of another year's format), an impossible date or an unknown
// code, with its line. A file that is not a CIN census XML is a *ReadError.
func Read(r io.Reader) (Message, []Problem, error) {
	return read(r, runtime.GOMAXPROCS(0), chunkSize)
}

// read is Read with the children's elements decoded on workers
// goroutines (one: in turn, as they are scanned) from pieces of about
// chunk bytes.
func read(r io.Reader, workers, chunk int) (Message, []Problem, error) {
	rd := &reader{s: newScanner(r)}
	root, err := rd.start()
	if err != nil {
		return Message{}, nil, err
	}
	if root.name != "Message" {
		return Message{}, nil, &ReadError{root.line, fmt.Sprintf("the file's root element is <%s>, not <Message>: it is not a CIN census", root.name)}
	}
	var m Message
	if root.selfClose {
		rd.add(root.line, "", "Children", "missing: a census has a <Children> element holding each <Child>")
		return m, rd.problems, rd.end()
	}
	sawChildren := false
	for {
		tok, err := rd.token()
		if err != nil {
			return m, rd.problems, err
		}
		switch tok.kind {
		case tokEnd:
			if tok.name != "Message" {
				return m, rd.problems, mismatched(tok, root)
			}
			if !sawChildren {
				rd.add(tok.line, "", "Children", "missing: a census has a <Children> element holding each <Child>")
			}
			return m, rd.problems, rd.end()
		case tokText:
			rd.add(tok.line, "", "Message", "text outside any element of the census")
		case tokStart:
			switch tok.name {
			case "Header":
				n, err := rd.tree(tok, 1)
				if err != nil {
					return m, rd.problems, err
				}
				m.Header = rd.header(n)
			case "Children":
				sawChildren = true
				readKids := rd.children
				if workers > 1 {
					readKids = func(m *Message, start token) error { return rd.childrenParallel(m, start, workers, chunk) }
				}
				if err := readKids(&m, tok); err != nil {
					return m, rd.problems, err
				}
			default:
				rd.add(tok.line, "", tok.name, "not an element of a CIN census message (expected Header or Children)")
				if _, err := rd.tree(tok, 1); err != nil {
					return m, rd.problems, err
				}
			}
		}
	}
}

type reader struct {
	s        *scanner
	problems []Problem
	trees    // the element being read
}

func (rd *reader) add(line int, child, field, msg string) {
	rd.problems = append(rd.problems, Problem{Line: line, Child: child, Field: field, Message: msg})
}

func mismatched(end token, start token) error {
	return &ReadError{end.line, fmt.Sprintf("not well-formed XML: </%s> closes <%s> of line %d", end.name, start.name, start.line)}
}

// token is the next token that matters: no white space between elements.
func (rd *reader) token() (token, error) {
	for {
		tok, err := rd.s.next()
		if errors.Is(err, errEOF) {
			return tok, rd.s.cutShort()
		}
		if err != nil || tok.kind != tokText || len(bytes.TrimSpace(tok.text)) > 0 {
			return tok, err
		}
	}
}

// start reads up to the root element.
func (rd *reader) start() (token, error) {
	for {
		tok, err := rd.s.next()
		switch {
		case errors.Is(err, errEOF):
			return tok, &ReadError{rd.s.line, "the file is empty: no <Message> element"}
		case err != nil:
			return tok, err
		case tok.kind == tokStart:
			return tok, nil
		case tok.kind == tokEnd:
			return tok, &ReadError{tok.line, fmt.Sprintf("not well-formed XML: </%s> closes nothing", tok.name)}
		case len(bytes.TrimSpace(tok.text)) > 0:
			return tok, &ReadError{tok.line, "text before the first element: this is not an XML file"}
		}
	}
}

// end checks nothing but white space follows the root element.
func (rd *reader) end() error {
	for {
		tok, err := rd.s.next()
		switch {
		case errors.Is(err, errEOF):
			return nil
		case err != nil:
			return err
		case tok.kind != tokText || len(bytes.TrimSpace(tok.text)) > 0:
			return &ReadError{tok.line, "more after </Message>: a file holds one census"}
		}
	}
}

// children reads each Child in turn, so memory holds one child's tree at a
// time however big the file.
func (rd *reader) children(m *Message, start token) error {
	if start.selfClose {
		return nil
	}
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		if tok.kind == tokEnd {
			if tok.name != "Children" {
				return mismatched(tok, start)
			}
			return nil
		}
		if err := rd.item(m, tok); err != nil {
			return err
		}
	}
}

// item reads what a text or start token inside <Children> begins: a
// <Child>, or something that has no place there.
func (rd *reader) item(m *Message, tok token) error {
	if tok.kind == tokText {
		rd.add(tok.line, "", "Children", "text outside any <Child>")
		return nil
	}
	n, err := rd.tree(tok, 2)
	if err != nil {
		return err
	}
	if n.name != "Child" {
		rd.add(n.line, "", n.name, "not an element of <Children> (expected Child)")
		return nil
	}
	m.Children = append(m.Children, rd.child(n))
	return nil
}
