package cin

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner reads the XML of a census as elements and text, counting lines.
// It is a small tokenizer for the plain XML the census is (elements and
// text; comments, processing instructions and CDATA are allowed;
// attributes are skipped; DOCTYPE is refused, so no entity can expand),
// written because encoding/xml was most of the reader's time and a
// national census is near a gigabyte. Fuzzed with the reader.
type scanner struct {
	r    *bufio.Reader
	line int
	buf  []byte
}

type tokKind int

const (
	tokStart tokKind = iota
	tokEnd
	tokText
)

type token struct {
	kind      tokKind
	name      string
	text      []byte // tokText: the decoded text; valid until the next call
	line      int
	selfClose bool // tokStart of <Name/>
}

// maxText bounds one run of text, so a file of one huge text cannot
// exhaust memory.
const maxText = 1 << 20

func newScanner(r io.Reader) *scanner {
	return &scanner{r: bufio.NewReaderSize(r, 256<<10), line: 1}
}

// errEOF is the end of the input between tokens.
var errEOF = errors.New("end of file")

func (s *scanner) fail(line int, format string, args ...any) error {
	return &ReadError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) cutShort() error {
	return &ReadError{Line: s.line, Msg: "the file ends before the census does (it is cut short)"}
}

// next is the next token.
func (s *scanner) next() (token, error) {
	for {
		line := s.line
		text, err := s.textRun()
		if err != nil && !errors.Is(err, io.EOF) {
			return token{}, err
		}
		if len(text) > 0 {
			if err == nil { // the '<' that ended the text is unread
				s.r.UnreadByte()
			}
			return token{kind: tokText, text: text, line: line}, nil
		}
		if errors.Is(err, io.EOF) {
			return token{}, errEOF
		}
		tok, skip, err := s.markup()
		if err != nil || !skip {
			return tok, err
		}
	}
}

// textRun reads text up to the next '<' (consumed), decoding entities.
func (s *scanner) textRun() ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		s.line += bytes.Count(chunk, []byte{'\n'})
		if err == nil {
			chunk = chunk[:len(chunk)-1]
		}
		s.buf = append(s.buf, chunk...)
		if len(s.buf) > maxText {
			return nil, s.fail(s.line, "a run of text longer than %d bytes: not a CIN census", maxText)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if len(s.buf) == 0 {
			return nil, err
		}
		out, derr := s.decode(s.buf)
		if derr != nil {
			return nil, derr
		}
		if errors.Is(err, io.EOF) {
			return out, io.EOF
		}
		return out, nil
	}
}

// markup reads what follows a '<': a tag, or something to skip.
func (s *scanner) markup() (tok token, skip bool, err error) {
	line := s.line
	c, err := s.r.ReadByte()
	if err != nil {
		return tok, false, s.cutShort()
	}
	switch c {
	case '/':
		name, last, err := s.name()
		if err != nil {
			return tok, false, err
		}
		if err := s.until(last, '>'); err != nil {
			return tok, false, err
		}
		return token{kind: tokEnd, name: name, line: line}, false, nil
	case '?':
		return tok, true, s.skipPast("?>")
	case '!':
		return s.bang(line)
	}
	s.r.UnreadByte()
	name, last, err := s.name()
	if err != nil {
		return tok, false, err
	}
	self, err := s.attributes(last)
	return token{kind: tokStart, name: name, line: line, selfClose: self}, false, err
}

// bang reads <!-- -->, <![CDATA[ ]]> or refuses <!DOCTYPE.
func (s *scanner) bang(line int) (token, bool, error) {
	peek, _ := s.r.Peek(7)
	switch {
	case bytes.HasPrefix(peek, []byte("--")):
		s.r.Discard(2)
		return token{}, true, s.skipPast("-->")
	case bytes.HasPrefix(peek, []byte("[CDATA[")):
		s.r.Discard(7)
		start := s.line
		if err := s.skipPast("]]>"); err != nil {
			return token{}, false, err
		}
		text := s.buf[:len(s.buf)-3]
		if !utf8.Valid(text) {
			return token{}, false, s.fail(start, "text that is not UTF-8")
		}
		return token{kind: tokText, text: text, line: start}, false, nil
	}
	return token{}, false, s.fail(line, "a <!DOCTYPE or other declaration: a CIN census has none")
}

// skipPast reads up to and including end, keeping what it read in s.buf.
func (s *scanner) skipPast(end string) error {
	s.buf = s.buf[:0]
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return s.cutShort()
		}
		if c == '\n' {
			s.line++
		}
		s.buf = append(s.buf, c)
		if len(s.buf) > maxText {
			return s.fail(s.line, "a comment or section longer than %d bytes", maxText)
		}
		if c == end[len(end)-1] && bytes.HasSuffix(s.buf, []byte(end)) {
			return nil
		}
	}
}

// name reads an element name; last is the byte that ended it, which the
// caller reads on from (and counts, if a newline). The usual
// short name is found in the buffer without copying; a name the buffer
// cuts goes byte by byte.
func (s *scanner) name() (string, byte, error) {
	if buf, _ := s.r.Peek(256); len(buf) > 0 {
		if i := nameEnd(buf); i > 0 && buf[i] != '<' && buf[i] != '&' && buf[i] != '"' &&
			buf[i] != '\'' && buf[i] != '=' {
			last := buf[i]
			name, ok := knownName(buf[:i])
			if !ok {
				name = string(buf[:i])
			}
			s.r.Discard(i + 1)
			return name, last, nil
		}
	}
	return s.slowName()
}

