package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sightline/internal/casework"
)

// querier is what Store and Tx share for reading, so a case file loads the
// same way inside a write (where the rules check what the write sees) and
// outside one.
type querier interface {
	query(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	queryRow(ctx context.Context, q string, args ...any) *sql.Row
}

// eachRow runs q and hands every scanned row to fn.
func eachRow[T any](ctx context.Context, db querier, scan func(rowScanner) (T, error), fn func(T), q string, args ...any) error {
	rows, err := db.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return err
		}
		fn(v)
	}
	return rows.Err()
}

// getRow reads the one row q selects by id, or casework.ErrNotFound.
func getRow[T any](ctx context.Context, db querier, scan func(rowScanner) (T, error), what, q string, id int64) (T, error) {
	v, err := scan(db.queryRow(ctx, q, id))
	if err != nil {
		return v, notFound(err, what, id)
	}
	return v, nil
}

// prefixed qualifies each column of a column list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// partLoader loads one table's rows for the children whose ids the
// subquery in ("IN (…)") selects into their case files.
type partLoader func(ctx context.Context, db querier, in string, args []any, files map[int64]*casework.CaseFile) error

// part builds the loader of one table: rows not entered in error, in date
// order.
func part[T any](table, cols, order string, scan func(rowScanner) (T, error), child func(T) int64,
	add func(*casework.CaseFile, T)) partLoader {
	return partWhere(table, "", cols, order, scan, child, add)
}

// partWhere is part keeping only the rows that also meet cond (SQL; ""
// for all).
func partWhere[T any](table, cond, cols, order string, scan func(rowScanner) (T, error), child func(T) int64,
	add func(*casework.CaseFile, T)) partLoader {
	if cond != "" {
		cond = " AND " + cond
	}
	return func(ctx context.Context, db querier, in string, args []any, files map[int64]*casework.CaseFile) error {
		q := `SELECT ` + cols + ` FROM ` + table + ` WHERE error_reason = ''` + cond + ` AND child_id` + in + ` ORDER BY ` + order
		return eachRow(ctx, db, scan, func(v T) {
			if cf := files[child(v)]; cf != nil {
				add(cf, v)
			}
		}, q, args...)
	}
}

// caseFileParts load the dated records of a case file, one query each.
// caseFileParts load every record of a case file.
var caseFileParts = slices.Concat([]partLoader{contactsPart(contactColumns)}, recordParts(visitsPart(visitColumns)))

// metricsParts load the same records without the text the indicators do
// not read (a contact's concerns, a visit's notes), which is most of their
// size.
var metricsParts = slices.Concat(
	[]partLoader{contactsPart(strings.NewReplacer("source_detail", "'' AS source_detail", "concerns", "'' AS concerns").Replace(contactColumns))},
	recordParts(visitsPart(strings.NewReplacer("notes", "'' AS notes").Replace(visitColumns))))

// timingParts load only what the timescale rules and casework.StateOn read
// of a case file, for lists of many children (the allocation queue): no
// contacts, which no rule reads, and of the visits (most of a long case's
// rows) only the dates the child was seen, without the visit's notes.
var timingParts = recordParts(partWhere("visits", "seen", `id, child_id, visit_date, seen`, "visit_date, id", scanSeenVisit,
	func(v casework.Visit) int64 { return v.ChildID },
	func(cf *casework.CaseFile, v casework.Visit) { cf.Visits = append(cf.Visits, v) }))

// contactsPart loads contacts with these columns.
func contactsPart(cols string) partLoader {
	return part("contacts", cols, "contact_date, received_at, id", scanContact,
		func(c casework.Contact) int64 { return c.ChildID },
		func(cf *casework.CaseFile, c casework.Contact) { cf.Contacts = append(cf.Contacts, c) })
}

// visitsPart loads visits with these columns.
func visitsPart(cols string) partLoader {
	return part("visits", cols, "visit_date, id", scanVisit,
		func(v casework.Visit) int64 { return v.ChildID },
		func(cf *casework.CaseFile, v casework.Visit) { cf.Visits = append(cf.Visits, v) })
}

