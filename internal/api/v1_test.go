package api_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// htmlPage makes a small, clearly structured article page.
func htmlPage(title, lang string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang=%q><head><title>%s</title><meta property="og:title" content=%q></head><body>`, lang, title, title)
	fmt.Fprintf(&b, "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>%s</h1><p class=byline>By Jane Doe</p>", title)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString("</article><footer>© Example Gazette</footer></body></html>")
	return b.String()
}

func envelopeLine(t *testing.T, source, url, contentType, content string) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]string{"source": source, "url": url, "content_type": contentType, "content": content})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// filler makes distinct article prose of n sentences.
func filler(seed string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "The council met again on day %d to discuss %s and the budget for the coming year, officials said. ", i+1, seed)
	}
	return strings.TrimSpace(b.String())
}

type batchBody struct {
	Items []struct {
		Index   int          `json:"index"`
		Status  int          `json:"status"`
		ID      *article.ID  `json:"id"`
		DumpID  *article.ID  `json:"dump_id"`
		Problem *problemBody `json:"problem"`
	} `json:"items"`
	Created, Existed, Failed int
}

func postBatch(t *testing.T, ts *testServer, lines ...[]byte) batchBody {
	t.Helper()
	r := ts.do(t, "POST", "/v1/articles/batch", "application/x-ndjson", bytes.Join(lines, []byte("\n")))
	if r.status != http.StatusOK {
		t.Fatalf("batch status %d: %s", r.status, r.body)
	}
	var b batchBody
	if err := json.Unmarshal(r.body, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBatch_PerItemResults(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxDumpBytes: 64 << 10})
	good := envelopeLine(t, "s", "https://example.com/1", "text/html", htmlPage("Bridge approved after long debate", "en", filler("the bridge", 6)))
	other := envelopeLine(t, "s", "https://example.com/2", "text/html", htmlPage("Library reopens its doors", "en", filler("the library", 6)))
	b := postBatch(t, ts,
		good,
		[]byte(`{"content": `), // malformed JSON
		other,
		[]byte(""), // blank lines are skipped
		good,       // a duplicate inside the batch
		envelopeLine(t, "s", "", "text/plain", " \n \n"), // nothing to extract
		[]byte(`{"content": "x", "bogus": 1}`),           // unknown field
	)
	want := []int{201, 400, 201, 200, 422, 400}
	if len(b.Items) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(b.Items), len(want), b.Items)
	}
	for i, it := range b.Items {
		if it.Index != i || it.Status != want[i] {
			t.Errorf("item %d: index %d status %d, want %d", i, it.Index, it.Status, want[i])
		}
	}
	if *b.Items[3].ID != *b.Items[0].ID {
		t.Error("the duplicate line got another article")
	}
	if b.Items[4].DumpID == nil || b.Items[4].Problem == nil || b.Items[4].Problem.Type != "/problems/unextractable" {
		t.Errorf("unextractable item = %+v", b.Items[4])
	}
	if b.Created != 2 || b.Existed != 1 || b.Failed != 3 {
		t.Errorf("counts = %d/%d/%d", b.Created, b.Existed, b.Failed)
	}
	mustArticle(t, ts.do(t, "GET", "/v1/articles/"+b.Items[2].ID.String(), "", nil), http.StatusOK)

	mustProblem(t, ts.do(t, "POST", "/v1/articles/batch", "application/json", good), http.StatusUnsupportedMediaType, "unsupported-media-type")
	mustProblem(t, ts.do(t, "POST", "/v1/articles/batch", "application/x-ndjson", []byte("\n\n")), http.StatusBadRequest, "invalid-request")
}

func TestBatch_ConcurrentOverlappingCreateOnce(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	var lines [][]byte
	for i := 0; i < 30; i++ {
		lines = append(lines, envelopeLine(t, "crawler", fmt.Sprintf("https://example.com/%d", i), "text/html",
			htmlPage(fmt.Sprintf("Story number %d about the harbour", i), "en", filler(fmt.Sprint("harbour ", i), 5))))
	}
	var wg sync.WaitGroup
	results := make([]batchBody, 4)
	for g := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each batch overlaps the others: lines g*5 … g*5+14.
			results[g] = postBatch(t, ts, lines[g*5:g*5+15]...)
		}()
	}
	wg.Wait()
	ids := map[int]article.ID{}
	created := 0
	for g, b := range results {
		for i, it := range b.Items {
			if it.Status != 201 && it.Status != 200 {
				t.Fatalf("batch %d item %d: status %d %+v", g, i, it.Status, it.Problem)
			}
			if it.Status == 201 {
				created++
			}
			line := g*5 + i
			if prev, ok := ids[line]; ok && prev != *it.ID {
				t.Fatalf("line %d stored twice: %s and %s", line, prev, it.ID)
			}
			ids[line] = *it.ID
		}
	}
	if created != 30 || len(ids) != 30 {
		t.Fatalf("created %d articles for %d distinct lines, want 30", created, len(ids))
	}
}

func TestIdempotencyKey(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	post := func(key string, body []byte) response {
		req, _ := http.NewRequest("POST", ts.URL+"/v1/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Idempotency-Key", key)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(resp.Body)
		return response{status: resp.StatusCode, header: resp.Header, body: buf.Bytes()}
	}
	first := post("k-1", seed(t))
	a := mustArticle(t, first, http.StatusCreated)
	again := post("k-1", seed(t))
	if again.status != http.StatusCreated || !bytes.Equal(again.body, first.body) || again.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("replay = %d %q replayed=%q, want the first response again", again.status, again.body, again.header.Get("Idempotent-Replayed"))
	}
	if again.header.Get("Location") != "/v1/articles/"+a.ID.String() {
		t.Fatalf("replay lost Location: %q", again.header.Get("Location"))
	}
	mustProblem(t, post("k-1", []byte("A different article body entirely, with words.")), http.StatusUnprocessableEntity, "idempotency-key-reused")

	mustProblem(t, post(strings.Repeat("k", 256), seed(t)), http.StatusBadRequest, "invalid-request")
	mustProblem(t, post("bad key", seed(t)), http.StatusBadRequest, "invalid-request")
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

func TestGzipBodies(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxDumpBytes: 1 << 20})
	do := func(body []byte, enc string) response {
		req, _ := http.NewRequest("POST", ts.URL+"/v1/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Content-Encoding", enc)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(resp.Body)
		return response{status: resp.StatusCode, header: resp.Header, body: buf.Bytes()}
	}
	a := mustArticle(t, do(gz(seed(t)), "gzip"), http.StatusCreated)
	raw := ts.do(t, "GET", "/v1/articles/"+a.ID.String()+"/raw", "", nil)
	if !bytes.Equal(raw.body, seed(t)) {
		t.Fatal("a gzip body must be stored inflated, byte for byte")
	}
	// 1 GiB of zeros inflates from about 1 MB; 64 MiB from 64 KB. The
	// limit is 1 MiB: refused after reading just past it.
	bomb := gz(make([]byte, 64<<20))
	mustProblem(t, do(bomb, "gzip"), http.StatusRequestEntityTooLarge, "dump-too-large")
	truncated := gz(seed(t))
	mustProblem(t, do(truncated[:len(truncated)/2], "gzip"), http.StatusBadRequest, "invalid-request")
	mustProblem(t, do([]byte("not gzip at all"), "gzip"), http.StatusBadRequest, "invalid-request")
	mustProblem(t, do(seed(t), "br"), http.StatusUnsupportedMediaType, "unsupported-media-type")
}

func TestDumpsAndDryRunAndDelete(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	// A dry run stores nothing.
	r := ts.do(t, "POST", "/v1/extract", "text/plain", seed(t))
	if r.status != http.StatusOK {
		t.Fatalf("extract = %d %s", r.status, r.body)
	}
	var dry struct {
		Title       string          `json:"title"`
		Error       *string         `json:"error"`
		Diagnostics json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(r.body, &dry); err != nil || dry.Error != nil || len(dry.Diagnostics) < 10 {
		t.Fatalf("dry run = %s (%v)", r.body, err)
	}
	page := listPage(t, ts, "")
	if len(page.Items) != 0 {
		t.Fatalf("a dry run stored %d articles", len(page.Items))
	}
	r = ts.do(t, "POST", "/v1/extract", "text/plain", []byte("   "))
	if err := json.Unmarshal(r.body, &dry); r.status != 200 || err != nil || dry.Error == nil {
		t.Fatalf("dry run of nothing = %d %s", r.status, r.body)
	}

	a := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=s", "text/plain", seed(t)), http.StatusCreated)
	dr := ts.do(t, "GET", "/v1/dumps/"+a.DumpID.String(), "", nil)
	var dump struct {
		ID        article.ID  `json:"id"`
		Status    string      `json:"status"`
		Size      int         `json:"size"`
		ArticleID *article.ID `json:"article_id"`
		Links     map[string]string
	}
	if err := json.Unmarshal(dr.body, &dump); err != nil || dr.status != 200 || dump.Status != "extracted" ||
		dump.Size != len(seed(t)) || dump.ArticleID == nil || *dump.ArticleID != a.ID || dump.Links["article"] == "" {
		t.Fatalf("dump = %d %s", dr.status, dr.body)
	}
	if raw := ts.do(t, "GET", "/v1/dumps/"+a.DumpID.String()+"/raw", "", nil); !bytes.Equal(raw.body, seed(t)) {
		t.Fatal("dump raw differs")
	}

	del := ts.do(t, "DELETE", "/v1/articles/"+a.ID.String(), "", nil)
	if del.status != http.StatusNoContent {
		t.Fatalf("DELETE = %d %s", del.status, del.body)
	}
	for _, p := range []string{"/v1/articles/" + a.ID.String(), "/v1/articles/" + a.ID.String() + "/raw", "/v1/dumps/" + a.DumpID.String()} {
		mustProblem(t, ts.do(t, "GET", p, "", nil), http.StatusNotFound, "not-found")
	}
	mustProblem(t, ts.do(t, "DELETE", "/v1/articles/"+a.ID.String(), "", nil), http.StatusNotFound, "not-found")
	// After a takedown the same dump may be sent again and is a new article.
	mustArticle(t, ts.do(t, "POST", "/v1/articles?source=s", "text/plain", seed(t)), http.StatusCreated)
}

func TestGetArticle_ETag(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	a := mustArticle(t, ts.do(t, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)
	r := ts.do(t, "GET", "/v1/articles/"+a.ID.String(), "", nil)
	etag := r.header.Get("ETag")
	if etag == "" || r.header.Get("Cache-Control") == "" {
		t.Fatalf("no ETag/Cache-Control: %v", r.header)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/v1/articles/"+a.ID.String(), nil)
	req.Header.Set("If-None-Match", etag)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Fatalf("If-None-Match with the current ETag = %d, want 304", resp.StatusCode)
	}
	if d := ts.do(t, "GET", "/v1/articles/"+a.ID.String()+"?include=diagnostics", "", nil); d.header.Get("ETag") == etag {
		t.Fatal("the diagnostics representation shares the plain one's ETag")
	}
}

type listBody struct {
	Items []struct {
		ID    article.ID `json:"id"`
		Title string     `json:"title"`
	} `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

func listPage(t *testing.T, ts *testServer, query string) listBody {
	t.Helper()
	r := ts.do(t, "GET", "/v1/articles"+query, "", nil)
	if r.status != http.StatusOK {
		t.Fatalf("list %s = %d %s", query, r.status, r.body)
	}
	var b listBody
	if err := json.Unmarshal(r.body, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestList_PaginationStableUnderInserts(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	const n = 1000
	want := map[article.ID]bool{}
	for start := 0; start < n; start += 100 {
		var lines [][]byte
		for i := start; i < start+100; i++ {
			lines = append(lines, envelopeLine(t, "bulk", fmt.Sprintf("https://example.com/p/%d", i), "text/plain",
				fmt.Sprintf("Headline number %d of the day\n\n%s", i, filler(fmt.Sprint("item ", i), 3))))
		}
		for _, it := range postBatch(t, ts, lines...).Items {
			if it.Status != 201 {
				t.Fatalf("seeding: status %d %+v", it.Status, it.Problem)
			}
			want[*it.ID] = true
		}
	}
	seen := map[article.ID]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		q := "?source=bulk&limit=73"
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		p := listPage(t, ts, q)
		for _, it := range p.Items {
			if seen[it.ID] {
				t.Fatalf("article %s listed twice", it.ID)
			}
			seen[it.ID] = true
		}
		// Concurrent writers: new articles arrive between pages.
		postBatch(t, ts, envelopeLine(t, "bulk", "", "text/plain", fmt.Sprintf("Late arrival %d\n\n%s", pages, filler(fmt.Sprint("late ", pages), 3))))
		if p.NextCursor == nil {
			break
		}
		cursor = *p.NextCursor
		if pages > n {
			t.Fatal("pagination does not end")
		}
	}
	for id := range want {
		if !seen[id] {
			t.Fatalf("article %s never listed (gap)", id)
		}
	}
}

func TestList_FiltersAndSearch(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	post := func(source, title, lang string, paras ...string) article.ID {
		t.Helper()
		r := ts.do(t, "POST", "/v1/articles?source="+source, "text/html", []byte(htmlPage(title, lang, paras...)))
		return mustArticle(t, r, http.StatusCreated).ID
	}
	titleHit := post("a", "Volcano erupts near the coastal village", "en", filler("evacuation routes", 5))
	bodyHit := post("b", "Farmers count the cost of a dry summer", "en", filler("harvests", 4), "Some recalled the volcano that erupted decades ago, when ash covered the fields.")
	post("a", "City budget approved after late session", "en", filler("taxes", 5))
	german := post("c", "Der Bürgermeister eröffnet die neue Brücke", "de", "Die Stadt feierte am Sonntag die Eröffnung der Brücken über den Fluss, sagte der Bürgermeister.", "Viele Bürger kamen zur Feier und lobten die neuen Brücken der Stadt.")
	// Search sees what the background indexer has indexed; index now.
	dbtest.IndexAll(t, ts.store)

	ids := func(b listBody) []article.ID {
		var out []article.ID
		for _, it := range b.Items {
			out = append(out, it.ID)
		}
		return out
	}
	if got := ids(listPage(t, ts, "?q=volcano")); len(got) != 2 || got[0] != titleHit || got[1] != bodyHit {
		t.Errorf("q=volcano = %v, want title hit %s before body hit %s", got, titleHit, bodyHit)
	}
	if got := ids(listPage(t, ts, "?q=volcanoes")); len(got) != 2 {
		t.Errorf("q=volcanoes (English stemming) = %v, want 2 hits", got)
	}
	if got := ids(listPage(t, ts, "?q=br%C3%BCcke&lang=de")); len(got) != 1 || got[0] != german {
		t.Errorf("q=brücke lang=de = %v, want the German article (stemmed Brücken)", got)
	}
	if got := ids(listPage(t, ts, "?source=a")); len(got) != 2 {
		t.Errorf("source=a = %v, want 2", got)
	}
	if got := ids(listPage(t, ts, "?author=Jane%20Doe&lang=en")); len(got) != 3 {
		t.Errorf("author=Jane Doe&lang=en = %v, want 3", got)
	}
	if got := ids(listPage(t, ts, "?since=2000-01-01&until=2001-01-01")); len(got) != 0 {
		t.Errorf("a window in 2000 = %v, want none", got)
	}
	for _, bad := range []string{"?limit=0", "?limit=501", "?limit=x", "?since=yesterday", "?sorce=a",
		"?cursor=not-a-cursor", "?since=2025-01-02&until=2025-01-01", "?q=%00"} {
		mustProblem(t, ts.do(t, "GET", "/v1/articles"+bad, "", nil), http.StatusBadRequest, "invalid-request")
	}
	// SQL metacharacters are just text.
	for _, q := range []string{"'; DROP TABLE articles; --", `" OR 1=1 --`, `\\`, "%_%", "a&b|!c"} {
		r := ts.do(t, "GET", "/v1/articles?q="+url.QueryEscape(q)+"&source="+url.QueryEscape(q)+"&author="+url.QueryEscape(q), "", nil)
		if r.status != http.StatusOK {
			t.Errorf("q=%q: %d %s", q, r.status, r.body)
		}
	}
	if got := ids(listPage(t, ts, "")); len(got) != 4 {
		t.Fatalf("after hostile queries %d articles remain, want 4", len(got))
	}
}

// A batch longer than one store transaction is stored a chunk at a time:
// results stay in line order, a repeat in a later chunk finds the earlier
// line's article, and a bad line fails alone.
func TestBatch_AcrossChunks(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	n := 2*store.DefaultBatchRows + 5
	lines := make([][]byte, n)
	for i := range lines {
		lines[i] = envelopeLine(t, "chunks", fmt.Sprintf("https://example.com/c/%d", i), "text/plain",
			fmt.Sprintf("Story number %d\n\n%s", i, filler(fmt.Sprintf("item %d", i), 4)))
	}
	repeat, bad := store.DefaultBatchRows+3, store.DefaultBatchRows*2+1
	lines[repeat] = lines[1]
	lines[bad] = []byte(`{"content": 7}`)
	b := postBatch(t, ts, lines...)
	if len(b.Items) != n || b.Created != n-2 || b.Existed != 1 || b.Failed != 1 {
		t.Fatalf("%d items, created %d existed %d failed %d; want %d, %d, 1, 1", len(b.Items), b.Created, b.Existed, b.Failed, n, n-2)
	}
	for i, it := range b.Items {
		want := http.StatusCreated
		switch i {
		case repeat:
			want = http.StatusOK
		case bad:
			want = http.StatusBadRequest
		}
		if it.Index != i || it.Status != want {
			t.Errorf("item %d: index %d status %d, want status %d", i, it.Index, it.Status, want)
		}
	}
	if r, first := b.Items[repeat], b.Items[1]; r.ID == nil || first.ID == nil || *r.ID != *first.ID {
		t.Errorf("repeat in a later chunk got article %v, want line 1's %v", r.ID, first.ID)
	}
}

// A batch refused as a whole (too many lines, a line too long) stores none
// of its lines, even where the refusal comes after several store
// transactions' worth of good lines.
func TestBatch_RefusedWholeStoresNothing(t *testing.T) {
	maxItems := 2*store.DefaultBatchRows + 1
	ts := newTestServer(t, api.Config{BatchMaxItems: maxItems, MaxDumpBytes: 16 << 10})
	good := func(i int) []byte {
		return envelopeLine(t, "whole", fmt.Sprintf("https://example.com/w/%d", i), "text/plain",
			fmt.Sprintf("Story number %d\n\n%s", i, filler(fmt.Sprintf("item %d", i), 4)))
	}
	tooMany := make([][]byte, maxItems+1)
	for i := range tooMany {
		tooMany[i] = good(i)
	}
	mustProblem(t, ts.do(t, "POST", "/v1/articles/batch", "application/x-ndjson", bytes.Join(tooMany, []byte("\n"))),
		http.StatusBadRequest, "invalid-request")
	tooLong := append(tooMany[:maxItems-1:maxItems-1], envelopeLine(t, "whole", "", "text/plain", strings.Repeat("word ", 40<<10)))
	r := ts.do(t, "POST", "/v1/articles/batch", "application/x-ndjson", bytes.Join(tooLong, []byte("\n")))
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("a batch with a line over the limit: %d %s, want 413", r.status, r.body)
	}
	var list struct {
		Items []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(ts.do(t, "GET", "/v1/articles?source=whole", "", nil).body, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Items) != 0 {
		t.Errorf("refused batches stored %d articles, want none", len(list.Items))
	}
}
