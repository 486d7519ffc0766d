package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
	"sightline/internal/returns/cin"
)

// returnsPage is the statutory returns: each census with its download and,
// before it, the DfE's rules run on sightline's own export.
type returnsPage struct {
	basePage
	Year       cin.Year
	Years      []cin.Year
	Children   int
	Records    int
	ErrorCount int
	Queries    int
	Rules      []ruleFailures
	CanOpen    bool // the user may open children's records (the links)
	LACode     string
	Took       time.Duration
	Workforce  wfCensus
	SSDA903    ssdaBox
	ShownLimit int
	OpenAll    bool // ?open=1: every rule's children shown, for printing
	AnnexA     annexAForm
}

// ruleFailures is one rule's failures, the children that break it.
type ruleFailures struct {
	Code, Kind, Message string
	Count               int           // failures of the rule
	Failures            []cin.Failure // the first ShownLimit
	More                int           // not shown; in the CSV
}

// returnsShown is how many children a rule lists on the page; the CSV has
// them all.
const returnsShown = 25

// returns shows the returns page for ?year= (default the latest census
// year sightline writes).
func (s *Server) returns(w http.ResponseWriter, r *http.Request) error {
	p, err := s.returnsData(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "returns", p)
	return nil
}

// cinYear reads ?year=, refusing a year sightline does not write.
func cinYear(r *http.Request) (cin.Year, error) {
	y := cin.Supported[len(cin.Supported)-1]
	if v := r.URL.Query().Get("year"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || !slices.Contains(cin.Supported, cin.Year(n)) {
			return 0, fmt.Errorf("CIN census year %q: %w", v, casework.Invalid("year", "Choose a census year from the list"))
		}
		y = cin.Year(n)
	}
	return y, nil
}

// cinExport builds sightline's census of year y and validates it.
func (s *Server) cinExport(r *http.Request, y cin.Year, w *bytes.Buffer) (cin.Message, []cin.Failure, error) {
	cal, err := s.store.Calendar(r.Context())
	if err != nil {
		return cin.Message{}, nil, err
	}
	settings, err := s.store.Settings(r.Context())
	if err != nil {
		return cin.Message{}, nil, err
	}
	opts := cin.Options{Year: y, LACode: settings["la_code"].Value, Generated: s.now(), Calendar: cal}
	m, err := cin.ExportStore(r.Context(), s.store, w, opts)
	if err != nil {
		return m, nil, err
	}
	fs, err := cin.Validate(&m, cin.NewContext(y, cal, nil))
	return m, fs, err
}

func (s *Server) returnsData(r *http.Request) (returnsPage, error) {
	p := returnsPage{basePage: s.base(r, "Statutory returns"), Years: cin.Supported, ShownLimit: returnsShown,
		CanOpen: allowed(r, auth.PermViewChildren), OpenAll: r.URL.Query().Get("open") == "1",
		AnnexA: annexAFormFor(r, s.today())}
	y, err := cinYear(r)
	if err != nil {
		return p, err
	}
	p.Year = y
	began := time.Now()
	var buf bytes.Buffer
	m, fs, err := s.cinExport(r, y, &buf)
	if err != nil {
		return p, err
	}
	p.Took = time.Since(began).Round(time.Millisecond)
	p.Children, p.Records, p.ErrorCount = len(m.Children), cin.Records(&m), cin.Errors(fs)
	p.Queries = len(fs) - p.ErrorCount
	if m.Header != nil && m.Header.Source != nil {
		p.LACode = m.Header.Source.LEA
	}
	p.Rules = byRule(fs)
	if p.SSDA903, err = s.ssdaBox(r); err != nil {
		return p, err
	}
	reg, err := s.store.WorkforceRegister(r.Context(), 0)
	if err != nil {
		return p, err
	}
	cal, err := s.store.Calendar(r.Context())
	if err != nil {
		return p, err
	}
	p.Workforce, err = s.wfCensusBox(r, reg, 0, s.today(), cal)
	return p, err
}

// byRule groups failures by rule, errors first, then by code.
func byRule(fs []cin.Failure) []ruleFailures {
	at := map[string]int{}
	var out []ruleFailures
	for _, f := range fs {
		i, ok := at[f.Code]
		if !ok {
			i = len(out)
			at[f.Code] = i
			out = append(out, ruleFailures{Code: f.Code, Kind: f.Kind(), Message: f.Message})
		}
		out[i].Count++
		if len(out[i].Failures) < returnsShown {
			out[i].Failures = append(out[i].Failures, f)
		} else {
			out[i].More++
		}
	}
	slices.SortStableFunc(out, func(a, b ruleFailures) int {
		if a.Kind != b.Kind {
			if a.Kind == "error" {
				return -1
			}
			return 1
		}
		return compareNum(a.Code, b.Code)
	})
	return out
}

// compareNum orders rule codes by their number.
func compareNum(a, b string) int {
	na, _ := strconv.Atoi(trimQ(a))
	nb, _ := strconv.Atoi(trimQ(b))
	return na - nb
}

func trimQ(s string) string {
	if n := len(s); n > 0 && s[n-1] == 'Q' {
		return s[:n-1]
	}
	return s
}

// cinDownload sends sightline's CIN census file for ?year=.
func (s *Server) cinDownload(w http.ResponseWriter, r *http.Request) error {
	y, err := cinYear(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, _, err := s.cinExport(r, y, &buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("Content-Disposition", `attachment; filename="`+cin.Filename(y)+`"`)
	_, err = w.Write(buf.Bytes())
	return err
}

// cinFailuresCSV sends every failure of ?year=, one a row.
func (s *Server) cinFailuresCSV(w http.ResponseWriter, r *http.Request) error {
	y, err := cinYear(r)
	if err != nil {
		return err
	}
	var discard bytes.Buffer
	_, fs, err := s.cinExport(r, y, &discard)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"Rule", "Kind", "LAchildID", "Record", "Element", "Message"})
	for _, f := range fs {
		rec := ""
		if f.ChildID != 0 {
			rec = fmt.Sprintf("/children/%d", f.ChildID)
		}
		cw.Write([]string{f.Code, f.Kind(), wfSafeCell(f.Child), rec, f.Field, f.Message})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="cin-census-%d-%d-failures.csv"`, int(y)-1, int(y)))
	_, err = w.Write(buf.Bytes())
	return err
}

// returnsRoutes are the returns page and its downloads, for the roles with
// PermReturns (analysts, heads of service, administrators).
func (s *Server) returnsRoutes() []route {
	return []route{
		{"GET /returns", auth.PermReturns, s.returns},
		{"GET /returns/cin", auth.PermReturns, s.cinDownload},
		{"GET /returns/cin/failures.csv", auth.PermReturns, s.cinFailuresCSV},
		{"GET /returns/ssda903", auth.PermReturns, s.ssdaDownload},
		{"GET /returns/ssda903/failures.csv", auth.PermReturns, s.ssdaFailuresCSV},
		{"GET /returns/annexa", auth.PermReturns, s.annexADownload},
	}
}
