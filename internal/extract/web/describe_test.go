package web

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

func TestHTMLDescribe_Sources(t *testing.T) {
	for _, tc := range []struct {
		name, head, body string
		want             extracttest.DescribeOf
	}{
		{
			name: "jsonld",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pool stays open","description":"The town pool will open for one more summer after residents petitioned the council.",
				"image":{"@type":"ImageObject","url":"/img/pool.jpg"},"articleSection":["Local","Politics"],"keywords":"pools, council,  summer ,pools",
				"url":"https://town.example/local/pool-stays-open","dateModified":"2024-06-02T10:00:00Z"}</script>`,
			want: extracttest.DescribeOf{Description: "The town pool will open for one more summer after residents petitioned the council.",
				Image: "https://town.example/img/pool.jpg", Canonical: "https://town.example/local/pool-stays-open", Section: "Local",
				Tags: []string{"pools", "council", "summer"}, Modified: "2024-06-02",
				Rules: map[string]string{"description": "jsonld:description", "image": "jsonld:image", "canonical_url": "jsonld:url",
					"section": "jsonld:articleSection", "tags": "jsonld:keywords", "modified": "jsonld:dateModified"}},
		},
		{
			name: "opengraph and article meta",
			head: `<meta property="og:description" content="Residents saved the pool, for now."><meta property="og:image" content="https://cdn.example/pool.jpg">
				<meta property="og:url" content="https://town.example/a/1"><meta property="article:section" content="Sport, Local">
				<meta property="article:tag" content="Swimming"><meta property="article:tag" content="Council">
				<meta property="article:modified_time" content="2024-06-03T08:00:00+02:00">`,
			want: extracttest.DescribeOf{Description: "Residents saved the pool, for now.", Image: "https://cdn.example/pool.jpg",
				Canonical: "https://town.example/a/1", Section: "Sport", Tags: []string{"Swimming", "Council"}, Modified: "2024-06-03",
				Rules: map[string]string{"description": "og:description", "image": "og:image", "canonical_url": "og:url",
					"section": "article:section", "tags": "article:tag", "modified": "article:modified_time"}},
		},
		{
			name: "description meta beats opengraph, keywords meta, canonical link",
			head: `<meta name="description" content="A summary written for search results."><meta property="og:description" content="A teaser written for sharing."><meta name="keywords" content="pool; council"><link rel="canonical" href="/story/9">`,
			want: extracttest.DescribeOf{Description: "A summary written for search results.", Canonical: "https://host.example/story/9",
				Tags:  []string{"pool", "council"},
				Rules: map[string]string{"description": "meta:description", "canonical_url": "link[rel=canonical]", "tags": "meta:keywords"}},
		},
		{
			name: "prose naming an address or a unit is a description",
			head: `<meta name="description" content="Police drove at 120 km/h through the village; write to letters@town.example about it.">`,
			want: extracttest.DescribeOf{Description: "Police drove at 120 km/h through the village; write to letters@town.example about it.",
				Rules: map[string]string{"description": "meta:description"}},
		},
		{
			name: "a bare address is no description, markup inside one is dropped",
			head: `<meta name="description" content="https://town.example/pool"><meta property="og:description" content="&lt;p&gt;The pool opens &lt;strong&gt;again&lt;/strong&gt; in June.&lt;/p&gt;">`,
			want: extracttest.DescribeOf{Description: "The pool opens again in June.", Rules: map[string]string{"description": "og:description"}},
		},
		{
			name: "a description in a script written without spaces",
			head: `<meta name="description" content="町の屋外プールは来年の夏も営業を続けることになりました。">`,
			want: extracttest.DescribeOf{Description: "町の屋外プールは来年の夏も営業を続けることになりました。", Rules: map[string]string{"description": "meta:description"}},
		},
		{
			name: "the site's own blurb gives way to a stated description of the article",
			head: `<meta name="description" content="Valley Courier: news and views from the valley since 1998."><meta property="og:description" content="This paragraph is long enough to be taken for the body of the article.">`,
			want: extracttest.DescribeOf{Description: "This paragraph is long enough to be taken for the body of the article.", Rules: map[string]string{"description": "og:description"}},
		},
		{
			name: "a stated description that differs but is no blurb stays first",
			head: `<meta name="description" content="The scorer takes this paragraph for the body, with a comma."><meta property="og:description" content="Valley Courier: news and views from the valley since 1998.">`,
			want: extracttest.DescribeOf{Description: "The scorer takes this paragraph for the body, with a comma.", Rules: map[string]string{"description": "meta:description"}},
		},
		{
			name: "microdata",
			body: `<div itemscope itemtype="https://schema.org/Article"><p itemprop="description">Microdata states the summary of this story.</p><span itemprop="articleSection">Culture</span><span itemprop="keywords">music, festival</span><img itemprop="image" src="/i/band.jpg" width="50"></div>`,
			want: extracttest.DescribeOf{Description: "Microdata states the summary of this story.", Image: "https://host.example/i/band.jpg",
				Section: "Culture", Tags: []string{"music", "festival"},
				Rules: map[string]string{"description": "itemprop:description", "image": "itemprop:image", "section": "itemprop:articleSection", "tags": "itemprop:keywords"}},
		},
		{
			name: "tag links, category links, breadcrumb and figure",
			body: `<nav class="breadcrumbs"><a href="/">Daily Example</a> › <a href="/science/">Science</a> › <span>Bees</span></nav>
				<div class="entry-meta"><a href="/category/nature/" rel="category tag">Nature</a></div>
				<figure><img src="/media/bees.jpg" width="800" height="500"><figcaption>Bees</figcaption></figure>
				<div class="tags-links"><a href="/tag/bees/" rel="tag">Bees</a><a href="/tag/roofs/" rel="tag">Roofs</a></div>
				<ul class="menu"><li><a href="/tag/everything/">Everything</a></li></ul>`,
			want: extracttest.DescribeOf{Description: fixtureProseWrap, Image: "https://host.example/media/bees.jpg",
				Section: "Nature", Tags: []string{"Bees", "Roofs"},
				Rules: map[string]string{"description": "first-paragraph", "image": "figure-image", "section": "category-link", "tags": "a[rel=tag]"}},
		},
		{
			name: "breadcrumb past the front page",
			body: `<ol class="breadcrumb"><li><a href="https://host.example/">Home</a></li><li><a href="/world/">World</a></li><li>Bees return</li></ol>`,
			want: extracttest.DescribeOf{Description: fixtureProseWrap, Section: "World",
				Rules: map[string]string{"description": "first-paragraph", "section": "breadcrumb"}},
		},
		{
			name: "visible standfirst when the page states no description",
			body: `<h1>Pool stays open</h1><p class="article-lede">Four thousand signatures persuaded the council to change its mind.</p>`,
			want: extracttest.DescribeOf{Description: "Four thousand signatures persuaded the council to change its mind.", Section: "News",
				Rules: map[string]string{"description": "standfirst:class", "section": "url-path"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := htmlPage(tc.head, tc.body)
			pageURL := "https://host.example/p"
			if tc.want.Rules["section"] == "url-path" {
				pageURL = "https://host.example/news/pool-stays-open"
			}
			d := article.NewDump("", pageURL, "text/html", []byte(page), time.Time{})
			x := Extract(d)
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, extracttest.DescribeFrom(x)); diff != "" {
				t.Errorf("richer metadata (-want +got):\n%s", diff)
			}
			if x.Metadata.URL != pageURL {
				t.Errorf("URL = %q, want the request's %q", x.Metadata.URL, pageURL)
			}
		})
	}
}

// TestHTMLDescribe_Pick: which of the stated descriptions is taken — not
// a byline, nor a blurb beside one; the longest of the copies that agree;
// the heading of one laid out over several lines.
func TestHTMLDescribe_Pick(t *testing.T) {
	for _, tc := range []struct{ name, head, want, rule string }{
		{"a byline in the description slot is no summary, nor is the site blurb beside it",
			`<meta name="description" content="Written by Metro Desk Staff"><meta property="og:description" content="Valley Courier: news and views from the valley since 1998.">`,
			fixtureProseWrap, "first-paragraph"},
		{"beside a byline, a stated description of the article stays",
			`<meta name="description" content="Par Jeanne Martin (Blog du village, 3 mai)"><meta property="og:description" content="The scorer takes this paragraph for the body of the article.">`,
			"The scorer takes this paragraph for the body of the article.", "og:description"},
		{"a labelled byline is none either",
			`<meta name="description" content="Author: Jeanne Martin">`, fixtureProseWrap, "first-paragraph"},
		{"a description opening with a preposition and no name is prose",
			`<meta name="description" content="By 2030 the pool will need a new roof.">`, "By 2030 the pool will need a new roof.", "meta:description"},
		{"the longest of the copies that agree",
			`<meta name="description" content="Residents saved the pool for one more summer."><meta property="og:description" content="Residents saved the pool for one more summer, the council said.">`,
			"Residents saved the pool for one more summer, the council said.", "og:description"},
		{"a description laid out under a heading states the heading, its dek",
			"<meta property=\"og:description\" content=\"Pool stays open for summer\nThe council voted on Tuesday to keep the old pool open for another year.\">",
			"Pool stays open for summer", "og:description"},
		{"a line break escaped as a backslash and n is a line break",
			`<meta name="description" content="Pool stays open for summer\n The council voted on Tuesday to keep the old pool open for another year.">`,
			"Pool stays open for summer", "meta:description"},
		{"a first line that ends a sentence heads nothing",
			"<meta name=\"description\" content=\"The pool stays open.\nThe council voted on Tuesday to keep the old pool open for another year.\">",
			"The pool stays open. The council voted on Tuesday to keep the old pool open for another year.", "meta:description"},
		{"a first line that ends with a separator is a menu's fragment",
			"<meta name=\"description\" content=\"Local news |\nThe council voted on Tuesday to keep the old pool open for another year.\">",
			"Local news | The council voted on Tuesday to keep the old pool open for another year.", "meta:description"},
		{"a description decoded in the wrong charset gives way to an intact copy",
			"<meta name=\"description\" content=\"Die Gemeinde \ufffdffnet das alte Freibad f\ufffdr einen weiteren Sommer.\">" +
				`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Freibad bleibt offen","description":"Die Gemeinde \u00f6ffnet das alte Freibad f\u00fcr einen weiteren Sommer."}</script>`,
			"Die Gemeinde öffnet das alte Freibad für einen weiteren Sommer.", "jsonld:description"},
		{"a damaged description stays when the page states no intact one",
			"<meta name=\"description\" content=\"Die Gemeinde \ufffdffnet das alte Freibad f\ufffdr einen weiteren Sommer.\">",
			"Die Gemeinde \ufffdffnet das alte Freibad f\ufffdr einen weiteren Sommer.", "meta:description"},
		{"a heading over a few words is the whole description",
			"<meta name=\"description\" content=\"Pool stays open for summer\nSee the photos here.\">",
			"Pool stays open for summer See the photos here.", "meta:description"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "https://host.example/p", "text/html", []byte(htmlPage(tc.head, "")), time.Time{}))
			got := extracttest.DescribeFrom(x)
			if got.Description != tc.want || got.Rules["description"] != tc.rule {
				t.Errorf("description %q from %q, want %q from %q", got.Description, got.Rules["description"], tc.want, tc.rule)
			}
		})
	}
}

