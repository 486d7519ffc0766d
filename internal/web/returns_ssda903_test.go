package web_test

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strings"
	"testing"

	"sightline/internal/auth"
	"sightline/internal/calendar"
	"sightline/internal/casework"
	"sightline/internal/postcode"
	"sightline/internal/store"
)

// inCareWithUnknownProvider puts the app's child into care on 1 September
// 2025 in a foster placement whose provider was not recorded: SSDA903
// rule 526.
func inCareWithUnknownProvider(t *testing.T, a *app) {
	t.Helper()
	ids, err := a.st.NextIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := calendar.Date(2025, 9, 1)
	b := &store.SyntheticBatch{Seq: 98}
	b.CareEpisodes = []casework.CareEpisode{{ID: ids.CareEpisode, ChildID: a.child.ID, StartDate: d, Reason: "S", CategoryOfNeed: "N1"}}
	b.LegalStatuses = []casework.LegalStatus{{ID: ids.LegalStatus, ChildID: a.child.ID, EpisodeID: ids.CareEpisode, StartDate: d, Code: "V2"}}
	b.Placements = []casework.Placement{{ID: ids.Placement, ChildID: a.child.ID, EpisodeID: ids.CareEpisode, StartDate: d,
		Type: "U6", Postcode: "AB1 2CD"}}
	if _, err := a.st.WriteSyntheticBatch(ctx, store.System, b); err != nil {
		t.Fatal(err)
	}
}

func TestTheReturnsPageListsSSDA903FailuresByRuleWithALinkToTheChild(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		inCareWithUnknownProvider(t, a)
		res := a.signIn(auth.PerformanceAnalyst).get("/returns")
		if res.code != http.StatusOK {
			t.Fatalf("status %d\n%s", res.code, res.body)
		}
		mustContain(t, res.body, `id="ssda-summary"`, "holds <strong>1 child</strong> and 1 episode (", `id="ssda-rules"`, `id="ssda-rule-526"`,
			"Child is missing a placement provider code for at least one episode.", ">C1001<", "PLACE_PROVIDER",
			"Download SSDA903 2025 to 2026 (CSV files in a zip)")
	})
}

func TestTheSSDA903ZipAndItsFailuresDownload(t *testing.T) {
	a := newApp(t, "sqlite")
	inCareWithUnknownProvider(t, a)
	b := a.signIn(auth.ServiceManager)
	res := b.get("/returns/ssda903")
	if res.code != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "ssda903-2025-2026.zip") {
		t.Fatalf("download: status %d, %v", res.code, res.header)
	}
	z, err := zip.NewReader(bytes.NewReader([]byte(res.body)), int64(len(res.body)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range z.File {
		if f.Name != "Episodes.csv" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		found = strings.Contains(buf.String(), "C1001,01/09/2025,S,V2,N1,U6,,,,,,AB1 2CD,")
	}
	if !found {
		t.Error("the zip's Episodes.csv lacks the child's episode")
	}
	res = b.get("/returns/ssda903/failures.csv")
	mustContain(t, res.body, "Rule,Kind,CHILD,Record,File,Field,Message", "526,error,C1001,/children/")
	if res := a.signIn(auth.SocialWorker).get("/returns/ssda903"); res.code != http.StatusForbidden {
		t.Errorf("a social worker downloads the return: status %d", res.code)
	}
}

// TestTheReturnsPageComparesWithLastYearsReturnFromTheRecord: a child
// adopted from care in 2024 to 2025 (a period of care ended E11) and back
// in care in 2025 to 2026 fails rule 199, which only last year's return,
// built from the record, can show.
func TestTheReturnsPageComparesWithLastYearsReturnFromTheRecord(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		inCareWithUnknownProvider(t, a)
		b := a.signIn(auth.PerformanceAnalyst)
		mustContain(t, b.get("/returns").body, "The record holds no child for the year before")
		ids, err := a.st.NextIDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		start, end := calendar.Date(2024, 3, 1), calendar.Date(2025, 2, 1)
		batch := &store.SyntheticBatch{Seq: 99}
		batch.CareEpisodes = []casework.CareEpisode{{ID: ids.CareEpisode, ChildID: a.child.ID, StartDate: start, Reason: "S",
			CategoryOfNeed: "N1", EndDate: &end, EndReason: "E11"}}
		batch.LegalStatuses = []casework.LegalStatus{{ID: ids.LegalStatus, ChildID: a.child.ID, EpisodeID: ids.CareEpisode,
			StartDate: start, Code: "E1"}}
		batch.Placements = []casework.Placement{{ID: ids.Placement, ChildID: a.child.ID, EpisodeID: ids.CareEpisode,
			StartDate: start, Type: "A5", Provider: "PR1", Postcode: "AB1 2CD"}}
		if _, err := a.st.WriteSyntheticBatch(ctx, store.System, batch); err != nil {
			t.Fatal(err)
		}
		res := b.get("/returns")
		mustContain(t, res.body, "use the 2024 to 2025 return as sightline builds it from the record", `id="ssda-rule-199"`,
			"Episode information shows child has been previously adopted from care.")
		mustContain(t, b.get("/returns/ssda903/failures.csv").body, "199,error,C1001,/children/")
	})
}

// The rules on the fields worked out from the postcodes run once the
// postcode directory is loaded and the authority's ONS code set: before,
// the page says they did not; after, a placement postcode the directory
// does not hold is rule 169's to report.
func TestTheReturnsPageWorksThePostcodeFieldsOutFromTheDirectory(t *testing.T) {
	eachApp(t, func(t *testing.T, a *app) {
		inCareWithUnknownProvider(t, a) // placed at AB1 2CD
		b := a.signIn(auth.PerformanceAnalyst)
		mustContain(t, b.get("/returns").body, `id="ssda-no-postcodes"`, "sightline import postcodes")
		dir := []postcode.Entry{{Postcode: "AB12CE", Place: postcode.Place{Area: "E06000047", Easting: 1, Northing: 1, Grid: true}}}
		if _, err := a.st.ReplacePostcodes(ctx, store.System, dir, "test"); err != nil {
			t.Fatal(err)
		}
		if err := a.st.PutSetting(ctx, store.System, "la_area", "E06000047", 0); err != nil {
			t.Fatal(err)
		}
		res := b.get("/returns")
		if strings.Contains(res.body, `id="ssda-no-postcodes"`) {
			t.Error("with a directory and the ONS code, the page still says the postcode rules did not run")
		}
		mustContain(t, res.body, `id="ssda-rule-169"`, "Local Authority (LA) of placement is not valid or is missing.")
	})
}
