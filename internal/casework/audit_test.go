package casework_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"sightline/internal/casework"
)

func TestGradeCodesAreOfstedsFourJudgementsBestFirst(t *testing.T) {
	want := []casework.Code{{"outstanding", "Outstanding"}, {"good", "Good"},
		{"requires_improvement", "Requires improvement"}, {"inadequate", "Inadequate"}}
	if got := casework.Grades(); !reflect.DeepEqual(got, want) {
		t.Errorf("Grades() = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		code string
		ok   bool
	}{
		{"outstanding", true}, {"good", true}, {"requires_improvement", true}, {"inadequate", true},
		{"", false}, {"Good", false}, {"requires improvement", false}, {"satisfactory", false}, {"1", false},
	} {
		if got := casework.ValidGrade(tc.code); got != tc.ok {
			t.Errorf("ValidGrade(%q) = %v, want %v", tc.code, got, tc.ok)
		}
	}
}

func TestGradeCountsCountEachGradeAndTheShareGoodOrBetter(t *testing.T) {
	for _, tc := range []struct {
		name    string
		add     []string
		want    casework.GradeCounts
		percent int
		any     bool
	}{
		{"nothing counted", nil, casework.GradeCounts{}, 0, false},
		{"one of each", []string{"outstanding", "good", "requires_improvement", "inadequate"},
			casework.GradeCounts{1, 1, 1, 1}, 50, true},
		{"two good of three", []string{"good", "good", "inadequate"}, casework.GradeCounts{Good: 2, Inadequate: 1}, 67, true},
		{"one good of three rounds down", []string{"good", "inadequate", "inadequate"}, casework.GradeCounts{Good: 1, Inadequate: 2}, 33, true},
		{"an unknown grade is not counted", []string{"satisfactory", "good"}, casework.GradeCounts{Good: 1}, 100, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var g casework.GradeCounts
			for _, code := range tc.add {
				g.Add(code, 1)
			}
			if g != tc.want {
				t.Errorf("counts = %+v, want %+v", g, tc.want)
			}
			if p, ok := g.GoodOrBetterPercent(); p != tc.percent || ok != tc.any {
				t.Errorf("GoodOrBetterPercent = %d, %v; want %d, %v", p, ok, tc.percent, tc.any)
			}
		})
	}
}

// auditTemplate is a small template: two themes, three questions.
func auditTemplate() casework.AuditTemplate {
	return casework.AuditTemplate{ID: 1, Name: "Test", Questions: []casework.AuditQuestion{
		{ID: 11, Position: 1, Theme: "Voice of the child", Text: "Is the child seen alone?"},
		{ID: 12, Position: 2, Theme: "Management oversight", Text: "Is there regular supervision?"},
		{ID: 13, Position: 3, Theme: "Voice of the child", Text: "Are the child's wishes recorded?"},
	}}
}

func validAudit() casework.Audit {
	return casework.Audit{ChildID: 1, Date: today, Overall: "requires_improvement", Summary: "Visits are late.",
		Answers: []casework.AuditAnswer{{QuestionID: 11, Grade: "good"}, {QuestionID: 12, Grade: "inadequate"},
			{QuestionID: 13, Grade: "requires_improvement", Comment: "Not in her words."}},
		Actions: []casework.AuditAction{{Text: "Visit Maya alone", OwnerID: 7, Due: today.AddDate(0, 0, 7)}},
	}
}

func TestAuditValidationNamesEachFieldInError(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*casework.Audit)
		fields []string
	}{
		{"a valid audit", func(*casework.Audit) {}, nil},
		{"no date", func(a *casework.Audit) { a.Date = time.Time{} }, []string{"audit_date"}},
		{"a date tomorrow", func(a *casework.Audit) { a.Date = today.AddDate(0, 0, 1) }, []string{"audit_date"}},
		{"a question not graded", func(a *casework.Audit) { a.Answers = a.Answers[:2] }, []string{"grade-13"}},
		{"a grade that is not one of the four", func(a *casework.Audit) { a.Answers[1].Grade = "satisfactory" }, []string{"grade-12"}},
		{"an answer to a question not in the template", func(a *casework.Audit) {
			a.Answers = append(a.Answers, casework.AuditAnswer{QuestionID: 99, Grade: "good"})
		}, []string{"form"}},
		{"a comment too long", func(a *casework.Audit) { a.Answers[0].Comment = strings.Repeat("é", casework.MaxAuditText+1) },
			[]string{"comment-11"}},
		{"no overall grade", func(a *casework.Audit) { a.Overall = "" }, []string{"overall"}},
		{"no summary", func(a *casework.Audit) { a.Summary = " \n" }, []string{"summary"}},
		{"an action without an owner", func(a *casework.Audit) { a.Actions[0].OwnerID = 0 }, []string{"action-1-owner"}},
		{"an action without a due date", func(a *casework.Audit) { a.Actions[0].Due = time.Time{} }, []string{"action-1-due"}},
		{"an action due before the audit", func(a *casework.Audit) { a.Actions[0].Due = today.AddDate(0, 0, -1) }, []string{"action-1-due"}},
		{"a second action with nothing to do", func(a *casework.Audit) {
			a.Actions = append(a.Actions, casework.AuditAction{OwnerID: 7, Due: today})
		}, []string{"action-2-text"}},
		{"a hand-back with owner, date and reason", func(a *casework.Audit) {
			a.HandBack = &casework.HandBack{OwnerID: 7, Due: today.AddDate(0, 0, 2), Reason: "No visit for 8 weeks"}
		}, nil},
		{"a hand-back without owner, date or reason", func(a *casework.Audit) { a.HandBack = &casework.HandBack{} },
			[]string{"handback_due", "handback_owner", "handback_reason"}},
		{"everything missing", func(a *casework.Audit) {
			*a = casework.Audit{Actions: []casework.AuditAction{{}}}
		}, []string{"action-1-due", "action-1-owner", "action-1-text", "audit_date", "grade-11", "grade-12", "grade-13", "overall", "summary"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := validAudit()
			tc.change(&a)
			checkFields(t, a.Validate(today, auditTemplate()), tc.fields)
		})
	}
}

