package synth

import (
	"cmp"
	"iter"
	"slices"
	"time"

	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// Authority is a generated authority, ready to write: its staff, then its
// families' records in batches.
type Authority struct {
	Scenario  Scenario
	Size      Size
	Seed      uint64
	AsAt      time.Time
	Start     time.Time // the first day of history
	org       *org
	children  []*store.SyntheticBatch // each known child's records, family by family, in id order
	family    []int                   // the family each child belongs to
	Area      int                     // which area of a size made in areas (1, 2, …); 0: the whole authority
	Areas     int                     // how many areas the size is made in
	next      Config                  // what the next area starts from: ids, identifiers, batch number
	firstSeq  int64                   // the number of the batch before this authority's first
	providers []casework.Provider     // the register of placement providers (providers.go)
	postcodes []postcode.Entry        // the directory's entries the providers' postcodes need first (directory.go)
}

// authority gathers the records the world made, and nothing else of it:
// the families' plans are garbage once their records are made.
func (w *world) authority() *Authority {
	a := &Authority{Scenario: w.sc, Size: w.cfg.Size, Seed: w.cfg.Seed, AsAt: w.asAt, Start: w.start, org: w.org,
		Area: w.cfg.area, Areas: w.cfg.Size.Areas(), next: Config{IDs: w.ids, nhs: w.nhs, upns: w.upns, firstBatch: w.cfg.firstBatch},
		firstSeq: w.cfg.firstBatch}
	var kids []*kid
	for _, hh := range w.households {
		kids = kids[:0]
		for _, k := range hh.kids {
			if k.known {
				kids = append(kids, k)
			}
		}
		slices.SortFunc(kids, func(x, y *kid) int { return cmp.Compare(x.rec.ID, y.rec.ID) })
		for _, k := range kids {
			a.children = append(a.children, k.recs)
			a.family = append(a.family, hh.idx)
		}
	}
	return a
}

// Batches yields the authority in batches of about rows rows, each whole
// families: the staff first (teams, workers, users), then the families in
// the order they were met. Batches are numbered from 1 (in an area, on
// from the last batch of the area before), and the count is kept for the
// next area.
func (a *Authority) Batches(rows int) iter.Seq[*store.SyntheticBatch] {
	return func(yield func(*store.SyntheticBatch) bool) {
		seq := func(b *store.SyntheticBatch) *store.SyntheticBatch {
			a.next.firstBatch = b.Seq
			return b
		}
		b := a.Staff()
		b.Seq = a.firstSeq + 1
		if !yield(seq(b)) {
			return
		}
		b = &store.SyntheticBatch{Seq: b.Seq + 1}
		for i, c := range a.children {
			appendBatch(b, c)
			last := i+1 == len(a.children)
			if last || (BatchRows(b) >= rows && a.family[i+1] != a.family[i]) {
				if !yield(seq(b)) || last {
					return
				}
				b = &store.SyntheticBatch{Seq: b.Seq + 1}
			}
		}
	}
}

// appendBatch adds one child's records to a batch.
func appendBatch(b, c *store.SyntheticBatch) {
	b.Postcodes = append(b.Postcodes, c.Postcodes...)
	b.Children = append(b.Children, c.Children...)
	b.Addresses = append(b.Addresses, c.Addresses...)
	b.Relationships = append(b.Relationships, c.Relationships...)
	b.Involvements = append(b.Involvements, c.Involvements...)
	b.Allocations = append(b.Allocations, c.Allocations...)
	b.Contacts = append(b.Contacts, c.Contacts...)
	b.Referrals = append(b.Referrals, c.Referrals...)
	b.Assessments = append(b.Assessments, c.Assessments...)
	b.Strategies = append(b.Strategies, c.Strategies...)
	b.S47s = append(b.S47s, c.S47s...)
	b.Plans = append(b.Plans, c.Plans...)
	b.Conferences = append(b.Conferences, c.Conferences...)
	b.CoreGroups = append(b.CoreGroups, c.CoreGroups...)
	b.Visits = append(b.Visits, c.Visits...)
	b.CINPlans = append(b.CINPlans, c.CINPlans...)
	b.CINReviews = append(b.CINReviews, c.CINReviews...)
	b.Notes = append(b.Notes, c.Notes...)
	b.CareEpisodes = append(b.CareEpisodes, c.CareEpisodes...)
	b.LegalStatuses = append(b.LegalStatuses, c.LegalStatuses...)
	b.Placements = append(b.Placements, c.Placements...)
	b.CareEvents = append(b.CareEvents, c.CareEvents...)
	b.FamilyTime = append(b.FamilyTime, c.FamilyTime...)
	b.Permanence = append(b.Permanence, c.Permanence...)
	b.Outcomes = append(b.Outcomes, c.Outcomes...)
	b.Missing = append(b.Missing, c.Missing...)
	b.Interviews = append(b.Interviews, c.Interviews...)
	b.Screenings = append(b.Screenings, c.Screenings...)
	b.PLOs = append(b.PLOs, c.PLOs...)
	b.PLOEvents = append(b.PLOEvents, c.PLOEvents...)
	b.Proceedings = append(b.Proceedings, c.Proceedings...)
	b.Hearings = append(b.Hearings, c.Hearings...)
	b.Leavers = append(b.Leavers, c.Leavers...)
	b.Pathway = append(b.Pathway, c.Pathway...)
	b.LeaverContacts = append(b.LeaverContacts, c.LeaverContacts...)
}

// BatchRows counts the rows of a batch.
func BatchRows(b *store.SyntheticBatch) int {
	return len(b.Postcodes) + len(b.Providers) + len(b.Teams) + len(b.Posts) + len(b.Workers) + len(b.Users) + len(b.Children) + len(b.Addresses) +
		len(b.Relationships) + len(b.Involvements) + len(b.Allocations) + len(b.Contacts) + len(b.Referrals) +
		len(b.Assessments) + len(b.Strategies) + len(b.S47s) + len(b.Plans) + len(b.Conferences) +
		len(b.CoreGroups) + len(b.Visits) + len(b.CINPlans) + len(b.CINReviews) + len(b.Notes) +
		len(b.CareEpisodes) + len(b.LegalStatuses) + len(b.Placements) + len(b.CareEvents) + len(b.FamilyTime) + len(b.Permanence) +
		len(b.Outcomes) +
		len(b.Missing) + len(b.Interviews) + len(b.Screenings) +
		len(b.PLOs) + len(b.PLOEvents) + len(b.Proceedings) + len(b.Hearings) +
		len(b.Leavers) + len(b.Pathway) + len(b.LeaverContacts)
}

// Children returns every known child's records, one batch-shaped set per
// child (for tests and reports).
func (a *Authority) Children() []*store.SyntheticBatch { return a.children }

// Staff returns the teams, the posts, the workers with their register
// entries, and their users; and the register of placement providers, with
// the postcode directory's entries for its postcodes.
func (a *Authority) Staff() *store.SyntheticBatch {
	b := &store.SyntheticBatch{Teams: a.org.teams, Posts: a.org.postRecords(), Workers: a.org.workers,
		Users: a.org.users}
	b.Providers, b.Postcodes = a.providers, a.postcodes
	return b
}

// postRecords lists the establishment, team by team, then the posts not
// yet filled.
func (o *org) postRecords() []casework.Post {
	var out []casework.Post
	for _, ps := range o.posts {
		for _, p := range ps {
			out = append(out, p.rec)
		}
	}
	return append(out, o.unfilled...)
}

// CaseFile builds a child's case file from their records as at the as-at
// date, as the store would load it (the open involvement only).
func CaseFile(c *store.SyntheticBatch) casework.CaseFile {
	cf := casework.CaseFile{Child: c.Children[0], Contacts: c.Contacts, Referrals: c.Referrals,
		Assessments: c.Assessments, Strategies: c.Strategies, S47s: c.S47s, Conferences: c.Conferences,
		Plans: c.Plans, CoreGroups: c.CoreGroups, Visits: c.Visits, CINPlans: c.CINPlans, CINReviews: c.CINReviews,
		CareEpisodes: c.CareEpisodes, LegalStatuses: c.LegalStatuses, Placements: c.Placements, CareEvents: c.CareEvents,
		FamilyTime: c.FamilyTime, Permanence: c.Permanence, Missing: c.Missing, Interviews: c.Interviews, Screenings: c.Screenings,
		PLOs: c.PLOs, PLOEvents: c.PLOEvents, Proceedings: c.Proceedings, Hearings: c.Hearings,
		Pathway: c.Pathway, LeaverContacts: c.LeaverContacts, Outcomes: c.Outcomes}
	if n := len(c.Leavers); n > 0 {
		cf.Leaver = &c.Leavers[n-1] // the latest, as the store reads it
	}
	// the latest period of care, as the store reads it (store
	// LookedAfterDates: the generator writes no other record of one)
	for _, ep := range c.CareEpisodes {
		if cf.LookedAfter.Start == nil || !ep.StartDate.Before(*cf.LookedAfter.Start) {
			cf.LookedAfter = casework.CarePeriod{Start: ptr(ep.StartDate), End: ep.EndDate}
		}
	}
	for i := range c.Involvements {
		if c.Involvements[i].EndDate == nil {
			cf.Involvement = &c.Involvements[i]
		}
	}
	return cf
}

// MetricsRecords is every child's records as the indicator engine reads
// them through the store (store.MetricsRecords), made from the generated
// records without a database: for measuring and checking the engine at
// sizes slow to write.
func (a *Authority) MetricsRecords() store.MetricsRecords {
	var out store.MetricsRecords
	for _, c := range a.children {
		cf := CaseFile(c)
		for i, r := range cf.Referrals {
			cf.Referrals[i].ReReferral = cf.IsReReferral(r.Date, r.ID)
		}
		out.Files = append(out.Files, cf)
		allocs := map[int64][]store.MetricsAllocation{}
		for _, al := range c.Allocations {
			allocs[al.InvolvementID] = append(allocs[al.InvolvementID],
				store.MetricsAllocation{ID: al.ID, TeamID: al.TeamID, WorkerID: al.WorkerID, Start: al.StartDate, End: al.EndDate})
		}
		for _, iv := range c.Involvements {
			as := allocs[iv.ID]
			slices.SortStableFunc(as, func(x, y store.MetricsAllocation) int {
				return cmp.Or(x.Start.Compare(y.Start), cmp.Compare(x.ID, y.ID))
			})
			out.Involvements = append(out.Involvements, store.MetricsInvolvement{ID: iv.ID, ChildID: iv.ChildID,
				Start: iv.StartDate, End: iv.EndDate, TeamID: iv.TeamID, Allocations: as})
		}
		for _, n := range c.Notes {
			if casework.NoteIsProgress(n.Kind) {
				out.Progress = append(out.Progress, store.ChildDay{ChildID: n.ChildID, Day: n.Date})
			}
		}
		for _, r := range c.Relationships {
			if r.Kind == "family" && r.RelatedChildID != nil {
				out.FamilyLinks = append(out.FamilyLinks, [2]int64{r.ChildID, *r.RelatedChildID})
			}
		}
	}
	return out
}
