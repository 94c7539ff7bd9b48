package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/article"
)

// maxDump is the server's default dump limit, which the suite runs with.
const maxDump = api.DefaultMaxDumpBytes

// Generous bounds for the whole hostile suite, measured on the server
// process: peak RSS (VmHWM, in kB) and goroutines above the baseline once
// settled. A 10 MiB dump is held a few times over (wire bytes, text,
// paragraphs, the JSON answer).
const (
	hostileRSSBoundKB     = 512 << 10
	hostileRSSBoundRaceKB = 1536 << 10
	hostileGoroutineSlack = 5
)

// hostileCase is one class of hostile input and what the server must do
// with it.
type hostileCase struct {
	name    string
	req     requestFunc                     // built lazily: some bodies are large
	status  []int                           // acceptable statuses
	problem string                          // problem type of a 4xx other than 422
	stored  []byte                          // what the kept dump must hold (201 and 422)
	detail  string                          // what a problem's detail must say
	check   func(t *testing.T, body []byte) // more about a 201's article
}

func post(ct string, body []byte, header ...string) requestFunc {
	return postTo("/v1/articles", ct, body, header...)
}

func postTo(path, ct string, body []byte, header ...string) requestFunc {
	return func(base string) *http.Request {
		req, err := http.NewRequest(http.MethodPost, base+path, bytes.NewReader(body))
		if err != nil {
			panic(err)
		}
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return req
	}
}

func get(path string) requestFunc {
	return func(base string) *http.Request {
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		if err != nil {
			panic(err)
		}
		return req
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// gzipRepeat returns n gzip members each inflating to unit: one stream of
// n×len(unit) bytes to a reader (gzip allows members end to end), made
// without compressing n times.
func gzipRepeat(unit []byte, n int) []byte {
	return bytes.Repeat(gzipped(unit), n)
}

func envelopeJSON(fields map[string]any) []byte {
	b, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	return b
}

func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xfeff)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return b
}

// repeatTo repeats unit until the result is exactly n bytes long.
func repeatTo(unit string, n int) []byte {
	b := bytes.Repeat([]byte(unit), n/len(unit)+1)
	return b[:n]
}

// Articles in scripts without Latin letters, written for this test.
const (
	chineseArticle = "城市议会批准新的港口改造计划\n\n记者 李明\n\n2025年3月4日\n\n" +
		"市议会星期二以十二票对三票通过了港口区改造计划，这项计划将在未来五年内为该地区带来数千套新住房、两所学校和一个沿河公园。\n\n" +
		"支持者表示，这项计划将缓解城市住房短缺的问题，并为附近的小商店带来更多顾客。反对者则担心施工期间的交通拥堵和不断上涨的费用。\n\n" +
		"市长在会后对记者说，议会将在下个月公布详细的施工时间表，并邀请居民参加一系列公开听证会，听取他们对计划的意见。\n"
	arabicArticle = "مجلس المدينة يوافق على خطة جديدة لتطوير الميناء\n\nبقلم سارة حداد\n\n4 مارس 2025\n\n" +
		"وافق مجلس المدينة يوم الثلاثاء على خطة لتطوير منطقة الميناء القديم، وتشمل الخطة بناء آلاف المساكن الجديدة ومدرستين وحديقة على ضفة النهر خلال السنوات الخمس المقبلة.\n\n" +
		"وقال المؤيدون إن الخطة ستخفف من أزمة السكن في المدينة وستجلب المزيد من الزبائن إلى المتاجر الصغيرة القريبة، بينما أعرب المعارضون عن قلقهم من الازدحام المروري وارتفاع التكاليف.\n\n" +
		"وأضاف رئيس البلدية في حديث للصحفيين بعد الجلسة أن المجلس سينشر جدولا زمنيا مفصلا للأعمال في الشهر المقبل، وسيدعو السكان إلى جلسات استماع عامة.\n"
	latinArticle = "Caf\xe9 owners protest against the new terrace rules\n\nBy Jos\xe9 Mart\xedn\n\nMarch 4, 2025\n\n" +
		"The owners of the caf\xe9s in the old town protested on Monday against the new rules on terraces, which they say will ruin the summer season for everyone.\n\n" +
		"The council said the rules were needed to keep the pavements clear for pedestrians, and promised to review them after one year of experience.\n"
)

// bodyContains returns a check that a 201's article body holds want.
func bodyContains(want string) func(*testing.T, []byte) {
	return func(t *testing.T, b []byte) {
		t.Helper()
		var a struct {
			Body string `json:"body"`
		}
		if err := json.Unmarshal(b, &a); err != nil || !strings.Contains(a.Body, want) {
			t.Errorf("article body lacks %q: %.300s", want, b)
		}
	}
}

