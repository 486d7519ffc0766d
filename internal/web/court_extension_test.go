package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
)

// Proceedings issued on Mon 4 May 2026 end their 26 weeks on Sun 1 Nov;
// the court extends them by 8 weeks on 20 October, so the target is Sun
// 27 Dec and, on 24 November, the case is in week 30 of 34 and not late.
func TestAnExtensionMovesTheCaseTargetOnTheTrackerAndTheRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		a.linkWorker(t)
		sw := a.signIn(auth.SocialWorker)
		id := a.child.ID
		issued := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
		sw.step(t, id, "proceedings/issue", dateForm("issued_on", issued, url.Values{"court": {"Family Court at Newcastle"},
			"application": {"care"}}))
		granted := time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)
		res := sw.submit("/children/"+itoa(id)+"/proceedings/extend", dateForm("granted_on", granted,
			url.Values{"weeks": {"12"}, "reason": {"Expert report delayed"}}))
		if res.code != http.StatusUnprocessableEntity {
			t.Fatalf("an extension of 12 weeks: %d, want 422", res.code)
		}
		mustContain(t, res.body, "An extension is of 1 to 8 weeks", "Expert report delayed")
		sw.step(t, id, "proceedings/extend", dateForm("granted_on", granted, url.Values{"weeks": {"8"},
			"reason": {"Expert report delayed"}}))
		rec := sw.get("/children/" + itoa(id)).body
		mustContain(t, rec, "Week 30 of 34", "extended by the court to end Sun 27 Dec 2026", "Timetable extended by 8 weeks (s.32(5))")
		if strings.Contains(rec, "Over 34 weeks") {
			t.Error("the extended case shows as late")
		}
		tracker := a.signIn(auth.ServiceManager).get("/court").body
		mustContain(t, tracker, "Sun 27 Dec 2026", "26 weeks and 8 weeks' extension", `id="count-over">0<`)
	})
}
