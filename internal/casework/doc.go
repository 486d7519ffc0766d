// Package casework is the domain of sightline: the child, the people around
// the child, the teams and workers who hold the work, and the dated records
// of that work. It imports only the standard library (a test checks it), so
// its rules can be read and tested without a database or a web server.
//
// Civil dates (a date of birth, the day a visit happened) are time.Time
// values at midnight UTC; see package calendar for the helpers that make and
// parse them. Instants (when a record was saved) are ordinary times in UTC.
package casework
