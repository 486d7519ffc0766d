package web

import (
	"net/url"
	"strconv"
)

// A form that changes a record that exists (a decision on a referral, the
// return from a missing episode, a stage of an adoption) must be saved
// from the version the user read when the form was opened, not the one
// the case file holds when the save arrives: otherwise a change someone
// else saved in between is silently overwritten. The form carries the
// record's id and version in hidden fields; the save uses them, and the
// store refuses a stale version naming who saved since.

// target is the record an action changes, as the case file shows it: its
// name in the history, its id and its version.
type target struct {
	Entity  string
	ID      int64
	Version int
}

// editTarget builds an action's edits from the record it changes (nil
// when there is none, and the action's readiness says why).
func editTarget(entity string, id int64, version int) *target {
	return &target{Entity: entity, ID: id, Version: version}
}

// withEdits sets the record an action changes.
func withEdits(edits func(a *actionCtx) *target, act action) action {
	act.edits = edits
	return act
}

// as is the target as a form posted (or kept) names it: the id and
// version read when the form was opened; 0 when the form carried none.
func (t *target) as(v url.Values) *target {
	id, _ := strconv.ParseInt(v.Get("record_id"), 10, 64)
	version, _ := strconv.Atoi(v.Get("version"))
	return &target{Entity: t.Entity, ID: id, Version: version}
}

// readVersion takes the version the user read from the posted form, for
// the save to use. A form opened on another record (the one it changes
// was ended and another started since) or carrying no version saves from
// version 0, which no record has: the store refuses it as a conflict
// naming who saved the record there is now.
func (a *actionCtx) readVersion(current *target, p *actionPage) {
	if current == nil {
		return
	}
	seen := current.as(a.r.PostForm)
	p.Editing = seen
	if seen.ID == current.ID {
		a.version = seen.Version
	}
}
