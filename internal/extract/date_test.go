package extract

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

func TestFindDate(t *testing.T) {
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	ctx := dateContext{ref: ref, lang: "en"}
	tests := []struct {
		in   string
		ctx  *dateContext
		want string // RFC 3339 for zoned times, YYYY-MM-DD for days; "" for no date
		prec article.Precision
	}{
		{in: "Jul 2, 2025", want: "2025-07-02", prec: article.PrecisionDay},
		{in: "Jul 2, 2025  |  ", want: "2025-07-02", prec: article.PrecisionDay},
		{in: "2 July 2025", want: "2025-07-02"},
		{in: "Published 19 NOV 2019", want: "2019-11-19"},
		{in: "2025-07-02T10:00:00Z", want: "2025-07-02T10:00:00Z", prec: article.PrecisionMinute},
		{in: "2019-11-19T12:48:14+05:30", want: "2019-11-19T12:48:14+05:30", prec: article.PrecisionSecond},
		{in: "2019-11-20 14:35:08", want: "2019-11-20"},
		{in: "Nov. 19, 2019 8:03 am ET", want: "2019-11-19T08:03:00-05:00", prec: article.PrecisionMinute},
		{in: "July 4, 2019 8:03 pm ET", want: "2019-07-04T20:03:00-04:00"},
		{in: "November 19th, 2019 at 8:40 AM", want: "2019-11-19"},
		{in: "Mon 18 Nov 2019 18.54 GMT", want: "2019-11-18T18:54:00Z"},
		{in: "Wednesday 20 November 2019 9:22 am", want: "2019-11-20"},
		{in: "20 Nov, 2019 05:47", want: "2019-11-20"},
		{in: "Nov 20 2019, 11:06am ist", want: "2019-11-20T11:06:00+05:30"},
		{in: "Published November 20th, 2019 - 07:29 GMT", want: "2019-11-20T07:29:00Z"},
		{in: "Published 11:11 PM EST Nov 19, 2019", want: "2019-11-19T23:11:00-05:00"},
		{in: "5:45 AM PST 11/19/2019 by Patrick Shanley", want: "2019-11-19T05:45:00-08:00"},
		{in: "Updated 0339 GMT (1139 HKT) November 19, 2019", want: "2019-11-19T11:39:00+08:00"},
		{in: "sexta-feira, 22 de outubro de 2010 às 20:13", want: "2010-10-22"},
		{in: "13.11.2019, 23:06", want: "2019-11-13"},
		{in: "27/09/2018", want: "2018-09-27"},
		{in: "11/20/19 6:38 AM", want: "2019-11-20"},
		{in: "05/06/2019", want: "2019-05-06"},
		{in: "05/06/2019", ctx: &dateContext{ref: ref, lang: "fr"}, want: "2019-06-05"},
		{in: "05/06/2019", ctx: &dateContext{ref: ref, lang: "en", dayFirst: 1}, want: "2019-06-05"},
		{in: "2016.12.01", want: "2016-12-01"},
		{in: "2016年12月1日", want: "2016-12-01"},
		{in: "Nov 19, 6:55 AM", ctx: &dateContext{ref: ref, year: 2019}, want: "2019-11-19"},
		{in: "Nov 19", want: "2024-11-19"},
		{in: "3 hours ago", want: "2025-07-03T09:00:00Z", prec: article.PrecisionMinute},
		{in: "Published 2 days ago", want: "2025-07-01"},
		{in: "há 2 dias", want: "2025-07-01"},
		{in: "Yesterday", want: "2025-07-02"},
		{in: "Monday 5:30PM", want: "2025-06-30"}, // ref is Thursday 3 July
		{in: "Thursday 9:00AM", want: "2025-07-03"},
		{in: "Thursday 11:00PM", want: "2025-06-26"},
		{in: "12 января 2019", want: "2019-01-12"},
		{in: "3. März 2020", want: "2020-03-03"},
		// Not dates.
		{in: "November 2019"},
		{in: "Version 1.2.3 released"},
		{in: "Call 555-1234"},
		{in: "He scored 31/02/2019 goals"},
		{in: "It may 5 times"},
		{in: "3 hours"},
		{in: "Today's top stories"},
		{in: "Monday was a holiday"},
		{in: "see you monday 5:30"},
		{in: "The 2019 season"},
	}
	for _, tt := range tests {
		c := ctx
		if tt.ctx != nil {
			c = *tt.ctx
		}
		m, ok := findDate(tt.in, c)
		if tt.want == "" {
			if ok {
				t.Errorf("findDate(%q) = %s, want no date", tt.in, formatDiagDate(&m.date))
			}
			continue
		}
		if !ok {
			t.Errorf("findDate(%q): no date, want %s", tt.in, tt.want)
			continue
		}
		if got := formatDiagDate(&m.date); got != tt.want {
			t.Errorf("findDate(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if tt.prec != "" && m.date.Precision != tt.prec {
			t.Errorf("findDate(%q) precision = %s, want %s", tt.in, m.date.Precision, tt.prec)
		}
		if m.start < 0 || m.end > len(tt.in) || m.start >= m.end {
			t.Errorf("findDate(%q) span [%d,%d)", tt.in, m.start, m.end)
		}
	}
}

func TestAllDatesCues(t *testing.T) {
	ctx := dateContext{year: 2019, ref: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b := block{text: "Updated Nov 19, 6:55 AM;Posted Nov 18, 6:51 AM"}
	ms := allDates(b.text, ctx)
	if len(ms) != 2 {
		t.Fatalf("allDates found %d dates, want 2", len(ms))
	}
	if c := dateCue(&b, ms[0]); c != -1 {
		t.Errorf("cue of first = %d, want -1 (updated)", c)
	}
	if c := dateCue(&b, ms[1]); c != 1 {
		t.Errorf("cue of second = %d, want 1 (posted)", c)
	}
}

func TestNumericOrder(t *testing.T) {
	tests := map[string]int{
		"11/19/2019 01:14 PM": -1,
		"on 27/09/2018":       1,
		"13.11.2019, 23:06":   1,
		"05/06/2019":          0,
		"no dates 1/2":        0,
	}
	for in, want := range tests {
		if got := numericOrder(in); got != want {
			t.Errorf("numericOrder(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestUSDST(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    bool
	}{
		{2019, 3, 9, false}, {2019, 3, 10, true}, {2019, 7, 1, true},
		{2019, 11, 2, true}, {2019, 11, 3, false}, {2019, 12, 1, false},
	}
	for _, tt := range tests {
		if got := usDST(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("usDST(%d-%d-%d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"Jul 2, 2025", "Nov. 19, 2019 8:03 am ET", "2025-07-02T10:00:00Z", "19/11/2019",
		"3 hours ago", "22 de outubro de 2010 às 20:13", "2016年12月1日", "Updated 0339 GMT (1139 HKT) November 19, 2019",
		"11:11 PM EST Nov 19, 2019", "UTC+05:30", "12:00 p.m. ET"} {
		f.Add(s)
	}
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, ctx := range []dateContext{{ref: ref, lang: "en"}, {}, {year: 2019, dayFirst: 1}} {
			m, ok := findDate(s, ctx)
			if !ok {
				continue
			}
			if m.start < 0 || m.end > len(s) || m.start >= m.end {
				t.Fatalf("findDate(%q) span [%d,%d) out of range", s, m.start, m.end)
			}
			if y := m.date.Time.Year(); y < 1990 || y > 2100 {
				t.Fatalf("findDate(%q) year %d", s, y)
			}
			switch m.date.Precision {
			case article.PrecisionDay, article.PrecisionMinute, article.PrecisionSecond:
			default:
				t.Fatalf("findDate(%q) precision %q", s, m.date.Precision)
			}
			if !utf8.ValidString(s[m.start:m.end]) && utf8.ValidString(s) {
				t.Fatalf("findDate(%q) span cuts a rune", s)
			}
		}
		allDates(s, dateContext{ref: ref})
	})
}
