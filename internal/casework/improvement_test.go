package casework_test

import (
	"errors"
	"testing"
	"time"

	"sightline/internal/casework"
)

func iday(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestActionRAGRule(t *testing.T) {
	asAt := iday("2026-06-01")
	base := casework.Action{RecommendationID: 1, Description: "x", OwnerName: "A", DueDate: iday("2026-09-01"), Status: casework.StatusInProgress}
	with := func(f func(*casework.Action)) casework.Action { a := base; f(&a); return a }
	tests := []struct {
		rule string
		a    casework.Action
		inds []string
		want string
	}{
		{"done is green even when late", with(func(a *casework.Action) {
			a.Status, a.DueDate, a.CompletedOn = casework.StatusDone, iday("2026-01-01"), iday("2026-02-01")
		}), []string{"red"}, "green"},
		{"blocked is red", with(func(a *casework.Action) { a.Status = casework.StatusBlocked }), nil, "red"},
		{"past due and not done is red", with(func(a *casework.Action) { a.DueDate = iday("2026-05-31") }), nil, "red"},
		{"due on the as-at date is not yet overdue", with(func(a *casework.Action) { a.DueDate = asAt }), nil, "green"},
		{"not started and due within 28 days is amber", with(func(a *casework.Action) {
			a.Status, a.DueDate = casework.StatusNotStarted, iday("2026-06-29")
		}), nil, "amber"},
		{"not started and due after 28 days is green", with(func(a *casework.Action) {
			a.Status, a.DueDate = casework.StatusNotStarted, iday("2026-06-30")
		}), nil, "green"},
		{"on time with a linked indicator red is amber", base, []string{"green", "red"}, "amber"},
		{"on time with linked indicators amber is green", base, []string{"amber", ""}, "green"},
		{"a rating set by hand wins", with(func(a *casework.Action) {
			a.Status, a.RAGOverride, a.OverrideReason = casework.StatusBlocked, "amber", "unblocked next week"
		}), nil, "amber"},
	}
	for _, tt := range tests {
		if got := casework.ActionRAG(tt.a, asAt, tt.inds); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.rule, got, tt.want)
		}
	}
}

func fieldOf(t *testing.T, err error, field string) {
	t.Helper()
	var v *casework.ValidationError
	if !errors.As(err, &v) || v.For(field) == "" {
		t.Errorf("want an error on %s, got %v", field, err)
	}
}

func TestActionValidation(t *testing.T) {
	good := casework.Action{RecommendationID: 1, Description: "Audit CP plans", OwnerName: "Head of service", DueDate: iday("2026-09-01"), Status: casework.StatusNotStarted}
	if err := good.Validate(); err != nil {
		t.Fatalf("a complete action was refused: %v", err)
	}
	tests := []struct {
		rule  string
		f     func(*casework.Action)
		field string
	}{
		{"an action needs an owner", func(a *casework.Action) { a.OwnerName = " " }, "owner"},
		{"an action needs a due date", func(a *casework.Action) { a.DueDate = time.Time{} }, "due_date"},
		{"a done action needs a completion date", func(a *casework.Action) { a.Status = casework.StatusDone }, "completed_on"},
		{"an unfinished action has no completion date", func(a *casework.Action) { a.CompletedOn = iday("2026-01-01") }, "completed_on"},
		{"the status is one of the four", func(a *casework.Action) { a.Status = "paused" }, "status"},
		{"a rating set by hand needs a reason", func(a *casework.Action) { a.RAGOverride = "green" }, "override_reason"},
		{"a rating set by hand is red, amber or green", func(a *casework.Action) { a.RAGOverride, a.OverrideReason = "blue", "x" }, "rag_override"},
		{"an action needs a description", func(a *casework.Action) { a.Description = "" }, "description"},
	}
	for _, tt := range tests {
		a := good
		tt.f(&a)
		t.Run(tt.rule, func(t *testing.T) { fieldOf(t, a.Validate(), tt.field) })
	}
}

func TestEvidenceAndNoteValidation(t *testing.T) {
	known := func(id string) bool { return id == "cp_plans_per_10k" }
	fieldOf(t, casework.Evidence{ActionID: 1, Kind: casework.EvidenceIndicator, IndicatorID: "cp_plan_per_10k"}.Validate(known), "indicator_id")
	fieldOf(t, casework.Evidence{ActionID: 1, Kind: casework.EvidenceAudit, AuditTheme: "Planning"}.Validate(known), "summary")
	fieldOf(t, casework.Evidence{ActionID: 1}.Validate(known), "kind")
	if err := (casework.Evidence{ActionID: 1, Kind: casework.EvidenceIndicator, IndicatorID: "cp_plans_per_10k"}).Validate(known); err != nil {
		t.Errorf("a known indicator was refused: %v", err)
	}
	fieldOf(t, casework.ProgressNote{ActionID: 1, Date: iday("2026-07-01"), Text: "x"}.Validate(iday("2026-06-01")), "note_date")
	fieldOf(t, casework.ProgressNote{ActionID: 1, Date: iday("2026-05-01")}.Validate(iday("2026-06-01")), "text")
	fieldOf(t, casework.Recommendation{Text: "x", Source: "ILACS", Theme: "CP"}.Validate(), "inspection_date")
}
