package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
)

// childForm is a child's details as typed.
type childForm struct {
	LAChildID    string
	FirstName    string
	LastName     string
	KnownAs      string
	Birth        dateField
	Sex          string
	Gender       string
	Ethnicity    string
	UPN          string
	NHSNumber    string
	Disabilities []string
	Version      int
}

type childEditPage struct {
	basePage
	Child        casework.Child // as stored now
	Form         childForm
	Sexes        []casework.Code
	Ethnicities  []casework.Code
	Disabilities []casework.Code
	Conflict     bool
	Heading      string
	Action       string
	Back         string
}

func childFormOf(c casework.Child) childForm {
	return childForm{LAChildID: c.LAChildID, FirstName: c.FirstName, LastName: c.LastName, KnownAs: c.KnownAs,
		Birth: dateFieldOf(c.DateOfBirth), Sex: c.Sex, Gender: c.Gender, Ethnicity: c.Ethnicity, UPN: c.UPN,
		NHSNumber: c.NHSNumber, Disabilities: c.Disabilities, Version: c.Version}
}

func readChildForm(v url.Values) childForm {
	f := childForm{LAChildID: strings.TrimSpace(v.Get("la_child_id")), FirstName: v.Get("first_name"),
		LastName: v.Get("last_name"), KnownAs: v.Get("known_as"), Birth: readDate(v, "date_of_birth"),
		Sex: v.Get("sex"), Gender: v.Get("gender"), Ethnicity: v.Get("ethnicity"), UPN: v.Get("upn"),
		NHSNumber: v.Get("nhs_number"), Disabilities: v["disabilities"]}
	f.Version, _ = strconv.Atoi(v.Get("version"))
	return f
}

// apply copies the form onto the stored child, collecting date errors.
func (f childForm) apply(c casework.Child, v *casework.ValidationError) casework.Child {
	c.LAChildID, c.FirstName, c.LastName, c.KnownAs = f.LAChildID, f.FirstName, f.LastName, f.KnownAs
	c.Sex, c.Gender, c.Ethnicity, c.UPN, c.NHSNumber = f.Sex, f.Gender, f.Ethnicity, f.UPN, f.NHSNumber
	c.Disabilities, c.Version = f.Disabilities, f.Version
	if f.Birth.Empty() {
		c.DateOfBirth = nil
	} else if d := f.Birth.parse(v, "date_of_birth", "Date of birth"); d != nil {
		c.DateOfBirth = d
	}
	return c
}

func (s *Server) childEditPage(r *http.Request, c casework.Child) childEditPage {
	title := "Edit details of " + c.FullName()
	return childEditPage{basePage: s.base(r, title), Child: c, Sexes: casework.Sexes(), Heading: title,
		Ethnicities: casework.Ethnicities(), Disabilities: casework.Disabilities(),
		Action: fmt.Sprintf("/children/%d/edit", c.ID), Back: fmt.Sprintf("/children/%d", c.ID)}
}

func (s *Server) editChildForm(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "edit")
	if err != nil {
		return err
	}
	p := s.childEditPage(r, c)
	p.Form = childFormOf(c)
	s.render(w, r, http.StatusOK, "child_edit", p)
	return nil
}

func (s *Server) editChild(w http.ResponseWriter, r *http.Request) error {
	c, err := s.loadChild(r, "edit")
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := s.childEditPage(r, c)
	p.Form = readChildForm(r.PostForm)
	v := &casework.ValidationError{}
	edited := p.Form.apply(c, v)
	if v.Err() == nil {
		_, err = s.store.UpdateChild(r.Context(), currentUser(r).Actor(), edited)
	} else {
		mergeErrors(v, edited.Validate(s.today()))
		err = v
	}
	if problem := formProblem(err); problem != nil {
		p.Errors = problem
		var conflict *casework.ConflictError
		if errors.As(err, &conflict) {
			// Show the record as it is now and let a deliberate second
			// save go ahead against it; the user's text stays in the form.
			p.Conflict, p.Form.Version = true, c.Version
		}
		s.render(w, r, http.StatusUnprocessableEntity, "child_edit", p)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/children/%d?saved=details", c.ID), http.StatusSeeOther)
	return nil
}

func ptrTime(t time.Time) *time.Time { return &t }
