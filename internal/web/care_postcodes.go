package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
)

// A placement's distance from home and whether it is in the authority's
// area are the DfE's PL_DISTANCE and PL_LOCATION, which it works out from
// the postcodes. Once sightline holds a postcode directory and the
// authority's ONS code, a worker may leave either question unanswered and
// sightline works it out the same way, so that what the record says and
// what the DfE will compute agree. An answer given is kept as given.

// directoryArea is the authority's ONS code when the answers can be
// worked out at all (a directory loaded and the code set), else "". An
// error reading either counts as not ready: the form then asks as it
// always has.
func (a *actionCtx) directoryArea() string {
	has, err := a.s.store.HasPostcodes(a.r.Context())
	if err != nil || !has {
		return ""
	}
	settings, err := a.s.store.Settings(a.r.Context())
	if err != nil {
		return ""
	}
	return settings["la_area"].Value
}

// placeAnswers reads the distance and in-area answers into p, working
// out from the postcode directory those the worker left blank, for a
// placement in a period of care that began on periodStart (the home is
// the one held that day, as the return's HOME_POST). An answer neither
// given nor worked out is an error saying why.
func (a *actionCtx) placeAnswers(v *casework.ValidationError, f form, p *casework.Placement, periodStart time.Time) {
	typedMiles, typedArea := f.text("distance"), f.text("in_area")
	var w workedOut
	if typedMiles == "" || typedArea == "" {
		w = a.workOut(p.Postcode, periodStart)
	}
	switch miles, err := strconv.ParseFloat(typedMiles, 64); {
	case typedMiles != "" && err != nil:
		v.Add("distance", "Enter the distance from home in miles, like 4.5")
	case typedMiles != "":
		p.DistanceMiles = miles
	case w.milesOK:
		p.DistanceMiles = w.miles
	default:
		v.Add("distance", "Enter the distance from home in miles, like 4.5"+because(w.whyMiles))
	}
	switch {
	case typedArea != "":
		p.InArea = f.yes("in_area")
	case w.areaOK:
		p.InArea = w.inArea
	default:
		v.Add("in_area", "Select whether the placement is inside the authority's area"+because(w.whyArea))
	}
}

// because is why an answer could not be worked out, as the end of a
// message; blank when the directory is not in use.
func because(why string) string {
	if why == "" {
		return ""
	}
	return ": it could not be worked out from the postcodes, as " + why
}

// workedOut is what the postcode directory says of a placement, each
// answer with whether it could be said and, when not, why ("" when the
// directory is not in use: the worker answers as before).
type workedOut struct {
	miles          float64
	milesOK        bool
	whyMiles       string
	inArea, areaOK bool
	whyArea        string
}

// workOut is what the postcode directory says of a placement at placed in
// a period of care begun on periodStart: the DfE's distance from the home
// held that day and whether the placement is in the authority's area.
func (a *actionCtx) workOut(placed string, periodStart time.Time) workedOut {
	area := a.directoryArea()
	if area == "" {
		return workedOut{}
	}
	ctx := a.r.Context()
	addresses, err := a.s.store.Addresses(ctx, a.child.ID)
	if err != nil {
		return workedOut{whyMiles: "the child's addresses could not be read", whyArea: "the child's addresses could not be read"}
	}
	home := casework.HomePostcodeOn(addresses, periodStart)
	places, err := a.s.store.PostcodePlaces(ctx, []string{placed, home})
	if err != nil {
		return workedOut{whyMiles: "the postcode directory could not be read", whyArea: "the postcode directory could not be read"}
	}
	at, ok := places[postcode.Compact(placed)]
	switch {
	case strings.TrimSpace(placed) == "":
		why := "no postcode of the placement is entered"
		return workedOut{whyMiles: why, whyArea: why}
	case !ok:
		why := fmt.Sprintf("the postcode directory does not hold the placement's postcode %q", placed)
		return workedOut{whyMiles: why, whyArea: why}
	}
	w := workedOut{inArea: at.Area == area, areaOK: true}
	switch from, ok := places[postcode.Compact(home)]; {
	case home == "":
		w.whyMiles = "no home address is recorded for " + periodStart.Format("2 January 2006") + ", the day the child came into care"
	case !ok:
		w.whyMiles = "the postcode directory does not hold the home postcode " + home
	default:
		if w.miles, w.milesOK = postcode.Miles(from, at); !w.milesOK {
			w.whyMiles = "the postcode directory gives no grid reference for the home or the placement"
		}
	}
	return w
}
