package ssda903

import (
	"fmt"
	"slices"
	"time"

	"sightline/internal/casework"
)

// outcomes are a child's records from the files beyond Header, Episodes
// and Reviews: health (OC2, as care events), missing periods, the care
// leaver's birthday records (OC3) and adoption (AD1, PlacedAdoption).
type outcomes struct {
	missing    []casework.MissingEpisode
	leaver     *casework.CareLeaver
	contacts   []casework.LeaverContact
	permanence []casework.PermanencePlan
	outcomes   []casework.CareOutcome // OC2's SDQ, conviction, immunisations, substance misuse (import_oc2.go)
	notKept    []Refusal
}

// outcomes reads the child's rows of the other files; health events go
// into care. A row that cannot be placed refuses the child.
func (im *importer) outcomes(c casework.Child, eps []*Row, care *careRecords, other map[string][]*Row) (outcomes, *Refusal) {
	var o outcomes
	for _, read := range []func(casework.Child, []*Row, *careRecords, map[string][]*Row, *outcomes) *Refusal{
		im.health, im.leaver, im.missingRows, im.adoption, im.prevPerm} {
		if r := read(c, eps, care, other, &o); r != nil {
			return outcomes{}, r
		}
	}
	return o, nil
}

// keep gives the records ids and adds them to the batch.
func (im *importer) keep(o outcomes) {
	for _, m := range o.missing {
		m.ID = next(&im.ids.Missing)
		im.b.Missing = append(im.b.Missing, m)
	}
	if o.leaver != nil {
		o.leaver.ID = next(&im.ids.CareLeaver)
		im.b.Leavers = append(im.b.Leavers, *o.leaver)
	}
	for _, k := range o.contacts {
		k.ID = next(&im.ids.LeaverContact)
		im.b.LeaverContacts = append(im.b.LeaverContacts, k)
	}
	for _, p := range o.permanence {
		p.ID = next(&im.ids.Permanence)
		im.b.Permanence = append(im.b.Permanence, p)
	}
	for _, oc := range o.outcomes {
		oc.ID = next(&im.ids.Outcome)
		im.b.Outcomes = append(im.b.Outcomes, oc)
	}
}

func refusal(file string, row *Row, field, why string) *Refusal {
	return &Refusal{File: file, Line: row.Line, Child: row.Get("CHILD"), Field: field, Why: why}
}

// health reads OC2. The return says only whether a health assessment and
// a dental check happened in the year, not when: each is recorded as a
// care event on 31 March, the return's reference date, with a note
// saying so. The SDQ, conviction, immunisations and substance misuse
// become outcome records of the same day (import_oc2.go).
func (im *importer) health(c casework.Child, _ []*Row, care *careRecords, other map[string][]*Row, o *outcomes) *Refusal {
	rows := other[OC2]
	if len(rows) > 1 {
		return refusal(OC2, rows[1], "CHILD", "a second OC2 row for the child: the return has one a child")
	}
	for _, row := range rows {
		end := im.year.End()
		ep := periodOn(care.CareEpisodes, end)
		if ep == nil {
			return refusal(OC2, row, "CHILD", "OC2 is for a child looked after on 31 March: no episode is open then")
		}
		kept, notKept, r := im.oc2Outcomes(c, row, end)
		if r != nil {
			return r
		}
		o.outcomes, o.notKept = append(o.outcomes, kept...), append(o.notKept, notKept...)
		if hc := row.Get("HEALTH_CHECK"); hc != "" && (!underFive(c, end) || hc != row.Get("HEALTH_ASSESSMENT")) {
			o.notKept = append(o.notKept, *refusal(OC2, row, "HEALTH_CHECK", fmt.Sprintf("%q is not kept: sightline "+
				"reports the development check of an under-five from the health assessment", hc)))
		}
		for _, item := range []struct{ col, kind, what string }{
			{"HEALTH_ASSESSMENT", casework.HealthReview, "a health assessment"},
			{"TEETH_CHECK", casework.DentalCheck, "a dental check"}} {
			if row.Get(item.col) == "1" {
				care.CareEvents = append(care.CareEvents, casework.CareEvent{ChildID: c.ID, EpisodeID: ep.ID, Kind: item.kind,
					Date: end, Notes: "From the SSDA903 return (OC2): " + item.what + " in the year " + im.year.String() +
						"; the return does not say on which day"})
			}
		}
	}
	return nil
}

func underFive(c casework.Child, d time.Time) bool {
	age, ok := c.AgeOn(d)
	return ok && age < 5
}

// leaver reads OC3: the care leaver's record for the birthday (17 to 21)
// the young person had in the year. The contact is dated on that
// birthday (the return gives no date). The leaver record says former
// relevant from the 18th birthday (a relevant child becomes former
// relevant at 18), or, at 17, relevant from the 17th birthday: the
// latest the category can have applied from.
func (im *importer) leaver(c casework.Child, _ []*Row, _ *careRecords, other map[string][]*Row, o *outcomes) *Refusal {
	rows := other[OC3]
	if len(rows) > 1 {
		return refusal(OC3, rows[1], "CHILD", "a second OC3 row for the child: a young person has one birthday a year")
	}
	for _, row := range rows {
		if c.DateOfBirth == nil {
			return refusal(OC3, row, "DOB", "the date of birth is needed to know which birthday the row is for")
		}
		age := 0
		for a := 17; a <= 21; a++ {
			if inYear(casework.BirthdayOn(*c.DateOfBirth, a), im.year) {
				age = a
			}
		}
		if age == 0 {
			return refusal(OC3, row, "DOB", "OC3 is for a care leaver who turned 17 to 21 in the year: this young person did not")
		}
		cat, from := casework.LeaverFormerRelevant, casework.BirthdayOn(*c.DateOfBirth, 18)
		if age == 17 {
			cat, from = casework.LeaverRelevant, casework.BirthdayOn(*c.DateOfBirth, 17)
		}
		o.leaver = &casework.CareLeaver{ChildID: c.ID, Category: cat, From: from}
		o.contacts = append(o.contacts, casework.LeaverContact{ChildID: c.ID, Date: casework.BirthdayOn(*c.DateOfBirth, age),
			Birthday: age, InTouch: row.Get("IN_TOUCH"), Activity: row.Get("ACTIV"), Accom: row.Get("ACCOM")})
	}
	return nil
}

