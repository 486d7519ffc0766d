package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// The register of placement providers: Ofsted-registered settings, from
// which a placement's URN is chosen. Managers and analysts read it with
// the placement sufficiency page (PermViewSufficiency); heads of service
// and analysts change it (PermManageProviders), one provider at a time
// here or a whole list with `sightline import providers`.
func (s *Server) providerRoutes() []route {
	return []route{
		{"GET /providers", auth.PermViewSufficiency, s.providersPage},
		{"GET /providers/new", auth.PermManageProviders, s.providerFormShow},
		{"POST /providers/new", auth.PermManageProviders, s.providerFormSave},
		{"GET /providers/{id}/edit", auth.PermManageProviders, s.providerFormShow},
		{"POST /providers/{id}/edit", auth.PermManageProviders, s.providerFormSave},
	}
}

type providersPage struct {
	basePage
	Providers []casework.Provider
	Total     int    // in the register, before the search
	Query     string // ?q=: part of a URN, name or postcode
	Closed    bool   // ?closed=1: settings whose registration has ended too
	CanEdit   bool
}

// providersPage lists the register. An authority's register runs to
// hundreds of settings: the page finds them by part of a URN, name or
// postcode, and shows those still registered unless asked for all.
func (s *Server) providersPage(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.store.Providers(r.Context())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := providersPage{basePage: s.base(r, "Placement providers"), Total: len(ps), Query: strings.TrimSpace(q.Get("q")),
		Closed: q.Get("closed") == "1", CanEdit: allowed(r, auth.PermManageProviders)}
	p.Providers = matchingProviders(ps, p.Query, p.Closed, s.today())
	if r.URL.Query().Get("saved") == "provider" {
		p.Notice = "Provider saved"
	}
	s.render(w, r, http.StatusOK, "providers", p)
	return nil
}

type providerFormPage struct {
	basePage
	Heading, Action, Version string
	Fields                   []field
	Restore                  bool
}

// providerFields are the questions about a provider, filled from p.
func providerFields(p casework.Provider) []field {
	var places []casework.Code
	for _, c := range casework.PlacementTypes() {
		if casework.TakesURN(c.Code) {
			places = append(places, casework.Code{Code: c.Code, Label: c.Code + ": " + c.Label})
		}
	}
	providers := withCodes(casework.PlacementProviders())[1:] // not PR0, parents
	fs := []field{
		textF("urn", "Ofsted URN", "As Ofsted gives it, for example SC123456"),
		textF("name", "Name of the setting", ""),
		selectF("type", "Ofsted provider type", casework.ProviderTypes(), p.Type),
		checksF("place_codes", "Placement types it takes", "SSDA903 PLACE: the rules check a placement's type against these (rule 219)", places),
		checksF("provider_codes", "Who provides it", "SSDA903 PLACE_PROVIDER (rule 224)", providers),
		textF("postcode", "Postcode of the setting", "For example, NE1 4AB (rule 221 compares a home's with the placement's)"),
		textF("la_code", "Local authority it is in", "The authority's three-digit DfE number, for example 391 (rule 229)"),
		dateF("registered", "Date registered with Ofsted", p.Registered),
		optDateF("closed", "Date the registration ended (optional)", "Leave blank while it is open"),
	}
	fs[0].Value, fs[1].Value, fs[5].Value, fs[6].Value = p.URN, p.Name, p.Postcode, p.LACode
	fs[3].Values, fs[4].Values = p.PlaceCodes, p.ProviderCodes
	if p.Registered.IsZero() {
		fs[7].Date = dateField{}
	}
	if p.Closed != nil {
		fs[8].Date = dateFieldOf(p.Closed)
	}
	return fs
}

// providerOf reads the form into a provider, adding date errors to v.
func providerOf(v *casework.ValidationError, f form) casework.Provider {
	p := casework.Provider{URN: f.text("urn"), Name: f.text("name"), Type: f.text("type"),
		PlaceCodes: f.Values["place_codes"], ProviderCodes: f.Values["provider_codes"],
		Postcode: f.text("postcode"), LACode: f.text("la_code"), Closed: f.optDate(v, "closed", "Date the registration ended")}
	if d := readDate(f.Values, "registered").parse(v, "registered", "Date registered with Ofsted"); d != nil {
		p.Registered = *d
	}
	return p
}

// editedProvider is the provider of /providers/{id}/edit, nil for /new.
func (s *Server) editedProvider(r *http.Request) (*casework.Provider, error) {
	if r.PathValue("id") == "" {
		return nil, nil
	}
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	p, err := s.store.Provider(r.Context(), id)
	return &p, err
}

