// Package proctime reads what the running process has used so far: CPU
// time and peak resident set. Benchmarks report them per operation beside
// wall time, which a shared machine makes noisy.
package proctime
