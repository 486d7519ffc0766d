package synth_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"sightline/internal/calendar"
	"sightline/internal/store"
	"sightline/internal/synth"
)

func firstIDsX() store.NextIDs {
	return store.NextIDs{Team: 1, Worker: 1, User: 1, Child: 1, Address: 1, Relationship: 1, Involvement: 1, Allocation: 1, Contact: 1, Referral: 1, Assessment: 1, Strategy: 1, S47: 1, Plan: 1, Conference: 1, CoreGroup: 1, Visit: 1, CINPlan: 1, CINReview: 1, Note: 1}
}

func TestZZExplore(t *testing.T) {
	if os.Getenv("EXPLORE") == "" && os.Getenv("SC") == "" && os.Getenv("SZ") == "" && os.Getenv("SEED") == "" {
		t.Skip()
	}
	scn := os.Getenv("SC")
	if scn == "" {
		scn = "steady"
	}
	szn := os.Getenv("SZ")
	if szn == "" {
		szn = "small"
	}
	seed, _ := strconv.Atoi(os.Getenv("SEED"))
	sc, _ := synth.LookupScenario(scn)
	sz, _ := synth.LookupSize(szn)
	asAt := sc.AsAt
	if asAt.IsZero() {
		asAt = calendar.Date(2026, 3, 31)
	}
	t0 := time.Now()
	a, err := synth.Generate(synth.Config{Scenario: sc, Size: sz, Seed: uint64(seed + 1), AsAt: asAt, IDs: firstIDsX()})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("time", time.Since(t0))
	rows := 0
	for b := range a.Batches(25000) {
		rows += synth.BatchRows(b)
	}
	files := caseFiles(a)
	fmt.Println("children", len(files), "rows", rows, "workers", len(a.Staff().Workers))
	all := measure(files, window{a.Start, a.AsAt}, sz.Population)
	fmt.Printf("%+v\n", all)
	last2 := measure(files, window{calendar.AddMonths(a.AsAt, -24), a.AsAt}, sz.Population)
	fmt.Printf("rereferral last 2y %.3f\n", last2.reReferral)
}

func TestZZRulesLA(t *testing.T) {
	if os.Getenv("LA") == "" {
		t.Skip()
	}
	for _, sc := range synth.ScenarioNames() {
		a := generate(t, sc, "la", 11)
		staff := a.Staff()
		for _, c := range a.Children() {
			if err := validateRecords(c, a.AsAt); err != nil {
				t.Fatalf("%s child %s: %v", sc, c.Children[0].LAChildID, err)
			}
			if err := replay(c, a.AsAt); err != nil {
				t.Fatalf("%s child %s: %v", sc, c.Children[0].LAChildID, err)
			}
			if err := checkLinks(c, staff); err != nil {
				t.Fatalf("%s child %s: %v", sc, c.Children[0].LAChildID, err)
			}
			if err := checkDates(c, a.Start, a.AsAt); err != nil {
				t.Fatalf("%s child %s: %v", sc, c.Children[0].LAChildID, err)
			}
		}
	}
}

func TestZZOne(t *testing.T) {
	if os.Getenv("ONE") == "" {
		t.Skip()
	}
	a := generate(t, os.Getenv("SC"), "la", 11)
	for _, c := range a.Children() {
		if c.Children[0].LAChildID != os.Getenv("ONE") {
			continue
		}
		fmt.Printf("%+v\n", c.Children[0])
		for _, r := range c.Referrals {
			fmt.Printf("ref %v dec %v closed %v %s\n", r.Date.Format("2006-01-02"), r.Decision, r.ClosureDate, r.ClosureReason)
		}
		for _, x := range c.Contacts {
			fmt.Printf("contact %v %s\n", x.Date.Format("2006-01-02"), x.Decision)
		}
		for _, x := range c.Allocations {
			fmt.Printf("alloc %v %v\n", x.StartDate.Format("2006-01-02"), x.EndDate)
		}
		for _, x := range c.Notes {
			fmt.Printf("note %v %s\n", x.Date.Format("2006-01-02"), x.Subject)
		}
		for _, x := range c.CINPlans {
			fmt.Printf("cin %v %v\n", x.StartDate.Format("2006-01-02"), x.EndDate)
		}
		for _, x := range c.Plans {
			fmt.Printf("cp %v %v\n", x.StartDate.Format("2006-01-02"), x.EndDate)
		}
		for _, x := range c.Assessments {
			fmt.Printf("asmt %+v\n", x)
		}
		for _, x := range c.Visits {
			fmt.Printf("visit %v\n", x.Date.Format("2006-01-02"))
		}
	}
}
