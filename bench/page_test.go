package bench

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// pageTimes is one page asked for again and again by one signed-in user.
type pageTimes struct {
	times latencies
	cpu   time.Duration // this process's CPU over the timed requests
	size  int           // bytes of the last page
}

// cpuPerRequest is the process's CPU a timed request, in milliseconds:
// less disturbed by a busy machine than wall time.
func (p pageTimes) cpuPerRequest() float64 {
	if len(p.times) == 0 {
		return 0
	}
	return float64(p.cpu) / float64(len(p.times)) / float64(time.Millisecond)
}

// timePage asks for url warmup times untimed, then n times timed; every
// answer must be 200 and hold want (when given).
func timePage(t *testing.T, client *http.Client, url string, warmup, n int, want string) pageTimes {
	t.Helper()
	var p pageTimes
	for i := range warmup + n {
		start, cpuStart := time.Now(), processCPU()
		res, err := client.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), want) {
			t.Fatalf("GET %s: %d\n%.1000s", url, res.StatusCode, body)
		}
		if i >= warmup {
			p.times = append(p.times, time.Since(start))
			p.cpu += processCPU() - cpuStart
		}
		p.size = len(body)
	}
	return p
}
