package datetime

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

func TestFind(t *testing.T) {
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	ctx := Context{Ref: ref, Lang: "en"}
	tests := []struct {
		in   string
		ctx  *Context
		want string // RFC 3339 for zoned times, YYYY-MM-DD for days; "" for no date
		prec article.Precision
	}{
		{in: "Jul 2, 2025", want: "2025-07-02", prec: article.PrecisionDay},
		{in: "Jul 2, 2025  |  ", want: "2025-07-02", prec: article.PrecisionDay},
		{in: "2 July 2025", want: "2025-07-02"},
		{in: "Published 5 MAR 2024", want: "2024-03-05"},
		{in: "2025-07-02T10:00:00Z", want: "2025-07-02T10:00:00Z", prec: article.PrecisionMinute},
		{in: "2024-03-05T09:41:27+05:30", want: "2024-03-05T09:41:27+05:30", prec: article.PrecisionSecond},
		{in: "2024-03-06 16:12:44", want: "2024-03-06"},
		{in: "Mar. 5, 2024 8:26 am ET", want: "2024-03-05T08:26:00-05:00", prec: article.PrecisionMinute},
		{in: "July 4, 2023 9:15 pm ET", want: "2023-07-04T21:15:00-04:00"},
		{in: "March 5th, 2024 at 10:20 AM", want: "2024-03-05"},
		{in: "Mon 4 Mar 2024 17.26 GMT", want: "2024-03-04T17:26:00Z"},
		{in: "Wednesday 6 March 2024 8:14 am", want: "2024-03-06"},
		{in: "6 Mar, 2024 04:52", want: "2024-03-06"},
		{in: "Mar 6 2024, 10:37am ist", want: "2024-03-06T10:37:00+05:30"},
		{in: "Published March 6th, 2024 - 06:18 GMT", want: "2024-03-06T06:18:00Z"},
		{in: "Published 10:47 PM EST Mar 5, 2024", want: "2024-03-05T22:47:00-05:00"},
		{in: "6:12 AM PST 03/05/2024 by Ann Lee", want: "2024-03-05T06:12:00-08:00"},
		{in: "Updated 0412 GMT (1212 HKT) March 5, 2024", want: "2024-03-05T12:12:00+08:00"},
		{in: "terça-feira, 5 de março de 2024 às 19:26", want: "2024-03-05"},
		{in: "14.03.2024, 22:41", want: "2024-03-14"},
		{in: "28/02/2023", want: "2023-02-28"},
		{in: "03/21/24 7:09 AM", want: "2024-03-21"},
		{in: "05/06/2019", want: "2019-05-06"},
		{in: "05/06/2019", ctx: &Context{Ref: ref, Lang: "fr"}, want: "2019-06-05"},
		{in: "05/06/2019", ctx: &Context{Ref: ref, Lang: "en", DayFirst: 1}, want: "2019-06-05"},
		{in: "2021.04.09", want: "2021-04-09"},
		{in: "2021年4月9日", want: "2021-04-09"},
		{in: "Mar 5, 7:02 AM", ctx: &Context{Ref: ref, Year: 2024}, want: "2024-03-05"},
		{in: "Oct 30", want: "2024-10-30"},
		{in: "3 hours ago", want: "2025-07-03T09:00:00Z", prec: article.PrecisionMinute},
		{in: "Published 2 days ago", want: "2025-07-01"},
		{in: "há 2 dias", want: "2025-07-01"},
		{in: "Yesterday", want: "2025-07-02"},
		{in: "Monday 5:30PM", want: "2025-06-30"}, // ref is Thursday 3 July
		{in: "Thursday 9:00AM", want: "2025-07-03"},
		{in: "Thursday 11:00PM", want: "2025-06-26"},
		{in: "15 января 2021", want: "2021-01-15"},
		{in: "7. März 2022", want: "2022-03-07"},
		{in: "Datum: 03.Mär.19", want: "2019-03-03"},
		{in: "03-Mar-19 10:15", want: "2019-03-03"},
		{in: "2. 11. 2021", ctx: &Context{Ref: ref, Lang: "cs"}, want: "2021-11-02"},
		{in: "13. 01. 2020, 23:55", ctx: &Context{Ref: ref, Lang: "de"}, want: "2020-01-13"},
		// Not dates.
		{in: "November 2019"},
		{in: "Version 1.2.3 released"},
		{in: "Kapitel 3. 4. 12 Seiten"},
		{in: "3 . 4. 2020"},
		{in: "Call 555-1234"},
		{in: "He scored 31/02/2019 goals"},
		{in: "It may 5 times"},
		{in: "3 hours"},
		{in: "Today's top stories"},
		{in: "Monday was a holiday"},
		{in: "see you monday 5:30"},
		{in: "The 2019 season"},
		{in: "Am 3. März 19 Gäste", want: "2025-03-03"}, // the year-less date, not 2019
		{in: "Build 03-Mar-19-2"},
	}
	for _, tt := range tests {
		c := ctx
		if tt.ctx != nil {
			c = *tt.ctx
		}
		m, ok := Find(tt.in, c)
		if tt.want == "" {
			if ok {
				t.Errorf("Find(%q) = %s, want no date", tt.in, Format(&m.Date))
			}
			continue
		}
		if !ok {
			t.Errorf("Find(%q): no date, want %s", tt.in, tt.want)
			continue
		}
		if got := Format(&m.Date); got != tt.want {
			t.Errorf("Find(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if tt.prec != "" && m.Date.Precision != tt.prec {
			t.Errorf("Find(%q) precision = %s, want %s", tt.in, m.Date.Precision, tt.prec)
		}
		if m.Start < 0 || m.End > len(tt.in) || m.Start >= m.End {
			t.Errorf("Find(%q) span [%d,%d)", tt.in, m.Start, m.End)
		}
	}
}

func TestNumericOrder(t *testing.T) {
	tests := map[string]int{
		"03/21/2024 01:14 PM": -1,
		"on 28/02/2023":       1,
		"14.03.2024, 22:41":   1,
		"05/06/2019":          0,
		"no dates 1/2":        0,
		// The first unambiguous date decides, whatever its separator.
		"14.03.2024, then 03/21/2024":                1,
		"03/21/2024, then 14.03.2024":                -1,
		"It rose 3.5 percent. On 13.11.2019 it fell": 1,
	}
	for in, want := range tests {
		if got := NumericOrder(in); got != want {
			t.Errorf("NumericOrder(%q) = %d, want %d", in, got, want)
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
	for _, s := range []string{"Jul 2, 2025", "Mar. 5, 2024 8:26 am ET", "2025-07-02T10:00:00Z", "19/11/2019",
		"3 hours ago", "5 de março de 2024 às 19:26", "2021年4月9日", "Updated 0412 GMT (1212 HKT) March 5, 2024",
		"10:47 PM EST Mar 5, 2024", "UTC+05:30", "12:00 p.m. ET"} {
		f.Add(s)
	}
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, ctx := range []Context{{Ref: ref, Lang: "en"}, {}, {Year: 2019, DayFirst: 1}} {
			m, ok := Find(s, ctx)
			if !ok {
				continue
			}
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("Find(%q) span [%d,%d) out of range", s, m.Start, m.End)
			}
			if y := m.Date.Time.Year(); y < 1990 || y > 2100 {
				t.Fatalf("Find(%q) year %d", s, y)
			}
			switch m.Date.Precision {
			case article.PrecisionDay, article.PrecisionMinute, article.PrecisionSecond:
			default:
				t.Fatalf("Find(%q) precision %q", s, m.Date.Precision)
			}
			if !utf8.ValidString(s[m.Start:m.End]) && utf8.ValidString(s) {
				t.Fatalf("Find(%q) span cuts a rune", s)
			}
		}
	})
}

