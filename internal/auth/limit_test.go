package auth_test

import (
	"testing"
	"time"

	"sightline/internal/auth"
)

func TestSignInThrottle(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	ago := func(d time.Duration) time.Time { return now.Add(-d) }
	def := auth.DefaultThrottle
	tests := []struct {
		rule      string
		throttle  auth.Throttle
		attempts  auth.Attempts
		allowed   bool
		retryWait time.Duration
	}{
		{"no failures: allowed", def, auth.Attempts{}, true, 0},
		{"account under the limit: allowed", def, auth.Attempts{AccountFailures: 4, OldestFailure: ago(time.Minute)}, true, 0},
		{"account at the limit: refused until the oldest failure expires", def, auth.Attempts{AccountFailures: 5, OldestFailure: ago(5 * time.Minute)}, false, 10 * time.Minute},
		{"account over the limit: refused", def, auth.Attempts{AccountFailures: 9, OldestFailure: ago(14 * time.Minute)}, false, time.Minute},
		{"address under the limit: allowed", def, auth.Attempts{AddressFailures: 19, OldestFailure: ago(time.Minute)}, true, 0},
		{"address at the limit: refused", def, auth.Attempts{AddressFailures: 20, OldestFailure: ago(time.Minute)}, false, 14 * time.Minute},
		{"either limit is enough to refuse", def, auth.Attempts{AccountFailures: 1, AddressFailures: 25, OldestFailure: ago(time.Second)}, false, 15*time.Minute - time.Second},
		{"oldest failure just leaving the window: allowed", def, auth.Attempts{AccountFailures: 5, OldestFailure: ago(15 * time.Minute)}, true, 0},
		{"oldest failure out of the window: allowed", def, auth.Attempts{AccountFailures: 5, OldestFailure: ago(time.Hour)}, true, 0},
		{"unknown oldest failure: refused for a whole window", def, auth.Attempts{AccountFailures: 5}, false, 15 * time.Minute},
		{"oldest failure in the future (clock skew): a whole window at most", def, auth.Attempts{AccountFailures: 5, OldestFailure: now.Add(time.Minute)}, false, 15 * time.Minute},
		{"a zero limit with a window refuses everyone", auth.Throttle{Window: time.Minute}, auth.Attempts{}, false, time.Minute},
		{"the zero Throttle throttles nothing", auth.Throttle{}, auth.Attempts{AccountFailures: 100, OldestFailure: ago(time.Second)}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			allowed, wait := tt.throttle.Check(tt.attempts, now)
			if allowed != tt.allowed || wait != tt.retryWait {
				t.Errorf("Check(%+v) = %v, %v; want %v, %v", tt.attempts, allowed, wait, tt.allowed, tt.retryWait)
			}
		})
	}
}

func TestDefaultThrottleValues(t *testing.T) {
	want := auth.Throttle{Window: 15 * time.Minute, MaxPerAccount: 5, MaxPerAddress: 20}
	if auth.DefaultThrottle != want {
		t.Errorf("DefaultThrottle = %+v, want %+v", auth.DefaultThrottle, want)
	}
}
