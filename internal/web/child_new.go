package web

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"

	"sightline/internal/casework"
)

// newChildPage is the edit form for a child not yet known.
func (s *Server) newChildPage(r *http.Request) childEditPage {
	p := s.childEditPage(r, casework.Child{})
	p.Title, p.Heading, p.Back = "Add a child", "Add a child", "/children"
	p.Action = "/children/new"
	if r.URL.Query().Get("for") == "contact" {
		p.Action, p.Back = "/children/new?for=contact", "/children?for=contact"
	}
	return p
}

func (s *Server) newChildForm(w http.ResponseWriter, r *http.Request) error {
	p := s.newChildPage(r)
	p.Form = childForm{LastName: r.URL.Query().Get("name")}
	s.render(w, r, http.StatusOK, "child_edit", p)
	return nil
}

// createChild adds a child, then goes on to record the contact that
// brought them in when the front door asked for it.
func (s *Server) createChild(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p := s.newChildPage(r)
	p.Form = readChildForm(r.PostForm)
	v := &casework.ValidationError{}
	c := p.Form.apply(casework.Child{}, v)
	if c.LAChildID == "" {
		c.LAChildID = newLAChildID()
	}
	var err error
	if v.Err() == nil {
		c, err = s.store.CreateChild(r.Context(), currentUser(r).Actor(), c)
	} else {
		mergeErrors(v, c.Validate(s.today()))
		err = v
	}
	if problem := formProblem(err); problem != nil {
		p.Errors = problem
		s.render(w, r, http.StatusUnprocessableEntity, "child_edit", p)
		return nil
	}
	if err != nil {
		return err
	}
	next := fmt.Sprintf("/children/%d?saved=details", c.ID)
	if r.URL.Query().Get("for") == "contact" {
		next = fmt.Sprintf("/children/%d/contacts/new", c.ID)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// newLAChildID makes an identifier for a child added here: "SL" and ten
// random digits (uniqueness is still checked when saving).
func newLAChildID() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1e10))
	return fmt.Sprintf("SL%010d", n.Int64())
}
