package synth_test

import (
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// TestEveryChildLookedAfterHasASocialWorker checks, on days through the
// history (every fortnight and the as-at date), that each child looked
// after that day (from the day care began to the day before it ended)
// has an open involvement held by a worker of the Children in Care Team
// who is in post that day.
func TestEveryChildLookedAfterHasASocialWorker(t *testing.T) {
	for _, sc := range []string{"steady", "inadequate-2015"} {
		t.Run(sc, func(t *testing.T) {
			a := generate(t, sc, "small", 3)
			staff := a.Staff()
			workers := map[int64]casework.StaffRecord{}
			for _, w := range staff.Workers {
				workers[w.ID] = w
			}
			inCareTeam := map[int64]bool{}
			for _, tm := range staff.Teams {
				inCareTeam[tm.ID] = tm.Kind == "children_in_care"
			}
			checked := 0
			for d := a.Start; !d.After(a.AsAt); d = nextSample(d, a.AsAt) {
				for _, c := range a.Children() {
					if !lookedAfterOn(c, d) {
						continue
					}
					checked++
					if !heldInCare(c, d, workers, inCareTeam) {
						t.Fatalf("child %s, looked after on %s, has no worker of the Children in Care Team that day",
							c.Children[0].LAChildID, calendar.FormatDate(d))
					}
				}
			}
			t.Logf("%d child-days looked after checked", checked)
			if checked < 1000 {
				t.Errorf("only %d child-days looked after checked", checked)
			}
		})
	}
}

// nextSample is a fortnight on, or the as-at date when that comes first.
func nextSample(d, asAt time.Time) time.Time {
	n := d.AddDate(0, 0, 14)
	if n.After(asAt) && d.Before(asAt) {
		return asAt
	}
	return n
}

// lookedAfterOn: a period of care of the child covers day d.
func lookedAfterOn(c *store.SyntheticBatch, d time.Time) bool {
	for _, ep := range c.CareEpisodes {
		if !ep.StartDate.After(d) && (ep.EndDate == nil || ep.EndDate.After(d)) {
			return true
		}
	}
	return false
}

// heldInCare: an allocation covering day d, of an involvement open that
// day, gives the case to a worker of the Children in Care Team in post.
func heldInCare(c *store.SyntheticBatch, d time.Time, workers map[int64]casework.StaffRecord, inCareTeam map[int64]bool) bool {
	open := map[int64]bool{}
	for _, inv := range c.Involvements {
		open[inv.ID] = !inv.StartDate.After(d) && (inv.EndDate == nil || inv.EndDate.After(d))
	}
	for _, al := range c.Allocations {
		if !open[al.InvolvementID] || al.StartDate.After(d) || (al.EndDate != nil && !al.EndDate.After(d)) ||
			al.WorkerID == nil || al.TeamID == nil || !inCareTeam[*al.TeamID] {
			continue
		}
		w := workers[*al.WorkerID]
		if w.EndDate == nil || !w.EndDate.Before(d) {
			return true
		}
	}
	return false
}

// TestEveryAllocationSaysWhyAsACode: the generator records an SW_REASON
// code with every allocation, as the allocation form does.
func TestEveryAllocationSaysWhyAsACode(t *testing.T) {
	a := generate(t, "steady", "small", 3)
	n := 0
	for _, c := range a.Children() {
		for _, al := range c.Allocations {
			if n++; !casework.ValidSocialWorkerReason(al.ReasonCode) {
				t.Fatalf("allocation %d (%q) has reason code %q", al.ID, al.Reason, al.ReasonCode)
			}
		}
	}
	if n == 0 {
		t.Fatal("no allocations generated")
	}
}
