package cin_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"sightline/internal/returns/cin"
)

// one is a census of one child with its Child element on line 4.
func one(child string) string {
	return "<Message>\n<Header><CollectionDetails><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n<Child>\n" +
		child + "\n</Child>\n</Children>\n</Message>\n"
}

const identifiers = "<ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>\n"
const characteristics = "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n"
const episode = "<CINdetails><CINreferralDate>2025-05-06</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>1</ReferralNFA></CINdetails>"

// TestReadNamesLineAndField: each fault is reported with its line, the
// child and the element, and the rest of the file is still read.
func TestReadNamesLineAndField(t *testing.T) {
	cases := []struct {
		name, file string
		line       int
		field, msg string
	}{
		{"impossible date", one(strings.Replace(identifiers, "2015-01-01", "2015-02-29", 1) + characteristics + episode),
			5, "PersonBirthDate", `"2015-02-29" is not a date`},
		{"unknown code", one(identifiers + characteristics + strings.Replace(episode, ">1A<", ">1Z<", 1)),
			7, "ReferralSource", `"1Z" is not a code of the referralsourcetype list`},
		{"a newline inside tags before it", one(strings.Replace(identifiers, "</LAchildID>", "</LAchildID\n>", 1) +
			strings.Replace(characteristics, "<Ethnicity>", "<Ethnicity\n>", 1) + strings.Replace(episode, ">1A<", ">1Z<", 1)),
			9, "ReferralSource", `"1Z" is not a code of the referralsourcetype list`},
		{"last year's format", one(strings.Replace(identifiers, "<Sex>F</Sex>", "<GenderCurrent>2</GenderCurrent>", 1) +
			characteristics + episode), 5, "GenderCurrent", "2023 to 2024 format"},
		{"next year's format", one(identifiers + characteristics + strings.Replace(episode, "</CINdetails>",
			"<PreProceedingsandFGDM><PPStartDate>2026-09-09</PPStartDate></PreProceedingsandFGDM></CINdetails>", 1)),
			7, "PreProceedingsandFGDM", "2026 to 2027"},
		{"missing element", one(identifiers + characteristics + strings.Replace(episode, "<ReferralNFA>1</ReferralNFA>", "", 1)),
			7, "ReferralNFA", "missing from <CINdetails>"},
		{"repeated element", one(strings.Replace(identifiers, "<Sex>F</Sex>", "<Sex>F</Sex><Sex>M</Sex>", 1) + characteristics + episode),
			5, "Sex", "more than once"},
		{"count", one(identifiers + characteristics + strings.Replace(episode, "</CINdetails>", `<ChildProtectionPlans>
<CPPstartDate>2025-06-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>-1</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails>`, 1)),
			9, "NumberOfPreviousCPP", "not a whole number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, problems, err := cin.Read(strings.NewReader(c.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Children) != 1 {
				t.Fatalf("read %d children, want the one child despite its fault", len(m.Children))
			}
			for _, p := range problems {
				if p.Line == c.line && p.Field == c.field && p.Child == "A1" && strings.Contains(p.Message, c.msg) {
					return
				}
			}
			t.Fatalf("want line %d %s %q; got %v", c.line, c.field, c.msg, problems)
		})
	}
}

// TestReadRefusesWhatIsNotACensus: a file that is not CIN census XML is a
// ReadError with the line where reading stopped.
func TestReadRefusesWhatIsNotACensus(t *testing.T) {
	cases := []struct {
		name, file string
		line       int
		msg        string
	}{
		{"empty", "", 1, "empty"},
		{"not xml", "LAchildID,UPN\nA1,\n", 1, "not an XML file"},
		{"another root", "<Return>\n</Return>", 1, "not <Message>"},
		{"cut short", one(identifiers)[:60], 2, "ends before"},
		{"mismatched tags", "<Message>\n<Children>\n<Child></Children>\n</Message>", 3, "not well-formed"},
		{"too deep", "<Message><Children><Child>" + strings.Repeat("<a>", 20) + strings.Repeat("</a>", 20) + "</Child></Children></Message>",
			1, "nested"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := cin.Read(strings.NewReader(c.file))
			var re *cin.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a ReadError", err)
			}
			if re.Line != c.line || !strings.Contains(re.Msg, c.msg) {
				t.Fatalf("got line %d %q, want line %d %q", re.Line, re.Msg, c.line, c.msg)
			}
		})
	}
}

// FuzzRead: whatever the bytes, Read returns a message, problems or an
// error, never panics, and every problem names a line and an element.
func FuzzRead(f *testing.F) {
	f.Add([]byte(one(identifiers + characteristics + episode)))
	f.Add([]byte(one(strings.Replace(identifiers, "2015-01-01", "2015-13-45", 1) + characteristics + episode)))
	f.Add([]byte(one(strings.Replace(identifiers, "<Sex>F</Sex>", "<GenderCurrent>1</GenderCurrent>", 1) + characteristics)))
	f.Add([]byte("<Message><Children><Child><CINdetails><ReferralSource>99</ReferralSource></CINdetails></Child></Children></Message>"))
	f.Add([]byte("<Message><Header><Source><LEA>x</LEA></Source></Header><Unknown/></Message>"))
	f.Add([]byte("<?xml version=\"1.0\"?><!-- c --><Message>&amp;<Children/></Message>"))
	f.Add([]byte("<Message><Children><Child>"))
	if b, err := os.ReadFile("testdata/example_2026_with_errors.xml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		sameAsInTurn(t, b, 1, 64)
		m, problems, err := cin.Read(bytes.NewReader(b))
		if err != nil {
			var re *cin.ReadError
			if !errors.As(err, &re) || re.Line < 1 || re.Msg == "" {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, p := range problems {
			if p.Line < 1 || p.Field == "" || p.Message == "" {
				t.Fatalf("problem without line, element or message: %+v", p)
			}
		}
		if _, err := cin.Validate(&m, cin.NewContext(2026, nil, nil)); err != nil {
			t.Fatal(err)
		}
	})
}
