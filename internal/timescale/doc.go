// Package timescale is the statutory timescales engine for help and
// protection: from a child's case file it works out what is due, by when,
// and whether it was done in time, as at any date.
//
// Tasks(cf, cal, settings, asAt) runs every rule over one case file and
// returns that child's tasks, open and done, sorted by due date; Open and
// Next pick out the to-do list. AppendTasks does the same into a reused
// buffer, for runs over a whole authority (an indicator, a team view). Each Task carries the Rule that set its
// date, with the source (guidance, regulation or local standard) and its
// confidence tag (V, S or M: docs timescales.md, DOMAIN.md).
//
// The rules are a slice of small functions (rules.go), one per statutory
// timescale or pair of linked timescales; children in care adds its own
// to the same slice. National numbers are named constants citing their
// source; local standards are Settings, stored by the app as key/value
// text (SettingKeys, SettingsFrom).
//
// Counting follows timescales.md section 2.2: "within N working days of X"
// counts X as day 0 (calendar.AddWorkingDays); months are calendar months
// clamped to the month end (calendar.AddMonths); "N weeks" are 7N calendar
// days from X. Repeating visits and reviews run from the date the last one
// actually happened. Done on the due date is in time.
//
// Decisions this package makes, so that a reader need not dig for them:
//
//   - As at: records dated after asAt are ignored, and so are done dates,
//     end dates and closure dates after asAt, so asking as at a past date
//     gives the tasks as they stood then. The "ICPC not required" flag has
//     no date of its own and applies whenever it is set.
//   - Ended plans: once a CP or CIN plan has ended (its end date, or the
//     closure of its referral's episode, on or before asAt), its open task
//     is dropped; the done ones stay, for "done in time / late" reporting.
//     In the same way a one-off task (referral decision, assessment, ICPC)
//     still open when its episode closed is dropped.
//   - Exploitation screening reviews stop when the child turns 18 or their
//     case closes (every referral's episode closed, no period of care
//     open): a review not done by then is dropped, like an ended plan's.
//   - Events on the day a plan ends count (the review conference that
//     ends a plan closes the review interval); events after it do not.
//   - assessment_complete is one task per referral, not per assessment:
//     WT2023 measures from the referral and a further assessment in the
//     same episode has no separate national clock (timescales.md 1.1). It
//     is done by the first authorisation of any assessment of that referral.
//   - cp_visit and cin_visit count any visit in which the child was seen,
//     whatever its kind; a visit where the child was not seen does not
//     restart the clock, nor does a second visit on the same day.
//   - cin_visit runs while a CIN plan is open and stops when a CP plan
//     starts (a CIN plan cannot run alongside a CP plan, CIN rule 4001).
//   - History is computed with today's settings: changing the CP visit
//     standard re-rates past intervals as well as the open one.
//   - The engine takes civil dates (midnight UTC, the casework convention);
//     asAt is truncated with calendar.Civil.
//
// Speed: an authority's 100k case files are run in one go, so the rules
// emit compact drafts (day numbers, packed sort keys, What lines in one
// buffer) into scratch kept in a sync.Pool, and only the result is
// allocated: per child one []Task (none with AppendTasks), one string for
// all its What lines and one array of Done dates. See bench_test.go.
package timescale
