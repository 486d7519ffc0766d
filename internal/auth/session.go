package auth

import "time"

// SessionPolicy says how long a session lasts: it ends after Idle with no
// requests, and after Absolute from sign-in whatever the activity, so an
// unattended screen or a stolen cookie stops working. A zero duration ends
// every session at once, failing closed.
type SessionPolicy struct {
	Idle     time.Duration
	Absolute time.Duration
}

// DefaultSessionPolicy returns the timeouts sightline uses: 30 minutes
// idle, 12 hours absolute (a long working day, so nobody is signed out
// mid-shift but nobody stays signed in overnight).
func DefaultSessionPolicy() SessionPolicy {
	return SessionPolicy{Idle: 30 * time.Minute, Absolute: 12 * time.Hour}
}

// Expired reports whether a session created at created and last used at
// lastSeen has ended by now. A session ends at the exact moment a limit is
// reached. A lastSeen before created (or zero) counts as created.
func (p SessionPolicy) Expired(created, lastSeen, now time.Time) bool {
	if lastSeen.Before(created) {
		lastSeen = created
	}
	return now.Sub(lastSeen) >= p.Idle || now.Sub(created) >= p.Absolute
}