func (s *Server) providerPage(r *http.Request, p *casework.Provider) providerFormPage {
	page := providerFormPage{basePage: s.base(r, "Add a placement provider"), Heading: "Add a placement provider", Action: r.URL.Path}
	if p != nil {
		page.Title, page.Heading = "Edit "+p.Name, "Edit "+p.Name
		page.Version = strconv.Itoa(p.Version)
	}
	return page
}

func (s *Server) providerFormShow(w http.ResponseWriter, r *http.Request) error {
	p, err := s.editedProvider(r)
	if err != nil {
		return err
	}
	page := s.providerPage(r, p)
	if p != nil {
		page.Fields = providerFields(*p)
	} else {
		page.Fields = providerFields(casework.Provider{})
	}
	if kept, ok := s.takeDraft(r); ok {
		page.Fields, page.Restore, page.Version = fill(page.Fields, kept), true, kept.Get("version")
	}
	s.render(w, r, http.StatusOK, "provider_form", page)
	return nil
}

func (s *Server) providerFormSave(w http.ResponseWriter, r *http.Request) error {
	was, err := s.editedProvider(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	err = s.saveProvider(r, was, form{r.PostForm})
	if problem := formProblem(err); problem != nil {
		page := s.providerPage(r, was)
		page.Fields, page.Version, page.Errors = fill(providerFields(casework.Provider{}), r.PostForm), r.PostFormValue("version"), problem
		markErrors(page.Fields, problem)
		s.render(w, r, http.StatusUnprocessableEntity, "provider_form", page)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/providers?saved=provider", http.StatusSeeOther)
	return nil
}

// saveProvider adds the provider, or saves the edit from the version read.
func (s *Server) saveProvider(r *http.Request, was *casework.Provider, f form) error {
	v := &casework.ValidationError{}
	p := providerOf(v, f)
	if v.Err() != nil {
		mergeErrors(v, p.Validate())
		return v
	}
	actor := currentUser(r).Actor()
	if was == nil {
		_, err := s.store.CreateProvider(r.Context(), actor, p)
		return err
	}
	p.ID = was.ID
	p.Version, _ = strconv.Atoi(f.Get("version"))
	_, err := s.store.UpdateProvider(r.Context(), actor, p)
	return err
}

// urnF is the Ofsted URN question of a placement form: a provider of the
// register, or XXXXXXX for a setting not registered with Ofsted; left
// blank for the types that take none. Were the register unreadable the
// form still offers XXXXXXX: the save checks the URN against it anyway.
//
// The register of a large authority runs to hundreds of settings, too
// many to pick from a list: the field takes the URN typed, suggesting the
// register's settings by URN, name and postcode as the user types.
func urnF(a *actionCtx) field {
	opts := []casework.Code{{Code: casework.NotRegisteredURN, Label: "XXXXXXX: a setting not registered with Ofsted"}}
	ps, err := a.s.store.Providers(a.r.Context())
	if err != nil {
		a.s.log.Error("placement form: the register of providers", "err", err)
	}
	for _, p := range ps {
		label := p.URN + ": " + p.Name + " (" + casework.LabelOf(casework.ProviderTypes(), p.Type) + ", " + p.Postcode +
			"; takes " + strings.Join(p.PlaceCodes, " ") + " as " + strings.Join(p.ProviderCodes, " ") + ")"
		if p.Closed != nil {
			label += ", closed " + p.Closed.Format("2 January 2006")
		}
		opts = append(opts, casework.Code{Code: p.URN, Label: label})
	}
	f := selectF("urn", "Ofsted URN of the setting", opts, "")
	f.Kind = "suggest"
	f.Hint = "Type the URN, or the setting's name or postcode to find it in the register of placement providers; XXXXXXX for a " +
		"setting not registered with Ofsted. Leave blank for a placement with parents, in residential employment, " +
		"R1, R2, R5, temporary or Z11 to Z14: those take no URN"
	return f
}

// urnOf is the URN typed on a placement form, in capitals and without
// spaces, as the register holds it ("sc 123456" is SC123456).
func urnOf(f form) string {
	return strings.ToUpper(strings.Join(strings.Fields(f.text("urn")), ""))
}

// matchingProviders are the providers with query in their URN, name or
// postcode (any case; spaces in a postcode or URN ignored), open on day
// today unless closed too are wanted.
func matchingProviders(ps []casework.Provider, query string, closed bool, today time.Time) []casework.Provider {
	squash := func(v string) string { return strings.ToUpper(strings.Join(strings.Fields(v), "")) }
	want := squash(query)
	var out []casework.Provider
	for _, p := range ps {
		if !closed && p.Closed != nil && !p.Closed.After(today) {
			continue
		}
		if want != "" && !strings.Contains(squash(p.URN), want) && !strings.Contains(squash(p.Name), want) &&
			!strings.Contains(squash(p.Postcode), want) {
			continue
		}
		out = append(out, p)
	}
	return out
}
