//go:build !unix

package proctime

import "time"

// CPU is unknown on this platform: 0, and benchmarks report no CPU figure.
func CPU() time.Duration { return 0 }

// PeakRSSMiB is unknown on this platform: 0.
func PeakRSSMiB() float64 { return 0 }
