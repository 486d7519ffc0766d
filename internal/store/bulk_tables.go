package store

import (
	"database/sql/driver"
	"slices"
	"strings"
	"time"

	"sightline/internal/casework"
)

// civil is a civil date as a batch writes it: ISO text through
// database/sql, as day gives it, and a time.Time for COPY.
type civil time.Time

// Value gives database/sql the date as text.
func (c civil) Value() (driver.Value, error) { return time.Time(c).Format(time.DateOnly), nil }

func cday(t time.Time) any { return civil(t) }

func cdayPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return civil(*t)
}

// tables lists the batch's tables in the order that keeps every foreign key
// satisfied as rows go in: contacts before the referrals that point back
// to them (contacts.referral_id has no foreign key), plans before the
// conferences that name them (cp_plans.conference_id has none). Each row
// is stamped with the write's time and actor, as the per-record methods
// stamp theirs. Workers are marked synthetic when the batch is generated,
// not when it is imported (WriteImported: they are real people).
func (b *SyntheticBatch) tables(tx *Tx, synthetic bool) []bulkTable {
	at, by := tx.s.d.ts(tx.now), tx.actor.Name
	stamp := func(args []any) []any { return append(args, at, by) }
	return append([]bulkTable{
		{"teams", "id, name, kind, updated_at, updated_by", len(b.Teams), func(i int, a []any) []any {
			t := b.Teams[i]
			return stamp(append(a, t.ID, t.Name, t.Kind))
		}},
		{"posts", `id, team_id, title, org_role, fte, funded_from, funded_to, salary_pence, oncost_pct, updated_at,
			updated_by`, len(b.Posts), func(i int, a []any) []any {
			p := b.Posts[i]
			return stamp(append(a, p.ID, p.TeamID, p.Title, p.OrgRole, roundFTE(p.FTE), cday(p.FundedFrom),
				cdayPtr(p.FundedTo), p.SalaryPence, p.OnCostPct))
		}},
		{"workers", `id, name, email, job_role, team_id, fte, employment_type, newly_qualified, start_date, end_date,
			post_id, org_role, swe_no, start_origin, leaving_reason, leaver_destination, agency_name, day_rate_pence,
			salary_pence, oncost_pct, synthetic, updated_at, updated_by`, len(b.Workers), func(i int, a []any) []any {
			w := b.Workers[i]
			return stamp(append(a, w.ID, w.Name, w.Email, w.JobRole, w.TeamID, roundFTE(w.FTE), w.EmploymentType,
				w.NewlyQualified, cday(w.StartDate), cdayPtr(w.EndDate), w.PostID, w.OrgRole, w.SWENo, w.StartOrigin,
				w.LeavingReason, w.LeaverDestination, w.AgencyName, w.DayRatePence, w.SalaryPence, w.OnCostPct, synthetic))
		}},
		{"users", `id, username, display_name, password_hash, role, worker_id, team_id, disabled, updated_at, updated_by`,
			len(b.Users), func(i int, a []any) []any {
				u := b.Users[i]
				return stamp(append(a, u.ID, u.Username, u.DisplayName, u.PasswordHash, string(u.Role), u.WorkerID,
					u.TeamID, u.Disabled))
			}},
		{"children", `id, la_child_id, upn, former_upn, upn_unknown, nhs_number, uci, first_name, last_name, known_as,
			search_key, date_of_birth, expected_birth, sex, gender, ethnicity, disabilities, date_of_death, uasc,
			uasc_ceased, restricted, synthetic, mother, first_child_born, updated_at, updated_by`, len(b.Children), func(i int, a []any) []any {
			c := b.Children[i]
			normaliseChild(&c)
			return stamp(append(a, c.ID, c.LAChildID, c.UPN, c.FormerUPN, c.UPNUnknown, c.NHSNumber, c.UCI, c.FirstName,
				c.LastName, c.KnownAs, casework.SearchKey(c), cdayPtr(c.DateOfBirth), cdayPtr(c.ExpectedBirth), c.Sex,
				c.Gender, c.Ethnicity, strings.Join(c.Disabilities, ","), cdayPtr(c.DateOfDeath), c.UASC, cdayPtr(c.UASCCeased),
				c.Restricted, c.Synthetic, c.Motherhood.Mother, cdayPtr(c.Motherhood.FirstChildBorn)))
		}},
		{"addresses", "id, child_id, line1, line2, town, postcode, start_date, end_date, updated_at, updated_by",
			len(b.Addresses), func(i int, a []any) []any {
				ad := b.Addresses[i]
				return stamp(append(a, ad.ID, ad.ChildID, ad.Line1, ad.Line2, ad.Town,
					casework.NormalisePostcode(ad.Postcode), cday(ad.StartDate), cdayPtr(ad.EndDate)))
			}},
		{"relationships", `id, child_id, kind, relationship, related_child_id, name, organisation, phone, start_date,
			end_date, updated_at, updated_by`, len(b.Relationships), func(i int, a []any) []any {
			r := b.Relationships[i]
			return stamp(append(a, r.ID, r.ChildID, r.Kind, r.Relationship, r.RelatedChildID, r.Name, r.Organisation,
				r.Phone, cdayPtr(r.StartDate), cdayPtr(r.EndDate)))
		}},
		{"involvements", `id, child_id, start_date, end_date, end_reason, team_id, worker_id, allocated_on,
			updated_at, updated_by`, len(b.Involvements), func(i int, a []any) []any {
			v := b.Involvements[i]
			return stamp(append(a, v.ID, v.ChildID, cday(v.StartDate), cdayPtr(v.EndDate), v.EndReason, v.TeamID,
				v.WorkerID, cdayPtr(v.AllocatedOn)))
		}},
		{"allocations", "id, involvement_id, team_id, worker_id, start_date, end_date, reason_code, reason", len(b.Allocations),
			func(i int, a []any) []any {
				al := b.Allocations[i]
				return append(a, al.ID, al.InvolvementID, al.TeamID, al.WorkerID, cday(al.StartDate), cdayPtr(al.EndDate),
					al.ReasonCode, al.Reason)
			}},
		{"contacts", `id, child_id, received_at, contact_date, source, source_detail, concerns, out_of_hours, decision,
			decision_date, decision_by, reason, referral_id, recorded_by, updated_at, updated_by`, len(b.Contacts),
			func(i int, a []any) []any {
				c := b.Contacts[i]
				return stamp(append(a, c.ID, c.ChildID, tx.s.d.ts(c.ReceivedAt), cday(c.Date), c.Source, c.SourceDetail,
					c.Concerns, c.OutOfHours, c.Decision, cdayPtr(c.DecisionDate), c.DecisionBy, c.Reason, c.ReferralID,
					c.RecordedBy))
			}},
		{"referrals", `id, child_id, involvement_id, contact_id, referral_date, source, primary_need, decision,
			decision_date, nfa, nfa_reason, nfa_approved_by, nfa_approved_at, closure_date, closure_reason,
			updated_at, updated_by`, len(b.Referrals), func(i int, a []any) []any {
			r := b.Referrals[i]
			return stamp(append(a, r.ID, r.ChildID, r.InvolvementID, r.ContactID, cday(r.Date), r.Source, r.PrimaryNeed,
				r.Decision, cdayPtr(r.DecisionDate), r.NFA, r.NFAReason, r.NFAApprovedBy, cdayPtr(r.NFAApprovedAt),
				cdayPtr(r.ClosureDate), r.ClosureReason))
		}},
		{"assessments", `id, child_id, referral_id, start_date, factors, outcome, completed_date, authorised_date,
			authorised_by, updated_at, updated_by`, len(b.Assessments), func(i int, a []any) []any {
			as := b.Assessments[i]
			return stamp(append(a, as.ID, as.ChildID, as.ReferralID, cday(as.StartDate), strings.Join(as.Factors, ","),
				as.Outcome, cdayPtr(as.CompletedDate), cdayPtr(as.AuthorisedDate), as.AuthorisedBy))
		}},
		{"strategy_discussions", `id, child_id, referral_id, held_on, initiated_s47, attendees, notes, updated_at,
			updated_by`, len(b.Strategies), func(i int, a []any) []any {
			sd := b.Strategies[i]
			return stamp(append(a, sd.ID, sd.ChildID, sd.ReferralID, cday(sd.Date), sd.InitiatedS47, sd.Attendees, sd.Notes))
		}},
		{"s47_enquiries", `id, child_id, referral_id, strategy_id, start_date, end_date, outcome, icpc_not_required,
			updated_at, updated_by`, len(b.S47s), func(i int, a []any) []any {
			e := b.S47s[i]
			return stamp(append(a, e.ID, e.ChildID, e.ReferralID, e.StrategyID, cday(e.StartDate), cdayPtr(e.EndDate),
				e.Outcome, e.ICPCNotRequired))
		}},
		{"cp_plans", `id, child_id, referral_id, conference_id, start_date, end_date, initial_category, latest_category,
			end_reason, previous_plans, updated_at, updated_by`, len(b.Plans), func(i int, a []any) []any {
			p := b.Plans[i]
			return stamp(append(a, p.ID, p.ChildID, p.ReferralID, p.ConferenceID, cday(p.StartDate), cdayPtr(p.EndDate),
				p.InitialCategory, p.LatestCategory, p.EndReason, p.PreviousPlans))
		}},
		{"conferences", "id, child_id, kind, s47_id, plan_id, held_on, decision, category, updated_at, updated_by",
			len(b.Conferences), func(i int, a []any) []any {
				c := b.Conferences[i]
				return stamp(append(a, c.ID, c.ChildID, c.Kind, c.S47ID, c.PlanID, cday(c.Date), c.Decision, c.Category))
			}},
		{"core_groups", "id, child_id, plan_id, held_on, updated_at, updated_by", len(b.CoreGroups),
			func(i int, a []any) []any {
				g := b.CoreGroups[i]
				return stamp(append(a, g.ID, g.ChildID, g.PlanID, cday(g.Date)))
			}},
		{"visits", `id, child_id, visit_date, kind, seen, seen_alone, place, notes, visited_by, updated_at, updated_by`,
			len(b.Visits), func(i int, a []any) []any {
				v := b.Visits[i]
				return stamp(append(a, v.ID, v.ChildID, cday(v.Date), v.Kind, v.Seen, v.SeenAlone, v.Place, v.Notes, v.By))
			}},
		{"cin_plans", "id, child_id, referral_id, start_date, end_date, updated_at, updated_by", len(b.CINPlans),
			func(i int, a []any) []any {
				p := b.CINPlans[i]
				return stamp(append(a, p.ID, p.ChildID, p.ReferralID, cday(p.StartDate), cdayPtr(p.EndDate)))
			}},
		{"cin_plan_reviews", "id, child_id, plan_id, held_on, updated_at, updated_by", len(b.CINReviews),
			func(i int, a []any) []any {
				r := b.CINReviews[i]
				return stamp(append(a, r.ID, r.ChildID, r.PlanID, cday(r.Date)))
			}},
		{"case_notes", `id, child_id, involvement_id, note_date, kind, subject, body, author_id, created_at,
			updated_at, updated_by`, len(b.Notes), func(i int, a []any) []any {
			n := b.Notes[i]
			return stamp(append(a, n.ID, n.ChildID, n.InvolvementID, cday(n.Date), n.Kind, n.Subject, n.Body, n.AuthorID,
				tx.s.d.ts(n.CreatedAt)))
		}},
	}, slices.Concat(b.careTables(stamp), b.missingTables(stamp), b.courtTables(stamp),
		b.leaverTables(stamp))...)
}
