package credit

import (
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// BenchmarkParse parses the short lines a text dump's head offers as title
// and credit candidates: most are no credit and are rejected.
func BenchmarkParse(b *testing.B) {
	lines := []string{
		"Harbourside Evening Post",
		"Quarry Owners Court Rural Voters as Shippers Hesitate",
		"By Nora Castellan, Wire Desk",
		"Promoted: Move your broadband deal and pay less this spring.",
		"14 March 2025",
		"Edited",
		"Posted by Liam Oduya on March 3, 2025",
		"Share this story",
	}
	ctx := datetime.Context{Ref: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC), Lang: "en"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			testReader.Parse(l, "", ctx)
		}
	}
}
