// Package e2e holds sightline's browser tests: they start the real server
// (web.New over a fresh SQLite or PostgreSQL database) behind httptest and
// drive Debian Chromium headless through the journeys in
// JOURNEYS.md, as a person would, with clicks and typing.
//
// The tests need a Chromium binary: /usr/bin/chromium, or the path in
// SIGHTLINE_CHROMIUM. Without one they are skipped, or failed when CI=true.
// Set SIGHTLINE_SCREENSHOTS to a directory to keep a full-page PNG of each
// main step, so that a person can look at the pages.
package e2e
