package proctime

import (
	"runtime"
	"testing"
)

// TestCPU_Grows: CPU time read after some work is more than before it, on
// the platforms that report it.
func TestCPU_Grows(t *testing.T) {
	before := CPU()
	if before == 0 {
		t.Skip("CPU time is not reported on " + runtime.GOOS)
	}
	x := 0
	for i := range 50_000_000 {
		x ^= i * 31
	}
	if after := CPU(); after <= before {
		t.Fatalf("CPU() = %v after work, %v before (x=%d)", after, before, x)
	}
}

func TestPeakRSSMiB(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is reported on Linux only")
	}
	if got := PeakRSSMiB(); got <= 0 || got > 1<<20 {
		t.Fatalf("PeakRSSMiB() = %v, want a positive size under 1 TiB", got)
	}
}
