package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
)

// The returns page's checks are kept while the record stands still and
// built again as soon as anything is written.
func TestTheReturnsPageKeepsItsChecksUntilTheRecordChanges(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		b := a.signIn(auth.PerformanceAnalyst)
		first := b.get("/returns")
		if first.code != http.StatusOK {
			t.Fatalf("status %d\n%s", first.code, first.body)
		}
		mustContain(t, first.body, "Checked at 10:00:00", `id="cin-clean"`)

		a.clock.advance(5 * time.Minute)
		again := b.get("/returns")
		mustContain(t, again.body, "Checked at 10:00:00")
		if strings.Contains(again.body, "Checked at 10:05:00") {
			t.Error("a second look with the record unchanged checked the returns again")
		}

		referredWithoutNeed(t, a)
		after := b.get("/returns")
		mustContain(t, after.body, "Checked at 10:05:00", `id="rule-8610"`)
		if strings.Contains(after.body, `id="cin-clean"`) {
			t.Error("after a write the page still shows the check of the record before it")
		}
	})
}