// recordParts are the loaders of the records of a case file from the
// referral on, with visits as given.
func recordParts(visits partLoader) []partLoader {
	return slices.Concat([]partLoader{
		part("referrals", referralColumns, "referral_date, id", scanReferral,
			func(r casework.Referral) int64 { return r.ChildID },
			func(cf *casework.CaseFile, r casework.Referral) { cf.Referrals = append(cf.Referrals, r) }),
		part("assessments", assessmentColumns, "start_date, id", scanAssessment,
			func(a casework.Assessment) int64 { return a.ChildID },
			func(cf *casework.CaseFile, a casework.Assessment) { cf.Assessments = append(cf.Assessments, a) }),
		part("strategy_discussions", strategyColumns, "held_on, id", scanStrategy,
			func(s casework.StrategyDiscussion) int64 { return s.ChildID },
			func(cf *casework.CaseFile, s casework.StrategyDiscussion) { cf.Strategies = append(cf.Strategies, s) }),
		part("s47_enquiries", s47Columns, "start_date, id", scanS47,
			func(e casework.S47Enquiry) int64 { return e.ChildID },
			func(cf *casework.CaseFile, e casework.S47Enquiry) { cf.S47s = append(cf.S47s, e) }),
		part("conferences", conferenceColumns, "held_on, id", scanConference,
			func(c casework.Conference) int64 { return c.ChildID },
			func(cf *casework.CaseFile, c casework.Conference) { cf.Conferences = append(cf.Conferences, c) }),
		part("cp_plans", planColumns, "start_date, id", scanPlan,
			func(p casework.CPPlan) int64 { return p.ChildID },
			func(cf *casework.CaseFile, p casework.CPPlan) { cf.Plans = append(cf.Plans, p) }),
		part("core_groups", coreGroupColumns, "held_on, id", scanCoreGroup,
			func(g casework.CoreGroup) int64 { return g.ChildID },
			func(cf *casework.CaseFile, g casework.CoreGroup) { cf.CoreGroups = append(cf.CoreGroups, g) }),
		visits,
		part("cin_plans", cinPlanColumns, "start_date, id", scanCINPlan,
			func(p casework.CINPlan) int64 { return p.ChildID },
			func(cf *casework.CaseFile, p casework.CINPlan) { cf.CINPlans = append(cf.CINPlans, p) }),
		part("cin_plan_reviews", cinReviewColumns, "held_on, id", scanCINReview,
			func(r casework.CINPlanReview) int64 { return r.ChildID },
			func(cf *casework.CaseFile, r casework.CINPlanReview) { cf.CINReviews = append(cf.CINReviews, r) }),
		// children in care (care.go)
		part("care_episodes", careEpisodeColumns, "start_date, id", scanCareEpisode,
			func(e casework.CareEpisode) int64 { return e.ChildID },
			func(cf *casework.CaseFile, e casework.CareEpisode) { cf.CareEpisodes = append(cf.CareEpisodes, e) }),
		part("care_legal_statuses", legalStatusColumns, "start_date, id", scanLegalStatus,
			func(l casework.LegalStatus) int64 { return l.ChildID },
			func(cf *casework.CaseFile, l casework.LegalStatus) { cf.LegalStatuses = append(cf.LegalStatuses, l) }),
		part("care_placements", placementColumns, "start_date, id", scanPlacement,
			func(p casework.Placement) int64 { return p.ChildID },
			func(cf *casework.CaseFile, p casework.Placement) { cf.Placements = append(cf.Placements, p) }),
		part("care_events", careEventColumns, "held_on, id", scanCareEvent,
			func(e casework.CareEvent) int64 { return e.ChildID },
			func(cf *casework.CaseFile, e casework.CareEvent) { cf.CareEvents = append(cf.CareEvents, e) }),
		part("family_time", familyTimeColumns, "start_date, id", scanFamilyTime,
			func(f casework.FamilyTime) int64 { return f.ChildID },
			func(cf *casework.CaseFile, f casework.FamilyTime) { cf.FamilyTime = append(cf.FamilyTime, f) }),
		// leaving care and permanence (leaver.go, permanence.go)
		part("care_leavers", careLeaverColumns, "from_date, id", scanCareLeaver,
			func(c casework.CareLeaver) int64 { return c.ChildID },
			func(cf *casework.CaseFile, c casework.CareLeaver) { cf.Leaver = &c }), // the latest wins
		part("pathway_records", pathwayColumns, "held_on, id", scanPathway,
			func(p casework.PathwayRecord) int64 { return p.ChildID },
			func(cf *casework.CaseFile, p casework.PathwayRecord) { cf.Pathway = append(cf.Pathway, p) }),
		part("leaver_contacts", leaverContactColumns, "contact_date, id", scanLeaverContact,
			func(c casework.LeaverContact) int64 { return c.ChildID },
			func(cf *casework.CaseFile, c casework.LeaverContact) {
				cf.LeaverContacts = append(cf.LeaverContacts, c)
			}),
		part("permanence_plans", permanenceColumns, "decided_on, id", scanPermanence,
			func(p casework.PermanencePlan) int64 { return p.ChildID },
			func(cf *casework.CaseFile, p casework.PermanencePlan) { cf.Permanence = append(cf.Permanence, p) }),
		loadLookedAfter, // permanence.go: the one reader of the period of care
	}, missingCourtParts)
}