// listItems returns a check that a list answer holds n articles.
func listItems(n int) func(*testing.T, []byte) {
	return func(t *testing.T, b []byte) {
		t.Helper()
		var page struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(b, &page); err != nil || len(page.Items) != n {
			t.Errorf("list holds %d items (%v), want %d: %.300s", len(page.Items), err, n, b)
		}
	}
}

// hostileCases lists the classes of hostile input sent over HTTP with a
// well-formed request; known is the id of a stored article.
func hostileCases(known article.ID) []hostileCase {
	stored := []int{http.StatusCreated, http.StatusUnprocessableEntity}
	good := articleDump(1)
	nested := strings.Repeat("<div>", 100_000) + "<p>" + string(articleDump(2)) + "</p>"
	bigAttr := "<html><body><article><h1>Harbour plan passes</h1><p title=\"" + strings.Repeat("x", 10_000_000) + "\">" +
		strings.ReplaceAll(string(articleDump(3)), "\n\n", "</p><p>") + "</p></article></body></html>"
	var deep strings.Builder
	deep.WriteString(`{"content":`)
	deep.WriteString(strings.Repeat("[", 100_000))
	deep.WriteString(strings.Repeat("]", 100_000))
	deep.WriteString("}")
	pdf := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + strings.Repeat("\x00\xff\x10stream", 2000) + "\n%%EOF\n")
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 0xff, 0x7f, 0x80}, 5000)...)
	// Were it ever spliced into SQL, the stored article of every later
	// "next ordinary request" would be gone.
	sqlish := "x'); DELETE FROM dumps; --"
	id := known.String()
	return []hostileCase{
		{name: "empty body", req: post("text/plain", nil), status: []int{400}, problem: "invalid-request"},
		{name: "whitespace only", req: post("text/plain", []byte(" \n\t\r\n   \n")), status: []int{422}, stored: []byte(" \n\t\r\n   \n")},
		{name: "one byte", req: post("text/plain", []byte("a")), status: []int{422}, stored: []byte("a")},
		{name: "NUL bytes only", req: post("text/plain", make([]byte, 4096)), status: []int{422}, stored: make([]byte, 4096)},
		{name: "NUL bytes inside an article", req: post("text/plain", bytes.ReplaceAll(good, []byte(" the "), []byte(" the\x00"))),
			status: []int{201}, stored: bytes.ReplaceAll(good, []byte(" the "), []byte(" the\x00")), check: bodyContains("(item 1.0.0)")},
		{name: "invalid UTF-8", req: post("text/plain; charset=utf-8", bytes.ReplaceAll(good, []byte(" and "), []byte(" \xff\xfe\xc0 "))),
			status: []int{201}, stored: bytes.ReplaceAll(good, []byte(" and "), []byte(" \xff\xfe\xc0 "))},
		{name: "UTF-16LE with BOM", req: post("text/plain", utf16Bytes(string(articleDump(4)), binary.LittleEndian, true)),
			status: []int{201}, stored: utf16Bytes(string(articleDump(4)), binary.LittleEndian, true), check: bodyContains("(item 4.0.0)")},
		{name: "UTF-16BE with BOM", req: post("text/plain", utf16Bytes(string(articleDump(5)), binary.BigEndian, true)),
			status: []int{201}, stored: utf16Bytes(string(articleDump(5)), binary.BigEndian, true), check: bodyContains("(item 5.0.0)")},
		{name: "UTF-16LE without BOM, labelled", req: post("text/plain; charset=utf-16le", utf16Bytes(string(articleDump(6)), binary.LittleEndian, false)),
			status: []int{201}, stored: utf16Bytes(string(articleDump(6)), binary.LittleEndian, false), check: bodyContains("(item 6.0.0)")},
		{name: "UTF-16LE without BOM or label", req: post("", utf16Bytes(string(articleDump(7)), binary.LittleEndian, false)),
			status: []int{415}, problem: "unsupported-media-type"}, // its NULs sniff as binary
		{name: "Latin-1 labelled UTF-8", req: post("text/plain; charset=utf-8", []byte(latinArticle)),
			status: []int{201}, stored: []byte(latinArticle), check: bodyContains("caf\u00e9s in the old town")},
		{name: "Chinese", req: post("text/plain; charset=utf-8", []byte(chineseArticle)),
			status: []int{201}, stored: []byte(chineseArticle), check: bodyContains("市议会星期二")},
		{name: "Arabic (right to left)", req: post("text/plain; charset=utf-8", []byte(arabicArticle)),
			status: []int{201}, stored: []byte(arabicArticle), check: bodyContains("وافق مجلس المدينة")},
		{name: "50 MB single line", req: post("text/plain", repeatTo("word ", 50_000_000)), status: []int{413}, problem: "dump-too-large"},
		{name: "50 MB single line, gzip", req: post("text/plain", gzipRepeat(repeatTo("word ", 1_000_000), 50), "Content-Encoding", "gzip"),
			status: []int{413}, problem: "dump-too-large"},
		{name: "1,000,000 short lines", req: post("text/plain", repeatTo("ab\n", 3_000_000)), status: []int{422}, stored: repeatTo("ab\n", 3_000_000),
			detail: "limit exceeded"},
		{name: "body exactly at the limit", req: post("text/plain", repeatTo("Some words of text. ", maxDump)), status: stored,
			stored: repeatTo("Some words of text. ", maxDump)},
		{name: "body one byte over the limit", req: post("text/plain", repeatTo("Some words of text. ", maxDump+1)), status: []int{413}, problem: "dump-too-large"},
		{name: "gzip bomb", req: post("text/plain", gzipRepeat(make([]byte, 10<<20), 100), "Content-Encoding", "gzip"), status: []int{413}, problem: "dump-too-large"},
		{name: "gzip-encoded article", req: post("text/plain", gzipped(articleDump(10)), "Content-Encoding", "gzip"),
			status: []int{201}, stored: articleDump(10), check: bodyContains("(item 10.0.0)")},
		{name: "truncated gzip", req: post("text/plain", gzipped(good)[:200], "Content-Encoding", "gzip"), status: []int{400}, problem: "invalid-request"},
		{name: "gzip header on a plain body", req: post("text/plain", good, "Content-Encoding", "gzip"), status: []int{400}, problem: "invalid-request"},
		{name: "unsupported Content-Encoding", req: post("text/plain", good, "Content-Encoding", "br"), status: []int{415}, problem: "unsupported-media-type"},
		{name: "unsupported Content-Type", req: post("application/x-evil", good), status: []int{415}, problem: "unsupported-media-type"},
		{name: "malformed Content-Type", req: post("text/plain; charset", good), status: []int{415}, problem: "unsupported-media-type"},
		{name: "envelope: wrong types", req: post("application/json", []byte(`{"content":5,"url":["x"]}`)), status: []int{400}, problem: "invalid-request"},
		{name: "envelope: unknown field", req: post("application/json", envelopeJSON(map[string]any{"content": string(good), "admin": true})),
			status: []int{400}, problem: "invalid-request"},
		{name: "envelope: duplicate keys", req: post("application/json", []byte(`{"content":"`+strings.ReplaceAll(string(good), "\n", `\n`)+`","content":"other"}`)),
			status: []int{400}, problem: "invalid-request"},
		{name: "envelope: duplicate keys differing in case", req: post("application/json", []byte(`{"source":"a","Source":"b","content":"x"}`)),
			status: []int{400}, problem: "invalid-request"},
		{name: "envelope: 10 MB string", req: post("application/json", envelopeJSON(map[string]any{"content": string(good), "url": "https://e.example/" + strings.Repeat("a", 10_000_000)})),
			status: []int{400}, problem: "invalid-request"},
		{name: "envelope: deep nesting", req: post("application/json", []byte(deep.String())), status: []int{400}, problem: "invalid-request"},
		{name: "envelope: two JSON values", req: post("application/json", []byte(`{"content":"a"}{"content":"b"}`)), status: []int{400}, problem: "invalid-request"},
		{name: "envelope: top-level array", req: post("application/json", []byte(`[{"content":"a"}]`)), status: []int{400}, problem: "invalid-request"},
		{name: "envelope: base64 garbage", req: post("application/json", []byte(`{"content_base64":"!!not*base64??"}`)), status: []int{400}, problem: "invalid-request"},
		{name: "envelope: PNG as base64", req: post("application/json", envelopeJSON(map[string]any{"content_base64": base64.StdEncoding.EncodeToString(png), "content_type": "image/png"})),
			status: []int{415}, problem: "unsupported-media-type"},
		{name: "PDF declared", req: post("application/pdf", pdf), status: []int{415}, problem: "unsupported-media-type"},
		{name: "PDF undeclared", req: post("", pdf), status: []int{415}, problem: "unsupported-media-type"},
		{name: "PNG undeclared", req: post("", png), status: []int{415}, problem: "unsupported-media-type"},
		{name: "HTML with 100,000 nested elements", req: post("text/html", []byte(nested)), status: []int{422}, stored: []byte(nested), detail: "limit exceeded"},
		{name: "HTML with a 10 MB attribute", req: post("text/html", []byte(bigAttr)), status: []int{422}, stored: []byte(bigAttr), detail: "limit exceeded"},
		{name: "script-only HTML", req: post("text/html", []byte("<html><head><script>"+strings.Repeat("var a = 'Some words of text. Some words of text.';\n", 2000)+"</script></head><body><script>document.write('x')</script></body></html>")),
			status: []int{422}},
		{name: "source with control characters", req: post("text/plain", good[:100], "X-Ignored", "x").withQuery("source", "a\x01b"), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in source", req: post("text/plain", articleDump(8)).withQuery("source", sqlish), status: []int{201}, stored: articleDump(8),
			check: func(t *testing.T, b []byte) {
				if !bytes.Contains(b, []byte(`"source":"x'); DELETE FROM dumps; --"`)) {
					t.Errorf("source not stored verbatim: %.300s", b)
				}
			}},
		{name: "SQL in url", req: post("text/plain", articleDump(9)).withQuery("url", "https://e.example/"+url.PathEscape(sqlish)), status: []int{201}, stored: articleDump(9)},
		{name: "SQL in fetched_at", req: post("text/plain", good).withQuery("fetched_at", "2025-01-01' OR '1'='1"), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in include", req: get("/v1/articles/" + id + "?include=" + url.QueryEscape("diagnostics' OR 1=1 --")), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in the list's source", req: get("/v1/articles?source=" + url.QueryEscape(sqlish)), status: []int{200}, check: listItems(1)},
		{name: "SQL in the list's author", req: get("/v1/articles?author=" + url.QueryEscape(sqlish)), status: []int{200}, check: listItems(0)},
		{name: "SQL in the list's lang", req: get("/v1/articles?lang=" + url.QueryEscape(sqlish)), status: []int{200}, check: listItems(0)},
		{name: "SQL in the list's q", req: get("/v1/articles?q=" + url.QueryEscape(sqlish+" OR 1=1")), status: []int{200}, check: listItems(0)},
		{name: "SQL in the list's cursor", req: get("/v1/articles?cursor=" + url.QueryEscape(sqlish)), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in the list's limit", req: get("/v1/articles?limit=" + url.QueryEscape("1; "+sqlish)), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in the list's since", req: get("/v1/articles?since=" + url.QueryEscape(sqlish)), status: []int{400}, problem: "invalid-request"},
		{name: "SQL in the list's until", req: get("/v1/articles?until=" + url.QueryEscape("2025-01-01' OR '1'='1")), status: []int{400}, problem: "invalid-request"},
		{name: "SQL as an id", req: get("/v1/articles/" + url.PathEscape("1' OR '1'='1")), status: []int{404}, problem: "not-found"},
		{name: "id of 10,000 characters", req: get("/v1/articles/" + strings.Repeat("7", 10_000)), status: []int{404}, problem: "not-found"},
		{name: "id of 10,000 characters, raw", req: get("/v1/articles/" + strings.Repeat("f", 10_000) + "/raw"), status: []int{404}, problem: "not-found"},
		{name: "path traversal, encoded", req: get("/v1/articles/..%2F..%2F..%2Fetc%2Fpasswd"), status: []int{404}, problem: "not-found"},
		{name: "path traversal, raw", req: get("/v1/articles/" + id + "/../../../etc/passwd"), status: []int{404}, problem: "not-found"},
		{name: "path traversal, dotted id", req: get("/v1/articles/%2e%2e/raw"), status: []int{404}, problem: "not-found"},
	}
}

// withQuery adds a query parameter to the request a case builds.
func (f requestFunc) withQuery(k, v string) requestFunc {
	return func(base string) *http.Request {
		req := f(base)
		q := req.URL.Query()
		q.Set(k, v)
		req.URL.RawQuery = q.Encode()
		return req
	}
}

// requestFunc builds a case's request against the server at base.
type requestFunc func(base string) *http.Request

// TestHostile_Inputs sends every class of hostile input to a real server
// process and checks each answer, what was stored, that the next normal
// request still succeeds, and at the end that the server's peak memory
// stayed bounded and its goroutines came back to the baseline.
func TestHostile_Inputs(t *testing.T) {
	t.Parallel()
	c := startCluster(t, false)
	// Storing a 10 MiB article takes ~3 s of database time on an idle
	// machine, several times that on a loaded one; this test is not about
	// the database deadline.
	s := startServer(t, "DATABASE_URL="+c.URL("pressroom"), "PRESSROOM_DB_TIMEOUT=1m")
	db := connectDB(t, c)
	client := &http.Client{Timeout: 2 * time.Minute}
	base := "http://" + s.httpAddr

	known := mustPost(t, client, base, articleDump(0))
	baseline := settleGoroutines(t, s, 0, 1e9)
	startRSS := procStatus(t, s.cmd.Process.Pid, "VmHWM")

	cases := hostileCases(known)
	if len(cases) < 30 {
		t.Fatalf("only %d classes", len(cases))
	}
	pid := s.cmd.Process.Pid
	var peak int64
	var peakCase string
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resetPeakRSS(t, pid)
			defer func() {
				if p := procStatus(t, pid, "VmHWM"); p > peak {
					peak, peakCase = p, tc.name
				}
			}()
			req := tc.req(base)
			t0 := time.Now()
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%d in %v", resp.StatusCode, time.Since(t0).Round(time.Millisecond))
			checkHostileAnswer(t, db, tc, resp, body)
			// The next ordinary request is served as usual.
			if got := getStatus(client, base+"/v1/articles/"+known.String()); got != http.StatusOK {
				t.Fatalf("GET of a stored article after this input = %d", got)
			}
		})
	}

	after := settleGoroutines(t, s, baseline, hostileGoroutineSlack)
	t.Logf("%d classes; server goroutines %v before, %v after; peak RSS %d MiB (in %q; %d MiB before the suite)",
		len(cases), baseline, after, peak>>10, peakCase, startRSS>>10)
	if after > baseline+hostileGoroutineSlack {
		t.Errorf("goroutines %v after the suite, baseline %v: a leak", after, baseline)
	}
	bound := int64(hostileRSSBoundKB)
	if raceEnabled {
		bound = hostileRSSBoundRaceKB
	}
	if peak > bound {
		t.Errorf("peak RSS %d MiB, bound %d MiB", peak>>10, bound>>10)
	}
}

