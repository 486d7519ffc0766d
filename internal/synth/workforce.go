package synth

import (
	"encoding/base64"
	"fmt"
	"math"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// org is the authority's staff: teams, and in each team posts, each held
// by a chain of workers over the years (a leaver's successor starts the
// next day), with the workforce register's items: each post's budgeted
// pay, each worker's contract, pay or agency day rate and census items
// (workforce_flow.go, workforce_pay.go).
type org struct {
	teams   []casework.Team
	byKind  map[string][]int // team indexes by kind
	posts   [][]*post        // by team
	workers []casework.StaffRecord
	// unfilled are funded posts no one holds at the as-at date.
	unfilled []casework.Post
	users    []store.SyntheticUser
	userOf   map[int64]int64 // worker id to user id
}

// post is a job in a team, held by one worker after another.
type post struct {
	caseHolding bool
	manager     bool
	holders     []int // indexes into org.workers, earliest first
	rec         casework.Post
}

// teamPlan is a kind of team and how many of it.
type teamPlan struct {
	kind, name string
	teams      int
	holders    int // case-holding posts across the kind's teams
}

// staff sizes the teams from the open cases at the as-at date (the
// Children in Care Team's: the children planned to be looked after then)
// and the period's caseload, adds managers and (to reach the period's headcount)
// support staff, and fills each post back to the start of history.
func (w *world) staff() {
	p := w.sc.At(w.asAt)
	open := w.openByKind()
	perHolder := p.Caseload * 0.93 // the average FTE of a case holder (see fte)
	holders := func(n int) int { return max(2, int(math.Round(float64(n)/perHolder))) }
	unalloc := w.sc.scaled(p.Unallocated, w.pop)
	plans := []teamPlan{
		{kind: "front_door", name: "Front Door (MASH)", teams: 1, holders: max(2, w.pop/9000)},
		{kind: "assessment", holders: holders(open["assessment"] + open["front_door"] - unalloc/2)},
		{kind: "child_protection", name: "Child Protection and Children in Need Team", holders: holders(open["child_protection"] - unalloc/2)},
		{kind: "children_in_care", name: "Children in Care Team", holders: holders(w.lookedAfterOn(w.asAt))},
		{kind: "disabled_children", name: "Disabled Children's Team", teams: 1, holders: holders(open["disabled_children"])},
		{kind: "edt", name: "Emergency Duty Team", teams: 1, holders: max(2, w.pop/15000)},
	}
	plans[1].name = "Assessment Team"
	o := &org{byKind: map[string][]int{}, userOf: map[int64]int64{}}
	w.org = o
	r := newRNG(w.cfg.Seed, "workforce", 0)
	for _, tp := range plans {
		if tp.teams == 0 {
			tp.teams = max(1, int(math.Round(float64(tp.holders)/9)))
		}
		w.addTeams(tp)
	}
	w.fillPosts(r, p)
}

// openByKind counts the children whose case is open at the as-at date by
// the kind of team that holds it.
func (w *world) openByKind() map[string]int {
	n := map[string]int{}
	for _, hh := range w.households {
		for _, e := range hh.episodes {
			if e.referred && e.closed == nil && len(e.segments) > 0 {
				n[e.segments[len(e.segments)-1].kind] += len(e.kids)
			}
		}
	}
	return n
}

// addTeams makes tp.teams teams of a kind, sharing its case-holding posts,
// each with a team manager, an assistant team manager when big, and a
// senior practitioner for every six social workers.
func (w *world) addTeams(tp teamPlan) {
	o := w.org
	for i := 0; i < tp.teams; i++ {
		name := tp.name
		if tp.teams > 1 {
			name = fmt.Sprintf("%s %d", tp.name, i+1)
		}
		t := casework.Team{ID: next(&w.ids.Team), Name: w.areaName(name), Kind: tp.kind, Version: 1}
		o.byKind[tp.kind] = append(o.byKind[tp.kind], len(o.teams))
		o.teams = append(o.teams, t)
		n := tp.holders / tp.teams
		if i < tp.holders%tp.teams {
			n++
		}
		ps := []*post{{manager: true}}
		if n >= 6 {
			ps = append(ps, &post{manager: true})
		}
		for j := 0; j < n; j++ {
			ps = append(ps, &post{caseHolding: true})
		}
		o.posts = append(o.posts, ps)
	}
}

// fillPosts adds support posts up to the period's headcount, then gives
// every post its chain of workers.
func (w *world) fillPosts(r rng, p Period) {
	o := w.org
	total := 0
	for _, ps := range o.posts {
		total += len(ps)
	}
	want := w.sc.scaled(p.Workforce, w.pop)
	if want == 0 {
		want = total + total/3 // family support workers and assistants: an assumption
	}
	for i := 0; total < want; i++ {
		if t := i % len(o.posts); o.teams[t].Kind != "edt" {
			o.posts[t] = append(o.posts[t], &post{})
			total++
		}
	}
	var all []*post
	var team, index []int
	for t, ps := range o.posts {
		for i, p := range ps {
			all, team, index = append(all, p), append(team, t), append(index, i)
		}
	}
	for k, stints := range w.staffHistory(r, all) {
		ps := all[k]
		ps.rec = w.postRecord(team[k], jobRole(ps, index[k]), stints[0].start)
		for _, st := range stints {
			ps.holders = append(ps.holders, len(o.workers))
			o.workers = append(o.workers, w.newWorker(r, team[k], index[k], ps, st))
		}
	}
	w.unfilledPosts(r)
	w.assignWorkerIDs()
}

// jobRole names what a post's holder does.
func jobRole(ps *post, i int) string {
	switch {
	case ps.manager && i == 0:
		return "Team manager"
	case ps.manager:
		return "Assistant team manager"
	case ps.caseHolding && i%6 == 5:
		return "Senior practitioner"
	case ps.caseHolding:
		return "Social worker"
	}
	return "Family support worker"
}

// newWorker makes one holder of post index of a team (ids are given when
// every chain is complete, earliest first: see assignWorkerIDs). Agency
// workers work full time; some LA-employed staff part time.
func (w *world) newWorker(r rng, team, index int, ps *post, st stint) casework.StaffRecord {
	first, last := r.adultName(r.pick(ethnicCodes[r.pick(w.ethnicity)]), r.chance(0.8))
	p := w.sc.At(st.start)
	role := jobRole(ps, index)
	fte := 1.0
	if x := r.Float64(); st.kind != casework.Agency && x < 0.08 {
		fte = 0.6
	} else if st.kind != casework.Agency && x < 0.2 {
		fte = 0.8
	}
	nq := st.kind == casework.Permanent && ps.caseHolding && !st.converted && r.chance(p.NewlyQualified)
	s := casework.StaffRecord{Worker: casework.Worker{Name: first + " " + last, JobRole: role,
		TeamID: ptr(w.org.teams[team].ID), TeamName: w.org.teams[team].Name, FTE: fte, EmploymentType: st.kind,
		NewlyQualified: nq && w.asAt.Sub(st.start) < 365*24*time.Hour, StartDate: st.start, EndDate: st.end, Version: 1}}
	w.registerEntry(r, &s, ps, st, nq)
	return s
}

// assignWorkerIDs numbers the workers and makes each a user who cannot
// sign in (disabled, with a hash of no known password): case notes need
// an author, and an administrator can give a demo user a password.
func (w *world) assignWorkerIDs() {
	o := w.org
	r := newRNG(w.cfg.Seed, "users", 0)
	for i := range o.workers {
		wk := &o.workers[i]
		wk.ID = next(&w.ids.Worker)
		first, last, _ := cutName(wk.Name)
		wk.Email = fmt.Sprintf("%s.%s.%d@%s", asciiLower(first), asciiLower(last), wk.ID, emailDomain)
		wk.SWENo = sweNumber(wk.OrgRole, wk.ID)
		role := auth.SocialWorker
		if wk.JobRole == "Team manager" || wk.JobRole == "Assistant team manager" {
			role = auth.TeamManager
		}
		u := store.SyntheticUser{User: store.User{ID: next(&w.ids.User),
			Username: fmt.Sprintf("w%d.%s.%s", wk.ID, asciiLower(first), asciiLower(last)), DisplayName: wk.Name,
			Role: role, WorkerID: ptr(wk.ID), TeamID: wk.TeamID, Disabled: true, Version: 1},
			PasswordHash: lockedHash(r)}
		o.users = append(o.users, u)
		o.userOf[wk.ID] = u.ID
	}
}

// lockedHash is an Argon2id hash (in the form auth writes) of random bytes
// no one knows: a sign-in that can never succeed until a password is set.
func lockedHash(r rng) string {
	b := make([]byte, 48)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	enc := base64.RawStdEncoding
	return "$argon2id$v=19$m=65536,t=1,p=2$" + enc.EncodeToString(b[:16]) + "$" + enc.EncodeToString(b[16:])
}

func cutName(full string) (first, last string, ok bool) {
	for i := len(full) - 1; i >= 0; i-- {
		if full[i] == ' ' {
			return full[:i], full[i+1:], true
		}
	}
	return full, "", false
}
