// Package postcode knows where a postcode is: the local authority it lies
// in and its grid reference, as the ONS Postcode Directory gives them. The
// DfE works three fields of the children looked after return out from the
// home and placement postcodes (PL_LA, PL_LOCATION, PL_DISTANCE); sightline
// works them out the same way to check a return before it is sent.
package postcode

import (
	"math"
	"regexp"
	"strings"
)

// Countries outside England: the DfE's PL_LA for a placement there.
const (
	Scotland        = "SCO"
	Wales           = "WAL"
	NorthernIreland = "NIR"
)

// Place is where a postcode is.
type Place struct {
	// Area is the ONS code of the upper-tier local authority it is in
	// (E06, E08 and E09 unitary, metropolitan and London authorities, E10
	// counties), or SCO, WAL or NIR outside England; blank when the
	// directory names no English authority (the Channel Islands, the Isle
	// of Man).
	Area string
	// Easting and Northing are the Ordnance Survey grid reference in
	// metres, when Grid is true (the directory gives none for a few).
	Easting, Northing int
	Grid              bool
}

// Entry is one postcode of a directory and where it is.
type Entry struct {
	Postcode string // as Compact gives it
	Place
}

// Compact is a postcode in capitals with its spaces taken out, the form
// a directory is looked up by.
func Compact(pc string) string {
	return strings.ToUpper(strings.Join(strings.Fields(pc), ""))
}

// shape is a UK postcode as Compact gives it: the outward code (area
// letters, district) then the inward code (sector digit, unit letters).
var shape = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$`)

// Valid says whether pc has the shape of a UK postcode, in any case and
// spacing.
func Valid(pc string) bool { return shape.MatchString(Compact(pc)) }

// areaCode is an ONS code of nine characters: a letter and eight digits.
var areaCode = regexp.MustCompile(`^[ENSWLM][0-9]{8}$`)

// ValidArea says whether code is an ONS area code (E06000047) or one of
// the DfE's country codes.
func ValidArea(code string) bool {
	return areaCode.MatchString(code) || code == Scotland || code == Wales || code == NorthernIreland
}

// authorityCode is the ONS code of an English upper-tier authority: a
// unitary (E06), metropolitan borough (E08), London borough (E09) or
// county (E10).
var authorityCode = regexp.MustCompile(`^E(06|08|09|10)[0-9]{6}$`)

// ValidAuthority says whether code is the ONS code of an English
// upper-tier authority, the kind that places children (E06000047).
func ValidAuthority(code string) bool { return authorityCode.MatchString(code) }

// Miles is the DfE's placement distance between two places: the straight
// line between their grid references in miles, rounded to a tenth (the
// guidance's formula: √(Δeasting² + Δnorthing²) / 1000 / 1.6093). ok is
// false when either place has no grid reference.
func Miles(a, b Place) (miles float64, ok bool) {
	if !a.Grid || !b.Grid {
		return 0, false
	}
	de, dn := float64(a.Easting-b.Easting), float64(a.Northing-b.Northing)
	return math.RoundToEven(math.Sqrt(de*de+dn*dn)/1000/1.6093*10) / 10, true
}
