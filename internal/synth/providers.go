package synth

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
)

// OwnLACode is the DfE number the generated authority's register gives
// Brackenmoor's own settings (the DfE gives no authority 999); the
// authorities beyond it are numbered 998 down to 994 (geography.go), and
// a setting beyond it takes the number of the authority its postcode is
// in.
const OwnLACode = "999"

// The register of placement providers is made from the placements the
// generator made, once they are all made, and each placement that takes
// a URN (casework.TakesURN) is given its setting's, so the two agree as
// the DfE's provider information checks them (rules 219, 221, 224, 227,
// 228, 229, 1008):
//
//   - a children's home, secure home, family centre or residential school
//     (K2, K1, R3, S1) is the setting at the placement's postcode: one
//     for each postcode such placements have, in the authority its
//     postcode is in (geography.go), taking the types and provider
//     codes of its placements, registered some years before its first and
//     sometimes closed a while after its last has ended;
//   - a foster placement (U1–U6), an adoption placement (A3–A6) or
//     supported accommodation (K3) is the agency's: the authority's own
//     service for PR1, a neighbour's for PR2, and for private and
//     voluntary provision one of a few agencies (the placement is at the
//     carers' or the accommodation's own address, which rule 221 does not
//     compare). Agencies are the same in every area of an authority made
//     in areas, and the first area's register holds them.
//
// Its own random stream keeps every other draw of the generator as it was.
func (w *world) providers() []casework.Provider {
	g := providerRun{w: w, r: newRNG(w.cfg.Seed, "providers", w.cfg.area), byKey: map[string]int{}}
	for _, hh := range w.households {
		kids := slices.Clone(hh.kids)
		slices.SortFunc(kids, func(x, y *kid) int { return cmp.Compare(x.rec.ID, y.rec.ID) })
		for _, k := range kids {
			if !k.known {
				continue
			}
			for i := range k.recs.Placements {
				g.assign(&k.recs.Placements[i])
			}
		}
	}
	return g.finish()
}

// providerRun is the register as it is made.
type providerRun struct {
	w       *world
	r       rng
	list    []casework.Provider
	byKey   map[string]int // index into list, by home postcode or agency key
	lastEnd []*time.Time   // each provider's last placement's end (nil: one is open)
	first   []time.Time    // each provider's first placement's start
	homes   int
}

// homeTypes are Ofsted's provider type of a setting by the placement type
// it is found from.
var homeTypes = map[string]string{"K1": "SCH", "K2": "CH", "R3": "RFC", "S1": "RSS"}

// assign gives p its setting's URN, adding the setting when it is new.
func (g *providerRun) assign(p *casework.Placement) {
	if !casework.TakesURN(p.Type) {
		return
	}
	key, add := "home "+p.Postcode, g.home
	if _, ok := homeTypes[p.Type]; !ok {
		key, add = g.agencyKey(*p), g.agency
	}
	i, ok := g.byKey[key]
	if !ok {
		i = len(g.list)
		g.byKey[key] = i
		g.list = append(g.list, add(*p))
		g.lastEnd, g.first = append(g.lastEnd, p.EndDate), append(g.first, p.StartDate)
	}
	prov := &g.list[i]
	for _, set := range []struct {
		codes *[]string
		code  string
	}{{&prov.PlaceCodes, p.Type}, {&prov.ProviderCodes, p.Provider}} {
		if !slices.Contains(*set.codes, set.code) {
			*set.codes = append(*set.codes, set.code)
		}
	}
	if p.StartDate.Before(g.first[i]) {
		g.first[i] = p.StartDate
	}
	if e := g.lastEnd[i]; e != nil && (p.EndDate == nil || p.EndDate.After(*e)) {
		g.lastEnd[i] = p.EndDate
	}
	p.URN = prov.URN
}

// home is the setting at a home placement's postcode.
func (g *providerRun) home(p casework.Placement) casework.Provider {
	g.homes++
	la := laCodeOf(p.Postcode)
	district, _, _ := strings.Cut(p.Postcode, " ")
	name := fmt.Sprintf("%s %s, %s", one(g.r, homeNames), one(g.r, []string{"House", "Lodge", "View", "Court"}), district)
	return casework.Provider{ID: next(&g.w.ids.Provider), URN: fmt.Sprintf("SC%06d", 500000+g.w.cfg.area*20000+g.homes),
		Name: name, Type: homeTypes[p.Type], Postcode: p.Postcode, LACode: la}
}

var homeNames = []string{"Oak", "Ash", "Birch", "Rowan", "Hazel", "Willow", "Elm", "Holly", "Beech", "Alder", "Larch", "Cedar"}