// nameEnd is the index of the first byte in b that cannot be in a name
// ("> /\t\r\n<&\"'="), or -1.
func nameEnd(b []byte) int {
	for i, c := range b {
		if notName[c] {
			return i
		}
	}
	return -1
}

var notName = func() (t [256]bool) {
	for _, c := range []byte("> /\t\r\n<&\"'=") {
		t[c] = true
	}
	return t
}()

func (s *scanner) slowName() (string, byte, error) {
	var b [64]byte
	n := b[:0]
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return "", 0, s.cutShort()
		}
		if c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			if len(n) == 0 {
				return "", 0, s.fail(s.line, "not well-formed XML: a tag with no name")
			}
			if known, ok := knownName(n); ok { // no allocation for the schema's names
				return known, c, nil
			}
			return string(n), c, nil
		}
		if c == '<' || c == '&' || c == '"' || c == '\'' || c == '=' {
			return "", 0, s.fail(s.line, "not well-formed XML: %q in a tag name", c)
		}
		if len(n) >= 200 {
			return "", 0, s.fail(s.line, "a tag name longer than 200 characters")
		}
		n = append(n, c)
	}
}

// until reads to the byte want, allowing only white space before it.
func (s *scanner) until(last, want byte) error {
	c := last
	for {
		switch c {
		case want:
			return nil
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			return s.fail(s.line, "not well-formed XML: %q where %q was expected", c, want)
		}
		var err error
		if c, err = s.r.ReadByte(); err != nil {
			return s.cutShort()
		}
	}
}

// attributes skips a start tag's attributes to its '>' and reports
// whether the tag closes itself.
func (s *scanner) attributes(last byte) (bool, error) {
	c, prev := last, byte(0)
	var quote byte
	for n := 0; ; n++ {
		switch {
		case c == '\n':
			s.line++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return false, s.fail(s.line, "not well-formed XML: '<' inside a tag")
		case c == '>':
			return prev == '/', nil
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			prev = c
		}
		if n > maxText {
			return false, s.fail(s.line, "a tag longer than %d bytes", maxText)
		}
		var err error
		if c, err = s.r.ReadByte(); err != nil {
			return false, s.cutShort()
		}
	}
}

// knownName is b as one of the schema's element names, so reading a tag
// allocates no string for them. A name's slot comes from its length and
// its first and last bytes, cheaper than a map's hash of every byte (the
// lookup is made for every tag of a near-gigabyte file); a slot holds at
// most a few names, each compared in full.
func knownName(b []byte) (string, bool) {
	if len(b) == 0 {
		return "", false
	}
	for _, n := range nameSlots[nameSlot(b)] {
		if n == string(b) {
			return n, true
		}
	}
	return "", false
}

func nameSlot(b []byte) uint8 { return uint8(len(b)*13 + int(b[0])*7 + int(b[len(b)-1])) }

var nameSlots = func() (t [256][]string) {
	for _, n := range names {
		k := nameSlot([]byte(n))
		t[k] = append(t[k], n)
	}
	return t
}()

// names are the schema's element names.
var names = []string{"Message", "Header", "CollectionDetails", "Collection", "Year", "ReferenceDate", "Source",
	"SourceLevel", "LEA", "SoftwareCode", "Release", "SerialNo", "DateTime", "Children", "Child", "ChildIdentifiers",
	"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate", "ExpectedPersonBirthDate", "Sex",
	"PersonDeathDate", "ChildCharacteristics", "Ethnicity", "Disabilities", "Disability", "CINdetails",
	"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC",
	"Assessments", "AssessmentActualStartDate", "AssessmentInternalReviewDate", "AssessmentAuthorisationDate",
	"FactorsIdentifiedAtAssessment", "AssessmentFactors", "CINPlanDates", "CINPlanStartDate", "CINPlanEndDate",
	"Section47", "S47ActualStartDate", "InitialCPCtarget", "ICPCnotRequired", "ReferralNFA", "ChildProtectionPlans",
	"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse", "NumberOfPreviousCPP",
	"Reviews", "CPPreviewDate"}

var entities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// decode replaces entity and character references and checks the text is
// UTF-8.
func (s *scanner) decode(b []byte) ([]byte, error) {
	if !utf8.Valid(b) {
		return nil, s.fail(s.line, "text that is not UTF-8: save the file as UTF-8")
	}
	if bytes.IndexByte(b, '&') < 0 {
		return b, nil
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(out, b...), nil
		}
		out = append(out, b[:i]...)
		b = b[i+1:]
		j := bytes.IndexByte(b, ';')
		if j < 1 || j > 10 {
			return nil, s.fail(s.line, "not well-formed XML: '&' that starts no entity (write &amp;)")
		}
		ref := string(b[:j])
		b = b[j+1:]
		if v, ok := entities[ref]; ok {
			out = append(out, v...)
			continue
		}
		r, ok := charRef(ref)
		if !ok {
			return nil, s.fail(s.line, "not well-formed XML: unknown entity &%s;", ref)
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// charRef reads "#65" or "#x41".
func charRef(ref string) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	base, digits := 10, ref[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n == 0 || n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
		return 0, false
	}
	return rune(n), true
}
