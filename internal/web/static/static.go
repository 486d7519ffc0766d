// Package static embeds sightline's built front-end assets: the compiled
// GOV.UK Frontend stylesheet (app.css), the GOV.UK Frontend ES module bundle
// (govuk-frontend.min.js), the app's entry module (app.js) and the
// GOV.UK Frontend licence. They are built from ../assets-src with Node and
// committed, so building the Go program needs no Node; see README.md.
//
// Serve FS under /static/, for example:
//
//	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static.FS)))
package static

import "embed"

// FS holds the built assets at its root: app.css, app.js,
// govuk-frontend.min.js and LICENSE-govuk-frontend.txt.
//
//go:embed *.css *.js *.txt
var FS embed.FS
