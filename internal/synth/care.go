package synth

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
)

// Children in care. Once the families' records, allocations and notes are
// made, some of the children the service knows come into care, month by
// month at the period's rate, for periods as long as England's
// (care_flow.go), so that the number looked after on any date is near
// England's rate per 10,000 children (profile cla.by_year.2024.cla_per_10k)
// or the scenario's. A child on a child protection plan is the
// likeliest to, then one after an enquiry, then one on a child in need
// plan, then any child referred (weights below: an assumption). Each
// period of care is planned whole: legal statuses, placements and moves,
// statutory visits, reviews with an IRO, health, dental and education
// work, family time and the end, then replayed step by step through the
// casework rules (CheckStartCare and the rest), a step they refuse being
// left out, so the records obey what a worker typing them must obey.

// careFigures are the profile's figures about children looked after.
type careFigures struct {
	CLA struct {
		ByYear map[string]struct {
			Per10k    float64 `json:"cla_per_10k"`
			Need      Weights `json:"category_of_need"`
			Placement Weights `json:"placement_type"`
		} `json:"by_year"`
	} `json:"cla"`
	Flows struct {
		StartLegal Weights `json:"start_legal_status"`
		Ceased     Weights `json:"ceased_reason"`
		Duration   Weights `json:"ceased_last_care_period_duration"`
	} `json:"cla_flows_2024"`
	UASC     uascFigures   `json:"uasc"`
	Adoption AdoptionTimes `json:"adoption_2024"`
	Distance struct {
		Over20  float64 `json:"over_20_miles"`
		Outside float64 `json:"outside_la_boundary"`
	} `json:"placement_distance_2024"`
	Stability struct {
		Y2024 struct {
			OnePlacement float64 `json:"cla31_1_placement"`
		} `json:"2024"`
	} `json:"placement_stability"`
	notAdopted Weights // Flows.Ceased without adoption: adoptions are planned (permanence.go)
}

var careProfile = sync.OnceValue(func() careFigures {
	var f careFigures
	if err := json.Unmarshal(profileJSON, &f); err != nil {
		panic(fmt.Sprintf("synth: embedded profile.json: %v", err))
	}
	for _, w := range f.Flows.Ceased {
		if w.Key != "Adopted" {
			f.notAdopted = append(f.notAdopted, w)
		}
	}
	return f
})

// durationDays are the day ranges of the ceased-care duration bins.
var durationDays = map[string][2]int{"lt_2w": {2, 13}, "2w_8w": {14, 55}, "8w_6m": {56, 182}, "6m_1y": {183, 364},
	"1_2y": {365, 729}, "2_3y": {730, 1094}, "3_5y": {1095, 1824}, "5_10y": {1825, 3649}, "10y_plus": {3650, 5400}}

// ceasedCodes are the SSDA903 codes of the profile's reasons care ended
// (a death is recorded as "any other reason": the generator records none).
var ceasedCodes = map[string]string{
	"Accommodation on remand ended": "E14", "Adopted": "E11", "Age assessment determined child aged 18 or over": "E15",
	"Aged 18 (or over) and remained with current carers": "E17", "Care ceased for any other reason": "E8",
	"Care taken by another local authority": "E3", "Child moved abroad": "E16", "Died": "E8",
	"Left care to live with parents, relatives or other person with no parental responsibility":                                       "E13",
	"Moved into independent living (with no formalised support)":                                                                      "E6",
	"Moved into independent living (with supportive accommodation)":                                                                   "E5",
	"Residence order or child arrangement order granted":                                                                              "E41",
	"Returned home to live with parents or other person with parental responsibility which was not part of the care planning process": "E4B",
	"Returned home to live with parents or other person with parental responsibility which was part of the care planning process":     "E4A",
	"Sentenced to custody": "E9", "Special guardianship order": "E45",
	"Transferred to residential care funded by adult social services": "E7",
}

