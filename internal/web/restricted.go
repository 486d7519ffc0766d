package web

import (
	"net/http"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/store"
)

// restrictedNote stands in for the details of a restricted child in a
// list: the row shows that something is there without saying who or what.
const restrictedNote = "Restricted record: only named staff can see it"

// hiddenChildren are the restricted children the user is not named on.
func (s *Server) hiddenChildren(r *http.Request) (map[int64]bool, error) {
	return s.store.RestrictedFor(r.Context(), currentUser(r).ID)
}

// hideContacts blanks the details of contacts about hidden children.
func hideContacts(rows []store.ContactRow, hidden map[int64]bool) {
	for i := range rows {
		if hidden[rows[i].ChildID] {
			rows[i].ChildName, rows[i].Concerns, rows[i].SourceDetail = restrictedNote, "", ""
		}
	}
}

// hideChildren blanks the names of hidden children in a team or work list.
func hideChildren(rows []childTasks, hidden map[int64]bool) {
	for i := range rows {
		if hidden[rows[i].Child.ID] {
			rows[i].Child.FirstName, rows[i].Child.LastName, rows[i].Child.KnownAs = restrictedNote, "", ""
			rows[i].Hidden = true
		}
	}
}

// hideAuthorisations blanks hidden children in the sign-off queue.
func hideAuthorisations(items []store.Authorisation, hidden map[int64]bool) {
	for i := range items {
		if hidden[items[i].ChildID] {
			items[i].ChildName, items[i].Summary = restrictedNote, ""
		}
	}
}

// hiddenAmong is hiddenChildren for a few children already loaded: only
// the restricted ones among them are looked up, so that a short list does
// not read every restricted child of the authority.
func (s *Server) hiddenAmong(r *http.Request, children []casework.Child) (map[int64]bool, error) {
	u := currentUser(r)
	out := map[int64]bool{}
	for _, c := range children {
		if !c.Restricted || out[c.ID] {
			continue
		}
		access, err := s.store.ChildAccess(r.Context(), c.ID)
		if err != nil {
			return nil, err
		}
		out[c.ID] = !auth.CanViewChild(auth.Subject{UserID: u.ID, Role: u.Role}, access)
	}
	return out, nil
}
