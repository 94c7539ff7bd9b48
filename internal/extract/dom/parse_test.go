package dom

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// outline renders a tree compactly: elements as name(children), text in
// quotes, so tests can state the expected structure in one line.
func outline(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString("'" + c.Data + "'")
			case html.ElementNode:
				b.WriteString(c.Data + "(")
				walk(c)
				b.WriteString(")")
			}
		}
	}
	walk(n)
	return b.String()
}

func TestParse_Structure(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"implied p end", `<body><p>a<p>b<div>c</div>`, `body(p('a')p('b')div('c'))`},
		{"li closes li", `<body><ul><li>a<li>b</ul>`, `body(ul(li('a')li('b')))`},
		{"nested list keeps outer li", `<body><ul><li>a<ul><li>b</ul><li>c</ul>`, `body(ul(li('a'ul(li('b')))li('c')))`},
		{"table cells", `<body><table><tr><td>a<td>b<tr><td>c</table>`, `body(table(tr(td('a')td('b'))tr(td('c'))))`},
		{"void elements", `<body><p>a<br>b<img src=x>c</p>`, `body(p('a'br()'b'img()'c'))`},
		{"stray inline end ignored at block", `<body><div>a</span>b</div>`, `body(div('ab'))`},
		{"end tag closes inner inline", `<body><div><b>a</div>b`, `body(div(b('a'))'b')`},
		{"unclosed a closed by next a", `<body><a>1<a>2`, `body(a('1')a('2'))`},
		{"headings do not nest", `<body><h2>a<h3>b</h3>`, `body(h2('a')h3('b'))`},
		{"scripts and styles dropped", `<body><script>x<y</script><style>p{}</style><p>t</p>`, `body(p('t'))`},
		{"json-ld kept", `<head><script type="application/ld+json">{"a":1}</script></head>`, `head(script('{"a":1}'))`},
		{"svg dropped with content", `<body><svg><title>t</title><g><text>x</text></g></svg><p>y</p>`, `body(p('y'))`},
		{"comments dropped", `<body><!-- c --><p>t</p>`, `body(p('t'))`},
		{"no implied head", `<title>T</title><p>x</p>`, `title('T')p('x')`},
		{"entities decoded", `<body><p>a &amp; b &eacute;</p>`, `body(p('a & b é'))`},
		{"second body merges", `<body class=a><p>x</p><body id=b>`, `body(p('x'))`},
		{"whitespace between rows dropped", "<body><table>\n<tr>\n<td>a</td>\n</tr>\n</table>", `body(table(tr(td('a'))))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := outline(doc)
			if got != tc.want {
				t.Errorf("Parse(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParse_KeepsOnlyUsefulAttributes(t *testing.T) {
	doc, err := Parse([]byte(`<div class="c" id="i" data-x="1" onclick="f()" srcset="a 1x" itemprop="articleBody">t</div>`), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	div := doc.FirstChild
	var keys []string
	for _, a := range div.Attr {
		keys = append(keys, a.Key)
	}
	if got := strings.Join(keys, ","); got != "class,id,itemprop" {
		t.Errorf("attributes = %s, want class,id,itemprop", got)
	}
}

func TestParse_Limits(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		lim  Limits
	}{
		{"a million nested divs", bytes.Repeat([]byte("<div>"), 1_000_000), Limits{}},
		{"50 MB attribute", append(append([]byte(`<div title="`), bytes.Repeat([]byte("a"), 50<<20)...), `">x</div>`...), Limits{}},
		{"too many nodes", bytes.Repeat([]byte("<p>x</p>"), 2000), Limits{MaxNodes: 1000}},
		{"too large", bytes.Repeat([]byte("x"), 2000), Limits{MaxBytes: 1000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in, tc.lim)
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v, want ErrLimit", err)
			}
		})
	}
}

func TestParse_DeepButLegalNestingOfClosedElements(t *testing.T) {
	// Many elements in sequence are fine; only open depth is limited.
	in := strings.Repeat("<div><span>x</span></div>", 50_000)
	if _, err := Parse([]byte(in), Limits{}); err != nil {
		t.Fatalf("err = %v", err)
	}
}

func BenchmarkParse_NestedDivs(b *testing.B) {
	in := bytes.Repeat([]byte("<div>"), 1_000_000)
	for b.Loop() {
		_, _ = Parse(in, Limits{})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`<!doctype html><html lang=en><head><title>t</title></head><body><p>a<p>b</body></html>`,
		`<table><tr><td>a<td><p>b</table>`,
		`<ul><li>a<li><ul><li>b</ul></ul>`,
		`<svg><style>x</style></svg><script type="application/ld+json">{}</script>`,
		`<div style="display:none"><p>hidden</p></div><article><p>x</p></article>`,
		"<p>\x00\xff\xfe</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(b, Limits{MaxNodes: 20_000, MaxDepth: 200})
		if err != nil {
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		blocks := Segment(doc)
		_, labels := Select(doc, blocks, SelectOptions{})
		if len(labels) != len(blocks) {
			t.Fatalf("%d labels for %d blocks", len(labels), len(blocks))
		}
		ReadMeta(doc)
	})
}

// TestHostileNesting runs the whole pipeline on nesting that would cost
// depth² per block without the bounds; it must simply finish.
func TestHostileNesting(t *testing.T) {
	for name, unit := range map[string]string{
		"negative classes": `<div class="ad">x `,
		"itemprops":        `<div itemprop="author" itemscope>x `,
		"headings in divs": `<div><h1>x</h1>`,
	} {
		t.Run(name, func(t *testing.T) {
			in := strings.Repeat(unit, 500) + strings.Repeat("<p>some text in a paragraph, long enough to count as prose.</p>", 20000)
			doc, err := Parse([]byte(in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			blocks := Segment(doc)
			Select(doc, blocks, SelectOptions{})
			ReadMeta(doc)
			if len(blocks) < 20000 {
				t.Errorf("%d blocks, want at least 20000", len(blocks))
			}
		})
	}
}
