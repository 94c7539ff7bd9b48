package web

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLPrintedCredits checks the credits printed without metadata that
// the cue readers miss: a byline below a bar of share links, and a bare
// name stacked with a wire service or a date, or followed by a dated tail;
// and that a kicker over a date or a category before a date is no credit.
func TestHTMLPrintedCredits(t *testing.T) {
	body := "<p>The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.</p>" +
		"<p>The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.</p>" +
		"<p>Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.</p>"
	page := func(head string) string {
		return "<html><head><title>Council keeps the pool open</title></head><body><article>" + head + body + "</article></body></html>"
	}
	share := strings.Repeat(`<div><a href="/share">Share this story</a></div>`, 10)
	tests := []struct {
		name string
		head string
		want []string
	}{
		{"byline below a bar of share links", "<h1>Council keeps the pool open</h1>" + share + "<div>By Jane Example March 18 at 3:57 PM</div>", []string{"Jane Example"}},
		{"linked name and a dated tail", `<h1>Council keeps the pool open</h1><div><a href="/u/jexample">Jane Example</a> • 8h</div>`, []string{"Jane Example"}},
		{"name in capitals over a wire service", "<div>JANE EXAMPLE</div><div>Associated Press</div><h1>Council keeps the pool open</h1>", []string{"Jane Example"}},
		{"name under the headline over a date", `<h1>Council keeps the pool open</h1><div><a href="/author/je">Jane Example</a></div><div>4 May 2022, 07:59</div>`, []string{"Jane Example"}},
		{"glued By over a date", `<h1>Council keeps the pool open</h1><div><span>By</span><a href="/author/je">Jane Example</a></div><div>Thursday, November 9, 2023</div>`, []string{"Jane Example"}},
		{"kicker over a date above the headline", "<div>Winter Games</div><div>02 Feb. 2022</div><h1>Council keeps the pool open</h1>", nil},
		{"category and a date", `<h1>Council keeps the pool open</h1><div><a href="/c/city">City & Local Affairs</a> • October 18, 2019</div>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{Body: []byte(page(tc.head)), ContentType: "text/html", FetchedAt: time.Date(2024, 3, 20, 9, 0, 0, 0, time.UTC)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLMetaAuthorPastOrganisation checks that a metadata source naming
// only an organisation or a handle does not hide a person named by a later
// one, and that the credit is still kept when no person is named.
func TestHTMLMetaAuthorPastOrganisation(t *testing.T) {
	body := "<h1>Council keeps the pool open</h1><p>The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.</p>" +
		"<p>The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends.</p>"
	page := func(head string) string {
		return "<html><head><title>Council keeps the pool open</title>" + head + "</head><body><article>" + body + "</article></body></html>"
	}
	tests := []struct {
		name         string
		head         string
		wantAuthors  []string
		wantAgencies []string
	}{
		{"organisation, then dc:creator", `<meta name="author" content="Example Media Group"><meta property="dc:creator" content="Jane Example">`, []string{"Jane Example"}, nil},
		{"JSON-LD handle, then meta author", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council keeps the pool open","author":"je1234"}</script><meta name="author" content="Jane Example">`, []string{"Jane Example"}, nil},
		// Without a person anywhere, the credit the page states is its
		// author, but a wire service stays an agency and a default
		// account credits no one.
		{"organisation alone", `<meta name="author" content="Example Media Group">`, []string{"Example Media Group"}, nil},
		{"pen name alone", `<meta name="author" content="Jexample">`, []string{"Jexample"}, nil},
		{"JSON-LD organisation", `<script type="application/ld+json">{"@type":"Article","headline":"Council keeps the pool open","author":{"@type":"Organization","name":"Friends of the Pool"}}</script>`, []string{"Friends of the Pool"}, nil},
		{"wire service alone", `<meta name="author" content="Reuters">`, nil, []string{"Reuters"}},
		{"default account", `<meta name="author" content="admin">`, nil, []string{"admin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{Body: []byte(page(tc.head)), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if diff := cmp.Diff(tc.wantAuthors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantAgencies, x.Metadata.Agencies); diff != "" {
				t.Errorf("agencies (-want +got):\n%s", diff)
			}
		})
	}
}
