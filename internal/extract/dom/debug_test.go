package dom

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/net/html"
)

func nodePath(n *html.Node) string {
	s := ""
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		s = fmt.Sprintf("/%s.%s#%s", n.Data, Attr(n, "class"), Attr(n, "id")) + s
	}
	return s
}

func TestDebugPage(t *testing.T) {
	p := os.Getenv("DEBUG_PAGE")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	doc, err := Parse(b, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	blocks := Segment(doc)
	root, labels := Select(doc, blocks, SelectOptions{Title: os.Getenv("DEBUG_TITLE")})
	fmt.Println("ROOT", nodePath(root))
	for i, b := range blocks {
		if os.Getenv("DEBUG_ALL") != "" || labels[i] == "" {
			txt := b.Text
			if len(txt) > 60 {
				txt = txt[:60]
			}
			neg := ""
			for _, a := range b.NegAncs {
				neg += Attr(a, "class") + "#" + Attr(a, "id") + ";"
			}
			p := nodePath(b.Node)
			fmt.Printf("%3d %-20s %5d ld=%.2f neg=[%s] %s | %s\n", i, labels[i], b.Chars, b.LinkDensity(), neg, p[max(0, len(p)-70):], txt)
		}
	}
}
