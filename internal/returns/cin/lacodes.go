package cin

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

// upnLACodesFile is the LA codes rule 1530 accepts in a UPN (see the
// file's head and schema/README.md for where the list comes from).
//
//go:embed schema/upn_la_codes.txt
var upnLACodesFile []byte

// upnLACodes marks each three-digit code of upnLACodesFile, so rule 1530
// checks a child with one array lookup.
var upnLACodes = func() (out [1000]bool) {
	s := bufio.NewScanner(bytes.NewReader(upnLACodesFile))
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := laRange(line)
		if !ok {
			panic(fmt.Sprintf("cin: schema/upn_la_codes.txt: %q is not a code or a range of codes", line))
		}
		for n := from; n <= to; n++ {
			out[n] = true
		}
	}
	return out
}()

// laRange reads "NNN" or "NNN-NNN".
func laRange(line string) (from, to int, ok bool) {
	a, b, isRange := strings.Cut(line, "-")
	if !isRange {
		b = a
	}
	from, ok1 := laCode(a)
	to, ok2 := laCode(b)
	return from, to, ok1 && ok2 && from <= to
}

// laCode reads a three-digit LA code.
func laCode(s string) (int, bool) {
	if len(s) != 3 {
		return 0, false
	}
	return digits(s)
}