// Weights of who comes into care, by the work the child had (assumption).
const (
	careWeightCP, careWeightS47, careWeightCIN, careWeightReferred = 6.0, 3.0, 2.0, 0.4
)

// iroNames are the authority's independent reviewing officers (fictional).
var iroNames = []string{"Irene Oduya", "Colin Marsh", "Hannah Leckie", "Rafiq Ahmed", "Sue Gatenby"}

// plan plans the candidate's period of care to last n days (or to the
// 18th birthday), and how it ends: adoptions and orders set their own
// ends (permanence.go).
func (c *careCandidate) plan(prof careFigures, scale float64, n int) {
	c.end = earliest(days(c.start, n), days(c.k.eighteenth(), 1))
	c.planOutcome(prof, scale)
}

// lengthWeighted weights each length of a period of care by its days too:
// the lengths of the periods under way on a given day.
func lengthWeighted(bins Weights) Weights {
	out := make(Weights, len(bins))
	for i, b := range bins {
		span := durationDays[b.Key]
		out[i] = Weight{Key: b.Key, W: b.W * float64(span[0]+span[1]) / 2}
	}
	return out
}

// meanCareYears is the average length of a period of care, in years, by
// the profile's lengths (each band at its middle).
func meanCareYears(prof careFigures) float64 {
	return lengthWeighted(prof.Flows.Duration).Sum() / prof.Flows.Duration.Sum() / 365.25
}

// careRun is one period of care being recorded: the case file the rules
// check each step against, and the records kept.
type careRun struct {
	w       *world
	k       *kid
	r       rng
	cf      casework.CaseFile
	ep      *casework.CareEpisode
	end     time.Time // the last day anything is recorded: the end, or the as-at date
	settled time.Time // from this day the child stays where they are (adoption), or zero
	// home is where the child came into care from: the address held on the
	// period's first day (the SSDA903 HOME_POST), when held is true.
	home postcode.Place
	held bool
}

