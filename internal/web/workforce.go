package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/returns/workforce"
)

// workforcePage is the workforce register and its figures as at a date.
type workforcePage struct {
	basePage
	AsAt        time.Time
	AsAtField   dateField
	Teams       []casework.Team
	TeamID      int64
	Scope       string // "All teams" or the team's name
	PickTeam    bool   // the role may choose any team
	CanEdit     bool
	CanExport   bool
	Query       string // as_at and team, for links that keep the view
	From        time.Time
	Tiles       []wfTile
	Tables      []wfTable
	Census      wfCensus
	Sources     string
	RegionName  string
	Uncosted    int
	WorkingDays int
}

// wfCensus is the census download box: the year, and what would be left
// out if it were downloaded now.
type wfCensus struct {
	Year     int
	Years    []int
	Date     time.Time
	Workers  int
	Problems []workforce.Problem
	Summary  string // "For 30 September 2026 the census holds 14 workers; 1 is left out…"
}

// workforce shows the figures as at a date (default today) beside England
// and the region, the 12 months by month, and the register.
func (s *Server) workforce(w http.ResponseWriter, r *http.Request) error {
	p, err := s.workforceData(r)
	if err != nil {
		return err
	}
	if n, ok := wfNotices[r.URL.Query().Get("saved")]; ok {
		p.Notice = n
	}
	s.render(w, r, http.StatusOK, "workforce", p)
	return nil
}

