package auth

import "time"

// Attempts is what the store counted for one sign-in: the failed sign-ins
// within the throttle's Window for the account and for the client address,
// and when the oldest of those failures happened. Counting lives in the
// database so that several app instances share one count.
type Attempts struct {
	AccountFailures int
	AddressFailures int
	OldestFailure   time.Time
}

// Throttle limits password guessing: once an account, or an address, has
// had its maximum number of failures within Window, further sign-ins are
// refused until the oldest failure falls out of the window. Limits per
// account stop guessing one password; limits per address stop one machine
// trying many accounts. With a positive Window a limit of zero refuses
// every sign-in (failing closed); a zero Window throttles nothing, so start
// from DefaultThrottle rather than the zero value.
type Throttle struct {
	Window        time.Duration
	MaxPerAccount int
	MaxPerAddress int
}

// DefaultThrottle allows 5 failures per account and 20 per address in 15
// minutes. It is a value: copy it to change it, never assign to it.
var DefaultThrottle = Throttle{Window: 15 * time.Minute, MaxPerAccount: 5, MaxPerAddress: 20}

// Check decides whether a sign-in may be tried now, given the failures the
// store counted. When it may not, retryAfter is how long until the oldest
// failure leaves the window, the earliest moment worth trying again (show
// it to the user, send it as Retry-After). It is at most Window.
func (t Throttle) Check(a Attempts, now time.Time) (allowed bool, retryAfter time.Duration) {
	if a.AccountFailures < t.MaxPerAccount && a.AddressFailures < t.MaxPerAddress {
		return true, 0
	}
	wait := t.untilOldestExpires(a.OldestFailure, now)
	if wait <= 0 {
		return true, 0
	}
	return false, wait
}

// untilOldestExpires is how long until oldest falls out of the window. An
// unknown oldest failure, or one in the future (clocks differ between app
// instances and the database), counts as a full window, failing closed.
func (t Throttle) untilOldestExpires(oldest, now time.Time) time.Duration {
	if oldest.IsZero() {
		return t.Window
	}
	return min(oldest.Add(t.Window).Sub(now), t.Window)
}