// recordCare records a period of care, step by step through the rules.
func (w *world) recordCare(c careCandidate, prof careFigures) {
	k, r := c.k, c.r
	year := prof.CLA.ByYear["2024"]
	ep := casework.CareEpisode{ID: next(&w.ids.CareEpisode), ChildID: k.rec.ID, StartDate: c.start, Reason: "S",
		CategoryOfNeed: r.pick(year.Need)[:2], IRO: one(r, iroNames)}
	cr := &careRun{w: w, k: k, r: r, cf: casework.CaseFile{Child: k.rec, Permanence: k.recs.Permanence},
		end: earliest(days(c.end, -1), w.asAt)}
	cr.home, cr.held = homePlaceOn(k.recs.Addresses, c.start)
	first := cr.placement(c.start, year.Placement, prof)
	first.ID, first.EpisodeID = next(&w.ids.Placement), ep.ID
	legal := startLegalStatus(r, prof, k.ageOn(c.start))
	if c.adopt != nil && c.adopt.consent {
		legal = "V2"
	}
	if c.uasc {
		legal, ep.CategoryOfNeed = "V2", "N8" // accommodated, in the absence of parents (uasc.go)
	}
	ep.PrevPerm, ep.PrevPermLA, ep.PrevPermDate = previousPermanence(w.cfg.Seed, k, c.start) // prevperm.go
	cs := casework.CareStart{Episode: ep, LegalStatus: casework.LegalStatus{ID: next(&w.ids.LegalStatus),
		ChildID: k.rec.ID, EpisodeID: ep.ID, StartDate: c.start, Code: legal}, Placement: first}
	notWithParentsUnderS20(&cs.Placement, cs.LegalStatus.Code)
	if cr.cf.CheckStartCare(cs, w.asAt) != nil {
		return
	}
	cr.cf.CareEpisodes = []casework.CareEpisode{ep}
	cr.ep = &cr.cf.CareEpisodes[0]
	cr.cf.LegalStatuses = []casework.LegalStatus{cs.LegalStatus}
	cr.cf.Placements = []casework.Placement{cs.Placement}
	reason := c.reason
	if ap := c.adopt; ap != nil {
		cr.adoptionLegal(ap)
		cr.settled = ap.placed
		if ap.ffa != nil {
			cr.settled = *ap.ffa
		}
		cr.moves(year.Placement, prof)
		if ap.reversed.IsZero() {
			cr.adoptionPlacements(ap, prof)
		}
		if !cr.adoptionPermanence(ap) {
			reason = "E13" // the plan not carried through as recorded: left care to live with family
		}
	} else {
		if !c.uasc { // a UASC child stays accommodated (V2): there are no parents to go to court with
			cr.legalStatuses()
		}
		cr.moves(year.Placement, prof)
	}
	reason = toCarersPlacedWith(reason, cr.cf.Placements[len(cr.cf.Placements)-1].Type)
	cr.events()
	cr.visits()
	cr.familyTime()
	if !c.end.After(w.asAt) {
		cr.endCare(c.end, reason)
	}
	if isOrderReason(reason) {
		cr.orderPermanence(c.end, reason)
	}
	if c.uasc {
		cr.recordUASC()
	}
	recs := k.recs
	recs.CareEpisodes = append(recs.CareEpisodes, cr.cf.CareEpisodes...)
	recs.LegalStatuses = append(recs.LegalStatuses, cr.cf.LegalStatuses...)
	recs.Placements = append(recs.Placements, cr.cf.Placements...)
	recs.CareEvents = append(recs.CareEvents, cr.cf.CareEvents...)
	recs.FamilyTime = append(recs.FamilyTime, cr.cf.FamilyTime...)
	recs.Permanence = cr.cf.Permanence
	// The store reads records back in date order (then id): keep them so.
	recs.Visits = append(recs.Visits, cr.cf.Visits...)
	slices.SortStableFunc(recs.Visits, func(a, b casework.Visit) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) })
	slices.SortStableFunc(recs.CareEvents, func(a, b casework.CareEvent) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
}

// notWithParentsUnderS20 keeps a child accommodated under section 20 (V2)
// out of a placement with parents (P1), which needs a care order (SSDA903
// rule 378): such a draw becomes foster care. It draws nothing, so the
// rest of the generated authority is as before.
func notWithParentsUnderS20(p *casework.Placement, status string) {
	if p.Type == "P1" && status == "V2" {
		p.Type, p.Provider = "U6", "PR1"
	}
}

// toCarersPlacedWith keeps a special guardianship order to former foster
// carers (E45, E46) for a child leaving a foster placement (U1 to U6,
// SSDA903 rule 516): from any other placement the order is to carers who
// did not foster the child, a relative or friend (E47) or not (E48). It
// draws nothing, so the rest of the generated authority is as before.
func toCarersPlacedWith(reason, placement string) string {
	if slices.Contains([]string{"U1", "U2", "U3", "U4", "U5", "U6"}, placement) {
		return reason
	}
	switch reason {
	case "E45":
		return "E47"
	case "E46":
		return "E48"
	}
	return reason
}

// statusOn is the legal status in force on day d.
func statusOn(ls []casework.LegalStatus, d time.Time) string {
	code := ""
	for _, l := range ls {
		if !l.StartDate.After(d) {
			code = l.Code
		}
	}
	return code
}

// startLegalStatus draws the legal status a child comes into care under.
func startLegalStatus(r rng, prof careFigures, age int) string {
	switch r.pick(prof.Flows.StartLegal) {
	case "care_order_interim_or_full":
		return "C1"
	case "emergency_protection":
		return "L2"
	case "youth_justice":
		if age >= 10 {
			return "J1"
		}
	}
	return "V2"
}