func TestAnAuditActionWithoutAnOwnerIsRefusedInPlainWords(t *testing.T) {
	a := validAudit()
	a.Actions = append(a.Actions, casework.AuditAction{Text: "Update the chronology", Due: today})
	var v *casework.ValidationError
	if err := a.Validate(today, auditTemplate()); !errors.As(err, &v) {
		t.Fatalf("Validate = %v, want a ValidationError", err)
	}
	if got, want := v.For("action-2-owner"), "Choose who owns action 2"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

func TestAResolutionNeedsADateAndWhatWasDone(t *testing.T) {
	raised := day(2026, 11, 2)
	for _, tc := range []struct {
		name   string
		r      casework.Resolution
		fields []string
	}{
		{"done today", casework.Resolution{On: today, Note: "Visited, seen alone."}, nil},
		{"done the day it was raised", casework.Resolution{On: raised, Note: "Done."}, nil},
		{"no date", casework.Resolution{Note: "Done."}, []string{"resolved_on"}},
		{"in the future", casework.Resolution{On: today.AddDate(0, 0, 1), Note: "Done."}, []string{"resolved_on"}},
		{"before the audit", casework.Resolution{On: raised.AddDate(0, 0, -1), Note: "Done."}, []string{"resolved_on"}},
		{"nothing said", casework.Resolution{On: today, Note: "  "}, []string{"resolution"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFields(t, tc.r.Validate(today, raised, "resolution"), tc.fields)
		})
	}
}

func TestAnAuditTemplateNeedsQuestionsWithThemes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*casework.AuditTemplate)
		fields []string
	}{
		{"a valid template", func(*casework.AuditTemplate) {}, nil},
		{"no name", func(t *casework.AuditTemplate) { t.Name = "" }, []string{"name"}},
		{"no questions", func(t *casework.AuditTemplate) { t.Questions = nil }, []string{"questions"}},
		{"a question without a theme", func(t *casework.AuditTemplate) { t.Questions[1].Theme = " " }, []string{"question-2"}},
		{"a question without text", func(t *casework.AuditTemplate) { t.Questions[2].Text = "" }, []string{"question-3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tpl := auditTemplate()
			tc.change(&tpl)
			checkFields(t, tpl.Validate(), tc.fields)
		})
	}
	if got, want := auditTemplate().Themes(), []string{"Voice of the child", "Management oversight"}; !slices.Equal(got, want) {
		t.Errorf("Themes() = %v, want %v (in the order first asked)", got, want)
	}
}

func TestActionsAndHandBacksAreOverdueOnlyWhileOpenPastTheirDate(t *testing.T) {
	due := day(2026, 11, 20)
	done := day(2026, 11, 23)
	for _, tc := range []struct {
		name string
		got  bool
		want bool
	}{
		{"open action on its due date", casework.AuditAction{Status: "open", Due: today}.Overdue(today), false},
		{"open action the day after", casework.AuditAction{Status: "open", Due: due}.Overdue(today), true},
		{"done action past its date", casework.AuditAction{Status: "done", Due: due}.Overdue(today), false},
		{"open hand-back past its date", casework.HandBack{Due: due}.Overdue(today), true},
		{"resolved hand-back past its date", casework.HandBack{Due: due, ResolvedOn: &done}.Overdue(today), false},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: overdue = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

// checkFields fails unless err names exactly fields (nil: no error).
func checkFields(t *testing.T, err error, fields []string) {
	t.Helper()
	if fields == nil {
		if err != nil {
			t.Fatalf("error = %v, want none", err)
		}
		return
	}
	var v *casework.ValidationError
	if !errors.As(err, &v) || !errors.Is(err, casework.ErrInvalid) {
		t.Fatalf("error = %v, want a ValidationError naming %v", err, fields)
	}
	if got := slices.Compact(v.Fields()); !slices.Equal(got, fields) {
		t.Errorf("fields in error = %v, want %v (%v)", got, fields, err)
	}
	for _, e := range v.Errors {
		if e.Message == "" {
			t.Errorf("field %s has no message", e.Field)
		}
	}
}
