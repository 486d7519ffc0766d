// Package synth generates a synthetic local authority: a fictional
// children's services department (Brackenmoor, marked synthetic
// everywhere), its teams and staff, and its children's help and
// protection work over years, at England's rates or a scenario's. Every
// demo, test and benchmark uses it; real records never can be.
//
// # Determinism
//
// Generate(cfg) reads no clock and no map order. Each part draws from its
// own PCG stream (math/rand/v2) seeded from cfg.Seed and the part's name
// (the demand, each household, the workforce, each shaping step), and ids
// are handed out in a fixed order from cfg.IDs, so the same scenario,
// size, seed and as-at date give the same records, id for id. Only the
// store's write times (updated_at, the history's instants) differ between
// runs, and a fixed store clock makes those match too.
//
// # How an authority is made
//
//  1. Demand (generate.go): month by month, families (household.go) are
//     referred until the month reaches the period's referrals per 10,000
//     children; each family's episodes are planned whole at once
//     (episode.go, assess.go, protection.go, childinneed.go): the contact,
//     the referral decision, the route (no further action, assessed not
//     in need, early help, child in need, section 47), the assessment and
//     its length, strategy discussions, enquiries, conferences, plans,
//     core groups, reviews, visits and the closure, then the repeat
//     referral, soon or years later. Siblings share an episode's dates.
//     Everything after the as-at date (or a child's 18th birthday) is cut
//     (cut.go). Contacts that are not referred make up the rest of the
//     period's contacts.
//  2. Drift (shape.go) silences the period's number of open child in need
//     cases for more than five months.
//  3. The records (materialise.go, records.go) are made child by child,
//     with fictional names by heritage (names.go) and identifiers that can
//     belong to no one (identity.go): NHS numbers from the 999 test range,
//     UPNs with the fictional LA number 999, postcodes in the made-up BK
//     area, which has a fictional geography of its own (geography.go):
//     each postcode's authority and grid reference, from which a
//     placement's distance from home and whether it is in the area
//     follow, and the postcode directory entries every postcode used
//     gets once (directory.go).
//  4. Who comes into care, when and for how long is chosen (care_flow.go)
//     before the staff are made. The staff (workforce.go) are sized from
//     the open cases (the Children in Care Team's: the children looked
//     after) and the period's caseload, with managers and support staff up to the
//     period's headcount. Each post is held by a chain of workers played
//     month by month (workforce_flow.go): permanent staff leave at the
//     period's turnover, agency assignments end, and vacated posts are
//     refilled to keep the period's agency share. The register's items
//     (workforce_pay.go): each post's budgeted salary and on-costs, each
//     worker's contract, salary or agency day rate, census role, where
//     they came from and why they left.
//  5. Allocation (allocate.go) gives each stretch of an episode to a worker
//     of a team of its kind; shaping leaves the period's number of cases
//     unallocated and buries one worker in assessments.
//  6. Case notes (notes.go) are written by whoever held the case.
//  7. Each period of care is recorded through the casework rules (care.go
//     and the rest), and the child's case passes to a worker of the
//     Children in Care Team for the whole of it (care_alloc.go).
//
// The result, an Authority, yields store.SyntheticBatch values of whole
// families for store.SyntheticWriter to write, one transaction and one
// history event each.
//
// # National
//
// A whole authority is planned in memory (staffing, allocation and the
// shaping steps read every family at once), which is right for small and
// la but not for England. The national size is made in areas of about
// 60,000 children (areas.go, Stream): each area is an authority of its own,
// with its teams named for it, its own random streams and ids that follow
// on from the area before; it is handed over, written and dropped while
// the next is made, so memory holds two areas however many there are.
// The writer drops the tables' secondary indexes for the load and builds
// them at the end (store.SyntheticWriter.DropIndexes).
//
// # Scenarios and sizes
//
// A Scenario is data (scenario.go, scenarios.go): a table of Periods, each
// the service's parameters from a date. The generator reads the period in
// force on each date (a visit falls due in one period, a referral arrives
// in another) and never asks which scenario it is making. Counts such as
// unallocated cases are given at the scenario's reference population and
// scale with the size's. National rates come from the embedded profile
// (profile.go, profile.json; DfE statistics under the Open Government
// Licence v3.0).
//
// # Extension points
//
// Later issues add their records where the route ends today:
//   - children in care (care.go): done last, over the records already
//     made: a share of known children comes into care at England's rate,
//     each period of care replayed through the casework rules; its visits
//     carry no case notes and its children keep the involvement they had;
//   - permanence (permanence.go): how each period of care will end is
//     planned when it starts: adoption for a share of the youngest, at
//     England's share of periods ended and its average times between the
//     stages (decision, placement order E1, match, placement A3 to A6,
//     adoption order ending care E11 or E12), or a special guardianship
//     or child arrangements order on a plan for one; each plan is saved
//     stage by stage through the casework rules;
//   - missing episodes (and absences from placement without
//     authorisation), return home interviews and exploitation
//     screenings (missing.go), then pre-proceedings, care proceedings and
//     hearings (court.go, read off the interim and full care orders
//     care.go made): after care, child by child, each replayed through
//     the casework rules and cut at the as-at date;
//   - care leavers (leaver.go): young people who left care at 16 to 18
//     after 13 weeks looked after after their 14th birthday get leaver
//     records, a pathway plan and its reviews and an OC3 record at each
//     17th to 21st birthday, replayed through the casework rules;
//   - absences in the workforce register (sickness, maternity): a step
//     after staffHistory, per worker.
//
// Each adds its records to store.SyntheticBatch and a table to the writer.
package synth
