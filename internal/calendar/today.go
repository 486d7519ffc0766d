package calendar

import "time"

// england is the zone the service works in: a note written at 00:30 BST
// belongs to that day, not the day before in UTC. Without tzdata (the
// binary embeds it) it falls back to UTC.
var england = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	return time.UTC
}()

// Today is the civil date in England at the instant now.
func Today(now time.Time) time.Time { return Civil(now.In(england)) }

// England is the time zone instants are shown in.
func England() *time.Location { return england }
