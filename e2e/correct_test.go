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

// Leo is in care; a missing episode was recorded on his record that
// belongs to his brother. Priya marks it as entered in error from the
// chronology (a reason is required), corrects his placement's postcode,
// and finds that her end of his care, opened before a colleague recorded
// his review, is refused naming the colleague, her answers kept.
func TestARecordIsMarkedInErrorAndCorrectedAndAStaleSaveIsRefused(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		a.user("priya", "Priya Shah", auth.SocialWorker, nil)
		team, err := a.st.CreateTeam(ctx, store.System, casework.Team{Name: "Children in care team", Kind: "children_in_care"})
		if err != nil {
			t.Fatal(err)
		}
		leo := a.referredTo(team, "C2001", "Leo", "Marsh", date(2026, 10, 26))
		id := leo.ID
		if _, err := a.st.StartCare(ctx, store.System, casework.CareStart{
			Episode:     casework.CareEpisode{ChildID: id, StartDate: date(2026, 11, 2), CategoryOfNeed: "N1", IRO: "Irene Oduya"},
			LegalStatus: casework.LegalStatus{StartDate: date(2026, 11, 2), Code: "V2"},
			Placement: casework.Placement{StartDate: date(2026, 11, 2), Type: "U6", Provider: "PR1", Postcode: "NE1 4AB",
				DistanceMiles: 3.2, InArea: true, URN: casework.NotRegisteredURN}}); err != nil {
			t.Fatal(err)
		}
		ep, err := a.st.RecordMissingEpisode(ctx, store.System, casework.MissingEpisode{ChildID: id, From: "care", Kind: "M",
			StartDate: date(2026, 11, 20), ReportedToPolice: true})
		if err != nil {
			t.Fatal(err)
		}

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("priya")
		b.open(fmt.Sprintf("/children/%d", id))
		b.screenshot("record-with-links")
		mark := fmt.Sprintf("/children/%d/records/missing_episode/%d/error", id, ep.ID)
		b.do("open the mark", follow(chromedp.Click(chromedp.CSS(`a[href="`+mark+`"]`))), chromedp.WaitVisible(chromedp.ID("reason")))
		mustContain(t, "record", b.text("record-summary"), "Missing from care")
		b.screenshot("mark-in-error")
		b.do("mark without a reason", follow(chromedp.Click(chromedp.ID("mark-error"))))
		mustContain(t, "error summary", b.text("error-summary"), "Enter why the missing episode was entered in error")
		b.screenshot("mark-in-error-no-reason")
		b.do("give the reason", fill("reason", "Recorded on his brother's record"),
			follow(chromedp.Click(chromedp.ID("mark-error"))))
		if got := b.text("notice"); got != "Record marked as entered in error" {
			t.Errorf("banner %q", got)
		}
		mustContain(t, "chronology", b.text("chronology"), "Entered in error", "Missing from care")
		if cf, _ := a.st.CaseFile(ctx, id); len(cf.Missing) != 0 {
			t.Error("the episode is still on the case file")
		}

		cf, _ := a.st.CaseFile(ctx, id)
		place := fmt.Sprintf("/children/%d/care/placements/%d/correct", id, cf.Placements[0].ID)
		b.do("open the correction", follow(chromedp.Click(chromedp.CSS(`a[href="`+place+`"]`))), chromedp.WaitVisible(chromedp.ID("postcode")))
		b.do("correct the postcode", fill("postcode", "NE2 4AB"))
		b.screenshot("correct-placement")
		b.save("save the correction", id, "Placement corrected")
		mustContain(t, "placement", b.text("care-placement"), "NE2 4AB")

		b.open(fmt.Sprintf("/children/%d/care/end", id))
		b.do("fill in the end", typeDate("end_date", "24", "11", "2026"), chromedp.SetValue(chromedp.ID("reason"), "E13"))
		if _, err := a.st.RecordCareEvent(ctx, store.Actor{Name: "Dan Okafor"}, casework.CareEvent{ChildID: id,
			Kind: casework.CareReview, Date: date(2026, 11, 23), IRO: "Ola Chair", Participation: "PN1"}); err != nil {
			t.Fatal(err)
		}
		b.do("save over the review", follow(chromedp.Click(chromedp.ID("save"))))
		mustContain(t, "error summary", b.text("error-summary"), "Dan Okafor changed this record", "Your changes have not been saved")
		if got := b.value("end_date"); got != "24" {
			t.Errorf("the end date typed is %q after the refusal, want kept", got)
		}
		b.screenshot("stale-save-refused")
		if cf, _ := a.st.CaseFile(ctx, id); cf.OpenCareEpisode() == nil {
			t.Error("the stale save ended the period of care")
		}
	})
}

// Maya's care proceedings were issued on Monday 4 May 2026; on 20 October
// the court extended the timetable by 8 weeks because the expert's report
// was late. Priya records it; the court tracker's target moves from Sun 1
// Nov to Sun 27 Dec and the case is no longer shown as late.
func TestAnExtensionOfTheTimetableMovesTheTrackersTarget(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		a.user("priya", "Priya Shah", auth.SocialWorker, nil)
		a.user("hana", "Hana Iqbal", auth.ServiceManager, nil)
		maya := a.child("C3001", "Maya", "Brooks", date(2015, 3, 14), "F")
		if _, err := a.st.IssueProceedings(ctx, store.System, casework.Proceedings{ChildID: maya.ID, IssuedOn: date(2026, 5, 4),
			Court: "Family Court at Newcastle", Application: "care"}); err != nil {
			t.Fatal(err)
		}
		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("priya")
		b.open(fmt.Sprintf("/children/%d/proceedings/extend", maya.ID))
		b.do("fill in the extension", chromedp.Click(chromedp.ID("weeks-8")), typeDate("granted_on", "20", "10", "2026"),
			fill("reason", "The expert's report on the mother's capacity was delayed"))
		b.screenshot("extension")
		b.save("save the extension", maya.ID, "Extension recorded: the target date has moved")
		mustContain(t, "proceedings", b.text("proceedings"), "Week 30 of 34", "27 Dec 2026")

		m := b.otherSession()
		m.open("/sign-in")
		m.signIn("hana")
		m.open("/court")
		mustContain(t, "tracker", m.text("court-proceedings"), "Sun 27 Dec 2026", "8 weeks")
		if got := m.text("count-over"); got != "0" {
			t.Errorf("%s cases past their target, want 0", got)
		}
		m.screenshot("court-tracker")
	})
}
