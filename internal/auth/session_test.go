package auth_test

import (
	"testing"
	"time"

	"sightline/internal/auth"
)

func TestSessionExpiry(t *testing.T) {
	now := time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	def := auth.DefaultSessionPolicy()
	tests := []struct {
		rule              string
		policy            auth.SessionPolicy
		created, lastSeen time.Time
		want              bool
	}{
		{"a new session is live", def, now, now, false},
		{"used 29 minutes ago: live", def, ago(time.Hour), ago(29 * time.Minute), false},
		{"idle for exactly 30 minutes: expired", def, ago(time.Hour), ago(30 * time.Minute), true},
		{"idle for longer: expired", def, ago(time.Hour), ago(2 * time.Hour / 3), true},
		{"in use, signed in 11h59m ago: live", def, ago(12*time.Hour - time.Minute), ago(time.Minute), false},
		{"in use, signed in 12 hours ago: expired", def, ago(12 * time.Hour), ago(time.Minute), true},
		{"in use just now, signed in yesterday: expired", def, ago(20 * time.Hour), now, true},
		{"never seen: idle time counts from sign-in", def, ago(10 * time.Minute), time.Time{}, false},
		{"never seen, signed in 31 minutes ago: expired", def, ago(31 * time.Minute), time.Time{}, true},
		{"the zero policy ends every session", auth.SessionPolicy{}, now, now, true},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if got := tt.policy.Expired(tt.created, tt.lastSeen, now); got != tt.want {
				t.Errorf("Expired(created %v, lastSeen %v) = %v, want %v", tt.created, tt.lastSeen, got, tt.want)
			}
		})
	}
}

func TestDefaultSessionPolicyValues(t *testing.T) {
	want := auth.SessionPolicy{Idle: 30 * time.Minute, Absolute: 12 * time.Hour}
	if got := auth.DefaultSessionPolicy(); got != want {
		t.Errorf("DefaultSessionPolicy() = %+v, want %+v", got, want)
	}
}
