package cin_test

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"sightline/internal/returns/cin"
)

// sameAsInTurn fails unless reading b in pieces of each size gives what
// reading it in turn gives: the same message, problems and error.
func sameAsInTurn(t *testing.T, b []byte, sizes ...int) {
	t.Helper()
	want, wantProblems, wantErr := cin.ReadInTurn(bytes.NewReader(b))
	for _, size := range sizes {
		got, gotProblems, gotErr := cin.ReadInPieces(bytes.NewReader(b), 2, size)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("pieces of %d: error %v, read in turn %v", size, gotErr, wantErr)
		}
		if !reflect.DeepEqual(gotProblems, wantProblems) {
			t.Fatalf("pieces of %d: problems\n%v\nread in turn\n%v", size, gotProblems, wantProblems)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("pieces of %d: the message differs from reading in turn", size)
		}
	}
}

// TestReadInPiecesIsReadInTurn: cutting the file after "</Child>" and
// reading the pieces on two goroutines gives what reading in turn gives,
// also where "</Child>" is not the end of a child at <Children>'s level.
func TestReadInPiecesIsReadInTurn(t *testing.T) {
	m := manyChildren(300)
	m.Children[17].Details[0].CINreferralDate = "2025-02-30" // a problem in the middle
	var good bytes.Buffer
	if err := cin.Write(&good, m); err != nil {
		t.Fatal(err)
	}
	child := "<Child>" + identifiers + characteristics + episode + "</Child>\n"
	files := map[string]string{
		"generated":                  good.String(),
		"comment":                    one(identifiers+characteristics+episode) + "",
		"a comment holding </Child>": "<Message><Children>" + child + "<!-- </Child> -->" + child + "</Children></Message>",
		"CDATA holding </Child>":     "<Message><Children>" + child + "<Child><![CDATA[</Child>]]></Child>" + child + "</Children></Message>",
		"an attribute holding </Child>": "<Message><Children>" + child + `<Child a="</Child>">` + identifiers + "</Child>" + child +
			"</Children></Message>",
		"a nested Child":        "<Message><Children>" + child + "<Child><Child>" + identifiers + "</Child></Child>" + child + "</Children></Message>",
		"text between children": "<Message><Children>" + child + "stray" + child + "<Other/>" + child + "</Children></Message>",
		"cut short":             "<Message><Children>" + child + child + "<Child><ChildIdentifiers>",
		"a stray end tag":       "<Message><Children>" + child + "</Child>" + child + "</Children></Message>",
		"no children end":       "<Message><Children>" + child + child + "</Message>",
		"more after children":   "<Message><Children>" + child + "</Children><Header/>" + child + "</Message>",
		"a bad entity":          "<Message><Children>" + child + "<Child>&bad;</Child>" + child + "</Children></Message>",
		"self-closed children":  "<Message><Children/></Message>",
	}
	for name, f := range files {
		t.Run(name, func(t *testing.T) { sameAsInTurn(t, []byte(f), 1, 64, 1000, 1<<20) })
	}
	// The pieces are joined in file order.
	got, _, err := cin.Read(bytes.NewReader(good.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range got.Children {
		if want := fmt.Sprintf("C%07d", i); c.Identifiers.LAchildID != want {
			t.Fatalf("child %d is %s, want %s", i, c.Identifiers.LAchildID, want)
		}
	}
}
