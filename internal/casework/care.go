package casework

import (
	"math"
	"slices"
	"strings"
	"time"
)

// CareEpisode is a period of care: from the day a child starts to be
// looked after (SSDA903 RNE = S) to the day they cease to be (an E-code).
// Within it the legal status and the placement change over time; each is
// a record of its own, so that SSDA903 episodes can be derived from them.
type CareEpisode struct {
	ID             int64
	ChildID        int64
	StartDate      time.Time
	Reason         string // RNE of the first episode: S (a period imported from a return that began before it keeps that episode's RNE)
	CategoryOfNeed string // N1–N8; constant within a period of care (rule 504)
	IRO            string // the independent reviewing officer appointed
	EndDate        *time.Time
	EndReason      string // REC: one of ReasonsEpisodeCeased
	PrevPerm       string // SSDA903 PREV_PERM (prevperm.go); "" when not recorded
	PrevPermLA     string // LA_PERM: the DfE number of the authority that arranged it
	PrevPermDate   string // DATE_PERM as a PartialDate string ("2019-06-ZZ")
	Version        int
}

// Open reports whether the child was looked after on day d.
func (e CareEpisode) Open(d time.Time) bool {
	return !d.Before(e.StartDate) && (e.EndDate == nil || d.Before(*e.EndDate))
}

// LegalStatus is the legal basis on which a child is looked after, from
// StartDate until the next status of the same episode starts (or the
// episode ends), so that there are no gaps and no overlaps by design.
type LegalStatus struct {
	ID        int64
	ChildID   int64
	EpisodeID int64
	StartDate time.Time
	Code      string // SSDA903 LS
	Version   int
}

// Placement is where and with whom a looked-after child lives.
type Placement struct {
	ID            int64
	ChildID       int64
	EpisodeID     int64
	StartDate     time.Time
	EndDate       *time.Time
	Type          string  // SSDA903 PLACE
	Provider      string  // SSDA903 PLACE_PROVIDER; blank for temporary and Z placements
	Postcode      string  // of the placement (PL_POST)
	DistanceMiles float64 // from the child's home address (DfE's PL_DISTANCE), to 0.1 mile
	InArea        bool    // inside the authority's own area (PL_LOCATION = IN)
	SchoolMove    bool    // the child changed school because of this placement
	ChangeReason  string  // REASON_PLACE_CHANGE, set when a move ends this placement
	URN           string  // Ofsted URN of the setting (provider.go): blank for none, XXXXXXX not registered
	Version       int
}

// LongTerm reports whether the placement is intended to last until the
// child is 18, which lets statutory visits fall to every 3 months after
// its first year (CPPCR reg 28(2)(c)). Judgement: the record has no
// separate "intended to last until 18" decision, so the two SSDA903 types
// that say "long-term" (U1, U4) stand for it; an authority that records
// the decision elsewhere can widen this in one place.
func (p Placement) LongTerm() bool { return slices.Contains(strings.Fields(longTermTypes), p.Type) }

// Kinds of CareEvent.
const (
	CarePlanMade  = "care_plan"      // the care plan (CPPCR reg 4)
	CareReview    = "review"         // a looked-after review chaired by the IRO (reg 33)
	HealthInitial = "health_initial" // initial health assessment (reg 7)
	HealthReview  = "health_review"  // review health assessment
	DentalCheck   = "dental"         // dental check (SSDA903 OC2 TEETH_CHECK)
	PEPMeeting    = "pep"            // personal education plan made or reviewed
)

var careEventKinds = []Code{
	{CarePlanMade, "Care plan"}, {CareReview, "Looked-after review"},
	{HealthInitial, "Initial health assessment"}, {HealthReview, "Review health assessment"},
	{DentalCheck, "Dental check"}, {PEPMeeting, "Personal education plan"},
}

// CareEventKinds returns the kinds of dated event of a period of care.
func CareEventKinds() []Code { return slices.Clone(careEventKinds) }

// CareEvent is one dated piece of work in a period of care that the
// timescales count: a care plan, a review, a health assessment, a dental
// check, a personal education plan.
type CareEvent struct {
	ID            int64
	ChildID       int64
	EpisodeID     int64
	Kind          string
	Date          time.Time
	IRO           string // a review's chair
	Participation string // a review's PN code
	Notes         string
	Version       int
}

// FamilyTime is an arrangement for the child to spend time with family
// (contact): with whom, how often, and whether it is supervised.
type FamilyTime struct {
	ID         int64
	ChildID    int64
	EpisodeID  int64
	StartDate  time.Time
	EndDate    *time.Time
	With       string
	Frequency  string // one of FamilyTimeFrequencies
	Supervised bool
	Version    int
}

// validate checks a placement's own fields (not how it fits the record).
func (p Placement) validate(v *ValidationError) {
	if !ValidPlacementType(p.Type) {
		v.Add("placement_type", "Select the type of placement")
	}
	noProvider := slices.Contains(strings.Fields(noProviderTypes), p.Type)
	switch {
	case noProvider && p.Provider != "":
		v.Add("provider", "A temporary or Z placement has no provider: leave it blank (SSDA903 rule 213)")
	case !noProvider && ValidPlacementType(p.Type) && !inCodes(placementProviders, p.Provider):
		v.Add("provider", "Select who provides the placement")
	case p.Provider == "PR0" && p.Type != "P1":
		v.Add("provider", "Parents are the provider only of a placement with parents (SSDA903 rule 550)")
	}
	if !postcodePattern.MatchString(NormalisePostcode(p.Postcode)) {
		v.Add("postcode", "Enter the placement's postcode, like LS1 1AA")
	}
	switch {
	case p.URN != "" && ValidPlacementType(p.Type) && !TakesURN(p.Type):
		v.Add("urn", "A placement of this type has no Ofsted URN: leave it blank (SSDA903 rule 222)")
	case p.URN != "" && p.URN != NotRegisteredURN && !ValidURN(p.URN):
		v.Add("urn", "Enter the provider's Ofsted URN, like SC123456, or XXXXXXX for a setting not registered with Ofsted")
	}
	if p.DistanceMiles < 0 || p.DistanceMiles > 1000 || math.IsNaN(p.DistanceMiles) {
		v.Add("distance", "Enter the distance from home in miles, from 0 to 1000")
	}
}

// validate checks a care event's own fields.
func (e CareEvent) validate(v *ValidationError) {
	if !inCodes(careEventKinds, e.Kind) {
		v.Add("kind", "Select what is being recorded")
	}
	if e.Kind == CareReview {
		if strings.TrimSpace(e.IRO) == "" {
			v.Add("iro", "Enter the independent reviewing officer who chaired the review")
		}
		if !inCodes(reviewParticipation, e.Participation) {
			v.Add("participation", "Select how the child took part in the review")
		}
	}
	if len(e.Notes) > MaxBody {
		v.Add("notes", "Notes must be 20,000 characters or fewer")
	}
}