// fixtureProseWrap is the paragraph htmlPage puts in every page's body.
const fixtureProseWrap = "This paragraph is long enough to be taken for the body of the article by the scorer, with a comma, and a full stop."

// Reader comments are neither body nor kept anywhere else.
func TestHTMLExtract_CommentsAreNotBody(t *testing.T) {
	const comment = "I have swum in that pool every summer since I was a child and I am so glad the council listened to us at last."
	for _, wrap := range []string{
		`<section id="comments"><h2>3 comments</h2><ol class="comment-list"><li class="comment"><p>%s</p></li></ol></section>`,
		`<div class="comments-area"><div class="comment-body"><p>%s</p></div></div>`,
	} {
		page := htmlPage("", "<article><p>"+extracttest.FixtureProse+"</p><p>"+extracttest.FixtureProse+" Again.</p></article>"+strings.ReplaceAll(wrap, "%s", comment))
		x := Extract(article.NewDump("", "https://host.example/p", "text/html", []byte(page), time.Time{}))
		if x.Err != nil {
			t.Fatalf("Err = %v", x.Err)
		}
		for _, p := range x.Paragraphs {
			if strings.Contains(p, "swum in that pool") {
				t.Errorf("comment kept in the body: %q", p)
			}
		}
		if strings.Contains(x.Metadata.Description, "swum") {
			t.Errorf("comment taken for the description: %q", x.Metadata.Description)
		}
	}
}