// TestFindAmbiguous: a numeric date whose day/month order was guessed is
// marked so (its confidence drops); a dotted one follows the day-first
// convention and is not a guess.
func TestFindAmbiguous(t *testing.T) {
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in        string
		ctx       Context
		want      string
		ambiguous bool
	}{
		{in: "05/06/2019", ctx: Context{Ref: ref, Lang: "en"}, want: "2019-05-06", ambiguous: true},
		{in: "05/06/2019", ctx: Context{Ref: ref, Lang: "de", DayFirst: 1}, want: "2019-06-05", ambiguous: true},
		{in: "28/02/2023", ctx: Context{Ref: ref, Lang: "en"}, want: "2023-02-28"},
		{in: "05.06.2019", ctx: Context{Ref: ref, Lang: "de"}, want: "2019-06-05"},
		{in: "05.06.2019", ctx: Context{Ref: ref, Lang: "en", DayFirst: 1}, want: "2019-06-05"},
		{in: "05.06.2019", ctx: Context{Ref: ref, Lang: "en", DayFirst: -1}, want: "2019-05-06", ambiguous: true},
		{in: "06.06.2019", ctx: Context{Ref: ref, Lang: "en", DayFirst: -1}, want: "2019-06-06"},
	}
	for _, tt := range tests {
		m, ok := Find(tt.in, tt.ctx)
		if !ok {
			t.Errorf("Find(%q): no date, want %s", tt.in, tt.want)
			continue
		}
		if got := Format(&m.Date); got != tt.want || m.Ambiguous != tt.ambiguous {
			t.Errorf("Find(%q, %+v) = %s ambiguous %v, want %s ambiguous %v", tt.in, tt.ctx, got, m.Ambiguous, tt.want, tt.ambiguous)
		}
	}
}