// placementAgencies are the agencies a placement that is no home goes through:
// by kind (foster, adopt, supported) and provider code, a few for private
// provision.
var placementAgencies = map[string][]casework.Provider{
	"foster PR1":    {{URN: "SC400001", Name: "Brackenmoor Fostering Service", Type: "LAF", LACode: OwnLACode, Postcode: "BK1 1FS"}},
	"foster PR2":    {{URN: "SC400002", Name: "Neighbouring Council Fostering Service", Type: "LAF", LACode: "998", Postcode: "BK70 1FS"}},
	"foster PR3":    {{URN: "SC400003", Name: "Health Trust Fostering Scheme", Type: "IFA", LACode: OwnLACode, Postcode: "BK1 2HT"}},
	"foster PR4":    {{URN: "SC400004", Name: "Hearth Fostering Ltd", Type: "IFA", LACode: OwnLACode, Postcode: "BK2 4HF"}, {URN: "SC400005", Name: "Northern Families Fostering", Type: "IFA", LACode: "997", Postcode: "BK75 2NF"}, {URN: "SC400006", Name: "Compass Care Fostering", Type: "IFA", LACode: "996", Postcode: "BK80 3CC"}},
	"foster PR5":    {{URN: "SC400007", Name: "Kinship Trust Fostering", Type: "IFA", LACode: OwnLACode, Postcode: "BK3 5KT"}},
	"adopt PR1":     {{URN: "SC400011", Name: "Brackenmoor Adoption Agency", Type: "LAA", LACode: OwnLACode, Postcode: "BK1 1AA"}},
	"adopt PR2":     {{URN: "SC400012", Name: "Regional Adoption Partnership", Type: "LAA", LACode: "998", Postcode: "BK70 2RA"}},
	"adopt PR3":     {{URN: "SC400013", Name: "Public Adoption Service", Type: "LAA", LACode: OwnLACode, Postcode: "BK1 3PA"}},
	"adopt PR4":     {{URN: "SC400014", Name: "Family Ties Adoption", Type: "VAA", LACode: "997", Postcode: "BK75 4FT"}},
	"adopt PR5":     {{URN: "SC400015", Name: "Children's Society Adoption", Type: "VAA", LACode: OwnLACode, Postcode: "BK2 5CS"}},
	"supported PR1": {{URN: "SC400021", Name: "Brackenmoor Supported Lodgings", Type: "SA", LACode: OwnLACode, Postcode: "BK1 2SL"}},
	"supported PR2": {{URN: "SC400022", Name: "Neighbouring Council Supported Housing", Type: "SA", LACode: "998", Postcode: "BK70 3SH"}},
	"supported PR3": {{URN: "SC400023", Name: "Public Supported Housing", Type: "SA", LACode: OwnLACode, Postcode: "BK1 4PS"}},
	"supported PR4": {{URN: "SC400024", Name: "Stepping Stones Housing Ltd", Type: "SA", LACode: OwnLACode, Postcode: "BK3 6SS"}, {URN: "SC400025", Name: "Bridge Supported Living", Type: "SA", LACode: "996", Postcode: "BK80 4BS"}},
	"supported PR5": {{URN: "SC400026", Name: "Foyer Trust", Type: "SA", LACode: OwnLACode, Postcode: "BK2 7FT"}},
}

// agencyKind is the kind of agency of a placement type.
func agencyKind(placeType string) string {
	switch placeType[0] {
	case 'A':
		return "adopt"
	case 'K':
		return "supported"
	}
	return "foster"
}

// agencyOf picks p's agency: of its kind and provider, by its id among
// several (private provision's for a provider code no agency has).
func agencyOf(p casework.Placement) casework.Provider {
	list, ok := placementAgencies[agencyKind(p.Type)+" "+p.Provider]
	if !ok {
		list = placementAgencies[agencyKind(p.Type)+" PR4"]
	}
	return list[p.ID%int64(len(list))]
}

// agencyKey is the key of p's agency in the register.
func (g *providerRun) agencyKey(p casework.Placement) string { return "agency " + agencyOf(p).URN }

// agencyTypes are the placement types an agency of each kind takes: all
// of them, so that an authority made in areas, whose first area's
// register holds the agencies, agrees with the placements of every area.
var agencyTypes = map[string][]string{"foster": {"U1", "U2", "U3", "U4", "U5", "U6"}, "adopt": {"A3", "A4", "A5", "A6"},
	"supported": {"K3"}}

// agency is the agency of a placement that is no home.
func (g *providerRun) agency(p casework.Placement) casework.Provider {
	a := agencyOf(p)
	a.ID = next(&g.w.ids.Provider)
	a.PlaceCodes = slices.Clone(agencyTypes[agencyKind(p.Type)])
	a.ProviderCodes = []string{p.Provider}
	return a
}

// finish dates the register: a home registered one to eight years before
// its first placement, and one in six closed one to twelve months after
// its last ended, when that is still before the as-at date; an agency
// registered in April 2002 (when Ofsted's predecessor began registering
// them). Agencies are left out of every area but the first.
func (g *providerRun) finish() []casework.Provider {
	var out []casework.Provider
	for i, p := range g.list {
		if _, home := map[string]bool{"CH": true, "SCH": true, "RFC": true, "RSS": true}[p.Type]; !home {
			if g.w.cfg.area > 1 {
				continue
			}
			p.Registered = calendar.Date(2002, time.April, 1)
			out = append(out, p)
			continue
		}
		p.Registered = calendar.AddMonths(g.first[i], -12*g.r.between(1, 8)-g.r.between(0, 11))
		if end := g.lastEnd[i]; end != nil && g.r.chance(1.0/6) {
			if closed := end.AddDate(0, 0, g.r.between(30, 365)); closed.Before(g.w.asAt) {
				p.Closed = &closed
			}
		}
		out = append(out, p)
	}
	return out
}
