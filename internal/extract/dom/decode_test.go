package dom

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDecode(t *testing.T) {
	for _, tc := range []struct {
		name, ct, in, want, cs string
	}{
		{"utf-8 as is", "", "<p>café</p>", "<p>café</p>", "utf-8"},
		{"bom wins over header", "text/html; charset=iso-8859-1", "\xef\xbb\xbf<p>café</p>", "<p>café</p>", "utf-8"},
		{"header charset", "text/html; charset=ISO-8859-1", "<p>caf\xe9</p>", "<p>café</p>", "windows-1252"},
		{"meta charset", "", `<meta charset="windows-1252"><p>caf` + "\xe9 \x93q\x94</p>", `<meta charset="windows-1252"><p>café “q”</p>`, "windows-1252"},
		{"http-equiv", "", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>` + "\xcb\xc1\xd4</p>", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>кат</p>`, "koi8-r"},
		{"shift_jis", "text/html; charset=shift_jis", "\x93\xfa\x96{", "日本", "shift_jis"},
		{"undeclared latin-1 sniffed", "", "<p>caf\xe9 cr\xe8me</p>", "<p>café crème</p>", "windows-1252"},
		{"invalid utf-8 declared", "text/html; charset=utf-8", "<p>a\xffb</p>", "<p>a\uFFFDb</p>", "utf-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, cs := Decode([]byte(tc.in), tc.ct)
			if string(got) != tc.want || cs != tc.cs {
				t.Errorf("Decode(%q, %q) = %q, %q; want %q, %q", tc.in, tc.ct, got, cs, tc.want, tc.cs)
			}
		})
	}
}

func TestDecode_Files(t *testing.T) {
	for file, want := range map[string]string{
		"utf16le_bom.html": "Grüße aus Köln",
		"utf16be_bom.html": "Grüße aus Köln",
		"latin1_meta.html": "Grüße aus Köln",
		"gbk_meta.html":    "北京新闻",
	} {
		t.Run(file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			src, _ := Decode(b, "")
			doc, err := Parse(src, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got := ReadMeta(doc).Title; got != want {
				t.Errorf("title = %q, want %q", got, want)
			}
		})
	}
}
