package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The extract command lists every section the page names as categories,
// and the first as the section.
func TestRunExtract_Categories(t *testing.T) {
	const body = "<p>This paragraph is long enough to be taken for the body of the article, with a comma, and a full stop.</p>"
	for _, tc := range []struct {
		name, page string
		section    string
		categories []string
	}{
		{
			name:    "several sections",
			page:    `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Pool","articleSection":["Local","Politics"]}</script></head><body><article>` + body + `</article></body></html>`,
			section: "Local", categories: []string{"Local", "Politics"},
		},
		{
			name:    "no section",
			page:    `<html><head></head><body><article>` + body + `</article></body></html>`,
			section: "", categories: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := runExtract([]string{"--url", "https://host.example/p"}, strings.NewReader(tc.page), &out, &errOut); err != nil {
				t.Fatalf("runExtract: %v (%s)", err, errOut.String())
			}
			var got struct {
				Section    string   `json:"section"`
				Categories []string `json:"categories"`
			}
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("output %q: %v", out.String(), err)
			}
			if got.Section != tc.section || !cmp.Equal(got.Categories, tc.categories) {
				t.Errorf("section %q categories %q, want %q %q", got.Section, got.Categories, tc.section, tc.categories)
			}
		})
	}
}
