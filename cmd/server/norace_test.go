//go:build !race

package main

// raceEnabled says the race detector is on; it multiplies memory use by
// five to ten, so memory bounds allow for it.
const raceEnabled = false
