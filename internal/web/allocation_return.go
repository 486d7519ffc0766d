package web

import (
	"fmt"
	"net/http"
	"net/url"
)

// A case action taken from the allocation meeting's pages (the Allocate
// link of the queue) goes back to the page it came from, with the
// confirmation, rather than to the child's record: the manager allocates
// one child after another without losing their place. The page asks with
// ?return=, which stays on the form's address through a refused save.

// returnPages are the pages a case action may return to.
var returnPages = map[string]bool{"/allocation": true, "/caseloads": true, "/drift": true}

// returnTo is the page to return to that r asks for, or "" when it asks
// for none or for one that is not an allocation page (never another site).
func returnTo(r *http.Request) *url.URL {
	ret := r.URL.Query().Get("return")
	if ret == "" {
		return nil
	}
	u, err := url.Parse(ret)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !returnPages[u.Path] {
		return nil
	}
	q := url.Values{}
	for _, k := range []string{"team", "asat-day", "asat-month", "asat-year"} {
		if v := u.Query().Get(k); v != "" {
			q.Set(k, v)
		}
	}
	return &url.URL{Path: u.Path, RawQuery: q.Encode()}
}

// actionTarget is the address an action form posts to: its own, keeping
// the page to return to.
func actionTarget(r *http.Request) string {
	u := returnTo(r)
	if u == nil {
		return r.URL.Path
	}
	return r.URL.Path + "?" + url.Values{"return": {u.String()}}.Encode()
}

// savedTarget is where to go after action name was saved on a child: the
// page asked to return to, or the child's record, with the confirmation.
func savedTarget(r *http.Request, childID int64, name string) string {
	u := returnTo(r)
	if u == nil {
		return fmt.Sprintf("/children/%d?saved=%s", childID, url.QueryEscape(name))
	}
	q := u.Query()
	q.Set("saved", name)
	q.Set("child", fmt.Sprint(childID))
	u.RawQuery = q.Encode()
	return u.String()
}
