package casework

import (
	"slices"
	"strings"
)

// Code sets of the children looked after return (SSDA903) for 2025 to
// 2026. Codes and labels follow the DfE lists as maintained in
// SocialFinanceDigitalLabs/liia-pipeline (sufficiency_transform.py) and
// data-to-insight/csc-validator-be-903 (lac2025_26 rules), both MIT
// licence; see docs/domain for the summary they come from.

// legalStatuses is SSDA903 LS.
var legalStatuses = []Code{
	{"C1", "Interim care order"}, {"C2", "Full care order"}, {"D1", "Freeing order granted"},
	{"E1", "Placement order granted"},
	{"V2", "Accommodated under section 20 (single period)"},
	{"V3", "Agreed series of short-term breaks, episodes recorded"},
	{"V4", "Agreed series of short-term breaks, agreements recorded"},
	{"L1", "Police protection and in local authority accommodation"},
	{"L2", "Emergency protection order"},
	{"L3", "Child assessment order and in local authority accommodation"},
	{"J1", "Remanded to local authority or youth detention accommodation"},
	{"J2", "Placed in local authority accommodation under PACE 1984"},
	{"J3", "Youth rehabilitation order with residence or intensive fostering requirement"},
}

// LegalStatuses returns the legal statuses of a child looked after.
func LegalStatuses() []Code { return slices.Clone(legalStatuses) }

// reasonsNewEpisode is SSDA903 RNE: what changed when an episode began.
var reasonsNewEpisode = []Code{
	{"S", "Started to be looked after"}, {"L", "Change of legal status only"},
	{"P", "Change of placement and carer(s) only"}, {"T", "Change of placement (same carer(s)) only"},
	{"B", "Change of legal status and placement and carer(s)"},
	{"U", "Change of legal status and placement (same carer(s))"},
}

// ReasonsNewEpisode returns the reasons for a new episode.
func ReasonsNewEpisode() []Code { return slices.Clone(reasonsNewEpisode) }

// needCategories is SSDA903 CIN: the category of need (rule 504: it does
// not change within a period of care).
var needCategories = []Code{
	{"N1", "Abuse or neglect"}, {"N2", "Child's disability"}, {"N3", "Parental illness or disability"},
	{"N4", "Family in acute stress"}, {"N5", "Family dysfunction"}, {"N6", "Socially unacceptable behaviour"},
	{"N7", "Low income"}, {"N8", "Absent parenting"},
}

// NeedCategories returns the categories of need.
func NeedCategories() []Code { return slices.Clone(needCategories) }

// placementTypes is SSDA903 PLACE as valid for 2025 to 2026 (validator
// lac2025_26 rule 146). Z11–Z14 replace Z1; their individual meanings were
// not confirmed, so they are labelled only as "other placement".
var placementTypes = []Code{
	{"U1", "Foster placement with relative or friend: long-term"},
	{"U2", "Foster placement with relative or friend: fostering for adoption or concurrent planning"},
	{"U3", "Foster placement with relative or friend: other"},
	{"U4", "Foster placement with other foster carer: long-term"},
	{"U5", "Foster placement with other foster carer: fostering for adoption or concurrent planning"},
	{"U6", "Foster placement with other foster carer: other"},
	{"A3", "Placed for adoption with consent, with current foster carer"},
	{"A4", "Placed for adoption with consent, not with current foster carer"},
	{"A5", "Placed for adoption with placement order, with current foster carer"},
	{"A6", "Placed for adoption with placement order, not with current foster carer"},
	{"K1", "Secure children's home"}, {"K2", "Children's home"},
	{"K3", "Registered supported accommodation (16 and over)"},
	{"P1", "Placed with own parent(s) or person with parental responsibility"},
	{"P3", "Residential employment"}, {"R1", "Residential care home"},
	{"R2", "NHS or health trust establishment providing medical or nursing care"},
	{"R3", "Family centre or mother and baby unit"}, {"R5", "Young offender institution"},
	{"S1", "Residential school"},
	{"T0", "Temporary: all types of temporary move"}, {"T1", "Temporary: hospital"},
	{"T2", "Temporary: child on holiday"}, {"T3", "Temporary: while foster carer on holiday"},
	{"T4", "Temporary: any other stay of 7 days or less"},
	{"Z11", "Other placement (Z11)"}, {"Z12", "Other placement (Z12)"},
	{"Z13", "Other placement (Z13)"}, {"Z14", "Other placement (Z14)"},
}

// PlacementTypes returns the placement types valid for 2025 to 2026.
func PlacementTypes() []Code { return slices.Clone(placementTypes) }

// placementGroups put the placement types into the groups a sufficiency
// report counts homes by.
var placementGroups = []struct{ Code, Label, Types string }{
	{"foster_family", "Fostering with family or friends", "U1 U2 U3"},
	{"foster", "Fostering with other foster carers", "U4 U5 U6"},
	{"adoption", "Placed for adoption", "A3 A4 A5 A6"},
	{"home", "Children's homes and secure homes", "K1 K2 R1"},
	{"supported", "Supported accommodation", "K3"},
	{"parents", "With parents", "P1"},
	{"other", "Other settings", "P3 R2 R3 R5 S1 T0 T1 T2 T3 T4 Z11 Z12 Z13 Z14"},
}

// PlacementGroup returns the group a placement type belongs to, as a code
// and a label.
func PlacementGroup(placeType string) Code {
	for _, g := range placementGroups {
		if slices.Contains(strings.Fields(g.Types), placeType) {
			return Code{g.Code, g.Label}
		}
	}
	return Code{"other", "Other settings"}
}

