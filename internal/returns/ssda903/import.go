package ssda903

import (
	"context"
	"fmt"
	"slices"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// ImportOptions say how to import a return read from another system.
type ImportOptions struct {
	Source  string      // the folder's name, for the history and the report
	Partial bool        // write the good children even when some are refused
	Actor   store.Actor // who the history says imported it
	Year    Year        // the return's collection year; 0 is 2025 to 2026
}

// Refusal is a row not imported, and why.
type Refusal struct {
	File  string
	Line  int
	Child string
	Field string
	Why   string
}

// ImportReport is what an import did.
type ImportReport struct {
	Children, Periods, Episodes, Reviews int
	Health                               int // OC2 rows: health assessments and dental checks
	Leavers                              int // OC3 rows: care leavers' birthday records
	Missing                              int // Missing rows
	SocialWorkers                        int // SWEpisodes rows, as allocations of a case
	Adoptions                            int // permanence plans from AD1 and PlacedAdoption
	UASC                                 int // UASC rows: children recorded as UASC
	Refused                              []Refusal
	// NotKept are values of imported rows that sightline has nowhere to
	// keep (an SDQ score, who adopted, previous permanence…): the row is
	// imported without them, and each is reported.
	NotKept []Refusal
	NotRead map[string]int // rows of files import does not read, by file
	Written bool
}

// imported are the files Import reads; the others are counted in NotRead
// (every file of the return is read now).
var imported = append([]string{Header, Episodes, Reviews}, append(outcomeFiles, SWEpisodes)...)

// outcomeFiles are the files read into a child's outcomes (import_other.go,
// import_uasc.go).
var outcomeFiles = []string{UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing}

// Import writes the children of r (Header), their periods of care, legal
// statuses and placements (Episodes) and their reviews (Reviews) into st
// as new children. A child whose CHILD or UPN is already held is refused
// (sightline does not merge another system's care history into its own),
// and so is a child with any problem from reading or an episode chain that
// cannot be followed. Unless opts.Partial, nothing is written when any row
// is refused. Everything goes in one transaction with one history event.
func Import(ctx context.Context, st *store.Store, r *Return, problems []Problem, opts ImportOptions) (ImportReport, error) {
	keys, err := st.ChildKeys(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	ids, err := st.NextIDs(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	hw, err := workersHeld(ctx, st)
	if err != nil {
		return ImportReport{}, err
	}
	held := map[string]bool{}
	for _, k := range keys {
		held["CHILD "+k.LAChildID] = true
		if k.UPN != "" {
			held["UPN "+k.UPN] = true
		}
	}
	y := opts.Year
	if y == 0 {
		y = 2026
	}
	im, rep := plan(r, problems, held, hw, ids, y)
	if len(rep.Refused) > 0 && !opts.Partial {
		rep = ImportReport{Refused: rep.Refused, NotKept: rep.NotKept, NotRead: rep.NotRead}
		return rep, nil
	}
	if len(im.b.Children) > 0 {
		w := st.SyntheticWriter()
		defer w.Close()
		im.b.Seq = ids.Child
		if _, err := w.WriteImported(ctx, opts.Actor, &im.b, opts.Source); err != nil {
			return rep, fmt.Errorf("ssda903 import: %w", err)
		}
	}
	rep.Written = true
	return rep, nil
}

// plan builds the batch of the children of r not already held (held has
// "CHILD x" and "UPN y" keys), with ids from ids and the social workers
// of hw, and the report of every row refused.
func plan(r *Return, problems []Problem, held map[string]bool, hw heldWorkers, ids store.NextIDs, y Year) (*importer, ImportReport) {
	rep := ImportReport{NotRead: map[string]int{}}
	for _, n := range FileNames {
		if !slices.Contains(imported, n) && len(r.Files[n]) > 0 {
			rep.NotRead[n] = len(r.Files[n])
		}
	}
	bad := map[string]bool{}
	for _, p := range problems {
		if slices.Contains(imported, p.File) {
			rep.Refused = append(rep.Refused, Refusal{File: p.File, Line: p.Line, Child: p.Child, Field: p.Field, Why: p.Message})
			bad[p.Child] = true
		}
	}
	if hw.bySWENo == nil {
		hw.bySWENo = map[string]int64{}
	}
	im := &importer{ids: ids, year: y, sw: hw, madeWorkers: map[int64]int{}}
	eps, revs := byChild(r, Episodes, "DECOM"), byChild(r, Reviews, "REVIEW")
	rows := map[string]map[string][]*Row{}
	for _, n := range outcomeFiles {
		rows[n] = byChild(r, n, "")
	}
	rows[SWEpisodes] = byChild(r, SWEpisodes, "SW_DECOM")
	rep.Refused = append(rep.Refused, withoutHeader(r, bad)...)
	for _, h := range r.Files[Header] {
		if why := im.refuseHeader(h, held, bad); why != nil {
			if why.Why != "" {
				rep.Refused = append(rep.Refused, *why)
			}
			continue
		}
		child := h.Get("CHILD")
		held["CHILD "+child], held["UPN "+h.Get("UPN")] = true, true
		other := map[string][]*Row{}
		for n, byKid := range rows {
			other[n] = byKid[child]
		}
		if r := im.child(h, eps[child], revs[child], other, &rep); r != nil {
			rep.Refused = append(rep.Refused, *r)
		}
	}
	return im, rep
}

// refuseHeader says why a child of Header cannot be taken (an empty
// refusal for a child already refused in reading), or nil.
func (im *importer) refuseHeader(h *Row, held, bad map[string]bool) *Refusal {
	child, upn := h.Get("CHILD"), h.Get("UPN")
	switch {
	case bad[child]:
		return &Refusal{}
	case held["CHILD "+child]:
		return refusal(Header, h, "CHILD", "a child with this CHILD is already held (or earlier in the file): sightline does not merge care histories")
	case upn != "" && !upnPattern.MatchString(upn):
		return refusal(Header, h, "UPN", fmt.Sprintf("%q is not a UPN nor a reason code UN1–UN5", upn))
	case held["UPN "+upn] && len(upn) == 13:
		return refusal(Header, h, "UPN", "this UPN belongs to a child already held")
	}
	if err := casework.CheckLAChildID(child); err != nil {
		return refusal(Header, h, "CHILD", err.Error())
	}
	return nil
}

// importer builds the batch of records to write.
type importer struct {
	ids         store.NextIDs
	year        Year
	b           store.SyntheticBatch
	sw          heldWorkers
	madeWorkers map[int64]int // workers made by this import: their index in b.Workers
}

func next(p *int64) int64 { id := *p; *p++; return id }

func at(s string) *time.Time {
	if d, ok := parseDate(s); ok {
		return &d
	}
	return nil
}

// child adds one child with its care history to the batch, or says why
// it cannot; nothing of a refused child is added.
func (im *importer) child(h *Row, eps, revs []*Row, other map[string][]*Row, rep *ImportReport) *Refusal {
	c := casework.Child{ID: im.ids.Child, LAChildID: h.Get("CHILD"), Sex: h.Get("SEX"), Ethnicity: h.Get("ETHNIC"),
		DateOfBirth: at(h.Get("DOB"))}
	notKept := motherhood(h, &c)
	if u := h.Get("UPN"); len(u) == 3 {
		c.UPNUnknown = u
	} else {
		c.UPN = u
	}
	if r := im.uasc(&c, other[UASC]); r != nil {
		return r
	}
	care, r := im.care(c.ID, eps)
	if r != nil {
		return r
	}
	notKept = append(notKept, care.notKept...)
	for _, rv := range revs {
		d, _ := dateIn(rv, "REVIEW")
		ep := periodOn(care.CareEpisodes, d)
		if ep == nil {
			return &Refusal{File: Reviews, Line: rv.Line, Child: c.LAChildID, Field: "REVIEW", Why: "the review is on a day the child was not looked after"}
		}
		care.CareEvents = append(care.CareEvents, casework.CareEvent{ChildID: c.ID, EpisodeID: ep.ID, Kind: casework.CareReview,
			Date: d, Participation: rv.Get("REVIEW_CODE")})
	}
	more, r := im.outcomes(c, eps, &care, other)
	if r != nil {
		return r
	}
	if r := checkSocialWorkers(other[SWEpisodes]); r != nil {
		return r
	}
	next(&im.ids.Child)
	im.keepSocialWorkers(c.ID, other[SWEpisodes])
	notKept = append(notKept, swNotKept(other[SWEpisodes])...)
	rep.SocialWorkers += len(other[SWEpisodes])
	for i := range care.CareEvents {
		care.CareEvents[i].ID = next(&im.ids.CareEvent)
	}
	im.keep(more)
	rep.NotKept = append(append(rep.NotKept, notKept...), more.notKept...)
	rep.Health += len(other[OC2])
	rep.Leavers += len(other[OC3])
	rep.Missing += len(more.missing)
	rep.Adoptions += len(more.permanence)
	rep.UASC += len(other[UASC])
	im.b.Children = append(im.b.Children, c)
	im.b.Addresses = append(im.b.Addresses, care.Addresses...)
	im.b.CareEpisodes = append(im.b.CareEpisodes, care.CareEpisodes...)
	im.b.LegalStatuses = append(im.b.LegalStatuses, care.LegalStatuses...)
	im.b.Placements = append(im.b.Placements, care.Placements...)
	im.b.CareEvents = append(im.b.CareEvents, care.CareEvents...)
	rep.Children++
	rep.Periods += len(care.CareEpisodes)
	rep.Episodes += len(eps)
	rep.Reviews += len(revs)
	return nil
}

// periodOn is the period of care open on day d.
func periodOn(ps []casework.CareEpisode, d time.Time) *casework.CareEpisode {
	for i := range ps {
		if !d.Before(ps[i].StartDate) && (ps[i].EndDate == nil || !d.After(*ps[i].EndDate)) {
			return &ps[i]
		}
	}
	return nil
}

// workersHeld reads the workers an import can give social worker
// episodes to, by Social Work England number, and the team of imported
// social workers when an earlier import made it.
func workersHeld(ctx context.Context, st *store.Store) (heldWorkers, error) {
	by, err := st.WorkersBySWENo(ctx)
	if err != nil {
		return heldWorkers{}, err
	}
	teams, err := st.Teams(ctx)
	if err != nil {
		return heldWorkers{}, err
	}
	hw := heldWorkers{bySWENo: by}
	for _, t := range teams {
		if t.Name == importTeamName {
			hw.team = t.ID
		}
	}
	return hw, nil
}
