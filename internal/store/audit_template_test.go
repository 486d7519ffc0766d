package store_test

import (
	"errors"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// A manager rewords, retires and adds questions: the audits already done
// keep the questions they were graded against, new audits answer the new
// ones, and a revision made from a template replaced meanwhile is refused.
func TestRevisingTheAuditTemplateKeepsTheQuestionsOfAuditsDone(t *testing.T) {
	each(t, func(t *testing.T, s *store.Store) {
		w := newAuditWorld(t, s)
		child := w.openCase("A1", w.team)
		done := w.audit(child.ID, d(2026, 11, 20), casework.GradeGood, casework.GradeGood)

		qs := w.tpl.Questions
		revised := casework.AuditTemplate{Name: w.tpl.Name, Questions: []casework.AuditQuestion{
			{Theme: qs[0].Theme, Text: "Was the child seen, and seen alone, as often as the plan says?"}, // reworded
			// qs[1] retired; the rest kept as they were
		}}
		revised.Questions = append(revised.Questions, qs[2:]...)
		revised.Questions = append(revised.Questions, casework.AuditQuestion{Theme: "Family network", Text: "Was the wider family asked to help?"})
		mgr := w.owner
		now := must[casework.AuditTemplate](t)(s.ReviseAuditTemplate(ctx, mgr.Actor(), w.tpl.ID, revised))
		if len(now.Questions) != len(qs) || now.Questions[0].Text != revised.Questions[0].Text ||
			now.Questions[len(qs)-1].Theme != "Family network" || now.Questions[len(qs)-1].Position != len(qs) {
			t.Errorf("revised template = %+v", now.Questions)
		}

		old := must[casework.Audit](t)(s.Audit(ctx, done.ID))
		if len(old.Answers) != len(qs) || old.Answers[0].Question != qs[0].Text || old.Answers[1].Question != qs[1].Text {
			t.Errorf("the audit done before keeps its questions: got %q and %q, want %q and %q",
				old.Answers[0].Question, old.Answers[1].Question, qs[0].Text, qs[1].Text)
		}

		var answers []casework.AuditAnswer
		for _, q := range now.Questions {
			answers = append(answers, casework.AuditAnswer{QuestionID: q.ID, Grade: casework.GradeGood})
		}
		// An audit still answering the old questions is refused.
		_, err := s.RecordAudit(ctx, w.auditor.Actor(), casework.Audit{ChildID: child.ID, Date: d(2026, 11, 24),
			Overall: casework.GradeGood, Summary: "Again.", Answers: w.answers(casework.GradeGood)})
		if !errors.Is(err, casework.ErrInvalid) {
			t.Errorf("an audit on the retired template's questions = %v, want refused", err)
		}
		fresh := must[casework.Audit](t)(s.RecordAudit(ctx, w.auditor.Actor(), casework.Audit{ChildID: child.ID,
			Date: d(2026, 11, 24), Overall: casework.GradeGood, Summary: "Again.", Answers: answers}))
		if fresh.TemplateID != now.ID {
			t.Errorf("a new audit answers template %d, want the revised %d", fresh.TemplateID, now.ID)
		}

		// A second manager revising from the template she read before the
		// first revision is refused; nothing of hers is saved.
		other := newUser(t, s, "sue", auth.ServiceManager)
		_, err = s.ReviseAuditTemplate(ctx, other.Actor(), w.tpl.ID, casework.AuditTemplate{Name: "Mine",
			Questions: []casework.AuditQuestion{{Theme: "Recording", Text: "Is it up to date?"}}})
		var conflict *casework.ConflictError
		if !errors.As(err, &conflict) || conflict.ChangedBy != mgr.DisplayName {
			t.Errorf("a revision of a replaced template = %v, want a conflict naming %s", err, mgr.DisplayName)
		}
		if cur := must[casework.AuditTemplate](t)(s.CurrentAuditTemplate(ctx)); cur.ID != now.ID {
			t.Errorf("template in use after the refused revision: %d, want %d", cur.ID, now.ID)
		}
		_, err = s.ReviseAuditTemplate(ctx, mgr.Actor(), now.ID, casework.AuditTemplate{Name: "x",
			Questions: []casework.AuditQuestion{{Theme: "Recording"}}})
		wantFields(t, err, "question-1")
	})
}
