package store

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"a\x00b", "ab"},
		{"\x00\x00", ""},
		{"bad \xff\xfe end", "bad \uFFFD end"},
		{"cut \xe2\x82", "cut \uFFFD"},
		{"mixed \x00\xc3\x28", "mixed \uFFFD("},
		{"ok é ✓ 𝄞", "ok é ✓ 𝄞"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		body string
		out  []string
	}{
		{"nil", nil, "", nil},
		{"one", []string{"a"}, "a", []string{"a"}},
		{"lines inside kept", []string{"a\nb", "c"}, "a\nb\n\nc", []string{"a\nb", "c"}},
		{"blank line inside collapsed", []string{"a\n\n\nb"}, "a\nb", []string{"a\nb"}},
		{"edge newlines trimmed", []string{"\na\n", "\nb"}, "a\n\nb", []string{"a", "b"}},
		{"empty dropped", []string{"", "a", "\n\n", "b"}, "a\n\nb", []string{"a", "b"}},
		{"spaces kept", []string{" a "}, " a ", []string{" a "}},
		{"NUL removed", []string{"a\x00"}, "a", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := joinParagraphs(tt.in)
			if body != tt.body {
				t.Errorf("joinParagraphs = %q, want %q", body, tt.body)
			}
			if out := splitParagraphs(body); !slices.Equal(out, tt.out) {
				t.Errorf("splitParagraphs = %q, want %q", out, tt.out)
			}
		})
	}
}

// FuzzParagraphs checks that whatever the extractor hands over, the stored
// body is valid for PostgreSQL text and splits back into the same list that
// a second round trip keeps unchanged.
func FuzzParagraphs(f *testing.F) {
	f.Add("one\x1etwo")
	f.Add("\n\x1e\n\n\x1ea\x00\xff")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		paras := strings.Split(s, "\x1e") // record separator: one fuzz string, many paragraphs
		body := joinParagraphs(paras)
		if !utf8.ValidString(body) || strings.IndexByte(body, 0) >= 0 {
			t.Fatalf("body %q is not storable text", body)
		}
		out := splitParagraphs(body)
		for _, p := range out {
			if p == "" || strings.Contains(p, paragraphSep) || strings.HasPrefix(p, "\n") || strings.HasSuffix(p, "\n") {
				t.Fatalf("paragraph %q would not survive a round trip", p)
			}
		}
		if again := joinParagraphs(out); again != body {
			t.Fatalf("not stable: %q then %q", body, again)
		}
	})
}

func TestDateColumns(t *testing.T) {
	kolkata := time.FixedZone("IST", 5*3600+1800)
	tests := []struct {
		name string
		in   *article.Date
		want *article.Date
	}{
		{"nil", nil, nil},
		{"zero", &article.Date{}, nil},
		{
			"zone kept as offset",
			&article.Date{Time: time.Date(2024, 1, 1, 0, 15, 0, 0, kolkata), Precision: article.PrecisionMinute, HasZone: true},
			&article.Date{Time: time.Date(2024, 1, 1, 0, 15, 0, 0, kolkata), Precision: article.PrecisionMinute, HasZone: true},
		},
		{
			"no zone reads back in UTC",
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay},
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay},
		},
		{
			"nanoseconds truncated to microseconds",
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 1, 123456789, time.UTC), Precision: article.PrecisionSecond},
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 1, 123456000, time.UTC), Precision: article.PrecisionSecond},
		},
		{
			"missing precision inferred: day",
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)},
			&article.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay},
		},
		{
			"missing precision inferred: minute",
			&article.Date{Time: time.Date(2024, 1, 1, 9, 30, 0, 0, time.UTC)},
			&article.Date{Time: time.Date(2024, 1, 1, 9, 30, 0, 0, time.UTC), Precision: article.PrecisionMinute},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fromDateColumns(toDateColumns(tt.in))
			if (got == nil) != (tt.want == nil) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			if got == nil {
				return
			}
			_, gotOff := got.Time.Zone()
			_, wantOff := tt.want.Time.Zone()
			if !got.Time.Equal(tt.want.Time) || gotOff != wantOff || got.Precision != tt.want.Precision || got.HasZone != tt.want.HasZone {
				t.Errorf("got %v (offset %d) %s zone=%v, want %v (offset %d) %s zone=%v",
					got.Time, gotOff, got.Precision, got.HasZone, tt.want.Time, wantOff, tt.want.Precision, tt.want.HasZone)
			}
			if got.Day() != tt.want.Day() {
				t.Errorf("Day() = %s, want %s", got.Day(), tt.want.Day())
			}
		})
	}
}
