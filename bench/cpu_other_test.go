//go:build !unix

package bench

import "time"

// processCPU is not measured here; the latency test then reports 0.
func processCPU() time.Duration { return 0 }
