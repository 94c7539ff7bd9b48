package main

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time used so far by the calling OS thread, read
// from CLOCK_THREAD_CPUTIME_ID (nanosecond resolution; getrusage's is a tick).
func threadCPU() time.Duration {
	const clockThreadCPUTimeID = 3 // Linux
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}
