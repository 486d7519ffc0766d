package ssda903

import (
	"fmt"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// importTeamName is the team Import gives the social workers it makes and
// the cases it writes for social worker episodes: the authority moves
// them to their own teams once it has completed their records.
const importTeamName = "Imported social workers"

// importedJobRole marks a worker made by Import from an SW_ID, so the
// workforce register shows where the record came from and what it lacks.
const importedJobRole = "Imported from an SSDA903 return (SWEpisodes): complete this staff record"

// gapReason is the reason of the allocation Import writes, with no worker,
// between two social worker episodes that do not meet.
const gapReason = "No social worker episode in the SSDA903 return"

// heldWorkers are the social workers an import can find (by Social Work
// England number, upper case) and the team for those it makes, 0 when not
// yet held.
type heldWorkers struct {
	bySWENo map[string]int64
	team    int64
}

// checkSocialWorkers says why a child's social worker episodes (in start
// order) cannot be kept as an allocation history, or nil: each needs an
// SW_ID and a start, an end after its start (or none), and to start no
// earlier than the one before ended; only the last may be open.
func checkSocialWorkers(rows []*Row) *Refusal {
	var prevEnd *time.Time
	for i, row := range rows {
		start, ok := dateIn(row, "SW_DECOM")
		switch {
		case strings.TrimSpace(row.Get("SW_ID")) == "":
			return refusal(SWEpisodes, row, "SW_ID", "a social worker episode needs the social worker's ID")
		case !ok:
			return refusal(SWEpisodes, row, "SW_DECOM", fmt.Sprintf("%q is not a dd/mm/yyyy date", printable(row.Get("SW_DECOM"))))
		case row.Get("SW_DEC") != "" && at(row.Get("SW_DEC")) == nil:
			return refusal(SWEpisodes, row, "SW_DEC", fmt.Sprintf("%q is not a dd/mm/yyyy date", printable(row.Get("SW_DEC"))))
		case row.Get("SW_DEC") != "" && !at(row.Get("SW_DEC")).After(start):
			return refusal(SWEpisodes, row, "SW_DEC", "the episode ends before the day after it began: a worker holds a case for a day at least")
		case i > 0 && prevEnd == nil:
			return refusal(SWEpisodes, row, "SW_DECOM", "the episode starts while the one before is still open")
		case i > 0 && start.Before(*prevEnd):
			return refusal(SWEpisodes, row, "SW_DECOM", "the episode starts before the one before ended")
		}
		prevEnd = at(row.Get("SW_DEC"))
	}
	return nil
}

// swReasonKept is how an allocation keeps an episode's SW_REASON: a code
// of the list as its reason code, with the code's meaning as its reason;
// anything else (blank) as the reason, with no code.
func swReasonKept(v string) (code, reason string) {
	if casework.ValidSocialWorkerReason(v) {
		return v, swReasonLabels[v]
	}
	return "", v
}

// swNotKept reports what of a child's episodes an import changes: an
// "XX" ID (no registration number) is not kept, since the worker made
// for it has none and is exported as XX and sightline's id; a blank
// reason is exported as OTHERS.
func swNotKept(rows []*Row) []Refusal {
	var out []Refusal
	for _, row := range rows {
		if id := strings.ToUpper(row.Get("SW_ID")); !isSWENo(id) {
			out = append(out, *refusal(SWEpisodes, row, "SW_ID", fmt.Sprintf("%q is not kept: it is no Social Work England "+
				"number, so the worker made for it has none and is exported as XX and sightline's id", printable(id))))
		}
		if row.Get("SW_REASON") == "" {
			out = append(out, *refusal(SWEpisodes, row, "SW_REASON", "no reason given: it is exported as OTHERS"))
		}
	}
	return out
}

// isSWENo: a Social Work England registration number, "SW" and digits.
func isSWENo(id string) bool { return strings.HasPrefix(id, "SW") && casework.ValidSWENo(id) }

// keepSocialWorkers writes a child's social worker episodes (checked, in
// start order) as one involvement held by each episode's worker in turn:
// an allocation for each episode, with the DfE's meaning of its SW_REASON
// as the reason (so the export gives the code back), and one with no
// worker for each gap between episodes. The involvement runs from the
// first episode to the end of the last (open when the last is): the
// return gives no reason for a case's closing, so none is recorded.
func (im *importer) keepSocialWorkers(childID int64, rows []*Row) {
	if len(rows) == 0 {
		return
	}
	team := im.importTeam()
	first, _ := dateIn(rows[0], "SW_DECOM")
	inv := casework.Involvement{ID: next(&im.ids.Involvement), ChildID: childID, StartDate: first, TeamID: &team}
	var prevEnd *time.Time
	for _, row := range rows {
		start, _ := dateIn(row, "SW_DECOM")
		if prevEnd != nil && prevEnd.Before(start) {
			im.b.Allocations = append(im.b.Allocations, store.AllocationRow{ID: next(&im.ids.Allocation), InvolvementID: inv.ID,
				TeamID: &team, StartDate: *prevEnd, EndDate: &start, Reason: gapReason})
		}
		worker := im.worker(row.Get("SW_ID"), start)
		code, reason := swReasonKept(row.Get("SW_REASON"))
		prevEnd = at(row.Get("SW_DEC"))
		im.b.Allocations = append(im.b.Allocations, store.AllocationRow{ID: next(&im.ids.Allocation), InvolvementID: inv.ID,
			TeamID: &team, WorkerID: &worker, StartDate: start, EndDate: prevEnd, ReasonCode: code, Reason: reason})
		inv.WorkerID, inv.AllocatedOn = &worker, &start
	}
	if prevEnd != nil {
		inv.EndDate, inv.WorkerID, inv.AllocatedOn = prevEnd, nil, nil
	}
	im.b.Involvements = append(im.b.Involvements, inv)
}

// worker is the worker with this SW_ID: the one holding it as Social Work
// England number, else one made by this import. A worker made is real
// (not synthetic), in the import team, with no sign-in (no user), and
// starts on the first day the return shows them holding a case.
func (im *importer) worker(id string, from time.Time) int64 {
	key := strings.ToUpper(strings.ReplaceAll(id, " ", ""))
	if w, ok := im.sw.bySWENo[key]; ok {
		if i, made := im.madeWorkers[w]; made && from.Before(im.b.Workers[i].StartDate) {
			im.b.Workers[i].StartDate = from
		}
		return w
	}
	team := im.importTeam()
	rec := casework.StaffRecord{Worker: casework.Worker{ID: next(&im.ids.Worker), Name: "Social worker " + key,
		JobRole: importedJobRole, TeamID: &team, FTE: 1, EmploymentType: casework.Permanent, StartDate: from}}
	if isSWENo(key) {
		rec.SWENo = key
	}
	im.sw.bySWENo[key] = rec.ID
	im.madeWorkers[rec.ID] = len(im.b.Workers)
	im.b.Workers = append(im.b.Workers, rec)
	return rec.ID
}

// importTeam is the team for imported social workers, made when not held.
func (im *importer) importTeam() int64 {
	if im.sw.team == 0 {
		t := casework.Team{ID: next(&im.ids.Team), Name: importTeamName, Kind: "other"}
		im.b.Teams = append(im.b.Teams, t)
		im.sw.team = t.ID
	}
	return im.sw.team
}
