//go:build !unix

package main

// openFileLimit is unknown where there is no getrlimit: the connection cap
// is then PRESSROOM_MAX_CONNS (or its default) alone.
func openFileLimit() uint64 { return 0 }
