package store

import "time"

// civilToday is the civil date of an instant in England: the service works
// in UK local time, so a note at 00:30 BST is dated that day, not the day
// before in UTC.
func civilToday(now time.Time) time.Time {
	t := now.In(london)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var london = loadLondon()

func loadLondon() *time.Location {
	if loc, err := time.LoadLocation("Europe/London"); err == nil {
		return loc
	}
	return time.UTC
}
