package ssda903

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"sightline/internal/casework"
	"sightline/internal/store"
)

// Options say which return to build.
type Options struct {
	Year Year
	// History adds to Episodes each child's episodes that ended before
	// the year: the care history the record holds, which the rules
	// looking back (199, 1000, 1001, 1002) can only guess from two years
	// of returns. For last year's return when sightline checks its own
	// export (ContextStore); never for a return sent.
	History bool
}

// Build makes the return of opts.Year from the children's case files (see
// store.CareCaseFiles), as the record stood on 31 March: what is dated
// later is left out. Children are in CHILD order, so the same record
// gives the same files.
func Build(files []casework.CaseFile, opts Options) *Return {
	r := NewReturn()
	sorted := slices.Clone(files)
	slices.SortStableFunc(sorted, func(a, b casework.CaseFile) int {
		return strings.Compare(a.Child.LAChildID, b.Child.LAChildID)
	})
	y := opts.Year
	for i := range sorted {
		cf := &sorted[i]
		eps := yearEpisodes(cf, y)
		if opts.History {
			addEpisodes(r, cf, earlierEpisodes(cf, y))
		}
		// A care leaver of the year who was not looked after in it is in
		// the Header too: it carries the identifiers of every child.
		if len(eps) > 0 || len(oc3Ages(cf, eps, y)) > 0 {
			addHeader(r, cf, eps, y)
		}
		oc2 := lookedAfterYearTo31March(cf, y)
		if len(eps) > 0 {
			addEpisodes(r, cf, eps)
			addReviews(r, cf, y)
			if oc2 {
				addOC2(r, cf, y)
			}
			addPlacedAdoption(r, cf, y)
			addPrevPerm(r, cf, eps, y)
			addMissing(r, cf, y)
			addSWEpisodes(r, cf, eps, y)
		}
		addAD1(r, cf, y)
		// A young person back in care for the whole year is in the OC2
		// cohort, not a care leaver of the year (rules 187 and 215).
		leaver := !oc2 && len(oc3Ages(cf, eps, y)) > 0
		if leaver {
			addOC3(r, cf, eps, y)
		}
		addUASC(r, cf, eps, leaver, y)
	}
	return r
}

// earlierEpisodes are the child's episodes that ended before the year.
func earlierEpisodes(cf *casework.CaseFile, y Year) []episode {
	var out []episode
	for _, p := range cf.CareEpisodes {
		for _, e := range episodesOf(cf, p) {
			if e.end != nil && e.end.Before(y.Start()) {
				out = append(out, e)
			}
		}
	}
	return out
}

// yearEpisodes are the child's episodes open at some time in the year, as
// at 31 March: an end after it is not yet known.
func yearEpisodes(cf *casework.CaseFile, y Year) []episode {
	var out []episode
	for _, p := range cf.CareEpisodes {
		for _, e := range episodesOf(cf, p) {
			if e.start.After(y.End()) || (e.end != nil && e.end.Before(y.Start())) {
				continue
			}
			if e.end != nil && e.end.After(y.End()) {
				e.end, e.rec = nil, ""
			}
			out = append(out, e)
		}
	}
	return out
}

func dobOf(c casework.Child) string { return dateOf(c.DateOfBirth) }

// upn is the UPN, else the reason there is none.
func upn(c casework.Child) string {
	if c.UPN != "" {
		return c.UPN
	}
	return c.UPNUnknown
}

// addHeader writes the child's identifiers and, for a girl looked after
// in the year (not only on short breaks), her motherhood (export_mother.go).
func addHeader(r *Return, cf *casework.CaseFile, eps []episode, y Year) {
	c := cf.Child
	m := motherhoodOf(cf, eps, y)
	r.Add(Header, c.ID, c.LAChildID, c.Sex, dobOf(c), c.Ethnicity, upn(c), m.Mother, dateOf(m.FirstChildBorn))
}

