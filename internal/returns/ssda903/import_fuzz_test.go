package ssda903

import (
	"strings"
	"testing"

	"sightline/internal/store"
)

// FuzzImportFiles: any Header, Episodes and one other file give a plan
// of what to write and a report of what is refused, never a panic; every
// refusal names its file, field and why, and a child is either taken or
// refused.
func FuzzImportFiles(f *testing.F) {
	head := strings.Join(Columns[Header], ",") + "\nA1,F,01/05/2020,WBRI,UN2,,\nB2,M,10/10/2006,WBRI,UN1,,\n"
	eps := strings.Join(Columns[Episodes], ",") + "\nA1,01/02/2025,P,E1,N1,U1,PR1,01/09/2025,X1,CARPL,,AB1 2CD,\n" +
		"A1,01/09/2025,P,E1,N1,A4,PR1,10/02/2026,E11,,,AB3 4EF,\n"
	for i, row := range []string{"", "", "A1,01/05/2020,20/06/2025,PN1", "A1,M,01/05/2020,01/06/2025",
		"A1,01/05/2020,,,,,,1,1,,,", "B2,10/10/2006,YES,F2,D1", "A1,01/05/2020,01/03/2025,15/07/2025,0,,,",
		"A1,01/05/2020,01/03/2025,01/02/2026,RD1", "A1,01/05/2020,P1,,", "A1,01/05/2020,A,03/06/2025,",
		"A1,01/05/2020,SW1,01/04/2025,,"} {
		f.Add(head, eps, uint8(i), strings.Join(Columns[FileNames[i]], ",")+"\n"+row+"\n")
	}
	f.Fuzz(func(t *testing.T, header, episodes string, which uint8, other string) {
		name := FileNames[int(which)%len(FileNames)]
		r := NewReturn()
		var problems []Problem
		for _, in := range []struct{ name, data string }{{Header, header}, {Episodes, episodes}, {name, other}} {
			rows, ps, err := ReadFile(in.name, strings.NewReader(in.data))
			if err != nil {
				t.Fatal(err)
			}
			r.Files[in.name] = rows
			problems = append(problems, ps...)
		}
		im, rep := plan(r, problems, map[string]bool{}, heldWorkers{}, store.NextIDs{Child: 1}, 2026)
		for _, x := range append(rep.Refused, rep.NotKept...) {
			if x.File == "" || x.Field == "" || x.Why == "" {
				t.Fatalf("a refusal without file, field or why: %+v", x)
			}
		}
		if rep.Children != len(im.b.Children) || rep.Children > len(r.Files[Header]) {
			t.Fatalf("%d children taken, %d in the batch, %d in Header", rep.Children, len(im.b.Children), len(r.Files[Header]))
		}
	})
}
