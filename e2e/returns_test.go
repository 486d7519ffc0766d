package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"sightline/internal/auth"
	"sightline/internal/store"
	"sightline/internal/synth"
)

// generate writes a small synthetic authority whose history runs to 30
// June 2026 into the app's database.
func (a *app) generate() {
	a.t.Helper()
	ctx := context.Background()
	sc, _ := synth.LookupScenario("steady")
	sz, _ := synth.LookupSize("small")
	ids, err := a.st.NextIDs(ctx)
	if err != nil {
		a.t.Fatal(err)
	}
	au, err := synth.Generate(synth.Config{Scenario: sc, Size: sz, Seed: 3, AsAt: date(2026, 6, 30), IDs: ids})
	if err != nil {
		a.t.Fatal(err)
	}
	w := a.st.SyntheticWriter()
	defer w.Close()
	for b := range au.Batches(25000) {
		if _, err := w.Write(ctx, store.System, b); err != nil {
			a.t.Fatal(err)
		}
	}
}

// An analyst checks the CIN census before downloading it: the page lists
// the failures by rule, and a child's LA child ID opens the record to fix.
func TestAnAnalystChecksTheCINCensusAndOpensAChildToFix(t *testing.T) {
	a := startApp(t, "sqlite")
	a.generate()
	a.user("priya", "Priya Shah", auth.PerformanceAnalyst, nil)
	b := newBrowser(t, a.url)
	b.open("/sign-in")
	b.signIn("priya")
	b.open("/returns")
	b.do("see the census check", chromedp.WaitVisible(chromedp.ID("cin-summary")))
	mustContain(t, "summary", b.text("cin-summary"), "2025 to 2026 census holds", "children", "The DfE's rules find")
	// Which rules a generated authority breaks depends on the generator;
	// a census of 469 children always has queries to explain.
	mustContain(t, "rules", b.text("cin-rules"), "Failures by rule", "query")
	b.screenshot("returns")
	// A rule about the whole return (2888Q) names no child: open the first
	// rule that does.
	b.do("show the children of the first rule naming a child",
		chromedp.Click(chromedp.CSS("details[id^='rule-']:has(a.govuk-link) summary")))
	first := "details[id^='rule-'][open] a.govuk-link"
	if b.count(first) == 0 {
		t.Fatal("no failure links to a child's record")
	}
	child := b.textOf(first)
	b.screenshot("rule-open")
	b.do("open the first child named", follow(chromedp.Click(chromedp.CSS(first))))
	if !strings.HasPrefix(b.path(), "/children/") {
		t.Fatalf("the link led to %s, want a child's record", b.path())
	}
	laID, _, _ := strings.Cut(child, ":")
	mustContain(t, "record", b.textOf("main"), strings.TrimSpace(laID))
	b.screenshot("record")
}

// An analyst asks for the Annex A lists as at a day typed the wrong way:
// the page comes back with the error beside the field and the text kept.
func TestAnAnalystAsksForAnnexAAsAtADay(t *testing.T) {
	a := startApp(t, "sqlite")
	a.user("priya", "Priya Shah", auth.PerformanceAnalyst, nil)
	b := newBrowser(t, a.url)
	b.open("/sign-in")
	b.signIn("priya")
	b.open("/returns")
	b.do("see the Annex A box", chromedp.WaitVisible(chromedp.ID("annexa-form")))
	if v := b.value("as_at"); v == "" {
		t.Error("the inspection date should start at today")
	}
	b.screenshot("annexa")
	b.do("ask for a day that is not a date", clear("as_at"), fill("as_at", "30 June"),
		follow(chromedp.Click(chromedp.ID("annexa-download"))), chromedp.WaitVisible(chromedp.ID("error-summary")))
	mustContain(t, "error summary", b.text("error-summary"), "Enter the inspection date as a date")
	if v := b.value("as_at"); v != "30 June" {
		t.Errorf("the date as typed is lost: %q", v)
	}
	b.screenshot("annexa-error")
}
