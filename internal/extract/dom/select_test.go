package dom

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestClassHint(t *testing.T) {
	for _, tc := range []struct {
		attrs string
		want  Hint
	}{
		{`class="article-body"`, HintPositive},
		{`id="storyContent"`, HintPositive},
		{`class="related-links"`, HintNegative},
		{`class="socialShare"`, HintNegative},
		{`class="post-comments"`, HintNegative},
		{`class="ad-slot"`, HintNegative},
		{`class="header download"`, HintNone}, // "ad" only as a whole word
		{`class="masthead"`, HintNegative},
		{`class="wrapper"`, HintNone},
		{`<article class="post entry author-jane category-news">`, HintPositive}, // taxonomy classes of a post
		{`<article class="comment author-jane">`, HintNegative},
		{`<article class="post comments">`, HintNegative},
		{`class="post author-jane"`, HintNegative},          // only an <article> is named as the post
		{`id="sharing-a-repository-with-others"`, HintNone}, // an anchor slug of a heading
		{`id="share-bar-top"`, HintNegative},
		{`class="report__section report__section--ads"`, HintNone}, // a BEM modifier: a section with ad slots
		{`class="teaser--large related"`, HintNegative},
	} {
		el := "<div " + tc.attrs + ">"
		if strings.HasPrefix(tc.attrs, "<") {
			el = tc.attrs
		}
		doc, err := Parse([]byte(el+"x</div>"), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := ClassHint(doc.FirstChild); got != tc.want {
			t.Errorf("ClassHint(%s) = %d, want %d", tc.attrs, got, tc.want)
		}
	}
}

func kept(t *testing.T, page, title string) []string {
	t.Helper()
	doc, err := Parse([]byte(page), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	blocks := Segment(doc)
	_, labels := Select(doc, blocks, SelectOptions{Title: title})
	var out []string
	for i, b := range blocks {
		if labels[i] == LabelContent {
			out = append(out, b.Text)
		}
	}
	return out
}

const (
	para1 = "The first paragraph of the story is long enough to count, and it has a comma in it."
	para2 = "A second paragraph follows with more words about the same subject, as stories do."
	para3 = "The last paragraph closes the story with a quote from somebody who was there at the time."
)

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		name, page, title string
		want              []string
	}{
		{
			name: "article among furniture",
			page: `<body class="single has-sidebar"><nav><a href=/>Home</a></nav>
<div class="content"><h1>Title</h1><div class="share"><a>Facebook</a><a>Twitter</a></div>
<p>` + para1 + `</p><p>Short one.</p><h2>A subheading</h2><p>` + para2 + `</p><p>` + para3 + `</p>
<div class="related"><ul><li><a href=/1>Another story about the same thing</a></li><li><a href=/2>Yet another story</a></li></ul></div></div>
<div id="comments"><p>A reader comment that is long enough to look like a paragraph of the article body.</p></div>
<aside><p>Sidebar text that is long enough to look like a paragraph of the article, but is not.</p></aside></body>`,
			title: "Title",
			want:  []string{para1, "Short one.", "A subheading", para2, para3},
		},
		{
			name: "every paragraph under a furniture name",
			page: `<body><div class="widget"><p>` + para1 + `</p></div><div class="widget"><p>` + para2 + `</p></div><div class="widget"><p>` + para3 + `</p></div></body>`,
			want: []string{para1, para2, para3},
		},
		{
			name: "paragraphs split by double br",
			page: `<body><div class="menu"><a href=/>Home</a> <a href=/a>About</a></div><div>` + para1 + `<br><br>` + para2 + `<br>` + para3 + `</div></body>`,
			want: []string{para1, para2 + " " + para3},
		},
		{
			name: "data table rows are content",
			page: `<body><div><p>` + para1 + `</p><table><tr><th>Pos</th><th>Name</th><th>Points</th><th>Wins</th></tr>
<tr><td>1</td><td>Ann Lee</td><td>5040</td><td>5</td></tr><tr><td>2</td><td>Bo Park</td><td>5035</td><td>7</td></tr>
<tr><td>3</td><td>Cy Young</td><td>5033</td><td>4</td></tr><tr><td>4</td><td>Dee Ray</td><td>5027</td><td>6</td></tr>
<tr><td>5</td><td>Eve Stone</td><td>2380</td><td>2</td></tr><tr><td>6</td><td>Fay Wu</td><td>2339</td><td>1</td></tr>
<tr><td>7</td><td>Gil Moss</td><td>2318</td><td>3</td></tr><tr><td>8</td><td>Hal Ito</td><td>2290</td><td>0</td></tr></table></div></body>`,
			want: []string{para1, "Pos Name Points Wins", "1 Ann Lee 5040 5", "2 Bo Park 5035 7", "3 Cy Young 5033 4", "4 Dee Ray 5027 6",
				"5 Eve Stone 2380 2", "6 Fay Wu 2339 1", "7 Gil Moss 2318 3", "8 Hal Ito 2290 0"},
		},
		{
			name: "teasers before the title do not win",
			page: `<body><ul class="ticker">` + strings.Repeat(`<li><a href="/x">Headline of another story here</a> <span>`+para2+` It goes on...</span></li>`, 6) +
				`</ul><div class="story"><h2>The Title</h2><p>` + para1 + `</p><p>` + para3 + `</p></div></body>`,
			title: "The Title",
			want:  []string{para1, para3},
		},
		{
			name: "marked articleBody wins over a longer unrelated block",
			page: `<body><div itemprop="articleBody"><p>` + para1 + `</p><p>` + para3 + `</p></div>
<div class="service"><p>` + strings.Repeat(para2+" ", 5) + `</p></div></body>`,
			want: []string{para1, para3},
		},
		{
			name: "captions and credits dropped",
			page: `<body><article><p>` + para1 + `</p><figure><img src=a><figcaption>A caption of the picture above.</figcaption></figure>
<p>The harbour at dawn, seen from the old pier. (Jane Roe/Harbour Photos)</p><p>` + para2 + `</p></article></body>`,
			want: []string{para1, para2},
		},
		{
			name: "closing list kept, sign-off and leaked metadata dropped",
			page: `<body><div class="post"><p>` + para1 + `</p><p>` + para2 + `</p><ul><li>First point</li><li>Second point</li></ul>
<p>Like this story? Share it with a friend!</p>
<span>https://cdn.example/img/1.jpg 1200 676 https://example.com/</span></div></body>`,
			want: []string{para1, para2, "First point", "Second point"},
		},
		{
			name:  "short opening paragraph kept",
			page:  `<body><div class="post"><h1>T</h1><p>It was a quiet week.</p><p>` + para1 + `</p><p>` + para2 + `</p></div></body>`,
			title: "T",
			want:  []string{"It was a quiet week.", para1, para2},
		},
		{
			name: "layout table cells are not merged into a row",
			page: `<body><table><tr><td><a href=/>Home</a> <a href=/a>Archive</a> <a href=/b>Contact</a></td>
<td>` + para1 + `<br><br>` + para2 + `<br><br>` + para3 + `</td></tr></table></body>`,
			want: []string{para1, para2, para3},
		},
		{
			name: "hidden copies ignored",
			page: `<body><div style="display: none"><p>` + para3 + `</p></div><article><p>` + para1 + `</p><p>` + para2 + `</p></article></body>`,
			want: []string{para1, para2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := kept(t, tc.page, tc.title)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("kept blocks (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCollapseSpace(t *testing.T) {
	for in, want := range map[string]string{
		"  a \n\t b  ":         "a b",
		"a\u00a0\u200bb":       "a b",
		"plain":                "plain",
		"soft\u00adhyphen":     "softhyphen",
		"\u2003wide\u3000sp":   "wide sp",
		"Grüße\n aus  Köln":    "Grüße aus Köln",
		"bad\xffbyte \xe2\x82": "bad\ufffdbyte \ufffd\ufffd",
		"\ufeff\u200b":         "",
		"\u0085next\u00a0line": "next line",
	} {
		if got := CollapseSpace(in); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

// collapseSpaceRunes is CollapseSpace written plainly, rune by rune: the
// reference FuzzCollapseSpace holds the byte-wise version to.
func collapseSpaceRunes(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad' {
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range []string{"  a \n\t b  ", "a\u00a0\u200bb", "Grüße\n aus", "bad\xffbyte \xe2\x82", "\u3000x\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CollapseSpace(s), collapseSpaceRunes(s); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
