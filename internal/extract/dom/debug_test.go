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
			if len(txt) > 70 {
				txt = txt[:70]
			}
			fmt.Printf("%3d %-22s %5d ld=%.2f neg=%d %s | %s\n", i, labels[i], b.Chars, b.LinkDensity(), len(b.NegAncs), nodePath(b.Node)[max(0, len(nodePath(b.Node))-60):], txt)
		}
	}
}
