// Package calendar counts working days in England for statutory
// timescales in children's social care ("within 45 working days of the
// referral", "26 weeks beginning with the day of issue").
//
// A working day is Monday to Friday and not a bank holiday in England and
// Wales; the holiday table includes Christmas Day and Good Friday, which
// the regulations list separately (CPPCR 2010 reg 2(1); Banking and
// Financial Dealings Act 1971 Sch 1).
//
// Civil dates are plain time.Time values at 00:00 UTC, the convention the
// rest of sightline relies on. Functions that take a date first truncate
// it with Civil, so a timestamp in any location counts as the day it
// shows in that location.
//
// Counting conventions (docs: timescales.md section 2.2, DOMAIN.md):
//   - "within N working days of X": X is day 0 and need not be a working
//     day; due on the Nth working day after X (AddWorkingDays).
//   - "N months after X": corresponding date, clamped to the month end
//     (AddMonths), never time.AddDate.
//   - "N weeks beginning with X": X is day 1 (WeeksBeginningWith).
//
// The embedded holiday table (bank_holidays_england_wales.csv) comes from
// GOV.UK bank-holidays.json for England and Wales, Open Government
// Licence v3.0: 2012–2028 as published, 2010–2011 computed historically
// from the statutory rules plus the 2011 royal wedding, 2029–2030
// projected by the usual rules and not yet proclaimed.
package calendar
