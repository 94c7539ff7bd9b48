package api

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// TestArticleResponse_JSONAsEncodingJSON: the hand-written head of an
// article is what encoding/json makes of it, byte for byte, whatever its
// fields hold; and it has a member for every field.
func TestArticleResponse_JSONAsEncodingJSON(t *testing.T) {
	var fields int
	for _, typ := range []reflect.Type{reflect.TypeFor[articleResponse](), reflect.TypeFor[extractedFields]()} {
		for f := range typ.Fields() {
			if f.IsExported() && !f.Anonymous && f.Name != "Diagnostics" {
				fields++
			}
		}
	}
	if fields != articleResponseMembers {
		t.Fatalf("articleResponse has %d fields, writeJSONHead writes %d: update it", fields, articleResponseMembers)
	}
	zone := time.FixedZone("", -(4*3600 + 30*60))
	full := &article.Article{
		ID: article.ID{1, 2, 3}, DumpID: article.ID{0xff}, Source: "wire <b>&amp;</b>",
		Metadata: article.Metadata{
			URL: "https://example.com/a?b=1&c=\"2\"", Title: "Grüße \u2028 \"aus\" 東京 😀 \x00\x1f\xff",
			Authors: []string{"Zoë", "", "A \\ B"}, Agencies: []string{"Wire"}, SiteName: "Site", Location: "PARIS",
			Sponsors: []string{"Acme"}, Paywalled: true, OriginalPublisher: "Other", Language: "fr",
			Description: "line\nbreak\ttab", Image: "https://example.com/i.png", CanonicalURL: "https://example.com/c",
			Section: "Politique", Sections: []string{"Politique", "Monde"}, Tags: []string{"a", "b\u2029"},
			Published: &article.Date{Time: time.Date(2025, 7, 2, 23, 30, 15, 123456000, zone), Precision: article.PrecisionSecond, HasZone: true},
			Modified:  &article.Date{Time: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay},
		},
		Paragraphs: []string{"One.", "Two."}, WordCount: 2, ExtractorVersion: 8,
		ReceivedAt: time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC),
		CreatedAt:  time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		UpdatedAt:  time.Date(2026, 1, 2, 3, 4, 5, 999999999, time.UTC),
	}
	tests := []struct {
		name string
		edit func(a *article.Article)
		hand bool // written by hand, not by encoding/json
	}{
		{"every field", nil, true},
		{"zero article", func(a *article.Article) { *a = article.Article{} }, true},
		{"nil and empty lists", func(a *article.Article) {
			a.Metadata.Authors, a.Metadata.Agencies, a.Metadata.Tags = nil, []string{}, nil
		}, true},
		{"published without precision", func(a *article.Article) { a.Metadata.Published.Precision = "" }, true},
		{"diagnostics", func(a *article.Article) { a.Diagnostics = &article.Diagnostics{Notes: []string{"<note>"}} }, false},
		{"a year encoding/json refuses", func(a *article.Article) { a.CreatedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := *full
			a.Metadata.Published = new(*full.Metadata.Published)
			if tc.edit != nil {
				tc.edit(&a)
			}
			resp := newArticleResponse(&a)
			if resp.handWritten() != tc.hand {
				t.Fatalf("handWritten = %v, want %v", resp.handWritten(), tc.hand)
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			wantErr := enc.Encode(resp)
			var got bytes.Buffer
			gotErr := encodeStreamed(&onlyWriter{&got}, resp, nil)
			if (gotErr != nil) != (wantErr != nil) {
				t.Fatalf("error %v, encoding/json's %v", gotErr, wantErr)
			}
			if w := strings.TrimSuffix(want.String(), "\n"); gotErr == nil && got.String() != w {
				t.Errorf("head differs from encoding/json:\n got %s\nwant %s", got.String(), w)
			}
		})
	}
}

// onlyWriter is a streamWriter over a bytes.Buffer.
type onlyWriter struct{ *bytes.Buffer }
