//go:build !linux

package main

import "time"

// threadCPU is unknown here: the syscall package offers no per-thread CPU
// clock outside Linux, so `extract` reports cpu_ms as 0 (elapsed_ms stays).
func threadCPU() time.Duration { return 0 }
