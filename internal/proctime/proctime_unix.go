//go:build unix

package proctime

import (
	"runtime"
	"syscall"
	"time"
)

// CPU is the CPU time the process has used so far, user and system, GC
// workers included; 0 when it cannot be read.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// PeakRSSMiB is the process's peak resident set so far, in MiB (Linux
// counts ru_maxrss in KiB; other systems are reported as unknown, 0).
func PeakRSSMiB() float64 {
	var ru syscall.Rusage
	if runtime.GOOS != "linux" || syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}