// legalStatuses plans the changes: an emergency protection order becomes
// an interim care order within 8 days, an interim order a full one after
// four to eight months, and a quarter of section 20 children come under
// an interim order. (Placement orders come with adoption: permanence.go.)
func (cr *careRun) legalStatuses() {
	r := cr.r
	for range 4 {
		cur := cr.cf.CurrentLegalStatus()
		code, d := "", cur.StartDate
		switch {
		case cur.Code == "L2":
			code, d = "C1", days(d, r.between(1, 8))
		case cur.Code == "C1": // the final hearing (court.go), within 26 weeks for the period's share
			code, d = "C2", days(cur.StartDate, r.between(120, 182))
			if !r.chance(cr.w.sc.At(cur.StartDate).FinalWithin26Weeks) {
				d = days(cur.StartDate, r.between(183, 330))
			}
		case cur.Code == "V2" && r.chance(0.25):
			code, d = "C1", days(d, r.between(30, 365))
		}
		if code == "" || d.After(cr.end) {
			return
		}
		ls := casework.LegalStatus{ChildID: cr.k.rec.ID, EpisodeID: cr.ep.ID, StartDate: d, Code: code}
		if cr.cf.CheckLegalStatus(ls, cr.w.asAt) != nil {
			return
		}
		ls.ID = next(&cr.w.ids.LegalStatus)
		cr.cf.LegalStatuses = append(cr.cf.LegalStatuses, ls)
	}
}

// placement draws a placement from day d: its type (by the profile's
// split, kept to what the child's age allows), provider and postcode. The
// postcode's district is drawn to the profile's shares
// (placement_distance_2024: a fifth 20 miles or more from home, two in
// five outside the authority): a district farther off, one nearer beyond
// Brackenmoor, or one of its own; the distance and whether it is in the
// area are then what the geography gives (geography.go).
func (cr *careRun) placement(d time.Time, split Weights, prof careFigures) casework.Placement {
	r, age := cr.r, cr.k.ageOn(d)
	typ, provider := "U6", "PR1"
	switch r.pick(split) {
	case "foster_relative_friend":
		typ = "U3"
	case "foster_other":
		if r.chance(0.35) {
			provider = "PR4"
		}
	case "placed_for_adoption":
		if age < 2 {
			typ = "U5"
		}
	case "placed_with_parents":
		typ, provider = "P1", "PR0"
	case "childrens_home_or_secure":
		typ, provider = "K2", "PR4"
	case "independent_semi_independent_supported":
		typ, provider = "K2", "PR4"
		if age >= 16 {
			typ, provider = "K3", one(r, []string{"PR4", "PR5", "PR1"})
		}
	case "other_residential":
		typ, provider = "R1", "PR4"
	case "other":
		if age >= 5 {
			typ, provider = "S1", "PR4"
		}
	}
	p := casework.Placement{ChildID: cr.k.rec.ID, StartDate: d, Type: typ, Provider: provider}
	far := prof.Distance.Over20
	switch {
	case r.chance(far):
		p.Postcode = r.beyondPostcode(firstFar, lastFar)
	case r.chance((prof.Distance.Outside - far) / (1 - far)):
		p.Postcode = r.beyondPostcode(firstNear, lastNear)
	default:
		_, _, p.Postcode = r.address()
		for cr.k.livedAt(p.Postcode) { // carers in the family's own postcode would be a chance of the draw (SSDA903 rule 392d)
			_, _, p.Postcode = r.address()
		}
	}
	cr.locate(&p)
	if !p.InArea && ownProvisionInArea(p) {
		p.Provider = "PR4" // the authority's own provision is in its own area (SSDA903 rule 1015): beyond it, private provision
	}
	return p
}

// locate sets p's distance from the home the child came into care from
// and whether it is in the area, as the geography gives them from the
// postcodes (the DfE's PL_DISTANCE and PL_LOCATION). With no home held
// that day (a young person who arrived alone) there is no distance.
func (cr *careRun) locate(p *casework.Placement) {
	place, _ := Place(p.Postcode)
	p.InArea = place.Area == OwnArea
	p.DistanceMiles = 0
	if cr.held {
		p.DistanceMiles, _ = postcode.Miles(cr.home, place)
	}
}