// missingRows reads Missing: periods missing (M) or away without
// authorisation (A) from care.
func (im *importer) missingRows(c casework.Child, _ []*Row, _ *careRecords, other map[string][]*Row, o *outcomes) *Refusal {
	for _, row := range other[Missing] {
		start, _ := dateIn(row, "MIS_START")
		end := at(row.Get("MIS_END"))
		if end != nil && end.Before(start) {
			return refusal(Missing, row, "MIS_END", "the child came back before going missing")
		}
		o.missing = append(o.missing, casework.MissingEpisode{ChildID: c.ID, From: "care", Kind: row.Get("MISSING"),
			StartDate: start, EndDate: end})
	}
	return nil
}

// adoption reads AD1 and PlacedAdoption into permanence plans for
// adoption. AD1 is a child adopted in the year: the order is the day the
// episode ended with an adoption (REC E11 or E12), and the placement with
// the adopters the start of the adoption placement (A3–A6) before it.
// A PlacedAdoption row with the same decision date as AD1's is the same
// plan; another is a plan of its own. The plan's date is the decision
// that the child should be placed, else the order. Who adopted is kept
// with the order (import_mother.go).
func (im *importer) adoption(c casework.Child, eps []*Row, _ *careRecords, other map[string][]*Row, o *outcomes) *Refusal {
	ad1 := other[AD1]
	if len(ad1) > 1 {
		return refusal(AD1, ad1[1], "CHILD", "a second AD1 row for the child: a child is adopted once")
	}
	for _, row := range ad1 {
		order, placed := adoptedOn(eps, im.year)
		if order == nil {
			return refusal(AD1, row, "CHILD", "AD1 is for a child adopted in the year: no episode of the year ends in an adoption (REC E11 or E12)")
		}
		adopters, r := adoptersOf(row)
		if r == nil {
			r = adoptedFromFosterCarers(row, eps, im.year)
		}
		if r != nil {
			return r
		}
		p := casework.PermanencePlan{ChildID: c.ID, Plan: casework.PermAdoption, DecidedOn: *order,
			ShouldBePlaced: at(row.Get("DATE_INT")), Matched: at(row.Get("DATE_MATCH")), Placed: placed, AdoptionOrder: order,
			Adopters: adopters}
		if p.ShouldBePlaced != nil {
			p.DecidedOn = *p.ShouldBePlaced
		}
		o.permanence = append(o.permanence, p)
	}
	for _, row := range other[PlacedAdoption] {
		decided, _ := dateIn(row, "DATE_PLACED")
		ceased := at(row.Get("DATE_PLACED_CEASED"))
		if ceased != nil && ceased.Before(decided) {
			return refusal(PlacedAdoption, row, "DATE_PLACED_CEASED", "the decision is reversed before it was made")
		}
		i := slices.IndexFunc(o.permanence, func(p casework.PermanencePlan) bool {
			return p.ShouldBePlaced != nil && p.ShouldBePlaced.Equal(decided)
		})
		if i < 0 {
			o.permanence = append(o.permanence, casework.PermanencePlan{ChildID: c.ID, Plan: casework.PermAdoption,
				DecidedOn: decided, ShouldBePlaced: &decided})
			i = len(o.permanence) - 1
		}
		o.permanence[i].Reversed, o.permanence[i].ReversedReason = ceased, row.Get("REASON_PLACED_CEASED")
	}
	return nil
}

// adoptedOn is the day in year y an episode ended in an adoption, and the
// start of the adoption placement that led to it (nil when none).
func adoptedOn(eps []*Row, y Year) (order, placed *time.Time) {
	for _, e := range eps {
		switch {
		case !slices.Contains(adoptionPlaces, e.Get("PLACE")):
			placed = nil
		case placed == nil:
			placed = at(e.Get("DECOM"))
		}
		if dec := at(e.Get("DEC")); dec != nil && (e.Get("REC") == "E11" || e.Get("REC") == "E12") && inYear(*dec, y) {
			return dec, placed
		}
	}
	return nil, nil
}

// adoptionPlaces are the placements with prospective adopters.
var adoptionPlaces = []string{"A3", "A4", "A5", "A6"}

// withoutHeader refuses the rows of imported files whose child has no
// Header row (a child's identifiers are in Header only), but for children
// already refused for a problem in reading.
func withoutHeader(r *Return, bad map[string]bool) []Refusal {
	inHeader := map[string]bool{}
	for _, h := range r.Files[Header] {
		inHeader[h.Get("CHILD")] = true
	}
	var out []Refusal
	for _, n := range imported[1:] {
		for _, row := range r.Files[n] {
			if c := row.Get("CHILD"); !inHeader[c] && !bad[c] {
				out = append(out, *refusal(n, row, "CHILD", "no Header row for this child: the child's identifiers are in Header.csv"))
			}
		}
	}
	return out
}