// addEpisodes writes the episodes. HOME_POST is the postcode of the home
// the child came into care from: the address held on the day the period
// of care began (DfE guidance: the home postcode at the start of being
// looked after), blank when none was held then. URN is the placement's
// Ofsted URN as recorded. A short break (legal status V3 or V4) has
// neither postcode nor URN (rules 214 and 398). A child recorded as UASC
// (now or formerly) has no HOME_POST: the DfE wants no distance from home
// for them (rule 406), which it works out from HOME_POST, and asks no
// postcode of them (rule 392b); a young person who arrived alone came
// into care from no home here.
func addEpisodes(r *Return, cf *casework.CaseFile, eps []episode) {
	for i, e := range eps {
		place, provider, post, urn, change := "", "", "", "", ""
		if e.placement != nil {
			place, provider, post = e.placement.Type, e.placement.Provider, casework.NormalisePostcode(e.placement.Postcode)
			urn = e.placement.URN
		}
		home := casework.HomePostcodeOn(cf.Addresses, e.period)
		if cf.Child.UASC {
			home = ""
		}
		if slices.Contains(shortBreakStatuses, e.legal) {
			home, post, urn = "", "", ""
		}
		// The reason for a change belongs to the episode a move ends.
		if e.rec == "X1" && i+1 < len(eps) && slices.Contains(moveRNEs, eps[i+1].rne) && e.placement != nil {
			change = e.placement.ChangeReason
		}
		r.Add(Episodes, cf.Child.ID, cf.Child.LAChildID, date(e.start), e.rne, e.legal, e.cin, place, provider,
			dateOf(e.end), e.rec, change, home, post, urn)
	}
}

// shortBreakStatuses are the legal statuses of a series of short breaks.
var shortBreakStatuses = []string{"V3", "V4"}

func inYear(d time.Time, y Year) bool { return !d.Before(y.Start()) && !d.After(y.End()) }

func addReviews(r *Return, cf *casework.CaseFile, y Year) {
	for _, e := range cf.CareEvents {
		if e.Kind == casework.CareReview && inYear(e.Date, y) {
			r.Add(Reviews, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), date(e.Date), e.Participation)
		}
	}
}

// lookedAfterYearTo31March reports whether a period of care covers the
// whole year to 31 March: the OC2 cohort.
func lookedAfterYearTo31March(cf *casework.CaseFile, y Year) bool {
	for _, p := range cf.CareEpisodes {
		if !p.StartDate.After(y.Start()) && (p.EndDate == nil || p.EndDate.After(y.End())) {
			return true
		}
	}
	return false
}

// addOC3 writes a care leaver who turned 17 to 21 in the year, with what
// the contact for that birthday recorded (blank when there was none, which
// rule 153 then reports).
func addOC3(r *Return, cf *casework.CaseFile, eps []episode, y Year) {
	c := cf.Child
	for _, age := range oc3Ages(cf, eps, y) {
		var touch, activ, accom string
		for _, k := range cf.LeaverContacts {
			if k.Birthday == age && !k.Date.After(y.End()) {
				touch, activ, accom = k.InTouch, k.Activity, k.Accom
			}
		}
		r.Add(OC3, c.ID, c.LAChildID, dobOf(c), touch, activ, accom)
	}
}

// oc3Ages are the birthdays from 17 to 21 a care leaver had in the year,
// given the episodes of the year, but a 17th or 18th birthday on which
// the young person was still looked after or after which they left care:
// the DfE wants nothing about that birthday (rules 1007 and 1016); nor a
// 17th or 18th birthday before their first period of care began (a young
// person who arrived alone at 17 and came into care after the year was
// no care leaver on their 17th birthday in it: rules 1001 and 1002).
func oc3Ages(cf *casework.CaseFile, eps []episode, y Year) []int {
	if cf.Leaver == nil || cf.Child.DateOfBirth == nil {
		return nil
	}
	var ages []int
	for age := 17; age <= 21; age++ {
		b := casework.BirthdayOn(*cf.Child.DateOfBirth, age)
		if inYear(b, y) && (age > 18 || (!firstCareAfter(cf.CareEpisodes, b) && !inCareOnOrAfter(eps, b))) {
			ages = append(ages, age)
		}
	}
	return ages
}

