package synth

import (
	"fmt"

	"sightline/internal/casework"
)

// The words of generated records: short, plain and invented, in the
// register of case recording. Each list is drawn from at random.

// concernsBySource are what a contact from each group of sources says.
var concernsBySource = map[string][]string{
	"police": {
		"Police attended a domestic incident at the home overnight; the children were present.",
		"Police found the children home alone late in the evening.",
		"Police report the young person was found intoxicated in a park and returned home.",
		"Police attended a report of a disturbance; the home was in a poor state.",
	},
	"schools": {
		"School reports the child has come in hungry and in unwashed clothes several times this term.",
		"School reports a disclosure made to a teaching assistant about being hit at home.",
		"School is worried about falling attendance and the child's low mood.",
		"School reports bruising noticed during PE.",
	},
	"health": {
		"Health visitor is concerned about the baby's weight and missed appointments.",
		"A&E reports an injury in a young child with an explanation that does not fit.",
		"GP reports the parent's mental health has deteriorated and worries about the children.",
		"Midwife reports concerns about the parent's drug use in pregnancy.",
	},
	"individual": {
		"A relative is worried about the children's care and the parents' drinking.",
		"A neighbour reports shouting and a child crying late at night.",
		"The young person asked for help, saying they cannot stay at home.",
	},
	"la_services": {
		"The early help worker reports the family has stopped engaging and the concerns have grown.",
		"Adult social care reports the parent's needs mean the children are left to care for themselves.",
		"The family support service reports repeated arguments and a child frightened at home.",
	},
	"other_legal_agency": {
		"Probation shares information about a risk to children in the household.",
		"The youth justice service is worried the young person is being drawn into offending.",
	},
	"housing": {
		"Housing reports the family is living in overcrowded and unsafe conditions.",
		"Housing reports the family faces eviction and the home is in a very poor state.",
	},
	"anonymous": {
		"An anonymous caller reports the children are often left alone and seem hungry.",
		"An anonymous caller reports frequent shouting and a child crying.",
	},
	"other": {
		"A voluntary organisation reports concerns about the family's circumstances.",
		"A sports club coach is worried about marks seen on the child.",
	},
}

// concerns draws what a contact from source said.
func (r rng) concerns(source, need string) string {
	g := sourceGroup(source)
	switch g {
	case "education_services":
		g = "schools"
	case "unknown":
		g = "other"
	}
	text := one(r, concernsBySource[g])
	if need == "N2" {
		text += " The family is struggling to meet the child's needs arising from disability."
	}
	return text
}

// uascConcerns are the contacts about a young person who arrived alone,
// by referral source (uascSources): the police (6), the Home Office (7).
var uascConcerns = map[string][]string{
	"6": {"Young person found by police at a motorway service station after leaving a lorry; no adult with them.",
		"Young person walked into the police station asking for help; arrived in the country alone; no family in the UK."},
	"7": {"Home Office referral: young person claimed asylum on arrival, unaccompanied; needs accommodation today.",
		"Home Office referral after screening at the port: unaccompanied child, no relatives here, no accommodation."},
}

// contactOutcome draws the front door's decision on a contact that was not
// referred, with its reason.
func (r rng) contactOutcome() (decision, reason string) {
	switch r.pick(Weights{{casework.ContactNFA, 0.4}, {casework.ContactEarlyHelp, 0.3},
		{casework.ContactInformationOK, 0.3}}) {
	case casework.ContactNFA:
		return casework.ContactNFA, one(r, []string{"Concerns addressed by the referrer; no role for children's social care.",
			"Parent acted protectively; no further action.", "Information only; no concerns about the child's care."})
	case casework.ContactEarlyHelp:
		return casework.ContactEarlyHelp, one(r, []string{"Family agreed to support from the early help team.",
			"Needs can be met by early help with the school."})
	}
	return casework.ContactInformationOK, "Advice given to the referrer."
}

// primaryNeeds split the CIN census primary need codes: an assumption
// shaped by the census (abuse or neglect the most common by far).
var primaryNeeds = Weights{{"N1", 0.56}, {"N2", 0.05}, {"N3", 0.04}, {"N4", 0.12}, {"N5", 0.12}, {"N6", 0.03},
	{"N7", 0.01}, {"N8", 0.03}, {"N9", 0.02}, {"N0", 0.02}}

// primaryNeed draws the referral's primary need: a disabled child's
// disability for about half of them.
func (w *world) primaryNeed(e *episode, r rng) string {
	for _, k := range e.kids {
		if len(k.disabled) > 0 && r.chance(0.5) {
			return "N2"
		}
	}
	return r.pick(primaryNeeds)
}

var nfaReasons = []string{
	"Concerns addressed by universal services; no further action needed.",
	"Parents engaged and acted protectively; the school will monitor.",
	"Information gathered shows no unmet need; referrer advised.",
}

var strategyAttendees = []string{"Children's social care, police, health",
	"Children's social care, police, health, school", "Children's social care, police, health visitor"}

// closingNote is the closing summary of a case closed for reason, as the
// worker writes it.
func closingNote(reason, name string) string {
	switch reason {
	case "RC8":
		return fmt.Sprintf("Assessment completed. %s's needs are being met; no further action.", name)
	case "RC9":
		return fmt.Sprintf("Assessment completed. The family has agreed to early help support for %s.", name)
	case "RC5":
		return fmt.Sprintf("The family has moved away; %s's case was transferred to the new authority.", name)
	case "RC6":
		return fmt.Sprintf("%s is now 18; support continues through adult social care.", name)
	case "RC3", "RC4":
		return fmt.Sprintf("%s now lives with a relative under a court order; the plan's aims are met.", name)
	}
	return fmt.Sprintf("The plan's aims are met and %s is no longer in need of a social worker.", name)
}

// visitNote is what a worker writes about a visit.
func visitNote(r rng, v visitPlan, name string) string {
	if !v.seen {
		return one(r, []string{"No answer at the door; a card was left.", "The family was out; a new visit was arranged."})
	}
	return one(r, []string{
		name + " was seen and spoke about school and friends.",
		name + " was seen at home; the home conditions were adequate.",
		name + " was seen with the parent; the plan was discussed.",
		name + " appeared well cared for and was happy to talk.",
	})
}
