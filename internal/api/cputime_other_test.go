//go:build !unix

package api_test

import "time"

// processCPU is unknown on this platform; benchmarks then report no CPU
// figure.
func processCPU() time.Duration { return 0 }

// peakRSSMiB is unknown on this platform.
func peakRSSMiB() float64 { return 0 }
