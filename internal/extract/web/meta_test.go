package web

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

// htmlPage wraps head markup and an article body long enough to be found.
func htmlPage(head, body string) string {
	return "<!doctype html><html><head>" + head + "</head><body>" + body +
		"<article><p>This paragraph is long enough to be taken for the body of the article by the scorer, with a comma, and a full stop.</p></article></body></html>"
}

func TestHTMLMetadata_Forms(t *testing.T) {
	type want struct {
		title, site, lang, url, published, rule string // url: the canonical URL
		authors, agencies                       []string
	}
	for _, tc := range []struct {
		name, head, body string
		want             want
	}{
		{
			name: "jsonld NewsArticle with author objects and publisher",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2020-02-03T04:05:06-05:00","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Park"}],"publisher":{"@type":"Organization","name":"Daily P"}}</script>`,
			want: want{title: "H", site: "Daily P", published: "2020-02-03T04:05:06-05:00", authors: []string{"Ann Lee", "Bo Park"}, rule: "jsonld:datePublished"},
		},
		{
			name: "jsonld BlogPosting author string with By and and",
			head: `<script type="application/ld+json">[{"@type":"BlogPosting","headline":"H","author":"By Ann Lee and Bo Park","dateCreated":"2021-06-07"}]</script>`,
			want: want{title: "H", published: "2021-06-07T00:00:00Z", authors: []string{"Ann Lee", "Bo Park"}, rule: "jsonld:dateCreated"},
		},
		{
			name: "jsonld ReportageNewsArticle wire service author goes to agencies",
			head: `<script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"H","author":{"@type":"Organization","name":"Reuters"}}</script>`,
			want: want{title: "H", agencies: []string{"Reuters"}},
		},
		{
			name: "jsonld graph with author reference",
			head: `<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"#p"}},{"@type":"Person","@id":"#p","name":"Cy Young"}]}</script>`,
			want: want{title: "H", authors: []string{"Cy Young"}},
		},
		{
			name: "jsonld WebPage with articleBody",
			head: `<script type="application/ld+json">{"@type":"WebPage","headline":"W","articleBody":"text"}</script>`,
			want: want{title: "W"},
		},
		{
			name: "opengraph and article meta",
			head: `<meta property="og:title" content="OG"><meta property="og:site_name" content="Site"><meta property="article:published_time" content="2019-11-19T13:03:00.000Z"><meta property="article:author" content="Dee Ray"><meta property="og:url" content="https://x.example/a"><meta property="og:locale" content="es_ES">`,
			want: want{title: "OG", site: "Site", lang: "es", url: "https://x.example/a", published: "2019-11-19T13:03:00Z", authors: []string{"Dee Ray"}, rule: "article:published_time"},
		},
		{
			name: "meta author is a URL and is ignored for article:author",
			head: `<meta property="article:author" content="https://facebook.example/dee"><meta name="author" content="Eve Stone, Staff Writer">`,
			want: want{authors: []string{"Eve Stone"}, agencies: []string{"Staff Writer"}},
		},
		{
			name: "parsely and sailthru",
			head: `<meta name="parsely-author" content="Fay Wu"><meta name="sailthru.date" content="Tue, 05 Mar 2024 06:44:00 +0000">`,
			want: want{authors: []string{"Fay Wu"}, published: "2024-03-05T06:44:00Z", rule: "meta:sailthru.date"},
		},
		{
			name: "dublin core",
			head: `<meta name="DC.creator" content="Gil Moss"><meta name="dc.date" content="2021-10-15">`,
			want: want{authors: []string{"Gil Moss"}, published: "2021-10-15T00:00:00Z", rule: "meta:dc.date"},
		},
		{
			name: "meta date with zone abbreviation",
			head: `<meta name="date" content="March 5, 2024, 08:26 PM EST">`,
			want: want{published: "2024-03-05T20:26:00-05:00", rule: "meta:date"},
		},
		{
			name: "time element with pubdate beats plain time",
			body: `<time datetime="2017-01-01">x</time><time pubdate datetime="2017-05-06T07:08Z">y</time>`,
			want: want{published: "2017-05-06T07:08:00Z", rule: "time[pubdate]"},
		},
		{
			name: "published preferred over modified",
			head: `<meta property="article:modified_time" content="2020-01-02T00:00:00Z"><meta name="pubdate" content="2019-12-31">`,
			want: want{published: "2019-12-31T00:00:00Z", rule: "meta:pubdate"},
		},
		{
			name: "modified as the last resort",
			head: `<meta property="article:modified_time" content="2020-01-02T03:04:05Z">`,
			want: want{published: "2020-01-02T03:04:05Z", rule: "article:modified_time"},
		},
		{
			name: "time element",
			body: `<p><time datetime="2016-03-04T10:00:00+01:00">4 March</time></p>`,
			want: want{published: "2016-03-04T10:00:00+01:00", rule: "time[datetime]"},
		},
		{
			name: "microdata",
			body: `<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Micro H</h1><span itemprop="author" itemscope><span itemprop="name">Hal Ito</span></span><meta itemprop="datePublished" content="2015-08-09"></div>`,
			want: want{title: "Micro H", authors: []string{"Hal Ito"}, published: "2015-08-09T00:00:00Z", rule: "meta:datepublished"},
		},
		{
			name: "title with site suffix and visible h1",
			head: `<title>The Real Headline | Some Site</title>`,
			body: `<h1>The Real Headline</h1>`,
			want: want{title: "The Real Headline", site: "Some Site"},
		},
		{
			name: "truncated og title repaired from h1",
			head: `<meta property="og:title" content="A very long headline that the site cut short...">`,
			body: `<h1>A very long headline that the site cut short before the end</h1>`,
			want: want{title: "A very long headline that the site cut short before the end"},
		},
		{
			name: "headline that disagrees with og title: the visible one wins",
			head: `<script type="application/ld+json">{"@type":"Article","headline":"SEO headline for search engines"}</script><meta property="og:title" content="Printed headline on the page">`,
			body: `<h1>Printed headline on the page</h1>`,
			want: want{title: "Printed headline on the page"},
		},
		{
			name: "rel author link",
			body: `<a rel="author" href="/u/ida">Ida Kern</a>`,
			want: want{authors: []string{"Ida Kern"}},
		},
		{
			name: "canonical link and html lang",
			head: `<link rel="canonical" href="/story/1">`,
			want: want{url: "https://host.example/story/1", lang: "de"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := htmlPage(tc.head, tc.body)
			if tc.name == "canonical link and html lang" {
				page = strings.Replace(page, "<html>", `<html lang="de-AT">`, 1)
			}
			d := article.NewDump("", "https://host.example/page", "text/html", []byte(page), time.Time{})
			x := Extract(d)
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			md := x.Metadata
			got := want{title: md.Title, site: md.SiteName, authors: md.Authors, agencies: md.Agencies}
			if tc.want.lang != "" {
				got.lang = md.Language
			}
			if tc.want.url != "" {
				got.url = md.CanonicalURL
			}
			if md.URL != d.URL {
				t.Errorf("URL = %q, want the request's %q", md.URL, d.URL)
			}
			if p := md.Published; !p.IsZero() {
				got.published = p.Time.Format(time.RFC3339)
			}
			for _, f := range x.Diagnostics.Fields {
				if f.Field == "published" && tc.want.rule != "" {
					got.rule = f.Rule
				}
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHTMLSplitCredits(t *testing.T) {
	for _, tc := range []struct {
		in            []string
		site          string
		persons, orgs []string
	}{
		{[]string{"By Ann Lee and Bo Park"}, "", []string{"Ann Lee", "Bo Park"}, nil},
		{[]string{"Ann Lee, Bo Park & Cy Young"}, "", []string{"Ann Lee", "Bo Park", "Cy Young"}, nil},
		{[]string{"JANE ROE, AP Travel Writer"}, "", []string{"JANE ROE"}, []string{"AP Travel Writer"}},
		{[]string{"Analysis by Noor Haddad"}, "", []string{"Noor Haddad"}, nil},
		{[]string{"Reuters"}, "", nil, []string{"Reuters"}},
		{[]string{"admin"}, "", nil, []string{"admin"}},
		{[]string{"Ravi Menon", "Example Insider"}, "Example Insider", []string{"Ravi Menon"}, []string{"Example Insider"}},
		{[]string{"https://twitter.example/ann", "@annlee", "Ann Lee"}, "", []string{"Ann Lee"}, nil},
		{[]string{"Ludwig van Beethoven"}, "", []string{"Ludwig van Beethoven"}, nil},
		{[]string{"Por María José Díaz"}, "", []string{"María José Díaz"}, nil},
		{[]string{"Ann Lee", "ann lee"}, "", []string{"Ann Lee"}, nil},
		{[]string{"王小明", "김민수", "新華社通信社報道部"}, "", []string{"王小明", "김민수"}, []string{"新華社通信社報道部"}},
		{[]string{"Иван Петров"}, "", []string{"Иван Петров"}, nil},
	} {
		p, o := htmlSplitCredits(tc.in, tc.site)
		if diff := cmp.Diff(tc.persons, p); diff != "" {
			t.Errorf("persons of %q (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.orgs, o); diff != "" {
			t.Errorf("orgs of %q (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestHTMLGuessLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The council said that the new bridge is open for traffic and the old one will be closed with a fence.", "en"},
		{"Le conseil a dit que le nouveau pont est ouvert pour les voitures et que la vieille route est dans un état pas bon.", "fr"},
		{"O conselho disse que a nova ponte não está aberta para os carros e que a estrada da cidade é perigosa.", "pt"},
		{"Der Rat sagte, dass die neue Brücke nicht mit dem Auto befahren werden kann und auch die alte Straße ist zu.", "de"},
		{"Совет заявил, что новый мост открыт для движения.", "ru"},
		{"ok", ""},
	} {
		if got := htmlGuessLanguage([]string{tc.text}); got != tc.want {
			t.Errorf("htmlGuessLanguage(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestHTMLVisibleMetadata(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		authors    []string
		published  string
	}{
		{"byline and date near the headline", `<h1>Mill reopens</h1><p>By Ann Lee and Bo Park Monday, November 18, 2019</p>`,
			[]string{"Ann Lee", "Bo Park"}, "2019-11-18T00:00:00Z"},
		{"iso date in a short line", `<h1>Mill reopens</h1><div class="when">Posted 2021-03-04 09:30</div>`,
			nil, "2021-03-04T09:30:00Z"},
		{"nothing printed", `<h1>Mill reopens</h1>`, nil, ""},
		{"a user name after a cue", `<h1>Mill reopens</h1><p>Posted on 3. March 2021 by millfan</p>`,
			[]string{"millfan"}, "2021-03-03T00:00:00Z"},
		{"a person after a cue beats a user name", `<h1>Mill reopens</h1><p>Posted by millfan</p><p>By Ann Lee</p>`,
			[]string{"Ann Lee"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><meta property="og:title" content="Mill reopens"></head><body><div class="story">` + tc.head +
				`<p>The old mill reopened on Saturday after a long restoration, and the first loaf of bread sold out in minutes.</p>` +
				`<p>Volunteers spent three years repairing the wheel, the millstones and the roof of the building by the river.</p></div></body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if diff := cmp.Diff(tc.authors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
			got := ""
			if p := x.Metadata.Published; !p.IsZero() {
				got = p.Time.Format(time.RFC3339)
			}
			if got != tc.published {
				t.Errorf("published = %q, want %q", got, tc.published)
			}
		})
	}
}

// TestHTMLCreditFallback: when no person's name is credited anywhere, the
// page's own author field stands as given (a user name, a desk), but never
// an address, and never over a person's name.
func TestHTMLCreditFallback(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		authors    []string
	}{
		{"user name in jsonld Person", `<script type="application/ld+json">{"@type":"BlogPosting","headline":"H","author":{"@type":"Person","name":"mkhiker"}}</script>`,
			[]string{"mkhiker"}},
		{"desk in meta author", `<meta name="author" content="Redaktion">`, []string{"Redaktion"}},
		{"twitter label names the author", `<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Stadtredaktion">`,
			[]string{"Stadtredaktion"}},
		{"twitter label names something else", `<meta name="twitter:label1" content="Lesedauer"><meta name="twitter:data1" content="3 Minuten">`,
			nil},
		{"an address is no author", `<meta name="author" content="https://social.example/jo">`, nil},
		{"a person wins over the fallback", `<meta name="author" content="Redaktion"><meta property="article:author" content="Ann Lee">`,
			[]string{"Ann Lee"}},
		{"person and organisation typed at once is a person", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":{"@type":["Person","Organization"],"name":"Ann Lee"}}</script>`,
			[]string{"Ann Lee"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "", "text/html", []byte(htmlPage(tc.head, "<h1>H</h1>")), time.Time{}))
			if diff := cmp.Diff(tc.authors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLCuedDate: a page with no date in its metadata or near its
// headline takes the one its template prints with a publication cue or a
// credit, wherever it is; an update only when nothing else is dated.
func TestHTMLCuedDate(t *testing.T) {
	body := `<h1>Ein Tag am Meer</h1><p>Wir sind früh losgefahren, haben am Strand gefrühstückt und sind bis zum Abend geblieben, weil das Wetter so schön war.</p>` +
		`<p>Die Kinder haben Muscheln gesammelt, und der Hund ist zum ersten Mal ins Wasser gegangen, ganz vorsichtig und mit großen Augen.</p>`
	for _, tc := range []struct {
		name, foot, want string
	}{
		{"publication cue", `<div class="meta">Veröffentlicht am 3. März 2021 in Reisen</div>`, "2021-03-03"},
		{"credit before the date", `<div class="meta">Von Ann Lee am 04.05.2020 um 10:15 Uhr</div>`, "2020-05-04"},
		{"update only", `<div class="meta">Aktualisiert: 30.12.2016</div>`, "2016-12-30"},
		{"publication over update", `<div>Aktualisiert: 30.12.2016</div><div>Erstellt am 1. Dezember 2016</div>`, "2016-12-01"},
		{"a bare date as the last resort", `<div class="date">12. Januar 2019</div>`, "2019-01-12"},
		{"a cue beats a bare date", `<div class="date">12. Januar 2019</div><div>Erstellt am 1. Dezember 2016</div>`, "2016-12-01"},
		{"a linked date is a teaser's", `<div class="teaser"><a href="/older">12. Januar 2019</a></div>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Far enough below the headline to be out of its neighbourhood.
			page := `<html><head><title>Ein Tag am Meer</title></head><body><div class="post">` + body + strings.Repeat(body[strings.Index(body, "<p>"):], 5) +
				`</div>` + tc.foot + `</body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLCreditAnywhere: with no author in the metadata or near the
// headline, a person credited with an explicit cue anywhere on the page;
// the JSON-LD author, even a user name, stays first; a preposition or a
// cue alone is not enough that far away.
func TestHTMLCreditAnywhere(t *testing.T) {
	para := `<p>Die Stiftung hat am Montag ihren Bericht vorgestellt, und die Fachleute sind sich über die wichtigsten Ergebnisse weitgehend einig.</p>`
	for _, tc := range []struct {
		name, head, foot string
		authors          []string
	}{
		{"labelled credit under the article", "", `<p>Autorin: Ann Lee, Projektleiterin</p>`, []string{"Ann Lee"}},
		{"it beats a desk in meta author", `<meta name="author" content="Stiftung Beispiel e.V.">`, `<p>Autor: Bo Park</p>`, []string{"Bo Park"}},
		{"the jsonld user name stays first", `<script type="application/ld+json">{"@type":"BlogPosting","headline":"H","author":{"@type":"Person","name":"annl"}}</script>`,
			`<p>Author: Bo Park</p>`, []string{"annl"}},
		{"a preposition is not enough", "", `<p>Von Bo Park</p>`, nil},
		{"a cue alone is not enough", "", `<p>Autor:</p><p>Bo Park</p>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head>` + tc.head + `</head><body><div class="story"><h1>Bericht vorgestellt</h1>` +
				strings.Repeat(para, 10) + tc.foot + `</div></body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if diff := cmp.Diff(tc.authors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLPrintedRevision: a page whose metadata's modified date is the
// one it prints under the headline is dated by it; not when it prints it
// as an update, nor when the modified date is the earlier.
func TestHTMLPrintedRevision(t *testing.T) {
	para := `<p>Die Stiftung hat am Montag ihren Bericht vorgestellt, und die Fachleute sind sich über die wichtigsten Ergebnisse weitgehend einig.</p>`
	for _, tc := range []struct {
		name, published, modified, printed, want string
	}{
		{"printed revision", "2021-11-22T18:42:22+01:00", "2023-01-01T10:00:00+01:00", `<div class="date">01.01.2023</div>`, "2023-01-01"},
		{"printed as an update", "2021-11-22T18:42:22+01:00", "2023-01-01T10:00:00+01:00", `<div class="date">Aktualisiert am 01.01.2023</div>`, "2021-11-22"},
		{"modified before published", "2023-01-01T10:00:00+01:00", "2021-11-22T18:42:22+01:00", `<div class="date">22.11.2021</div>`, "2023-01-01"},
		{"printed publication", "2021-11-22T18:42:22+01:00", "2023-01-01T10:00:00+01:00", `<div class="date">22.11.2021</div>`, "2021-11-22"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ld := `<script type="application/ld+json">{"@type":"Article","headline":"Bericht vorgestellt","datePublished":"` + tc.published + `","dateModified":"` + tc.modified + `"}</script>`
			page := `<html lang="de"><head>` + ld + `</head><body><div class="story"><h1>Bericht vorgestellt</h1>` + tc.printed +
				strings.Repeat(para, 6) + `</div></body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHTMLPrintedOverGeneric: a generic <meta name="date"> gives way to
// the date printed under the headline; an explicit published time does not.
func TestHTMLPrintedOverGeneric(t *testing.T) {
	para := `<p>Die Stiftung hat am Montag ihren Bericht vorgestellt, und die Fachleute sind sich über die wichtigsten Ergebnisse weitgehend einig.</p>`
	for _, tc := range []struct{ name, meta, printed, want string }{
		{"generic date", `<meta name="date" content="2020-02-12">`, `<div class="date">05.02.2020</div>`, "2020-02-05"},
		{"dcterms date", `<meta name="dcterms.date" content="2020-02-12">`, `<div class="date">05.02.2020</div>`, "2020-02-05"},
		{"printed as an update", `<meta name="date" content="2020-02-05">`, `<div class="date">Aktualisiert: 12.02.2020</div>`, "2020-02-05"},
		{"explicit published time", `<meta property="article:published_time" content="2020-02-12T10:00:00Z">`, `<div class="date">05.02.2020</div>`, "2020-02-12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html lang="de"><head>` + tc.meta + `</head><body><div class="story"><h1>Bericht vorgestellt</h1>` + tc.printed +
				strings.Repeat(para, 6) + `</div></body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}