func mustPost(t *testing.T, c *http.Client, base string, body []byte) article.ID {
	t.Helper()
	resp, err := c.Post(base+"/v1/articles", "text/plain", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a struct {
		ID article.ID `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST = %d, %v", resp.StatusCode, err)
	}
	return a.ID
}

// checkHostileAnswer compares an answer with what the case expects, and for
// a stored dump compares the kept bytes with the expected ones.
func checkHostileAnswer(t *testing.T, db *pgx.Conn, tc hostileCase, resp *http.Response, body []byte) {
	t.Helper()
	ok := false
	for _, s := range tc.status {
		ok = ok || resp.StatusCode == s
	}
	if !ok {
		t.Fatalf("status %d, want one of %v: %.300s", resp.StatusCode, tc.status, body)
	}
	switch {
	case resp.StatusCode >= 400:
		typ, err := problemOf(resp.Header, body)
		if err != nil {
			t.Fatal(err)
		}
		want := tc.problem
		if resp.StatusCode == http.StatusUnprocessableEntity {
			want = "unextractable"
		}
		if want != "" && typ != "/problems/"+want {
			t.Fatalf("problem type %s, want /problems/%s: %.300s", typ, want, body)
		}
		if !bytes.Contains(body, []byte(tc.detail)) {
			t.Fatalf("problem does not say %q: %.300s", tc.detail, body)
		}
	case tc.check != nil:
		tc.check(t, body)
	}
	if tc.stored == nil || (resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusUnprocessableEntity) {
		return
	}
	var ids struct {
		ID     *article.ID `json:"id"`
		DumpID *article.ID `json:"dump_id"`
	}
	if err := json.Unmarshal(body, &ids); err != nil || ids.DumpID == nil {
		t.Fatalf("no dump_id in %.300s", body)
	}
	var kept []byte
	var status string
	err := db.QueryRow(context.Background(), "SELECT body, status FROM dumps WHERE id = $1", ids.DumpID.String()).Scan(&kept, &status)
	if err != nil {
		t.Fatalf("dump %s: %v", ids.DumpID, err)
	}
	if !bytes.Equal(kept, tc.stored) {
		t.Errorf("dump %s keeps %d bytes, want the %d sent", ids.DumpID, len(kept), len(tc.stored))
	}
	wantStatus := map[int]string{201: "extracted", 422: "failed"}[resp.StatusCode]
	if status != wantStatus {
		t.Errorf("dump status %q after %d, want %q", status, resp.StatusCode, wantStatus)
	}
}