// inCareOnOrAfter: one of the episodes was open on day or ended after it.
// firstCareAfter reports whether the record's periods of care all began
// after day (false when it holds none: a care leaver's care may predate
// the record).
func firstCareAfter(periods []casework.CareEpisode, day time.Time) bool {
	for _, p := range periods {
		if !p.StartDate.After(day) {
			return false
		}
	}
	return len(periods) > 0
}

func inCareOnOrAfter(eps []episode, day time.Time) bool {
	for _, e := range eps {
		if (!e.start.After(day) && e.end == nil) || (e.end != nil && e.end.After(day)) {
			return true
		}
	}
	return false
}

// addAD1 writes a child adopted in the year, with who adopted as recorded
// with the adoption order (blank when it was not).
func addAD1(r *Return, cf *casework.CaseFile, y Year) {
	for _, p := range cf.Permanence {
		if p.AdoptionOrder != nil && inYear(*p.AdoptionOrder, y) {
			a, number := p.Adopters, ""
			if a.Number != 0 {
				number = strconv.Itoa(a.Number)
			}
			r.Add(AD1, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), dateOf(by(p.ShouldBePlaced, y)),
				dateOf(by(p.Matched, y)), a.FosterCarers, number, a.Sexes, a.LegalStatus)
		}
	}
}

// by is d when it is on or before 31 March, else nil.
func by(d *time.Time, y Year) *time.Time {
	if d == nil || d.After(y.End()) {
		return nil
	}
	return d
}

// addPlacedAdoption writes each decision that the child should be placed
// for adoption in force at some time in the year.
func addPlacedAdoption(r *Return, cf *casework.CaseFile, y Year) {
	for _, p := range cf.Permanence {
		if p.ShouldBePlaced == nil || p.ShouldBePlaced.After(y.End()) || (p.Reversed != nil && p.Reversed.Before(y.Start())) {
			continue
		}
		ceased, reason := by(p.Reversed, y), ""
		if ceased != nil {
			reason = p.ReversedReason
		}
		r.Add(PlacedAdoption, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), date(*p.ShouldBePlaced), dateOf(ceased), reason)
	}
}

// addMissing writes the missing and away periods of the year of a child
// looked after in it.
func addMissing(r *Return, cf *casework.CaseFile, y Year) {
	for _, m := range cf.Missing {
		if m.StartDate.After(y.End()) || (m.EndDate != nil && m.EndDate.Before(y.Start())) {
			continue
		}
		if m.From != "" && m.From != "care" {
			continue
		}
		r.Add(Missing, cf.Child.ID, cf.Child.LAChildID, dobOf(cf.Child), m.Kind, date(m.StartDate), dateOf(by(m.EndDate, y)))
	}
}

