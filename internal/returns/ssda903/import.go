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
	Refused                              []Refusal
	NotRead                              map[string]int // rows of files import does not read, by file
	Written                              bool
}

// imported are the files Import reads; the others are counted in NotRead.
var imported = []string{Header, Episodes, Reviews}

// Import writes the children of r (Header), their periods of care, legal
// statuses and placements (Episodes) and their reviews (Reviews) into st
// as new children. A child whose CHILD or UPN is already held is refused
// (sightline does not merge another system's care history into its own),
// and so is a child with any problem from reading or an episode chain that
// cannot be followed. Unless opts.Partial, nothing is written when any row
// is refused. Everything goes in one transaction with one history event.
func Import(ctx context.Context, st *store.Store, r *Return, problems []Problem, opts ImportOptions) (ImportReport, error) {
	rep := ImportReport{NotRead: map[string]int{}}
	for _, n := range FileNames {
		if !slices.Contains(imported, n) && len(r.Files[n]) > 0 {
			rep.NotRead[n] = len(r.Files[n])
		}
	}
	keys, err := st.ChildKeys(ctx)
	if err != nil {
		return rep, err
	}
	ids, err := st.NextIDs(ctx)
	if err != nil {
		return rep, err
	}
	held := map[string]bool{}
	for _, k := range keys {
		held["CHILD "+k.LAChildID] = true
		if k.UPN != "" {
			held["UPN "+k.UPN] = true
		}
	}
	bad := map[string]bool{}
	for _, p := range problems {
		if slices.Contains(imported, p.File) {
			rep.Refused = append(rep.Refused, Refusal{File: p.File, Line: p.Line, Child: p.Child, Field: p.Field, Why: p.Message})
			bad[p.Child] = true
		}
	}
	im := &importer{ids: ids}
	eps, revs := byChild(r, Episodes, "DECOM"), byChild(r, Reviews, "REVIEW")
	for _, h := range r.Files[Header] {
		child := h.Get("CHILD")
		refuse := func(file string, line int, field, why string) {
			rep.Refused = append(rep.Refused, Refusal{File: file, Line: line, Child: child, Field: field, Why: why})
		}
		switch {
		case bad[child]:
			continue
		case held["CHILD "+child]:
			refuse(Header, h.Line, "CHILD", "a child with this CHILD is already held (or earlier in the file): sightline does not merge care histories")
			continue
		case h.Get("UPN") != "" && !upnPattern.MatchString(h.Get("UPN")):
			refuse(Header, h.Line, "UPN", fmt.Sprintf("%q is not a UPN nor a reason code UN1–UN5", h.Get("UPN")))
			continue
		case held["UPN "+h.Get("UPN")] && len(h.Get("UPN")) == 13:
			refuse(Header, h.Line, "UPN", "this UPN belongs to a child already held")
			continue
		}
		if err := casework.CheckLAChildID(child); err != nil {
			refuse(Header, h.Line, "CHILD", err.Error())
			continue
		}
		held["CHILD "+child], held["UPN "+h.Get("UPN")] = true, true
		if r := im.child(h, eps[child], revs[child], &rep); r != nil {
			rep.Refused = append(rep.Refused, *r)
		}
	}
	if len(rep.Refused) > 0 && !opts.Partial {
		rep.Children, rep.Periods, rep.Episodes, rep.Reviews = 0, 0, 0, 0
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

// importer builds the batch of records to write.
type importer struct {
	ids store.NextIDs
	b   store.SyntheticBatch
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
func (im *importer) child(h *Row, eps, revs []*Row, rep *ImportReport) *Refusal {
	c := casework.Child{ID: im.ids.Child, LAChildID: h.Get("CHILD"), Sex: h.Get("SEX"), Ethnicity: h.Get("ETHNIC"),
		DateOfBirth: at(h.Get("DOB"))}
	if u := h.Get("UPN"); len(u) == 3 {
		c.UPNUnknown = u
	} else {
		c.UPN = u
	}
	care, r := im.care(c.ID, eps)
	if r != nil {
		return r
	}
	for _, rv := range revs {
		d, _ := dateIn(rv, "REVIEW")
		ep := periodOn(care.CareEpisodes, d)
		if ep == nil {
			return &Refusal{File: Reviews, Line: rv.Line, Child: c.LAChildID, Field: "REVIEW", Why: "the review is on a day the child was not looked after"}
		}
		care.CareEvents = append(care.CareEvents, casework.CareEvent{ChildID: c.ID, EpisodeID: ep.ID, Kind: casework.CareReview,
			Date: d, Participation: rv.Get("REVIEW_CODE")})
	}
	next(&im.ids.Child)
	for i := range care.CareEvents {
		care.CareEvents[i].ID = next(&im.ids.CareEvent)
	}
	im.b.Children = append(im.b.Children, c)
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
