package web

import (
	"bytes"
	"context"
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
	Failures   returnRules
	LACode     string
	Took       time.Duration
	CheckedAt  time.Time // when the check was built; kept until the record changes (returnChecks)
	Workforce  wfCensus
	SSDA903    ssdaBox
	AnnexA     annexAForm
}

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
func (s *Server) cinExport(ctx context.Context, y cin.Year, w *bytes.Buffer) (cin.Message, []cin.Failure, error) {
	cal, err := s.store.Calendar(ctx)
	if err != nil {
		return cin.Message{}, nil, err
	}
	settings, err := s.store.Settings(ctx)
	if err != nil {
		return cin.Message{}, nil, err
	}
	opts := cin.Options{Year: y, LACode: settings["la_code"].Value, Generated: s.now(), Calendar: cal}
	m, err := cin.ExportStore(ctx, s.store, w, opts)
	if err != nil {
		return m, nil, err
	}
	fs, err := cin.Validate(&m, cin.NewContext(y, cal, nil))
	return m, fs, err
}

// cinCheck is a year's CIN census as the DfE's rules see it: what the
// returns page shows of it.
type cinCheck struct {
	Children, Records, ErrorCount, Queries int
	LACode                                 string
	Failures                               []returnFailure
	Took                                   time.Duration
}

// cinChecked is the census of year y checked, kept until the record
// changes (returnChecks).
func (s *Server) cinChecked(r *http.Request, y cin.Year) (cinCheck, time.Time, error) {
	v, at, err := s.checks.get(r.Context(), s, fmt.Sprintf("cin %d", int(y)), func(ctx context.Context) (any, error) {
		began := time.Now()
		var buf bytes.Buffer
		m, fs, err := s.cinExport(ctx, y, &buf)
		if err != nil {
			return nil, err
		}
		c := cinCheck{Children: len(m.Children), Records: cin.Records(&m), ErrorCount: cin.Errors(fs),
			Failures: cinFailures(fs), Took: time.Since(began).Round(time.Millisecond)}
		c.Queries = len(fs) - c.ErrorCount
		if m.Header != nil && m.Header.Source != nil {
			c.LACode = m.Header.Source.LEA
		}
		return c, nil
	})
	if err != nil {
		return cinCheck{}, at, err
	}
	return v.(cinCheck), at, nil
}

func (s *Server) returnsData(r *http.Request) (returnsPage, error) {
	p := returnsPage{basePage: s.base(r, "Statutory returns"), Years: cin.Supported,
		AnnexA: annexAFormFor(r, s.today())}
	y, err := cinYear(r)
	if err != nil {
		return p, err
	}
	p.Year = y
	c, at, err := s.cinChecked(r, y)
	if err != nil {
		return p, err
	}
	p.Children, p.Records, p.ErrorCount, p.Queries = c.Children, c.Records, c.ErrorCount, c.Queries
	p.LACode, p.Took, p.CheckedAt = c.LACode, c.Took, at
	p.Failures = failuresBox(r, "", c.Failures)
	p.Failures.TableID = "cin-rules"
	p.Failures.Caption, p.Failures.ChildHeader = "Failures by rule", "Child (LA child ID)"
	p.Failures.CSVHref = fmt.Sprintf("/returns/cin/failures.csv?year=%d", int(y))
	p.Failures.CSVText, p.Failures.CSVID = "Download every failure (CSV)", "cin-failures-csv"
	p.Failures.CleanID, p.Failures.CleanText = "cin-clean", "No rule is broken."
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

// failuresBox starts a returns page section of failures with the
// viewer's rights and the page's print switch.
func failuresBox(r *http.Request, prefix string, fs []returnFailure) returnRules {
	return returnRules{Prefix: prefix, Rules: byRule(fs), CanOpen: allowed(r, auth.PermViewChildren),
		OpenAll: r.URL.Query().Get("open") == "1"}
}

// cinFailures is the CIN census's failures as the page shows them.
func cinFailures(fs []cin.Failure) []returnFailure {
	out := make([]returnFailure, len(fs))
	for i, f := range fs {
		out[i] = returnFailure{Code: f.Code, Kind: f.Kind(), Message: f.Message,
			Line: failureLine{Child: f.Child, ChildID: f.ChildID, Field: f.Field}}
	}
	return out
}

// cinDownload sends sightline's CIN census file for ?year=.
func (s *Server) cinDownload(w http.ResponseWriter, r *http.Request) error {
	y, err := cinYear(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, _, err := s.cinExport(r.Context(), y, &buf); err != nil {
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
	_, fs, err := s.cinExport(r.Context(), y, &discard)
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