// loadCaseFiles loads the case files of the children whose ids the SQL
// expression sel yields (a "?" or a subquery), ordered by name. It runs
// 3 + len(caseFileParts) = 31 queries however many children there are:
// the children's ids, the children, their open involvements, then one per
// kind of record (a single child skips the first).
func loadCaseFiles(ctx context.Context, db querier, sel string, args ...any) ([]casework.CaseFile, error) {
	return loadCaseFilesWith(ctx, db, caseFileParts, sel, args...)
}

// loadCaseFilesWith is loadCaseFiles reading the records parts load.
func loadCaseFilesWith(ctx context.Context, db querier, parts []partLoader, sel string, args ...any) ([]casework.CaseFile, error) {
	in, args, err := childIDList(ctx, db, sel, args)
	if err != nil || in == "" {
		return nil, err
	}
	return loadCaseFilesIn(ctx, db, parts, in, args...)
}

// loadCaseFilesIn loads the case files of the children whose id satisfies
// the condition in (" IN (…)"), with its arguments.
func loadCaseFilesIn(ctx context.Context, db querier, parts []partLoader, in string, args ...any) ([]casework.CaseFile, error) {
	files := map[int64]*casework.CaseFile{}
	var order []int64
	err := eachRow(ctx, db, scanChild, func(c casework.Child) {
		files[c.ID] = &casework.CaseFile{Child: c}
		order = append(order, c.ID)
	}, `SELECT `+childColumns+` FROM children WHERE id`+in+` ORDER BY last_name, first_name, id`, args...)
	if err != nil || len(order) == 0 {
		return nil, err
	}
	err = eachRow(ctx, db, scanInvolvement, func(i casework.Involvement) {
		if cf := files[i.ChildID]; cf != nil {
			cf.Involvement = &i // the latest open one wins
		}
	}, `SELECT `+involvementColumns+involvementFrom+` WHERE i.end_date IS NULL AND i.error_reason = ''
		AND i.child_id`+in+` ORDER BY i.start_date, i.id`, args...)
	if err != nil {
		return nil, err
	}
	for _, load := range parts {
		if err := load(ctx, db, in, args, files); err != nil {
			return nil, err
		}
	}
	out := make([]casework.CaseFile, len(order))
	for i, id := range order {
		out[i] = *files[id]
		markReReferrals(&out[i])
	}
	return out, nil
}