// PlacementGroups returns every group in report order.
func PlacementGroups() []Code {
	out := make([]Code, len(placementGroups))
	for i, g := range placementGroups {
		out[i] = Code{g.Code, g.Label}
	}
	return out
}

// placementProviders is SSDA903 PLACE_PROVIDER.
var placementProviders = []Code{
	{"PR0", "Parent(s) or person with parental responsibility"}, {"PR1", "Own provision (this authority)"},
	{"PR2", "Another local authority"}, {"PR3", "Other public provision"},
	{"PR4", "Private provision"}, {"PR5", "Voluntary or third sector provision"},
}

// PlacementProviders returns the placement providers.
func PlacementProviders() []Code { return slices.Clone(placementProviders) }

// reasonsEpisodeCeased is SSDA903 REC, without X1 (a new episode begins
// the same day): the reasons a period of care ends.
var reasonsEpisodeCeased = []Code{
	{"E11", "Adopted: application unopposed"}, {"E12", "Adopted: consent dispensed with by the court"},
	{"E13", "Left care to live with parent(s), relative(s) or other person(s) with no parental responsibility"},
	{"E14", "Accommodation on remand ended"},
	{"E15", "Age assessment determined child is aged 18 or over"}, {"E16", "Child moved abroad"},
	{"E17", "Aged 18 or over and remained with current carers (including staying put)"},
	{"E2", "Died"}, {"E3", "Care taken over by another local authority in the UK"},
	{"E41", "Child arrangements order granted"},
	{"E45", "Special guardianship order to former foster carer, a relative or friend"},
	{"E46", "Special guardianship order to former foster carer, not a relative or friend"},
	{"E47", "Special guardianship order to other carer, a relative or friend"},
	{"E48", "Special guardianship order to other carer, not a relative or friend"},
	{"E4A", "Returned home as part of the care planning process"},
	{"E4B", "Returned home not as part of the care planning process"},
	{"E5", "Moved into independent living with formalised advice or support"},
	{"E6", "Moved into independent living without formalised advice or support"},
	{"E7", "Transferred to residential care funded by adult social care"},
	{"E8", "Period of being looked after ceased for any other reason"},
	{"E9", "Sentenced to custody"},
}

// ReasonsEpisodeCeased returns the reasons a period of care ends.
func ReasonsEpisodeCeased() []Code { return slices.Clone(reasonsEpisodeCeased) }

// placementChangeReasons is SSDA903 REASON_PLACE_CHANGE.
var placementChangeReasons = []Code{
	{"CARPL", "Change to or implementation of the care plan"}, {"CLOSE", "Resignation or closure of provision"},
	{"ALLEG", "Allegation (section 47)"}, {"STAND", "Standards of care concern"},
	{"APPRR", "Approval removed"}, {"CREQB", "Carer requested placement end due to child's behaviour"},
	{"CREQO", "Carer requested placement end for other reasons"}, {"CHILD", "Child requested placement end"},
	{"LAREQ", "Responsible or area authority requested placement end"},
	{"PLACE", "Change in the status of placement only"}, {"CUSTOD", "Custody arrangement"},
	{"OTHER", "Other"},
}

// PlacementChangeReasons returns the reasons for a change of placement.
func PlacementChangeReasons() []Code { return slices.Clone(placementChangeReasons) }

// reviewParticipation is SSDA903 REVIEW_CODE (PN0–PN7). Only PN0's
// meaning is confirmed by the validator's rules; the others are as the DfE
// guide was recalled (ssda903.md, "UNCONFIRMED").
var reviewParticipation = []Code{
	{"PN0", "Child under 4 at the time of the review"},
	{"PN1", "Attended and spoke for themselves"}, {"PN2", "Attended and an advocate spoke for them"},
	{"PN3", "Attended and conveyed views symbolically"}, {"PN4", "Attended but did not convey views"},
	{"PN5", "Did not attend but briefed an advocate"}, {"PN6", "Did not attend but conveyed views another way"},
	{"PN7", "Did not attend and views not conveyed"},
}

// ReviewParticipation returns the codes for how a child took part in a
// review.
func ReviewParticipation() []Code { return slices.Clone(reviewParticipation) }

// familyTimeFrequencies are how often family time happens.
var familyTimeFrequencies = []Code{
	{"daily", "Daily"}, {"weekly", "Weekly or more"}, {"fortnightly", "Fortnightly"},
	{"monthly", "Monthly"}, {"less", "Less than monthly"}, {"indirect", "Indirect only (letters, calls)"},
}

// FamilyTimeFrequencies returns how often family time can be arranged.
func FamilyTimeFrequencies() []Code { return slices.Clone(familyTimeFrequencies) }

// noProviderTypes are the placement types recorded with no provider
// (SSDA903 rule 213: temporary placements and Z11–Z14).
const noProviderTypes = "T0 T1 T2 T3 T4 Z11 Z12 Z13 Z14"

// longTermTypes are the placement types the SSDA903 list itself calls
// long-term (U1, U4): the reading of "a placement intended to last until
// the child is 18" (CPPCR reg 28(2)(c)) the visit rule uses.
const longTermTypes = "U1 U4"

// ValidLegalStatus, ValidPlacementType and the like report whether s is
// in its code set.
func ValidLegalStatus(s string) bool   { return inCodes(legalStatuses, s) }
func ValidPlacementType(s string) bool { return inCodes(placementTypes, s) }
