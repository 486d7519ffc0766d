package ssda903

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// asFS writes every file of r into an in-memory folder.
func asFS(t testing.TB, r *Return) fstest.MapFS {
	t.Helper()
	dir := fstest.MapFS{}
	for _, n := range FileNames {
		var buf bytes.Buffer
		if err := r.WriteCSV(n, &buf); err != nil {
			t.Fatal(err)
		}
		dir[n+".csv"] = &fstest.MapFile{Data: buf.Bytes()}
	}
	return dir
}

func TestSightlinesOwnExportReadsBackWithNoProblems(t *testing.T) {
	r := Build(authority(), Options{Year: 2026})
	back, problems, err := ReadFS(asFS(t, r))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("problem reading the export: %s", p)
	}
	for _, n := range FileNames {
		if len(back.Files[n]) != len(r.Files[n]) {
			t.Fatalf("%s: %d rows read, %d written", n, len(back.Files[n]), len(r.Files[n]))
		}
		for i, row := range back.Files[n] {
			for _, c := range Columns[n] {
				if row.Get(c) != r.Files[n][i].Get(c) {
					t.Errorf("%s line %d %s: read %q, wrote %q", n, row.Line, c, row.Get(c), r.Files[n][i].Get(c))
				}
			}
		}
	}
}

func TestBadFilesGetClearProblemsNamingLineAndField(t *testing.T) {
	cases := []struct {
		name, file, csv string
		line            int
		field, says     string
	}{
		{"wrong column", Reviews, "CHILD,DOB,REVIEW,REVIEW_CD\nA,01/01/2015,01/05/2025,PN1\n", 1, "REVIEW_CD", "has no column"},
		{"missing column", Reviews, "CHILD,DOB,REVIEW\n", 1, "REVIEW_CODE", "is missing"},
		{"unknown code", Reviews, "CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/01/2015,01/05/2025,PN9\n", 2, "REVIEW_CODE", "not one of the codes"},
		{"impossible date", Reviews, "CHILD,DOB,REVIEW,REVIEW_CODE\nA,30/02/2015,01/05/2025,PN1\n", 2, "DOB", "not a date"},
		{"ISO date", Missing, "CHILD,DOB,MISSING,MIS_START,MIS_END\nA,01/01/2015,M,2025-05-01,\n", 2, "MIS_START", "dd/mm/yyyy"},
		{"blank required", Header, "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,F,01/01/2015,WBRI,,,\n", 2, "UPN", "blank"},
		{"short row", OC3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA,01/01/2007,YES\n", 2, "(row)", "3 values"},
		{"broken quote", OC3, "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nA,\"01/01/2007,YES,F2,D1\n", 2, "(row)", "not CSV"},
		{"empty file", OC3, "", 1, "(header)", "empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps, err := ReadFile(c.file, strings.NewReader(c.csv))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				if p.Line == c.line && p.Field == c.field && strings.Contains(p.Message, c.says) && p.File == c.file {
					return
				}
			}
			t.Errorf("want a problem at line %d, %s, saying %q; got %v", c.line, c.field, c.says, ps)
		})
	}
}

func TestAFolderWithoutEpisodesIsAProblem(t *testing.T) {
	dir := fstest.MapFS{"header.csv": &fstest.MapFile{Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n")}}
	r, ps, err := ReadFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].File != Episodes {
		t.Errorf("problems %v", ps)
	}
	if len(r.Files[Header]) != 0 {
		t.Errorf("rows from an empty header: %v", r.Files[Header])
	}
}

// FuzzReadFile: any bytes, read as any file of the return, give rows and
// problems (each naming its field and why) or an error, never a panic,
// and the rules run on what was read.
func FuzzReadFile(f *testing.F) {
	f.Add(uint8(1), "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA,01/04/2025,S,V2,N1,U4,PR1,,,,,,\n")
	f.Add(uint8(1), "CHILD,DECOM\n\"a\nb\",x\n")
	f.Add(uint8(1), "\ufeffchild,decom,rne,ls,cin,place,place_provider,dec,rec,reason_place_change,home_post,pl_post,urn\n,,,,,,,,,,,,,,\n")
	f.Add(uint8(1), "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA,99/99/9999,Q,V9,N0,Z1,PR9,31/02/2026,X9,NOPE,,,\n")
	for i, n := range FileNames {
		f.Add(uint8(i), strings.Join(Columns[n], ",")+"\nA1,01/04/2025,X,,99/99/9999,PN9,0,1,,,,,,\n")
	}
	f.Fuzz(func(t *testing.T, which uint8, data string) {
		name := FileNames[int(which)%len(FileNames)]
		rows, problems, err := ReadFile(name, strings.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			if p.File != name || p.Field == "" || p.Message == "" {
				t.Fatalf("a problem without file, field or message: %+v", p)
			}
		}
		r := NewReturn()
		r.Files[name] = rows
		r.Files[Header] = rows
		Validate(r, &Context{Year: 2026})
	})
}
