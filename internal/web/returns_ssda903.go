package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"sightline/internal/returns/ssda903"
)

// ssdaBox is the SSDA903 part of the returns page: the latest year's
// export as the DfE's rules see it.
type ssdaBox struct {
	Year                        ssda903.Year
	LastYear                    ssda903.Year // the year compared with; 0 when the record holds none
	Children, Episodes, Records int
	ErrorCount, Queries         int
	Failures                    returnRules
	Took                        time.Duration
	CheckedAt                   time.Time // when the check was built (returnChecks)
	// Derived: the postcode fields were worked out, so their rules ran;
	// else DerivedRules lists those that did not.
	Derived      bool
	DerivedRules string
}

// ssdaCheck is the latest year's return as the DfE's rules see it, kept
// until the record changes (returnChecks).
type ssdaCheck struct {
	box  ssdaBox // without its failures box, which is each viewer's own
	rows []returnFailure
}

// ssdaExport builds sightline's SSDA903 return of the latest year and
// validates it, against the year before as sightline builds it from the
// record when the record holds that year (ssda903.ContextStore), so that
// the rules comparing with last year's return run before download.
func (s *Server) ssdaExport(ctx context.Context) (*ssda903.Return, []ssda903.Failure, *ssda903.Context, error) {
	y := ssda903.Supported[len(ssda903.Supported)-1]
	ret, x, err := ssda903.ExportChecked(ctx, s.store, y)
	if err != nil {
		return nil, nil, nil, err
	}
	return ret, ssda903.Validate(ret, x), x, nil
}

func (s *Server) ssdaBox(r *http.Request) (ssdaBox, error) {
	v, at, err := s.checks.get(r.Context(), s, "ssda903", func(ctx context.Context) (any, error) {
		began := time.Now()
		ret, fs, x, err := s.ssdaExport(ctx)
		if err != nil {
			return nil, err
		}
		b := ssdaBox{Year: x.Year, Children: len(ret.Files[ssda903.Header]), Episodes: len(ret.Files[ssda903.Episodes]),
			Records: ret.Records(), ErrorCount: ssda903.Errors(fs), Took: time.Since(began).Round(time.Millisecond)}
		b.Queries = len(fs) - b.ErrorCount
		b.Derived, b.DerivedRules = x.Derived, strings.Join(ssda903.DerivedRules, ", ")
		if x.Previous != nil {
			b.LastYear = x.Year - 1
		}
		rows := make([]returnFailure, len(fs))
		for i, f := range fs {
			rows[i] = returnFailure{Code: f.Code, Kind: f.Kind(), Message: f.Message,
				Line: failureLine{Child: f.Child, ChildID: f.ChildID, File: f.File, Field: f.Field}}
		}
		return ssdaCheck{box: b, rows: rows}, nil
	})
	if err != nil {
		return ssdaBox{}, err
	}
	c := v.(ssdaCheck)
	b, rows := c.box, c.rows
	b.CheckedAt = at
	b.Failures = failuresBox(r, "ssda-", rows)
	b.Failures.TableID = "ssda-rules"
	b.Failures.Caption, b.Failures.ChildHeader, b.Failures.ShowFile = "SSDA903 failures by rule", "Child (CHILD)", true
	b.Failures.CSVHref, b.Failures.CSVID = "/returns/ssda903/failures.csv", "ssda-failures-csv"
	b.Failures.CSVText = "Download every SSDA903 failure (CSV)"
	b.Failures.CleanID, b.Failures.CleanText = "ssda-clean", "No SSDA903 rule is broken."
	return b, nil
}

// ssdaDownload sends the return's CSV files in a zip.
func (s *Server) ssdaDownload(w http.ResponseWriter, r *http.Request) error {
	ret, _, x, err := s.ssdaExport(r.Context())
	if err != nil {
		return err
	}
	y := x.Year
	var buf bytes.Buffer
	if err := ret.WriteZip(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ssda903-%d-%d.zip"`, int(y)-1, int(y)))
	_, err = w.Write(buf.Bytes())
	return err
}

// ssdaFailuresCSV sends every failure, one a row.
func (s *Server) ssdaFailuresCSV(w http.ResponseWriter, r *http.Request) error {
	_, fs, x, err := s.ssdaExport(r.Context())
	if err != nil {
		return err
	}
	y := x.Year
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"Rule", "Kind", "CHILD", "Record", "File", "Field", "Message"})
	for _, f := range fs {
		rec := ""
		if f.ChildID != 0 {
			rec = "/children/" + strconv.FormatInt(f.ChildID, 10)
		}
		cw.Write([]string{f.Code, f.Kind(), wfSafeCell(f.Child), rec, f.File, f.Field, f.Message})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ssda903-%d-%d-failures.csv"`, int(y)-1, int(y)))
	_, err = w.Write(buf.Bytes())
	return err
}
