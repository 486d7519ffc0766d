package cin

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
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

// node is an element of the file with its text and where it starts.
type node struct {
	name string
	text string
	line int
	kids []*node
}

// maxDepth bounds nesting: the census is six levels deep, so anything far
// deeper is not a census and must not exhaust the stack or memory.
const maxDepth = 12

// Read reads a CIN census file. Every child is read even when others are
// faulty: the message holds what the file says (text as written), and
// problems lists each element that is malformed, missing, unknown to the
// schema (or of another year's format), an impossible date or an unknown
// code, with its line. A file that is not a CIN census XML is a *ReadError.
func Read(r io.Reader) (Message, []Problem, error) {
	d := xml.NewDecoder(r)
	rd := &reader{d: d}
	root, err := rd.start()
	if err != nil {
		return Message{}, nil, err
	}
	if root.Name.Local != "Message" {
		return Message{}, nil, &ReadError{rd.line(), fmt.Sprintf("the file's root element is <%s>, not <Message>: it is not a CIN census", root.Name.Local)}
	}
	var m Message
	sawChildren := false
	for {
		tok, err := rd.token()
		if err != nil {
			return m, rd.problems, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !sawChildren {
				rd.add(rd.line(), "", "Children", "missing: a census has a <Children> element holding each <Child>")
			}
			return m, rd.problems, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "Header":
				n, err := rd.tree(t, 1)
				if err != nil {
					return m, rd.problems, err
				}
				m.Header = rd.header(n)
			case "Children":
				sawChildren = true
				if err := rd.children(&m); err != nil {
					return m, rd.problems, err
				}
			default:
				rd.add(rd.line(), "", t.Name.Local, "not an element of a CIN census message (expected Header or Children)")
				if err := d.Skip(); err != nil {
					return m, rd.problems, rd.fail(err)
				}
			}
		}
	}
}

type reader struct {
	d        *xml.Decoder
	problems []Problem
}

func (rd *reader) line() int { l, _ := rd.d.InputPos(); return l }

func (rd *reader) add(line int, child, field, msg string) {
	rd.problems = append(rd.problems, Problem{Line: line, Child: child, Field: field, Message: msg})
}

// fail turns a decoder error into a ReadError at the current line.
func (rd *reader) fail(err error) error {
	if errors.Is(err, io.EOF) {
		return &ReadError{rd.line(), "the file ends before the census does (it is cut short)"}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Msg == "unexpected EOF" {
		return &ReadError{se.Line, "the file ends before the census does (it is cut short)"}
	}
	if errors.As(err, &se) {
		return &ReadError{se.Line, "not well-formed XML: " + se.Msg}
	}
	return &ReadError{rd.line(), err.Error()}
}

// token is the next token that matters (no comments, no processing
// instructions, no whitespace between elements).
func (rd *reader) token() (xml.Token, error) {
	for {
		tok, err := rd.d.Token()
		if err != nil {
			return nil, rd.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement, xml.EndElement:
			return tok, nil
		case xml.CharData:
			if len(strings.TrimSpace(string(t))) > 0 {
				return t.Copy(), nil
			}
		}
	}
}

// start reads up to the root element.
func (rd *reader) start() (xml.StartElement, error) {
	for {
		before := rd.line()
		tok, err := rd.d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return xml.StartElement{}, &ReadError{rd.line(), "the file is empty: no <Message> element"}
			}
			return xml.StartElement{}, rd.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return xml.StartElement{}, &ReadError{before, "text before the first element: this is not an XML file"}
			}
		}
	}
}

// tree reads the element begun by start into a node.
func (rd *reader) tree(start xml.StartElement, depth int) (*node, error) {
	n := &node{name: start.Name.Local, line: rd.line()}
	if depth > maxDepth {
		return nil, &ReadError{n.line, fmt.Sprintf("<%s> is nested %d deep: no CIN census element is", n.name, depth)}
	}
	var text strings.Builder
	for {
		tok, err := rd.d.Token()
		if err != nil {
			return nil, rd.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			k, err := rd.tree(t, depth+1)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			n.text = strings.TrimSpace(text.String())
			return n, nil
		}
	}
}

// children reads each Child in turn, so memory holds one child's tree at a
// time however big the file.
func (rd *reader) children(m *Message) error {
	for {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			rd.add(rd.line(), "", "Children", "text outside any <Child>")
		case xml.StartElement:
			n, err := rd.tree(t, 2)
			if err != nil {
				return err
			}
			if n.name != "Child" {
				rd.add(n.line, "", n.name, "not an element of <Children> (expected Child)")
				continue
			}
			m.Children = append(m.Children, rd.child(n))
		}
	}
}