// WriteCSV writes one file of the return as CSV with its header row.
func (r *Return) WriteCSV(name string, w io.Writer) error {
	cw := csv.NewWriter(w)
	cols := Columns[name]
	if err := cw.Write(cols); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	for _, row := range r.Files[name] {
		for i, c := range cols {
			rec[i] = row.Get(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteZip writes every file of the return into one zip, as NAME.csv.
func (r *Return) WriteZip(w io.Writer) error {
	z := zip.NewWriter(w)
	for _, n := range FileNames {
		f, err := z.CreateHeader(&zip.FileHeader{Name: n + ".csv", Method: zip.Deflate,
			Modified: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if err := r.WriteCSV(n, f); err != nil {
			return fmt.Errorf("ssda903: write %s.csv: %w", n, err)
		}
	}
	return z.Close()
}

// ExportStore builds the return of opts.Year from st.
func ExportStore(ctx context.Context, st *store.Store, opts Options) (*Return, error) {
	files, err := st.CareCaseFiles(ctx, opts.Year.Start(), opts.Year.End())
	if err != nil {
		return nil, err
	}
	return Build(files, opts), nil
}

// ContextStore is the Context for checking sightline's own export of
// year y: Previous is the return of the year before as sightline writes
// it from the record as it stands (last year's return as the record now
// tells it, not the files sent then), with the earlier care history of
// every child of either year (Options.History), so that the rules
// comparing with last year's return run before download and those
// looking back see the whole record. Previous is left nil when the
// record holds no child for the year before: there is nothing to compare
// with (every child begun before the year would fail NoE).
func ContextStore(ctx context.Context, st *store.Store, y Year) (*Context, error) {
	files, err := st.CareCaseFiles(ctx, (y - 1).Start(), y.End())
	if err != nil {
		return nil, fmt.Errorf("ssda903: last year's return from the record: %w", err)
	}
	x := contextOf(files, y)
	return x, WithRegister(ctx, st, x)
}

// WithRegister gives x the provider information of sightline's register
// of placement providers and the authority's DfE number (the la_code
// setting), so that the rules checking URNs run on sightline's export.
func WithRegister(ctx context.Context, st *store.Store, x *Context) error {
	ps, err := st.Providers(ctx)
	if err != nil {
		return fmt.Errorf("ssda903: the register of placement providers: %w", err)
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		return fmt.Errorf("ssda903: settings: %w", err)
	}
	x.Providers, x.LACode = ProvidersByURN(ps), settings["la_code"].Value
	return nil
}

// contextOf is the Context of year y from the case files of y and the
// year before (see ContextStore).
func contextOf(files []casework.CaseFile, y Year) *Context {
	x := &Context{Year: y}
	if last := Build(files, Options{Year: y - 1, History: true}); len(last.Files[Header]) > 0 {
		x.Previous = last
	}
	return x
}

// ExportChecked is year y's return with the Context to check it
// (ContextStore), both built from one read of the case files of the two
// years: the page that checks the export before download would otherwise
// read the year's case files twice.
func ExportChecked(ctx context.Context, st *store.Store, y Year) (*Return, *Context, error) {
	files, err := st.CareCaseFiles(ctx, (y - 1).Start(), y.End())
	if err != nil {
		return nil, nil, fmt.Errorf("ssda903: the return and last year's from the record: %w", err)
	}
	x := contextOf(files, y)
	if err := WithRegister(ctx, st, x); err != nil {
		return nil, nil, err
	}
	r := Build(files, Options{Year: y})
	if err := WithDirectory(ctx, st, x, r); err != nil {
		return nil, nil, err
	}
	return r, x, nil
}

// WithDirectory works out r's postcode fields (PL_LA, PL_LOCATION,
// PL_DISTANCE), and last year's in x.Previous, from sightline's postcode
// directory as the DfE will, against the authority's ONS code (the
// la_area setting), so that the rules on them (DerivedRules) run on
// sightline's export. With no directory loaded or no la_area set they
// cannot: x.Derived stays false.
func WithDirectory(ctx context.Context, st *store.Store, x *Context, r *Return) error {
	settings, err := st.Settings(ctx)
	if err != nil {
		return fmt.Errorf("ssda903: settings: %w", err)
	}
	area := settings[AreaSetting].Value
	has, err := st.HasPostcodes(ctx) // cheap: a directory may hold millions
	if err != nil || !has || area == "" {
		return err
	}
	places, err := st.PostcodePlaces(ctx, Postcodes(r, x.Previous))
	if err != nil {
		return fmt.Errorf("ssda903: %w", err)
	}
	for _, ret := range []*Return{r, x.Previous} {
		if ret != nil {
			Derive(ret, places, area)
		}
	}
	x.Derived, x.Area = true, area
	return nil
}

// AreaSetting is the setting holding the authority's ONS code (as
// E06000047), which PL_LOCATION and rules 411 and 1015 compare the
// placement's authority with.
const AreaSetting = "la_area"