func TestHTMLSections(t *testing.T) {
	for _, tc := range []struct {
		name, head, body string
		want             []string
	}{
		{
			name: "a JSON-LD list of sections",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pool stays open","articleSection":["Local","Politics","Summer"]}</script>`,
			want: []string{"Local", "Politics"},
		},
		{
			name: "one comma-separated value",
			head: `<meta property="article:section" content="Sport, Swimming">`,
			want: []string{"Sport", "Swimming"},
		},
		{
			name: "breadcrumb steps past the front page, not the article or an issue number",
			body: `<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/2024/23/">2024/23</a></li><li><a href="/world/">World</a></li><li><a href="/world/europe/">Europe</a></li><li>Bees return</li></ol>`,
			want: []string{"World", "Europe"},
		},
		{
			name: "a section and the post's category links, not the menu's",
			head: `<meta property="article:section" content="Nature">`,
			body: `<div class="entry-meta"><a href="/category/bees/" rel="category tag">Bees</a></div><ul class="menu"><li><a href="/category/sport/">Sport</a></li></ul>`,
			want: []string{"Nature", "Bees"},
		},
		{
			name: "none without a section",
			want: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "https://host.example/p", "text/html", []byte(htmlPage(tc.head, tc.body)), time.Time{}))
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, x.Metadata.Sections); diff != "" {
				t.Errorf("sections (-want +got):\n%s", diff)
			}
			if len(x.Metadata.Sections) > 0 && x.Metadata.Sections[0] != x.Metadata.Section {
				t.Errorf("Sections[0] = %q, want the section %q", x.Metadata.Sections[0], x.Metadata.Section)
			}
		})
	}
}
