package api_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
)

// A page in Windows-1252, as many older sites still serve: "café" and
// curly quotes are single bytes, not UTF-8.
var latin1Page = []byte("<!doctype html><html lang=fr><head><meta charset=windows-1252><title>Le caf\xe9 du port rouvre</title></head><body>" +
	"<article><h1>Le caf\xe9 du port rouvre ses portes</h1><p>Par Marie Dupont</p>" +
	"<p>Apr\xe8s deux ans de travaux, le caf\xe9 du port a rouvert samedi, \x93enfin\x94 disent les habitants du quartier.</p>" +
	"<p>Les nouveaux propri\xe9taires ont gard\xe9 le comptoir d\x92origine et la terrasse face aux bateaux de p\xeache.</p>" +
	"</article></body></html>")

func TestCreateArticle_HTMLInputs(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	check := func(name string, r response) {
		t.Helper()
		a := mustArticle(t, r, http.StatusCreated)
		if !strings.Contains(a.Title, "café du port") || !strings.Contains(a.Body, "propriétaires") || !strings.Contains(a.Body, "“enfin”") {
			t.Errorf("%s: title %q body %q: the charset was not decoded", name, a.Title, a.Body)
		}
		if a.Language != "fr" {
			t.Errorf("%s: language %q, want fr", name, a.Language)
		}
	}
	check("text/html with charset in the page", ts.do(t, "POST", "/v1/articles?source=raw", "text/html", latin1Page))
	env, _ := json.Marshal(map[string]string{"source": "env", "content_type": "text/html; charset=windows-1252",
		"content_base64": base64.StdEncoding.EncodeToString(latin1Page)})
	check("envelope with content_base64", ts.do(t, "POST", "/v1/articles", "application/json", env))
	// An HTML page labelled text/plain is still read as HTML.
	check("HTML sent as text/plain", ts.do(t, "POST", "/v1/articles?source=mislabelled", "text/plain", latin1Page))

	page := htmlPage("Harbour festival draws record crowds", "en", filler("the festival", 5))
	env, _ = json.Marshal(map[string]string{"source": "env2", "url": "https://example.com/festival", "content_type": "text/html", "content": page})
	a := mustArticle(t, ts.do(t, "POST", "/v1/articles", "application/json", env), http.StatusCreated)
	if a.Title != "Harbour festival draws record crowds" || len(a.Authors) != 1 || a.Authors[0] != "Jane Doe" || strings.Contains(a.Body, "Home") {
		t.Errorf("envelope HTML: %+v", a)
	}
	raw := ts.do(t, "GET", "/v1/articles/"+a.ID.String()+"/raw", "", nil)
	if string(raw.body) != page || raw.header.Get("Content-Type") != "text/html" {
		t.Errorf("raw of an HTML envelope: %q %.60s", raw.header.Get("Content-Type"), raw.body)
	}
}
