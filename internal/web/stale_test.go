package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// duty is the colleague who saves over the record while a form is open.
var duty = store.Actor{Name: "Pat Duty"}

// staleCase is one form opened, the record changed by someone else, and
// the form saved: refused naming them, the text typed kept, nothing
// overwritten; then saved again deliberately.
type staleCase struct {
	name   string
	path   string // under the child's record
	form   url.Values
	keeps  string                     // text typed that the refused page must keep
	change func(t *testing.T, a *app) // someone else's save while the form is open
	intact func(t *testing.T, cf casework.CaseFile)
	again  bool // a second save from the refused page goes through
}

func TestAFormSavedOverSomeoneElsesChangeIsRefused(t *testing.T) {
	mon := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	must := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cases := []staleCase{{
		name: "the personal adviser", path: "leaving-care/adviser", keeps: "Lee Adviser", again: true,
		form: dateForm("adviser_from", mon, url.Values{"adviser": {"Lee Adviser"}}),
		change: func(t *testing.T, a *app) {
			cf, _ := a.st.CaseFile(ctx, a.child.ID)
			cl := *cf.Leaver
			cl.Adviser = "Kim Adviser"
			_, err := a.st.SaveCareLeaver(ctx, duty, cl)
			must(t, err)
		},
		intact: func(t *testing.T, cf casework.CaseFile) {
			if cf.Leaver.Adviser != "Kim Adviser" {
				t.Errorf("adviser = %q, want Pat Duty's", cf.Leaver.Adviser)
			}
		},
	}, {
		name: "the end of care", path: "care/end", again: true,
		form: dateForm("end_date", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), url.Values{"reason": {"E13"}}),
		change: func(t *testing.T, a *app) {
			_, err := a.st.RecordCareEvent(ctx, duty, casework.CareEvent{ChildID: a.child.ID, Kind: casework.CareReview,
				Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), IRO: "Ola Chair", Participation: "PN1"})
			must(t, err)
		},
		intact: func(t *testing.T, cf casework.CaseFile) {
			if cf.OpenCareEpisode() == nil {
				t.Error("the period of care was ended by the stale save")
			}
		},
	}, {
		// the pre-proceedings the form was opened on ended and new ones
		// started: the save must not end the new ones
		name: "the end of pre-proceedings", path: "plo/end",
		form: dateForm("date", time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), nil),
		change: func(t *testing.T, a *app) {
			cf, _ := a.st.CaseFile(ctx, a.child.ID)
			must(t, a.st.EndPreProceedings(ctx, duty, a.child.ID, cf.OpenPLO().Version, time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)))
			_, err := a.st.StartPreProceedings(ctx, duty, casework.PreProceedings{ChildID: a.child.ID,
				StartDate: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
			must(t, err)
		},
		intact: func(t *testing.T, cf casework.CaseFile) {
			if cf.OpenPLO() == nil {
				t.Error("the new pre-proceedings were ended by a form opened on the old ones")
			}
		},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, "sqlite")
			a.linkWorker(t)
			setUpStale(t, a, mon)
			sw := a.signIn(auth.SocialWorker)
			path := fmt.Sprintf("/children/%d/%s", a.child.ID, c.path)
			page := sw.get(path)
			if page.code != http.StatusOK {
				t.Fatalf("GET %s: %d", path, page.code)
			}
			form := withHidden(page.body, c.form)
			c.change(t, a)
			res := sw.post(path, form)
			if res.code != http.StatusUnprocessableEntity {
				t.Fatalf("stale save: %d, want 422\n%s", res.code, res.body)
			}
			mustContain(t, res.body, "Pat Duty changed this record", "Your changes have not been saved")
			if c.keeps != "" {
				mustContain(t, res.body, c.keeps)
			}
			cf, err := a.st.CaseFile(ctx, a.child.ID)
			must(t, err)
			c.intact(t, cf)
			if !c.again {
				return
			}
			if res := sw.post(path, withHidden(res.body, c.form)); res.code != http.StatusSeeOther {
				t.Errorf("a deliberate second save: %d, want 303\n%s", res.code, res.body[strings.Index(res.body, "<main"):])
			}
		})
	}
}

// setUpStale makes the app's child 17 and gives them a care leaver record, a period of
// care and pre-proceedings for the forms to change.
func setUpStale(t *testing.T, a *app, mon time.Time) {
	t.Helper()
	id := a.child.ID
	c := a.child
	born := time.Date(2009, 3, 14, 0, 0, 0, 0, time.UTC) // 17: looked after, and eligible for leaving care
	c.DateOfBirth = &born
	_, err := a.st.UpdateChild(ctx, store.System, c)
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.st.StartCare(ctx, store.System, casework.CareStart{
		Episode:     casework.CareEpisode{ChildID: id, StartDate: mon, CategoryOfNeed: "N1", IRO: "Irene Oduya"},
		LegalStatus: casework.LegalStatus{StartDate: mon, Code: "V2"},
		Placement:   casework.Placement{StartDate: mon, Type: "U6", Provider: "PR1", Postcode: "NE1 4AB", DistanceMiles: 3, InArea: true}})
	if err == nil {
		_, err = a.st.SaveCareLeaver(ctx, store.System, casework.CareLeaver{ChildID: id, Category: casework.LeaverEligible,
			From: mon, Adviser: "Pat Adviser", AdviserFrom: &mon})
	}
	if err == nil {
		_, err = a.st.StartPreProceedings(ctx, store.System, casework.PreProceedings{ChildID: id, StartDate: mon})
	}
	if err != nil {
		t.Fatal(err)
	}
}
