package dom

import (
	"reflect"
	"testing"
)

// TestSegment_Headers: the page's <header> (logo, menu) is left out; an
// article's own <header> holds its headline, byline and date and is kept.
func TestSegment_Headers(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string
	}{
		{"page header", `<body><header><p>Example Gazette</p><p>Menu</p></header><article><p>Body text.</p></article></body>`,
			[]string{"Body text."}},
		{"article header", `<body><article><header><h1>Headline</h1><p>von Anna Beispiel</p></header><p>Body text.</p></article></body>`,
			[]string{"Headline", "von Anna Beispiel", "Body text."}},
		{"banner inside the article", `<body><main><header role="banner"><p>Logo</p></header><p>Body text.</p></main></body>`,
			[]string{"Body text."}},
		{"hidden article header", `<body><article><header hidden><p>x</p></header><p>Body text.</p></article></body>`,
			[]string{"Body text."}},
		{"ruby readings", `<body><p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を<ruby>読<rt>よ</rt></ruby>む。</p></body>`,
			[]string{"漢字を読む。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.page), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range Segment(doc) {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSaysPagePhrase(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"melden sie sich für unseren newsletter abonnieren an", true},
		{"inscrivez-vous à notre lettre d'information", true},
		{"dieser artikel ist nur für abonnenten verfügbar.", true},
		{"zapisz się do newslettera", true},
		{"the company's newsletters division was sold", true}, // the word itself is the vocabulary
		{"the mayor signed the order on tuesday.", false},
		{"abonnenten", false}, // the wall's words alone are no phrase
	}
	for _, tt := range tests {
		if got := saysPagePhrase(tt.in); got != tt.want {
			t.Errorf("saysPagePhrase(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