// childIDList resolves the children a load is about once, into a literal
// list of ids, so that each of the dozen tables that follow is read by its
// child_id index whatever the planner thinks of a repeated subquery (on a
// freshly loaded PostgreSQL database it chose scans, 30 times slower). A
// single child ("?") is kept as a parameter.
func childIDList(ctx context.Context, db querier, sel string, args []any) (string, []any, error) {
	if sel == `?` {
		return ` IN (?)`, args, nil
	}
	var ids []string
	err := eachRow(ctx, db, func(r rowScanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, func(id int64) { ids = append(ids, strconv.FormatInt(id, 10)) }, `SELECT DISTINCT child_id FROM (`+sel+`) AS s`, args...)
	if err != nil || len(ids) == 0 {
		return "", nil, err
	}
	// The list holds integers formatted here, never user input.
	return ` IN (` + strings.Join(ids, ",") + `)`, nil, nil
}

// markReReferrals sets Referral.ReReferral with the casework rule.
func markReReferrals(cf *casework.CaseFile) {
	for i, r := range cf.Referrals {
		cf.Referrals[i].ReReferral = cf.IsReReferral(r.Date, r.ID)
	}
}

// lockChild locks a child's row until the write commits (PostgreSQL;
// SQLite holds the database lock from BEGIN), so that two writes to one
// child cannot both pass a rule that only one of them may.
func (t *Tx) lockChild(ctx context.Context, childID int64) error {
	var id int64
	if err := t.queryRow(ctx, `SELECT id FROM children WHERE id = ?`+t.s.d.forUpdate(), childID).Scan(&id); err != nil {
		return notFound(err, "child", childID)
	}
	return nil
}

// caseFile loads a child's case file inside a write, the child locked.
func (t *Tx) caseFile(ctx context.Context, childID int64) (casework.CaseFile, error) {
	if err := t.lockChild(ctx, childID); err != nil {
		return casework.CaseFile{}, err
	}
	files, err := loadCaseFilesWith(ctx, t, childCaseFileParts, `?`, childID)
	if err != nil {
		return casework.CaseFile{}, fmt.Errorf("load case file of child %d: %w", childID, err)
	}
	return files[0], nil
}

// CaseFile returns everything recorded about a child's help and
// protection, each slice in date order, with the open involvement and
// each referral's ReReferral flag. Records entered in error are left out.
func (s *Store) CaseFile(ctx context.Context, childID int64) (casework.CaseFile, error) {
	files, err := loadCaseFilesWith(ctx, s, childCaseFileParts, `?`, childID)
	if err != nil {
		return casework.CaseFile{}, fmt.Errorf("store: case file of child %d: %w", childID, err)
	}
	if len(files) == 0 {
		return casework.CaseFile{}, fmt.Errorf("store: child %d: %w", childID, casework.ErrNotFound)
	}
	return files[0], nil
}

// CaseFileFilter chooses the case files of a worker or a team.
type CaseFileFilter struct {
	WorkerID int64 // 0: any worker
	TeamID   int64 // 0: any team
	OpenOnly bool  // only children whose involvement is open; otherwise closed ones held last by them too
}

// CaseFiles loads the case files of every child with an involvement held
// by the worker or team (both when both are given; everyone's when both
// are 0), open ones only if f.OpenOnly, ordered by the child's name. "My
// work" and the team view call it on every page view, so it runs a
// constant 30 queries (see loadCaseFiles) whatever the number of children:
// each selects its table's rows WHERE child_id IN (SELECT child_id FROM
// involvements WHERE …).
func (s *Store) CaseFiles(ctx context.Context, f CaseFileFilter) ([]casework.CaseFile, error) {
	files, err := caseFiles(ctx, s, f)
	if err != nil {
		return nil, fmt.Errorf("store: case files: %w", err)
	}
	return files, nil
}

func caseFiles(ctx context.Context, db querier, f CaseFileFilter) ([]casework.CaseFile, error) {
	where, args := []string{`error_reason = ''`}, []any{}
	if f.OpenOnly {
		where = append(where, `end_date IS NULL`)
	}
	if f.WorkerID != 0 {
		where = append(where, `worker_id = ?`)
		args = append(args, f.WorkerID)
	}
	if f.TeamID != 0 {
		where = append(where, `team_id = ?`)
		args = append(args, f.TeamID)
	}
	sel := `SELECT child_id FROM involvements WHERE ` + strings.Join(where, " AND ")
	return loadCaseFiles(ctx, db, sel, args...)
}

// fresh refuses a change made from a stale version before any rule is
// checked, so the user hears who changed the record since they read it
// rather than a rule about a state they have not seen. updateVersioned
// checks again as it writes.
func (t *Tx) fresh(ctx context.Context, table, entity string, id int64, version, current int) error {
	if version == current {
		return nil
	}
	return t.conflict(ctx, table, entity, id)
}
