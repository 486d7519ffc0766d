package synth

import (
	"fmt"
	"strings"

	"sightline/internal/casework"
)

// Authority is the fictional place every generated record belongs to.
const (
	AuthorityName = "Brackenmoor (synthetic)"
	// laNumber is the fictional DfE LA number in generated UPNs. Real LA
	// numbers run from 201 to 943, so these UPNs can match no pupil. They
	// pass CIN rule 1530 only because the census header's LA code is the
	// same fictional number (the la_code setting of a generated
	// authority): without it, every one fails.
	laNumber = "999"
	// postcodeArea is a postcode area that does not exist in the UK but
	// has the shape of one ("BK4 7QT").
	postcodeArea = "BK"
	// emailDomain is reserved for examples (RFC 2606).
	emailDomain = "brackenmoor.example"
)

// nhsNumber returns the nth NHS number of the 999 test range (999 000 000
// 0 to 999 999 999 9, reserved by NHS Digital for testing) whose check
// digit is valid, skipping those whose modulus-11 check would be 10.
// Numbers are handed out in order, so no two children share one.
func nhsNumber(next *int) string {
	for {
		base := fmt.Sprintf("999%06d", *next%1000000)
		*next++
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(base[i]-'0') * (10 - i)
		}
		check := (11 - sum%11) % 11
		if check != 10 {
			return base + string(rune('0'+check))
		}
	}
}

// upn returns the unique pupil number of the nth pupil: check letter, the
// fictional LA number, a 4-digit school number, the 2-digit year the
// number was issued and a 3-digit serial. The school number and serial
// come from n, so no two pupils share one (CIN rule 1520).
func upn(n int, year int) string {
	rest := fmt.Sprintf("%s%04d%02d%03d", laNumber, 2000+n/1000%8000, year%100, n%1000)
	return string(casework.UPNCheckLetter(rest)) + rest
}

// laChildID is the authority's own child identifier: SYN and a number, so
// an export line shows at once that the record is synthetic.
func laChildID(n int64) string { return fmt.Sprintf("SYN%07d", n) }

// districts are the fictional districts of Brackenmoor, each with the
// postcode district number its streets use.
var districts = []struct {
	name string
	code int
}{
	{"Brackenmoor", 1}, {"Brackenmoor", 2}, {"Eastholme", 3}, {"Saltwick", 4}, {"Hollins Green", 5},
	{"Ferrybridge Moor", 6}, {"Kestle", 7}, {"Ashwell Bank", 8}, {"Marram", 9},
}

var streetStems = strings.Fields("Larch Foundry Copper Heather Wren Kestrel Quarry Mill Chapel Marram Thistle Rowan " +
	"Colliery Harbour Ropery Tanner Weaver Bracken Moorland Linnet Juniper Sandpiper Beacon Staithes Keel Pitman " +
	"Lantern Orchard Meadow Rookery Granary Signal Bessemer Cobble Saltpan Ferry Alder Hazel Sycamore Whin")

var streetKinds = strings.Fields("Road Street Close Avenue Terrace Way Grove Court Gardens Crescent Lane Walk")

// inwardLetters are the letters a postcode's inward code uses (not C, I,
// K, M, O or V).
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

// address draws a fictional address in Brackenmoor.
func (r rng) address() (line1, town, postcode string) {
	d := one(r, districts)
	line1 = fmt.Sprintf("%d %s %s", r.between(1, 140), one(r, streetStems), one(r, streetKinds))
	postcode = fmt.Sprintf("%s%d %s", postcodeArea, d.code, inward(r))
	return line1, d.name, postcode
}

// asciiLower makes a name fit a username: lower case letters only.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}
