package synth

import (
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
)

// Brackenmoor's geography. The DfE works a placement's authority (PL_LA),
// whether it is the responsible one's (PL_LOCATION) and its distance from
// home (PL_DISTANCE) out from the postcodes through the ONS Postcode
// Directory; the BK postcodes are in no directory, so the generated
// authority has a fictional one of its own, and every generated
// placement's distance and area are what it gives.
//
//   - Brackenmoor is a town on the coast of north-east England, its centre
//     at grid reference 445000, 530000 (between Durham and the Tees). BK1
//     is the centre, BK2 to BK9 lie around it 2.5 km out, and a postcode
//     lies within 1.2 km each way of its district's middle: the town is
//     about five miles across, so a placement in it is at most about
//     five miles from home.
//   - The districts beyond it (BK60 to BK99) are in the authorities around
//     and beyond: BK60 to BK76 nearer (their middles 6 to 16 miles out, so
//     under 20 miles from any home in the town), BK77 to BK99 farther
//     (middles 24 to 120 miles out, so 20 miles or more from any home),
//     inland: the nearer from the north-west round to the south, the
//     farther to the south and south-west. Their postcodes lie within 1 km
//     each way of the middle.
//   - Each district's authority has a fictional ONS code whose last three
//     digits are its fictional DfE number, the one the register of
//     placement providers gives the settings there (providers.go).
//
// Where a postcode lies in its district is worked out from the postcode
// itself (a hash of it), so the same postcode is always in the same place.

// OwnArea is the fictional ONS code of the generated authority, Brackenmoor
// (E06: a unitary authority; no real one is numbered 999999). It is the
// setting la_area of a generated database, as OwnLACode is la_code.
const OwnArea = "E06999999"

// brackenmoorCentre is the grid reference of the middle of BK1, in metres.
var brackenmoorCentre = [2]int{445000, 530000}

// laArea is a fictional authority: its DfE number and ONS code.
type laArea struct{ la, area string }

// Spreads, in metres: how far BK2 to BK9 lie from BK1, and how far a
// postcode may lie from its district's middle, in the town and beyond it.
const (
	townRing     = 2500
	townSpread   = 1200
	beyondSpread = 1000
	metresAMile  = 1609.3
)

// The districts beyond Brackenmoor: nearer (6 to 16 miles out) and farther
// (24 miles out and more), and the authority each is in. With a home at
// most 2.6 miles from the centre and a postcode at most 0.9 miles from its
// district's middle, a nearer district is always under 20 miles from home
// and a farther one always 20 or more.
const (
	firstNear, lastNear = 60, 76
	firstFar, lastFar   = 77, 99
)

// beyondAreas are the authorities of the districts beyond Brackenmoor, by
// their first district: a unitary neighbour to the west and north (998),
// a county to the south (997), a metropolitan borough to the south-west
// (996), and two authorities farther off (995, 994). BK70, BK75 and BK80
// hold the neighbours' fostering and adoption services (providers.go).
var beyondAreas = []struct {
	from int
	laArea
}{
	{60, laArea{"998", "E06999998"}},
	{73, laArea{"997", "E10999997"}},
	{80, laArea{"996", "E08999996"}},
	{90, laArea{"995", "E06999995"}},
	{95, laArea{"994", "E10999994"}},
}

// districtArea is the authority district n (60 to 99) is in.
func districtArea(n int) laArea {
	a := beyondAreas[0].laArea
	for _, b := range beyondAreas {
		if n >= b.from {
			a = b.laArea
		}
	}
	return a
}

// districtMiddle is the grid reference of the middle of district n, for
// the districts of the Brackenmoor geography (1 to 9, 60 to 99).
func districtMiddle(n int) (e, north float64) {
	ce, cn := float64(brackenmoorCentre[0]), float64(brackenmoorCentre[1])
	switch {
	case n == 1:
		return ce, cn
	case n <= 9: // BK2 to BK9 around the centre, one every 45 degrees
		return at(ce, cn, townRing, float64(n-2)*45)
	case n <= lastNear: // 6 to 16 miles, spread west through south
		i := float64(n-firstNear) / float64(lastNear-firstNear)
		return at(ce, cn, (6+10*i)*metresAMile, 340-150*i)
	}
	// Farther: the distances a placement 20 miles or more away has in
	// England (the profile gives the share only: an exponential tail with
	// a mean of 25 miles beyond 24 is assumed), one district each, to the
	// south and south-west, inland.
	j, nFar := float64(n-firstFar), float64(lastFar-firstFar+1)
	miles := 24 + 25*-math.Log(1-(j+0.5)/nFar)
	return at(ce, cn, miles*metresAMile, 185+math.Mod(j*17, 60))
}

// at is the point metres from (e, n) on a compass bearing in degrees.
func at(e, n, metres, bearing float64) (float64, float64) {
	rad := bearing * math.Pi / 180
	return e + metres*math.Sin(rad), n + metres*math.Cos(rad)
}

// Place is where a postcode of the Brackenmoor geography is: in the BK
// area, district 1 to 9 (Brackenmoor, OwnArea) or 60 to 99 (the
// authorities beyond). ok is false for any other postcode. It is a pure
// function of the postcode.
func Place(pc string) (place postcode.Place, ok bool) {
	c := postcode.Compact(pc)
	if !postcode.Valid(c) || !strings.HasPrefix(c, postcodeArea) {
		return postcode.Place{}, false
	}
	outward := c[:len(c)-3]
	n, err := strconv.Atoi(outward[len(postcodeArea):])
	if err != nil || !(n >= 1 && n <= 9 || n >= firstNear && n <= lastFar) {
		return postcode.Place{}, false
	}
	area, spread := OwnArea, float64(townSpread)
	if n > 9 {
		area, spread = districtArea(n).area, beyondSpread
	}
	e, north := districtMiddle(n)
	h := fnv.New64a()
	h.Write([]byte(c))
	sum := h.Sum64()
	de := float64(sum&0xffff)/0xffff*2 - 1 // -1 to 1
	dn := float64(sum>>16&0xffff)/0xffff*2 - 1
	return postcode.Place{Area: area, Easting: int(math.Round(e + de*spread)),
		Northing: int(math.Round(north + dn*spread)), Grid: true}, true
}

// beyondPostcode draws a postcode in one of the districts first to last.
func (r rng) beyondPostcode(first, last int) string {
	return postcodeArea + strconv.Itoa(r.between(first, last)) + " " + inward(r)
}

// inward draws an inward code: a sector and two unit letters.
func inward(r rng) string {
	return strconv.Itoa(r.between(1, 9)) + string(inwardLetters[r.IntN(len(inwardLetters))]) +
		string(inwardLetters[r.IntN(len(inwardLetters))])
}

// laCodeOf is the DfE number of the authority postcode pc is in:
// Brackenmoor's own (OwnLACode) in BK1 to BK9, that of the authority
// beyond it the district is in otherwise.
func laCodeOf(pc string) string {
	p, ok := Place(pc)
	for _, b := range beyondAreas {
		if ok && p.Area == b.area {
			return b.la
		}
	}
	return OwnLACode
}

// homePlaceOn is where the child lived on day d, by the address held that
// day (the latest begun on or before it and not ended before it, as the
// SSDA903 export finds HOME_POST): ok is false when none was held, or its
// postcode is not of the Brackenmoor geography.
func homePlaceOn(addrs []casework.Address, d time.Time) (place postcode.Place, ok bool) {
	pc := casework.HomePostcodeOn(addrs, d)
	if pc == "" {
		return postcode.Place{}, false
	}
	return Place(pc)
}
