package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
)

// A personal adviser's journey: Jay left care at 17, turned 18 on 1
// November 2025 and 19 on 1 November 2026. His worker records him as a
// former relevant child from 2 December 2025, his pathway plan and,
// on 3 November, the record of his 19th birthday: in touch, not in
// education, employment or training, in bed and breakfast. The care
// leavers list then shows him among those not in education, employment or
// training and in unsuitable accommodation, no longer due a birthday
// contact. Today is Tuesday 24 November 2026.
func TestAWorkerRecordsACareLeaversNineteenthBirthdayAndSeesThemOnTheList(t *testing.T) {
	eachBackend(t, func(t *testing.T, a *app) {
		a.user("sam", "Sam Taylor", auth.SocialWorker, nil)
		jay := a.child("CL1901", "Jay", "Reed", date(2007, 11, 1), "M")
		id := jay.ID

		b := newBrowser(t, a.url)
		b.open("/sign-in")
		b.signIn("sam")
		b.open(fmt.Sprintf("/children/%d", id))
		b.nextStep(id, "leaving-care/eligibility", "Record leaving-care eligibility")
		b.screenshot("eligibility-form")
		b.do("record that Jay is a former relevant child who left care on 2 January 2025",
			chromedp.Click(chromedp.ID("category-former_relevant")),
			typeDate("from", "2", "12", "2025"),
			typeDate("care_started", "1", "5", "2019"),
			typeDate("care_ended", "2", "1", "2025"))
		b.save("save eligibility", id, "Leaving-care eligibility recorded")
		mustContain(t, "case summary", b.text("care-leaver"), "Former relevant child from 2 December 2025")

		b.nextStep(id, "leaving-care/adviser", "Record the personal adviser")
		b.do("name the personal adviser", fill("adviser", "Sam Taylor"), typeDate("adviser_from", "2", "1", "2025"))
		b.save("save adviser", id, "Personal adviser recorded")

		b.nextStep(id, "leaving-care/pathway", "Record a pathway plan or its review")
		b.do("record the pathway plan of 1 June 2026", chromedp.Click(chromedp.ID("kind-plan")), typeDate("date", "1", "6", "2026"))
		b.save("save pathway plan", id, "Pathway plan recorded")
		b.wantDue("pathway_plan_review", "1 Dec 2026")
		b.wantDue("care_leaver_birthday_contact", "19th birthday", "1 Dec 2026")
		b.screenshot("record-before-birthday")

		b.nextStep(id, "leaving-care/birthday", "Record accommodation and education, employment or training at a birthday")
		b.do("record the 19th birthday",
			chromedp.SetValue(chromedp.ID("birthday"), "19"),
			typeDate("date", "3", "11", "2026"),
			chromedp.Click(chromedp.ID("in_touch-YES")),
			chromedp.SetValue(chromedp.ID("activity"), "G5"),
			chromedp.SetValue(chromedp.ID("accom_type"), "W"),
			chromedp.Click(chromedp.ID("accom_suitable-no")))
		b.screenshot("birthday-form")
		b.save("save the birthday record", id, "Birthday record saved")
		b.wantNoDue("care_leaver_birthday_contact")
		mustContain(t, "case summary", b.text("leaver-status"), "Bed and breakfast (not suitable)", "Unsuitable accommodation")

		b.do("open the care leavers list",
			follow(chromedp.Click(chromedp.CSS(`#navigation a[href="/care-leavers"]`))),
			chromedp.WaitVisible(chromedp.ID("care-leavers")))
		b.screenshot("care-leavers")
		mustContain(t, "care leavers", b.text("care-leavers"), "Jay Reed", "Former relevant child", "Sam Taylor",
			"Not in education, employment or training: other", "Bed and breakfast (not suitable)")
		b.do("show those not in education, employment or training",
			follow(chromedp.Click(chromedp.ID("show-not-in-eet"))),
			chromedp.WaitVisible(chromedp.ID("care-leavers")))
		mustContain(t, "not in EET", b.text("care-leavers"), "Jay Reed")
		b.do("show those due a birthday contact",
			follow(chromedp.Click(chromedp.ID("show-due"))),
			chromedp.WaitVisible(chromedp.ID("leavers-empty")))
		if strings.Contains(b.text("main-content"), "Jay Reed") {
			t.Error("Jay is listed as due a birthday contact after one in the window")
		}
	})
}
