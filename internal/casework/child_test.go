package casework_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"sightline/internal/casework"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func ptr[T any](v T) *T { return &v }

var today = day(2026, 11, 24)

func validChild() casework.Child {
	return casework.Child{LAChildID: "C1", FirstName: "Maya", LastName: "Brooks", DateOfBirth: ptr(day(2015, 3, 14)),
		Sex: "F", Ethnicity: "WBRI", UPN: "A123456789012", NHSNumber: "9434765919"}
}

func TestChildValidationNamesEachFieldInError(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*casework.Child)
		fields []string
	}{
		{"a valid child", func(*casework.Child) {}, nil},
		{"a birth in the future", func(c *casework.Child) { c.DateOfBirth = ptr(today.AddDate(0, 0, 1)) }, []string{"date_of_birth"}},
		{"an unborn child with an expected date only", func(c *casework.Child) {
			c.DateOfBirth, c.ExpectedBirth, c.Sex = nil, ptr(today.AddDate(0, 2, 0)), "U"
		}, nil},
		{"no date of birth at all", func(c *casework.Child) { c.DateOfBirth = nil }, []string{"date_of_birth"}},
		{"death before birth", func(c *casework.Child) { c.DateOfDeath = ptr(day(2014, 1, 1)) }, []string{"date_of_death"}},
		{"no name", func(c *casework.Child) { c.FirstName, c.LastName = "", "" }, []string{"last_name"}},
		{"unknown sex code", func(c *casework.Child) { c.Sex = "X" }, []string{"sex"}},
		{"unknown ethnicity", func(c *casework.Child) { c.Ethnicity = "ZZZZ" }, []string{"ethnicity"}},
		{"rule 8790: NONE with another disability", func(c *casework.Child) { c.Disabilities = []string{"NONE", "AUT"} }, []string{"disabilities"}},
		{"rule 8794: a disability twice", func(c *casework.Child) { c.Disabilities = []string{"AUT", "AUT"} }, []string{"disabilities"}},
		{"bad UPN and NHS number together", func(c *casework.Child) { c.UPN, c.NHSNumber = "B123456789012", "9434765918" },
			[]string{"nhs_number", "upn"}},
		{"rule 1580: LA child ID with punctuation", func(c *casework.Child) { c.LAChildID = "C-1" }, []string{"la_child_id"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := validChild()
			tc.change(&c)
			err := c.Validate(today)
			var v *casework.ValidationError
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("Validate = %v, want no error", err)
				}
				return
			}
			if !errors.As(err, &v) || !errors.Is(err, casework.ErrInvalid) {
				t.Fatalf("Validate = %v, want a ValidationError", err)
			}
			if got := v.Fields(); !reflect.DeepEqual(got, tc.fields) {
				t.Errorf("fields in error = %v, want %v", got, tc.fields)
			}
		})
	}
}

func TestAgeOn(t *testing.T) {
	c := validChild() // born 14 March 2015
	for _, tc := range []struct {
		on   time.Time
		want int
	}{
		{day(2026, 3, 13), 10}, {day(2026, 3, 14), 11}, {day(2015, 3, 14), 0},
	} {
		if got, ok := c.AgeOn(tc.on); !ok || got != tc.want {
			t.Errorf("age on %s = %d, %v; want %d", tc.on.Format("2006-01-02"), got, ok, tc.want)
		}
	}
	if _, ok := c.AgeOn(day(2015, 3, 13)); ok {
		t.Error("a child has no age before birth")
	}
	leap := casework.Child{DateOfBirth: ptr(day(2016, 2, 29))}
	if got, _ := leap.AgeOn(day(2017, 2, 28)); got != 0 {
		t.Errorf("a 29 February child is %d on 28 February the next year, want 0", got)
	}
}

func TestNoteValidation(t *testing.T) {
	good := casework.Note{Date: today, Kind: "case_note", Subject: "Visit", Body: "Seen."}
	if err := good.Validate(today); err != nil {
		t.Fatalf("a good note: %v", err)
	}
	bad := casework.Note{Date: today.AddDate(0, 0, 1), Kind: "gossip", Subject: " ", Body: ""}
	var v *casework.ValidationError
	if !errors.As(bad.Validate(today), &v) || !reflect.DeepEqual(v.Fields(), []string{"body", "date", "kind", "subject"}) {
		t.Errorf("bad note errors = %v", v)
	}
}

func TestConflictErrorNamesWhoChangedTheRecord(t *testing.T) {
	err := error(&casework.ConflictError{Entity: "child", ID: 7, ChangedBy: "Dan Smith", ChangedAt: time.Date(2026, 11, 24, 10, 4, 0, 0, time.UTC)})
	if !errors.Is(err, casework.ErrConflict) || err.Error() != "child 7 was changed by Dan Smith at 10:04 on 24 Nov 2026" {
		t.Errorf("conflict error = %q", err)
	}
}
