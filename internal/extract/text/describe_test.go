package text

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

func TestTextDescribe_Sources(t *testing.T) {
	body := "\n\n" + extracttest.FixtureProse + "\n\nThe pool will open on the first of June, the council said, and close at the end of August as it has for fifty years.\n\nA survey of the building found the roof sound but the boilers near the end of their lives, and the repairs will cost more than the town has set aside.\n\nThe petition's organisers said they would keep campaigning for a new pool."
	for _, tc := range []struct {
		name, dump, url string
		want            extracttest.DescribeOf
	}{
		{
			name: "dek under the headline and breadcrumb above it",
			dump: "Town Daily\n\nHome › Local › Council keeps the old pool open\nCouncil keeps the old pool open\n\nResidents won a reprieve for the pool after a petition drew thousands of names\n\nBy Ann Lee\n\nJune 2, 2024" + body,
			want: extracttest.DescribeOf{Description: "Residents won a reprieve for the pool after a petition drew thousands of names", Section: "Local",
				Rules: map[string]string{"description": "dek:under-headline", "section": "breadcrumb-line"}},
		},
		{
			name: "the headline printed twice is no dek",
			dump: "Council keeps the old pool open\n\nCouncil keeps the old pool open!\n\nResidents won a reprieve for the pool after a petition drew thousands of names\n\nBy Ann Lee\n\nJune 2, 2024" + body,
			want: extracttest.DescribeOf{Description: "Residents won a reprieve for the pool after a petition drew thousands of names",
				Rules: map[string]string{"description": "dek:under-headline"}},
		},
		{
			name: "tags line, filed-under line and updated date",
			dump: "Council keeps the old pool open\n\nBy Ann Lee\n\nPublished June 2, 2024\nUpdated June 3, 2024" + body + "\n\nFiled under: Local News, Politics\n\nTags: pools, council, summer",
			want: extracttest.DescribeOf{Section: "Local News", Tags: []string{"pools", "council", "summer"}, Modified: "2024-06-03",
				Rules: map[string]string{"section": "section-line", "tags": "tags-line", "modified": "date:updated-line"}},
		},
		{
			name: "kicker above the headline",
			dump: "Menu\nSearch\n\nCulture\n\nCouncil keeps the old pool open\n\nBy Ann Lee" + body,
			want: extracttest.DescribeOf{Section: "Culture", Rules: map[string]string{"section": "above-headline"}},
		},
		{
			name: "a section name the menu also uses, right above the headline",
			dump: "Log in\nSubscribe\n\nPolitics\nCouncil keeps the old pool open\n\nBy Ann Lee" + body,
			want: extracttest.DescribeOf{Section: "Politics", Rules: map[string]string{"section": "above-headline"}},
		},
		{
			name: "no kicker reached past the menu",
			dump: "Local\nSubscribe\n\nCouncil keeps the old pool open\n\nBy Ann Lee" + body,
			want: extracttest.DescribeOf{Rules: map[string]string{}},
		},
		{
			name: "categories inside a credit line under the headline",
			dump: "Council keeps the old pool open\n\n2 June 2024 by Ann Lee / Categories: Local, Politics" + body,
			want: extracttest.DescribeOf{Section: "Local", Rules: map[string]string{"section": "section-line"}},
		},
		{
			name: "section from the URL, no dek repeated from the body",
			dump: "Council keeps the old pool open\n\nBy Ann Lee" + body,
			url:  "https://town.example/politik/council-keeps-the-old-pool-open",
			want: extracttest.DescribeOf{Section: "Politik", Rules: map[string]string{"section": "url-path"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := article.NewDump("", tc.url, "text/plain", []byte(tc.dump), time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC))
			x := Extract(d)
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, extracttest.DescribeFrom(x)); diff != "" {
				t.Errorf("richer metadata (-want +got):\n%s", diff)
			}
			if len(x.Paragraphs) > 0 && x.Metadata.Description == x.Paragraphs[0] {
				t.Errorf("description repeats the first body paragraph")
			}
		})
	}
}

func TestTextSections(t *testing.T) {
	body := "\n\n" + extracttest.FixtureProse + "\n\nThe pool will open on the first of June, the council said, and close at the end of August as it has for fifty years.\n\nA survey of the building found the roof sound but the boilers near the end of their lives."
	for _, tc := range []struct {
		name, dump string
		want       []string
	}{
		{"one kicker", "Menu\n\nCulture\nCouncil keeps the old pool open\n\nBy Ann Lee" + body, []string{"Culture"}},
		{"a kicker naming two sections", "Menu\n\nLocal • Politics\nCouncil keeps the old pool open\n\nBy Ann Lee" + body, []string{"Local", "Politics"}},
		{"a breadcrumb one step a line", "Menu\n\nPolitik\nAusland\nCouncil keeps the old pool open\n\nBy Ann Lee" + body, []string{"Ausland", "Politik"}},
		{"an advertisement marker between kicker and headline", "Menu\n\nWellness\nAnzeige\nCouncil keeps the old pool open\n\nBy Ann Lee" + body, []string{"Wellness"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "", "text/plain", []byte(tc.dump), time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)))
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, x.Metadata.Sections); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
			if x.Metadata.Sections[0] != x.Metadata.Section {
				t.Errorf("Sections[0] = %q, want the section %q", x.Metadata.Sections[0], x.Metadata.Section)
			}
		})
	}
}
