package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// Leo, referred on Monday 26 October, is brought into care by Priya on
// Monday 2 November 2026 under section 20, with foster carers 3.2 miles
// from home; the record shows him looked
// after, with the care plan, first visit and first review due. On
// Wednesday 18 November the carers ask for the placement to end and he
// moves to a children's home out of the area. His first review is held
// today (Tuesday 24 November), and then he goes home to his parents as
// the care plan intended. Each step shows on the record.
func TestAChildComesIntoCareMovesIsReviewedAndGoesHome(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		a.user("priya", "Priya Shah", auth.SocialWorker, nil)
		a.user("hana", "Hana Iqbal", auth.ServiceManager, nil)
		team, err := a.st.CreateTeam(context.Background(), store.System, casework.Team{Name: "Children in care team", Kind: "children_in_care"})
		if err != nil {
			t.Fatal(err)
		}
		leo := a.referredTo(team, "C2001", "Leo", "Marsh", date(2026, 10, 26))
		id := leo.ID

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("priya")
		b.open(fmt.Sprintf("/children/%d", id))

		b.nextStep(id, "care/start", "Bring into care")
		b.do("fill in coming into care",
			typeDate("start_date", "2", "11", "2026"),
			chromedp.SetValue(chromedp.ID("legal_status"), "V2"),
			chromedp.SetValue(chromedp.ID("category_of_need"), "N1"),
			fill("iro", "Irene Oduya"),
			chromedp.SetValue(chromedp.ID("placement_type"), "U6"),
			chromedp.SetValue(chromedp.ID("provider"), "PR1"),
			fill("postcode", "NE1 4AB"),
			chromedp.SetValue(chromedp.ID("urn"), "XXXXXXX"),
			fill("distance", "3.2"),
			chromedp.Click(chromedp.ID("in_area-yes")),
			chromedp.Click(chromedp.ID("school_move-no")))
		b.screenshot("bring-into-care")
		b.save("save coming into care", id, "The child is now looked after")
		if got := b.text("case-state"); got != "Looked after" {
			t.Errorf("the case is %q, want Looked after", got)
		}
		mustContain(t, "legal status", b.text("care-legal-status"), "V2", "2 November 2026")
		mustContain(t, "placement", b.text("care-placement"), "U6", "NE1 4AB", "3.2 miles", "in the area")
		// Care plan within 10 working days (Mon 16 Nov, now overdue), the
		// first review within 20 working days (Mon 30 Nov), the first
		// visit within a week (Mon 9 Nov).
		b.wantDue("cla_care_plan", "Care plan", "Mon 16 Nov 2026", "Overdue")
		b.wantDue("cla_review_1", "First looked-after review", "Mon 30 Nov 2026")
		b.wantDue("cla_visit_first", "Mon 9 Nov 2026", "Overdue")
		b.screenshot("record-looked-after")

		b.nextStep(id, "care/move", "Move placement")
		b.do("fill in the move",
			typeDate("start_date", "18", "11", "2026"),
			chromedp.SetValue(chromedp.ID("change_reason"), "CREQB"),
			chromedp.SetValue(chromedp.ID("placement_type"), "K2"),
			chromedp.SetValue(chromedp.ID("provider"), "PR4"),
			fill("postcode", "DH1 1AA"),
			chromedp.SetValue(chromedp.ID("urn"), "XXXXXXX"),
			fill("distance", "24"),
			chromedp.Click(chromedp.ID("in_area-no")),
			chromedp.Click(chromedp.ID("school_move-yes")))
		b.screenshot("move-placement")
		b.save("save the move", id, "Placement move recorded")
		mustContain(t, "placement", b.text("care-placement"), "K2", "18 Nov 2026", "24.0 miles", "out of the area", "change of school")
		mustContain(t, "chronology", b.text("chronology"), "Placement ended: Carer requested placement end due to child's behaviour",
			"Placed: Children's home")
		// The move restarts the visits: within a week of 18 November.
		b.wantDue("cla_visit_first", "Wed 25 Nov 2026")

		b.nextStep(id, "care/review", "Record a looked-after review")
		if got := b.value("iro"); got != "Irene Oduya" {
			t.Errorf("the review form offers IRO %q, want the episode's", got)
		}
		b.do("fill in the review",
			typeDate("date", "24", "11", "2026"),
			chromedp.SetValue(chromedp.ID("participation"), "PN1"),
			fill("notes", "Leo wants to go home; plan for return next week."))
		b.screenshot("review")
		b.save("save the review", id, "Review recorded")
		b.wantNoDue("cla_review_1")
		// The second review within 3 months of the first: Wed 24 Feb 2027.
		b.wantDue("cla_review_2", "Wed 24 Feb 2027")
		mustContain(t, "chronology", b.text("chronology"), "Looked-after review", "Chaired by Irene Oduya")

		b.nextStep(id, "care/end", "End the period of care")
		b.do("fill in the end of care",
			typeDate("end_date", "24", "11", "2026"),
			chromedp.SetValue(chromedp.ID("reason"), "E4A"))
		b.save("end care", id, "The child is no longer looked after")
		if b.count("#care-placement") != 0 {
			t.Error("the record still shows a placement after care ended")
		}
		mustContain(t, "chronology", b.text("chronology"), "Stopped being looked after: Returned home as part of the care planning process")
		b.wantNoDue("cla_review_2")
		b.screenshot("record-after-care")

		// Hana, head of service, looks at placements as at yesterday, when
		// Leo still lived 24 miles away, out of the area, with no family
		// time arranged.
		h := b.otherSession()
		h.open("/sign-in")
		h.signIn("hana")
		h.do("open placement sufficiency",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/sufficiency"]`))),
			chromedp.WaitVisible(chromedp.ID("asat-form")),
			typeDate("asat", "23", "11", "2026"),
			follow(chromedp.Click(chromedp.ID("show"))),
			chromedp.WaitVisible(chromedp.ID("distance")))
		mustContain(t, "sufficiency", h.text("looked-after"), "1 children looked after", "1 out of the area", "1 placement moves", "1 school moves")
		for _, list := range []string{"far-no-family-time", "out-of-area", "moves", "school-moves"} {
			mustContain(t, list, h.text(list), "Leo Marsh")
		}
		h.screenshot("sufficiency")
		h.do("open Leo from the list",
			follow(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#out-of-area a[href="/children/%d"]`, id)))),
			chromedp.WaitVisible(chromedp.ID("child-name")))
	})
}
