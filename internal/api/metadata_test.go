package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/api"
)

// richPage is an article page stating the richer metadata in its head:
// JSON-LD description, image and sections (section, then "Regional"),
// OpenGraph URL and tags.
func richPage(title, section string, tags []string, paragraphs ...string) string {
	head := fmt.Sprintf(`<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"description":"A short summary of %s.","image":"/media/%s.jpg","articleSection":[%q,"Regional"],"dateModified":"2025-03-04T05:06:07+01:00"}</script><meta property="og:url" content="https://gazette.example/%s">`,
		title, title, section, section, section)
	for _, t := range tags {
		head += fmt.Sprintf(`<meta property="article:tag" content=%q>`, t)
	}
	page := htmlPage(title, "en", paragraphs...)
	return page[:len(`<!doctype html><html lang="en"><head>`)] + head + page[len(`<!doctype html><html lang="en"><head>`):]
}

// richBody is the part of an article response these tests read.
type richBody struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	URL          string   `json:"url"`
	Description  string   `json:"description"`
	Image        string   `json:"image"`
	CanonicalURL string   `json:"canonical_url"`
	Section      string   `json:"section"`
	Sections     []string `json:"sections"`
	Tags         []string `json:"tags"`
	ModifiedAt   *string  `json:"modified_at"`
	// ModifiedPrecision is a pointer so that a missing member fails.
	ModifiedPrecision *string `json:"modified_precision"`
}

func TestArticles_RicherMetadataAndFilters(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	post := func(path, title, section string, tags ...string) richBody {
		t.Helper()
		r := ts.do(t, "POST", path, "text/html", []byte(richPage(title, section, tags, filler(title, 4))))
		if r.status != http.StatusCreated {
			t.Fatalf("POST %s = %d %s", title, r.status, r.body)
		}
		var b richBody
		if err := json.Unmarshal(r.body, &b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	const sent = "https://gazette.example/p?id=1"
	first := post("/v1/articles?source=g&url="+url.QueryEscape(sent), "Bridge reopens after repairs", "Local", "Bridges", "Council")
	want := richBody{ID: first.ID, Title: "Bridge reopens after repairs", URL: sent,
		Description: "A short summary of Bridge reopens after repairs.", Image: "https://gazette.example/media/Local.jpg",
		CanonicalURL: "https://gazette.example/Local", Section: "Local", Sections: []string{"Local", "Regional"},
		Tags: []string{"Bridges", "Council"}}
	stamp, second := "2025-03-04T04:06:07Z", "second"
	want.ModifiedAt, want.ModifiedPrecision = &stamp, &second
	if diff := cmp.Diff(want, first); diff != "" {
		t.Errorf("POST response (-want +got):\n%s", diff)
	}
	var got richBody
	r := ts.do(t, "GET", "/v1/articles/"+first.ID, "", nil)
	if err := json.Unmarshal(r.body, &got); err != nil || r.status != http.StatusOK {
		t.Fatalf("GET = %d %s", r.status, r.body)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GET response (-want +got):\n%s", diff)
	}
	var list struct {
		Items []richBody `json:"items"`
	}
	r = ts.do(t, "GET", "/v1/articles?source=g", "", nil)
	if err := json.Unmarshal(r.body, &list); err != nil || r.status != http.StatusOK || len(list.Items) != 1 {
		t.Fatalf("list = %d %s", r.status, r.body)
	}
	if diff := cmp.Diff(want, list.Items[0]); diff != "" {
		t.Errorf("list item (-want +got):\n%s", diff)
	}

	post("/v1/articles?source=g", "Match ends in a draw", "Sport", "Football", "council")
	post("/v1/articles?source=g", "Stadium roof repaired", "Sport", "Football")
	post("/v1/articles?source=g", "Library extends its hours", "local")

	titles := func(query string) []string {
		var out []string
		cursor := ""
		for pages := 0; pages < 10; pages++ {
			q := query + "&limit=1"
			if cursor != "" {
				q += "&cursor=" + url.QueryEscape(cursor)
			}
			p := listPage(t, ts, q)
			for _, it := range p.Items {
				out = append(out, it.Title)
			}
			if p.NextCursor == nil {
				return out
			}
			cursor = *p.NextCursor
		}
		t.Fatalf("%s: pagination does not end", query)
		return nil
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"?section=local", []string{"Library extends its hours", "Bridge reopens after repairs"}},
		{"?section=SPORT", []string{"Stadium roof repaired", "Match ends in a draw"}},
		{"?tag=council", []string{"Match ends in a draw", "Bridge reopens after repairs"}},
		{"?tag=football&section=sport", []string{"Stadium roof repaired", "Match ends in a draw"}},
		{"?tag=football&section=local", nil},
		{"?tag=foot", nil},
	} {
		if diff := cmp.Diff(tc.want, titles(tc.query)); diff != "" {
			t.Errorf("%s, a page at a time (-want +got):\n%s", tc.query, diff)
		}
	}
	// A cursor of one filter is refused by another.
	p := listPage(t, ts, "?section=sport&limit=1")
	if p.NextCursor == nil {
		t.Fatal("no next page")
	}
	mustProblem(t, ts.do(t, "GET", "/v1/articles?tag=football&limit=1&cursor="+url.QueryEscape(*p.NextCursor), "", nil),
		http.StatusBadRequest, "invalid-request")
	for _, bad := range []string{"?section=%00", "?tag=%ff", "?sections=sport"} {
		mustProblem(t, ts.do(t, "GET", "/v1/articles"+bad, "", nil), http.StatusBadRequest, "invalid-request")
	}
}

// TestArticles_ModifiedDay: a page that states the day of its update and
// no time is served as midnight UTC of that day, with day precision.
func TestArticles_ModifiedDay(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	page := strings.Replace(richPage("Ferry timetable changes", "Local", nil, filler("ferry", 4)),
		"2025-03-04T05:06:07+01:00", "2025-05-03", 1)
	r := ts.do(t, "POST", "/v1/articles?source=g", "text/html", []byte(page))
	if r.status != http.StatusCreated {
		t.Fatalf("POST = %d %s", r.status, r.body)
	}
	var created richBody
	if err := json.Unmarshal(r.body, &created); err != nil {
		t.Fatal(err)
	}
	var got richBody
	r = ts.do(t, "GET", "/v1/articles/"+created.ID, "", nil)
	if err := json.Unmarshal(r.body, &got); err != nil || r.status != http.StatusOK {
		t.Fatalf("GET = %d %s", r.status, r.body)
	}
	for name, b := range map[string]richBody{"POST": created, "GET": got} {
		if b.ModifiedAt == nil || *b.ModifiedAt != "2025-05-03T00:00:00Z" || b.ModifiedPrecision == nil || *b.ModifiedPrecision != "day" {
			t.Errorf("%s: modified_at %v, modified_precision %v; want 2025-05-03T00:00:00Z, day", name, b.ModifiedAt, b.ModifiedPrecision)
		}
	}
}