// workforceData works out everything the page and its downloads show.
func (s *Server) workforceData(r *http.Request) (*workforcePage, error) {
	ctx := r.Context()
	teams, err := s.store.Teams(ctx)
	if err != nil {
		return nil, err
	}
	p := &workforcePage{basePage: s.base(r, "Workforce"), Teams: teams, PickTeam: allowed(r, auth.PermViewAllTeams),
		CanEdit: allowed(r, auth.PermManageWorkforce), CanExport: allowed(r, auth.PermReturns), RegionName: wfRegionName, Sources: wfSources}
	if p.TeamID, p.Scope, err = workforceTeam(r, teams); err != nil {
		return nil, err
	}
	p.AsAt, p.AsAtField, p.Errors = s.workforceAsAt(r)
	q := url.Values{"as_at": {calendar.FormatDate(p.AsAt)}}
	if p.TeamID != 0 {
		q.Set("team", strconv.FormatInt(p.TeamID, 10))
	}
	p.Query = q.Encode()
	reg, err := s.store.WorkforceRegister(ctx, p.TeamID)
	if err != nil {
		return nil, err
	}
	cal, err := s.store.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	current, err := s.store.RegisterAsAt(ctx, p.TeamID, p.AsAt)
	if err != nil {
		return nil, err
	}
	f := reg.FiguresAt(p.AsAt, cal)
	p.From, p.Uncosted, p.WorkingDays = f.From, f.UncostedAgency, f.WorkingDays
	p.Tiles = wfTiles(f, p.AsAt)
	p.Tables = []wfTable{wfFiguresTable(p.Tiles), wfMonthsTable(reg.Monthly(p.AsAt, cal)), wfPostsTable(current),
		wfPeopleTable(current, p.CanEdit), wfLeaversTable(reg, f.From, p.AsAt), wfAbsencesTable(reg, f.From, p.AsAt, cal)}
	if p.CanExport {
		if p.Census, err = s.wfCensusBox(r, reg, p.TeamID, p.AsAt, cal); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// workforceTeam is the team the page is for: for those who see every
// team (PermViewAllTeams) the ?team= chosen, or every team; for others
// (team managers) their own team.
func workforceTeam(r *http.Request, teams []casework.Team) (int64, string, error) {
	u := currentUser(r)
	q := r.URL.Query().Get("team")
	if !allowed(r, auth.PermViewAllTeams) {
		if u.TeamID == nil {
			return 0, "", fmt.Errorf("%s %d has no team: %w", u.Role, u.ID, casework.ErrForbidden)
		}
		if q != "" && q != strconv.FormatInt(*u.TeamID, 10) {
			return 0, "", fmt.Errorf("%s asked for team %s: %w", u.Role, q, casework.ErrForbidden)
		}
		q = strconv.FormatInt(*u.TeamID, 10)
	}
	if q == "" || q == "0" {
		return 0, "All teams", nil
	}
	for _, t := range teams {
		if strconv.FormatInt(t.ID, 10) == q {
			return t.ID, t.Name, nil
		}
	}
	return 0, "", fmt.Errorf("team %q: %w", q, casework.ErrNotFound)
}

// workforceAsAt reads the date asked for, from the three date boxes or an
// as_at=YYYY-MM-DD link, defaulting to today. A wrong date comes back as
// an error on the form, with today's figures.
func (s *Server) workforceAsAt(r *http.Request) (time.Time, dateField, *casework.ValidationError) {
	today := s.today()
	q := r.URL.Query()
	field := readDate(q, "as_at")
	if iso := q.Get("as_at"); iso != "" && field.Empty() {
		if d, err := time.Parse("2006-01-02", iso); err == nil {
			return d, dateFieldOf(&d), nil
		}
		field = dateField{Year: iso}
	}
	if field.Empty() {
		return today, dateFieldOf(&today), nil
	}
	v := &casework.ValidationError{}
	if d := field.parse(v, "as_at", "Date"); d != nil {
		return *d, field, nil
	}
	if !v.Has("as_at") {
		v.Add("as_at", "Enter a real date")
	}
	return today, field, v
}

// wfNotices are the confirmations after each form.
var wfNotices = map[string]string{
	"post": "Post added to the establishment", "worker": "Worker added to the register", "edit": "Worker's record saved",
	"leaver": "Leaver recorded", "absence": "Absence recorded",
}

// wfCensusBox is the census download for 30 September of the chosen year
// (?year=, by default the latest on or before the as-at date), over every team,
// with the workers it would leave out.
func (s *Server) wfCensusBox(r *http.Request, reg casework.Register, teamID int64, asAt time.Time, cal casework.WorkingDays) (wfCensus, error) {
	latest := asAt.Year()
	if asAt.Before(workforce.ReferenceDate(latest)) {
		latest--
	}
	c := wfCensus{Year: latest}
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y > 2000 && y <= latest+1 {
		c.Year = y
	}
	for y := latest + 1; y >= latest-5; y-- {
		c.Years = append(c.Years, y)
	}
	c.Date = workforce.ReferenceDate(c.Year)
	in, err := s.wfCensusInput(r, reg, teamID, c.Date, cal)
	if err != nil {
		return c, err
	}
	built := workforce.Build(in)
	c.Workers, c.Problems = len(built.Workers), built.Problems
	left := map[int64]bool{}
	for _, p := range built.Problems {
		left[p.WorkerID] = true
	}
	c.Summary = fmt.Sprintf("For 30 September %d the census holds %s, from every team.", c.Year, wfPlural(c.Workers, "worker"))
	if len(left) > 0 {
		c.Summary = fmt.Sprintf("For 30 September %d the census holds %s, from every team. %s left out until the problems below are fixed.",
			c.Year, wfPlural(c.Workers, "worker"), wfPlural(len(left), "worker is", "workers are"))
	}
	return c, nil
}

// wfPlural is "1 worker" or "3 workers"; a third argument gives an
// irregular plural ("1 worker is", "2 workers are").
func wfPlural(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// wfCensusInput gathers the census's input: the whole authority's register
// (re-read when the page shows one team) and the cases held on the date.
func (s *Server) wfCensusInput(r *http.Request, reg casework.Register, teamID int64, on time.Time, cal casework.WorkingDays) (workforce.Input, error) {
	var err error
	if teamID != 0 {
		if reg, err = s.store.WorkforceRegister(r.Context(), 0); err != nil {
			return workforce.Input{}, err
		}
	}
	cases, err := s.store.CasesHeld(r.Context(), on)
	if err != nil {
		return workforce.Input{}, err
	}
	return workforce.Input{Register: reg, AsAt: on, CasesHeld: cases, Calendar: cal}, nil
}

// workforceCensus downloads the census for 30 September of ?year=.
func (s *Server) workforceCensus(w http.ResponseWriter, r *http.Request) error {
	year, err := strconv.Atoi(r.URL.Query().Get("year"))
	if err != nil || year < 2000 || year > s.today().Year()+1 {
		return fmt.Errorf("census year %q: %w", r.URL.Query().Get("year"), casework.Invalid("year", "Choose a census year"))
	}
	reg, err := s.store.WorkforceRegister(r.Context(), 0)
	if err != nil {
		return err
	}
	cal, err := s.store.Calendar(r.Context())
	if err != nil {
		return err
	}
	in, err := s.wfCensusInput(r, reg, 0, workforce.ReferenceDate(year), cal)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := workforce.Export(&buf, in); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+workforce.Filename(in.AsAt)+`"`)
	_, err = w.Write(buf.Bytes())
	return err
}