// ownProvisionInArea reports whether p is of a kind the DfE expects in the
// authority's own area: its own provision (PR1) other than fostering and
// adoption (SSDA903 rule 1015).
func ownProvisionInArea(p casework.Placement) bool {
	return p.Provider == "PR1" && !slices.Contains(agencyTypes["foster"], p.Type) && !slices.Contains(agencyTypes["adopt"], p.Type)
}

// moves plans placement moves at the rate that leaves about two thirds of
// children with one placement in a year (profile placement_stability),
// and makes a foster placement long-term (U1, U4: a change of status only)
// for a child a year in care.
func (cr *careRun) moves(split Weights, prof careFigures) {
	r := cr.r
	rate := -math.Log(prof.Stability.Y2024.OnePlacement) // moves a year
	longTerm := false
	for range 12 {
		cur := cr.cf.CurrentPlacement()
		d := days(cur.StartDate, 1+int(r.ExpFloat64()*365/rate))
		reason := one(r, []string{"CARPL", "CARPL", "CARPL", "CREQB", "CREQB", "CREQO", "CHILD", "LAREQ", "STAND", "ALLEG", "CLOSE", "OTHER"})
		p := cr.placement(d, split, prof)
		notWithParentsUnderS20(&p, statusOn(cr.cf.LegalStatuses, d))
		yearOn := days(cr.ep.StartDate, 365)
		if !longTerm && (cur.Type == "U3" || cur.Type == "U6") && r.chance(0.5) && yearOn.Before(d) {
			longTerm, d, reason = true, days(yearOn, r.between(0, 60)), "PLACE"
			p = *cur
			p.ID, p.EndDate, p.ChangeReason, p.StartDate, p.SchoolMove = 0, nil, "", d, false
			p.Type = map[string]string{"U3": "U1", "U6": "U4"}[cur.Type]
		} else if age := cr.k.ageOn(d); age >= 5 && age < 16 && r.chance(0.3) {
			p.SchoolMove = true
		}
		if d.After(cr.end) || (!cr.settled.IsZero() && !d.Before(cr.settled)) ||
			cr.cf.CheckPlacementMove(p, reason, cr.w.asAt) != nil {
			return
		}
		p.ID, p.EpisodeID = next(&cr.w.ids.Placement), cr.ep.ID
		cur.EndDate, cur.ChangeReason = &p.StartDate, reason
		cr.cf.Placements = append(cr.cf.Placements, p)
	}
}

// endCare ends the period on day end: at 18 staying put or moving on,
// otherwise for the reason planned, kept to the child's age. An adoption
// (E11, E12) is kept at any age: its order is already in the permanence
// plan, and an adoption order recorded on a period ended otherwise is an
// adoption the return cannot show (SSDA903 rule 602).
func (cr *careRun) endCare(end time.Time, reason string) {
	r, age := cr.r, cr.k.ageOn(end)
	switch {
	case age >= 18:
		reason = one(r, []string{"E17", "E17", "E5", "E5", "E6"})
	case reason == "E17" || reason == "E15" || ((reason == "E5" || reason == "E6" || reason == "E7") && age < 16):
		reason = "E4A"
	case (reason == "E14" || reason == "E9") && age < 10:
		reason = "E13"
	}
	if cr.cf.CheckEndCare(end, reason, cr.w.asAt) != nil {
		return
	}
	cr.ep.EndDate, cr.ep.EndReason = &end, reason
	if p := &cr.cf.Placements[len(cr.cf.Placements)-1]; p.EndDate == nil {
		p.EndDate = &end
	}
	for i := range cr.cf.FamilyTime {
		cr.cf.FamilyTime[i].EndDate = &end
	}
}
