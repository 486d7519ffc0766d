package store

import "sightline/internal/casework"

// leaverTables are a batch's care leaver and permanence tables: the leaver
// records, the pathway plans, the contacts (the OC3 birthday records among
// them) and the permanence plans (a return's adoptions, AD1 and
// PlacedAdoption, imported).
func (b *SyntheticBatch) leaverTables(stamp func([]any) []any) []bulkTable {
	return []bulkTable{
		{"care_leavers", `id, child_id, category, from_date, care_started, care_ended, adviser, adviser_from,
			services_ended, updated_at, updated_by`, len(b.Leavers), func(i int, a []any) []any {
			l := b.Leavers[i]
			return stamp(append(a, l.ID, l.ChildID, l.Category, cday(l.From), cdayPtr(l.CareStarted),
				cdayPtr(l.CareEnded), l.Adviser, cdayPtr(l.AdviserFrom), cdayPtr(l.ServicesEnded)))
		}},
		{"pathway_records", "id, child_id, kind, held_on, updated_at, updated_by", len(b.Pathway),
			func(i int, a []any) []any {
				p := b.Pathway[i]
				return stamp(append(a, p.ID, p.ChildID, p.Kind, cday(p.Date)))
			}},
		{"leaver_contacts", "id, child_id, contact_date, birthday, in_touch, activity, accom, updated_at, updated_by",
			len(b.LeaverContacts), func(i int, a []any) []any {
				c := b.LeaverContacts[i]
				return stamp(append(a, c.ID, c.ChildID, cday(c.Date), c.Birthday, c.InTouch, c.Activity, c.Accom))
			}},
		{"permanence_plans", `id, child_id, plan, decided_on, care_started, should_be_placed, placement_order, matched,
			placed, adoption_order, reversed, reversed_reason, order_made, order_reason, updated_at, updated_by`,
			len(b.Permanence), func(i int, a []any) []any {
				p := b.Permanence[i]
				return stamp(append(a, p.ID, p.ChildID, p.Plan, cday(p.DecidedOn), cdayPtr(p.CareStarted),
					cdayPtr(p.ShouldBePlaced), cdayPtr(p.PlacementOrder), cdayPtr(p.Matched), cdayPtr(p.Placed),
					cdayPtr(p.AdoptionOrder), cdayPtr(p.Reversed), p.ReversedReason, cdayPtr(p.OrderMade), p.OrderReason))
			}},
	}
}

// leaverIDTables are the care leaver tables NextIDs reads.
func leaverIDTables(n *NextIDs) []struct {
	table string
	into  *int64
} {
	return []struct {
		table string
		into  *int64
	}{{"care_leavers", &n.CareLeaver}, {"pathway_records", &n.Pathway}, {"leaver_contacts", &n.LeaverContact},
		{"permanence_plans", &n.Permanence}}
}

// syntheticLeavers is the care leaver part of a SyntheticBatch.
type syntheticLeavers struct {
	Leavers        []casework.CareLeaver
	Pathway        []casework.PathwayRecord
	LeaverContacts []casework.LeaverContact
	Permanence     []casework.PermanencePlan
}
