package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// holdersOf names who held each of these children's cases at the end of
// day d: the team and worker of the involvement open then (none: no
// entry). It reads only these children's involvements, so that a view of
// a few hundred children costs the same in an authority of any size.
func holdersOf(ctx context.Context, db querier, d time.Time, children []int64) (map[int64]Holder, error) {
	out := map[int64]Holder{}
	var hs []holding
	for lo := 0; lo < len(children); lo += idChunk {
		part := children[lo:min(lo+idChunk, len(children))]
		list := make([]string, len(part))
		for i, id := range part {
			list[i] = strconv.FormatInt(id, 10)
		}
		// The list holds integers formatted here, never user input.
		rows, err := allocationRowsOn(ctx, db, d, ` AND i.child_id IN (`+strings.Join(list, ",")+`)`)
		if err != nil {
			return nil, fmt.Errorf("holders on %s: %w", day(d), err)
		}
		hs = append(hs, foldHoldings(rows)...)
	}
	if len(hs) == 0 {
		return out, nil
	}
	teams, err := teamNames(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("team names: %w", err)
	}
	var workerIDs []int64
	for _, h := range hs {
		if h.worker != nil {
			workerIDs = append(workerIDs, *h.worker)
		}
	}
	workers := map[int64]string{}
	err = inChunks(workerIDs, func(ph string, args []any) error {
		return eachRow(ctx, db, func(r rowScanner) (named, error) {
			var n named
			return n, r.Scan(&n.id, &n.name)
		}, func(n named) { workers[n.id] = n.name }, `SELECT id, name FROM workers WHERE id IN (`+ph+`)`, args...)
	})
	if err != nil {
		return nil, fmt.Errorf("worker names: %w", err)
	}
	for _, h := range hs {
		out[h.child] = Holder{TeamID: h.team, TeamName: nameOf(teams, h.team), WorkerID: h.worker,
			WorkerName: nameOf(workers, h.worker)}
	}
	return out, nil
}

// named is an id and its name.
type named struct {
	id   int64
	name string
}

// inTeam reports whether a holder's team is team (any team when 0).
func (h Holder) inTeam(team int64) bool {
	return team == 0 || (h.TeamID != nil && *h.TeamID == team)
}
