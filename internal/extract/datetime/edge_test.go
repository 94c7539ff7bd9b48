package datetime

import (
	"strings"
	"testing"
	"time"
)

// edgeDate reports whether Find's first date in s opens or closes it.
func edgeDate(s string, ctx Context) bool {
	m, ok := Find(s, ctx)
	return ok && (strings.TrimSpace(s[:m.Start]) == "" || strings.TrimSpace(s[m.End:]) == "")
}

// checkEdge fails when MayOpenOrClose rules out a date that Find's first
// date puts at an edge of s.
func checkEdge(t *testing.T, s string) {
	t.Helper()
	for _, ctx := range []Context{
		{Ref: time.Date(2025, 7, 2, 12, 0, 0, 0, time.UTC), Lang: "en"},
		{Lang: "de", DayFirst: 1},
	} {
		if edgeDate(s, ctx) && !MayOpenOrClose(s, ctx) {
			m, _ := Find(s, ctx)
			t.Fatalf("MayOpenOrClose(%q) = false, but Find's first date %q is at an edge", s, s[m.Start:m.End])
		}
	}
}

// prose is a sentence with numbers but no date, to make lines long.
const prose = "About 25 percent of the 1200 members voted, up from 30 percent, said the 3 officials. "

func TestMayOpenOrClose(t *testing.T) {
	long := strings.Repeat(prose, 6)
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"no digits at all", false},
		{"31.01.2022", true},
		{"2 January 2024", true},
		{"Updated 2 January 2024 10:30 am", true}, // short: Find decides
		{long + "31.01.2022", true},
		{"31.01.2022 " + long, true},
		{"10:47 PM EST Mar 5, 2024 " + long, true},                // a time before the date
		{long + "Mar 5, 2024 at 5:30:12 p.m. (GMT+05:30)", false}, // the paren is not the date's
		{long + "Mar 5, 2024 at 5:30:12 p.m. (GMT+05:30", true},
		{long + "2024-03-05T09:41:27.123+05:30", true},
		{long + "Monday 5:30 PM", true},
		{long + "Mar 5, 2024 at 5:30 p.m.", true},
		{long + "Mar 5, 2024 at 5:30 p.m", true},
		{long + "the m.", false},
		{long + "Mar 5, 2024.", false},
		{long, false},
		{long + "31.01.2022 and more words after it.", false},
		{"The 31.01.2022 date sits inside " + long, false},
		{"\xff\xfe " + long + " \xc3", false},
		{strings.Repeat("x", 300) + " 31.01.2022", true},            // a tail of few tokens
		{strings.Repeat("7", 400) + " " + long + "2024年3月5日", true}, // spaceless end
	}
	ctx := Context{Ref: time.Date(2025, 7, 2, 12, 0, 0, 0, time.UTC), Lang: "en"}
	for _, tt := range tests {
		if got := MayOpenOrClose(tt.s, ctx); got != tt.want {
			t.Errorf("MayOpenOrClose(%q) = %v, want %v", tt.s[max(0, len(tt.s)-60):], got, tt.want)
		}
		checkEdge(t, tt.s)
	}
}

// FuzzMayOpenOrClose puts fuzzed text at both ends of long lines.
func FuzzMayOpenOrClose(f *testing.F) {
	for _, s := range []string{"31.01.2022", "Jul 2, 2025 8:03 am ET", "6:12 AM PST 03/05/2024", "3 hours ago",
		"2. 11. 2021", "19. Dezember 202219", "2021年4月9日", "\xc3 5 May\x80 2020 x", "yesterday"} {
		f.Add(s, s, 3)
	}
	f.Fuzz(func(t *testing.T, head, tail string, n int) {
		if len(head) > 200 {
			head = head[:200]
		}
		if len(tail) > 200 {
			tail = tail[:200]
		}
		n = min(max(n, 0), 8)
		checkEdge(t, head+tail)
		checkEdge(t, head+" "+strings.Repeat(prose, n)+tail)
		checkEdge(t, head+strings.Repeat(prose, n)+" "+tail)
		checkEdge(t, head+strings.Repeat(strings.Fields(prose)[n%8], 40*n)+tail)
	})
}
