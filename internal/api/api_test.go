package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }

// testServer is the real API over real HTTP on a fresh, migrated database.
type testServer struct {
	*httptest.Server
	api   *api.API
	store *store.Store
	pool  *pgxpool.Pool
	reg   *prometheus.Registry
	// client checks every response against the OpenAPI document.
	client *http.Client
}

// Client returns the conformance-checking client.
func (ts *testServer) Client() *http.Client {
	if ts.client == nil {
		return ts.Server.Client()
	}
	return ts.client
}

// newTestServer serves open (no keys needed while none exist), as a
// loopback server does; newServer takes cfg as it is.
func newTestServer(t *testing.T, cfg api.Config) *testServer {
	t.Helper()
	cfg.AllowOpen = true
	return newServer(t, cfg)
}

func newServer(t *testing.T, cfg api.Config) *testServer {
	t.Helper()
	pool := dbtest.New(t)
	st := store.New(pool)
	reg := prometheus.NewRegistry()
	cfg.Store, cfg.Registerer, cfg.Gatherer = st, reg, reg
	a := api.New(cfg)
	srv := httptest.NewServer(a)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, api: a, store: st, pool: pool, reg: reg, client: conformingClient(t, srv.Client())}
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (ts *testServer) do(t *testing.T, method, path, contentType string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// problemBody is what every error response must carry (RFC 9457).
type problemBody struct {
	Type      string      `json:"type"`
	Title     string      `json:"title"`
	Status    int         `json:"status"`
	Detail    string      `json:"detail"`
	Instance  string      `json:"instance"`
	RequestID string      `json:"request_id"`
	DumpID    *article.ID `json:"dump_id"`
}

func mustProblem(t *testing.T, r response, status int, typ string) problemBody {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problemBody
	if err := json.Unmarshal(r.body, &p); err != nil {
		t.Fatalf("problem body: %v; %s", err, r.body)
	}
	if p.Type != "/problems/"+typ || p.Status != status || p.Title == "" || p.RequestID == "" || p.Instance == "" {
		t.Fatalf("problem = %+v, want type /problems/%s status %d with title, instance and request_id", p, typ, status)
	}
	if p.RequestID != r.header.Get("X-Request-Id") {
		t.Fatalf("problem request_id %q differs from X-Request-Id %q", p.RequestID, r.header.Get("X-Request-Id"))
	}
	return p
}

type articleBody struct {
	ID               article.ID `json:"id"`
	DumpID           article.ID `json:"dump_id"`
	Title            string     `json:"title"`
	Authors          []string   `json:"authors"`
	PublishedAt      *string    `json:"published_at"`
	SourceName       string     `json:"source_name"`
	Location         string     `json:"location"`
	Sponsors         []string   `json:"sponsors"`
	Paywalled        bool       `json:"paywalled"`
	Language         string     `json:"language"`
	Body             string     `json:"body"`
	Paragraphs       []string   `json:"paragraphs"`
	WordCount        int        `json:"word_count"`
	ExtractorVersion int        `json:"extractor_version"`
	ReceivedAt       string     `json:"received_at"`
	URL              string     `json:"url"`
	Source           string     `json:"source"`
	Diagnostics      *struct {
		Fields []struct {
			Field string `json:"field"`
		} `json:"fields"`
	} `json:"diagnostics"`
}

func mustArticle(t *testing.T, r response, status int) articleBody {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Fatalf("Content-Type = %q", ct)
	}
	var a articleBody
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatalf("article body: %v; %s", err, r.body)
	}
	if a.ID.IsZero() || a.DumpID.IsZero() {
		t.Fatalf("article without ids: %s", r.body)
	}
	return a
}

func seed(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCreateArticle_TextDump(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	body := seed(t)

	r := ts.do(t, "POST", "/v1/articles?source=aggregator&url=https://example.com/a", "text/plain; charset=utf-8", body)
	created := mustArticle(t, r, http.StatusCreated)
	if loc := r.header.Get("Location"); loc != "/v1/articles/"+created.ID.String() {
		t.Fatalf("Location = %q, want /v1/articles/%s", loc, created.ID)
	}
	// The body goes out once: paragraphs only when asked for.
	if created.Body == "" || created.Paragraphs != nil {
		t.Fatalf("body %q, paragraphs %q: want the body alone", created.Body, created.Paragraphs)
	}
	withParas := mustArticle(t, ts.do(t, "GET", "/v1/articles/"+created.ID.String()+"?include=paragraphs", "", nil), http.StatusOK)
	if len(withParas.Paragraphs) == 0 || withParas.Body != strings.Join(withParas.Paragraphs, "\n\n") || withParas.Body != created.Body {
		t.Fatalf("body/paragraphs inconsistent: %q vs %q", withParas.Body, withParas.Paragraphs)
	}
	if created.Source != "aggregator" || created.URL != "https://example.com/a" || created.ExtractorVersion < 1 || created.WordCount == 0 {
		t.Fatalf("created = %+v", created)
	}

	// A retry of the same bytes from the same source is the same article.
	again := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=aggregator", "text/plain", body), http.StatusOK)
	if again.ID != created.ID || again.DumpID != created.DumpID {
		t.Fatalf("repeat gave %s/%s, want %s/%s", again.ID, again.DumpID, created.ID, created.DumpID)
	}
	// The same bytes from another source are another dump.
	other := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=other", "text/plain", body), http.StatusCreated)
	if other.ID == created.ID {
		t.Fatal("another source got the same article")
	}

	gotResp := ts.do(t, "GET", "/v1/articles/"+created.ID.String(), "", nil)
	got := mustArticle(t, gotResp, http.StatusOK)
	// Answers of a few kilobytes go out with their length, not chunked.
	for _, r := range []response{r, gotResp} {
		if cl := r.header.Get("Content-Length"); cl != strconv.Itoa(len(r.body)) {
			t.Errorf("Content-Length %q for a %d-byte answer", cl, len(r.body))
		}
	}
	if got.ID != created.ID || got.Title != created.Title || got.Body != created.Body || got.Diagnostics != nil {
		t.Fatalf("GET = %+v, want %+v without diagnostics", got, created)
	}
	withDiag := mustArticle(t, ts.do(t, "GET", "/v1/articles/"+created.ID.String()+"?include=diagnostics", "", nil), http.StatusOK)
	if withDiag.Diagnostics == nil {
		t.Fatal("include=diagnostics gave no diagnostics")
	}

	raw := ts.do(t, "GET", "/v1/articles/"+created.ID.String()+"/raw", "", nil)
	if raw.status != http.StatusOK || !bytes.Equal(raw.body, body) {
		t.Fatalf("raw: status %d, %d bytes, want %d identical bytes", raw.status, len(raw.body), len(body))
	}
	if ct := raw.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Fatalf("raw Content-Type = %q", ct)
	}
	if raw.header.Get("Content-Security-Policy") == "" {
		t.Fatal("raw dump served without a sandboxing CSP")
	}
}

func TestCreateArticle_Envelope(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	env, _ := json.Marshal(map[string]any{
		"url": "https://example.com/b", "source": "crawler-7", "fetched_at": "2025-07-02T10:00:00Z",
		"content_type": "text/plain", "content": string(seed(t)),
	})
	a := mustArticle(t, ts.do(t, "POST", "/v1/articles", "application/json", env), http.StatusCreated)
	if a.Source != "crawler-7" || a.URL != "https://example.com/b" {
		t.Fatalf("envelope fields not kept: %+v", a)
	}
	raw := ts.do(t, "GET", "/v1/articles/"+a.ID.String()+"/raw", "", nil)
	if !bytes.Equal(raw.body, seed(t)) || raw.header.Get("Content-Type") != "text/plain" {
		t.Fatalf("raw of an envelope must be the page it carried, got %q (%s)", raw.header.Get("Content-Type"), raw.body[:40])
	}
}

func TestCreateArticle_Errors(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxDumpBytes: 4096})
	tests := []struct {
		name        string
		contentType string
		body        []byte
		status      int
		typ         string
	}{
		{"empty body", "text/plain", nil, 400, "invalid-request"},
		{"malformed JSON", "application/json", []byte(`{"content": "x`), 400, "invalid-request"},
		{"JSON of the wrong type", "application/json", []byte(`{"content": 42}`), 400, "invalid-request"},
		{"unknown envelope field", "application/json", []byte(`{"content": "x", "contnet": "y"}`), 400, "invalid-request"},
		{"envelope without content", "application/json", []byte(`{"url": "https://example.com/"}`), 400, "invalid-request"},
		{"bad fetched_at", "application/json", []byte(`{"content": "x", "fetched_at": "yesterday"}`), 400, "invalid-request"},
		{"over the limit", "text/plain", bytes.Repeat([]byte("a"), 4097), 413, "dump-too-large"},
		{"envelope content over the limit", "application/json", []byte(`{"content": "` + strings.Repeat("a", 4097) + `"}`), 413, "dump-too-large"},
		{"form post", "application/x-www-form-urlencoded", []byte("a=b"), 415, "unsupported-media-type"},
		{"image", "image/png", []byte("\x89PNG\r\n"), 415, "unsupported-media-type"},
		{"malformed content type", "text/;;", []byte("hello"), 415, "unsupported-media-type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustProblem(t, ts.do(t, "POST", "/v1/articles", tt.contentType, tt.body), tt.status, tt.typ)
		})
	}
	t.Run("exactly at the limit is accepted", func(t *testing.T) {
		body := bytes.Repeat([]byte("word "), 4096/5)
		body = append(body, bytes.Repeat([]byte("x"), 4096-len(body))...)
		r := ts.do(t, "POST", "/v1/articles", "text/plain", body)
		if r.status == http.StatusRequestEntityTooLarge {
			t.Fatalf("a body of exactly the limit was refused: %s", r.body)
		}
	})
	t.Run("415 names what is accepted", func(t *testing.T) {
		r := ts.do(t, "POST", "/v1/articles", "image/png", []byte("x"))
		if r.header.Get("Accept-Post") == "" {
			t.Fatal("no Accept-Post header on 415")
		}
	})
}

func TestCreateArticle_UnextractableKeepsBytes(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	body := []byte(" \n\t\n  \r\n")
	p := mustProblem(t, ts.do(t, "POST", "/v1/articles?source=s", "text/plain", body), http.StatusUnprocessableEntity, "unextractable")
	if p.DumpID == nil {
		t.Fatal("422 without dump_id")
	}
	d, err := ts.store.FindDumpByID(context.Background(), *p.DumpID, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(d.Body, body) || d.Status != article.DumpFailed || d.ExtractError == "" {
		t.Fatalf("stored dump = %q status %q error %q", d.Body, d.Status, d.ExtractError)
	}
	// The retry is refused the same way and points at the same dump.
	p2 := mustProblem(t, ts.do(t, "POST", "/v1/articles?source=s", "text/plain", body), http.StatusUnprocessableEntity, "unextractable")
	if p2.DumpID == nil || *p2.DumpID != *p.DumpID {
		t.Fatalf("retry dump_id = %v, want %s", p2.DumpID, p.DumpID)
	}
}

func TestGetArticle_NotFound(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	for _, path := range []string{
		"/v1/articles/" + article.NewID(time.Now()).String(),
		"/v1/articles/" + article.NewID(time.Now()).String() + "/raw",
		"/v1/articles/not-an-id",
		"/v1/articles/..%2F..%2Fetc%2Fpasswd",
		"/v1/articles/" + strings.Repeat("a", 10000),
		"/v1/nothing-here",
	} {
		mustProblem(t, ts.do(t, "GET", path, "", nil), http.StatusNotFound, "not-found")
	}
	mustProblem(t, ts.do(t, "GET", "/v1/articles/"+article.NewID(time.Now()).String()+"?include=everything", "", nil), http.StatusBadRequest, "invalid-request")
	mustProblem(t, ts.do(t, "PUT", "/v1/articles", "text/plain", []byte("x")), http.StatusMethodNotAllowed, "method-not-allowed")
}

func TestDatabaseDown_503(t *testing.T) {
	pool := dbtest.New(t)
	st := store.New(pool)
	reg := prometheus.NewRegistry()
	a := api.New(api.Config{Store: st, Registerer: reg, Gatherer: reg, AllowOpen: true})
	srv := httptest.NewServer(a)
	defer srv.Close()
	ts := &testServer{Server: srv, api: a, store: st, reg: reg}
	created := mustArticle(t, ts.do(t, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)

	// A batch of several store transactions is one 503 too.
	var lines [][]byte
	for i := range 2*store.DefaultBatchRows + 1 {
		lines = append(lines, []byte(fmt.Sprintf(`{"content": "Line %d of a batch, an article of its own."}`, i)))
	}
	pool.Close()
	for _, r := range []response{
		ts.do(t, "POST", "/v1/articles", "text/plain", []byte("Another article entirely, with a sentence or two.")),
		ts.do(t, "GET", "/v1/articles/"+created.ID.String(), "", nil),
		ts.do(t, "POST", "/v1/articles/batch", "application/x-ndjson", bytes.Join(lines, []byte("\n"))),
	} {
		mustProblem(t, r, http.StatusServiceUnavailable, "unavailable")
		if r.header.Get("Retry-After") == "" {
			t.Fatal("503 without Retry-After")
		}
	}
	ops := httptest.NewServer(a.OpsHandler())
	defer ops.Close()
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 503} {
		resp, err := http.Get(ops.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s = %d, want %d", path, resp.StatusCode, want)
		}
	}
}

func TestReadyz_Draining(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ops := httptest.NewServer(ts.api.OpsHandler())
	defer ops.Close()
	get := func() int {
		resp, err := http.Get(ops.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := get(); s != 200 {
		t.Fatalf("readyz = %d before draining", s)
	}
	ts.api.SetDraining()
	if s := get(); s != 503 {
		t.Fatalf("readyz = %d while draining, want 503", s)
	}
}

// counters gathers every counter of reg by its name and labels, written as
// in the exposition format: name{label="value",…}.
func counters(t *testing.T, reg prometheus.Gatherer) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, mf := range families {
		for _, m := range mf.GetMetric() {
			var labels []string
			for _, lp := range m.GetLabel() {
				labels = append(labels, lp.GetName()+`="`+lp.GetValue()+`"`)
			}
			if c := m.GetCounter(); c != nil {
				got[mf.GetName()+"{"+strings.Join(labels, ",")+"}"] = c.GetValue()
			}
		}
	}
	return got
}

// TestMetrics_RefusedRequestsNamedByRoute checks that requests the /v1
// middleware refuses before routing (401 here) are counted on the route
// they asked for, and that paths no route serves still count as unmatched.
func TestMetrics_RefusedRequestsNamedByRoute(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	if _, _, err := ts.store.CreateAPIKey(context.Background(), "scraper", []string{"ingest"}); err != nil {
		t.Fatal(err)
	}
	id := article.NewID(time.Now()).String()
	for _, rq := range []struct{ method, path string }{
		{"POST", "/v1/articles"},
		{"POST", "/v1/articles"},
		{"GET", "/v1/articles/" + id},
		{"GET", "/v1/articles/" + id + "/raw"},
		{"GET", "/v1/no/such/thing"},
		{"PUT", "/v1/articles"},
	} {
		mustProblem(t, ts.doAuth(t, "", rq.method, rq.path, "text/plain", nil), http.StatusUnauthorized, "unauthorized")
	}
	got := counters(t, ts.reg)
	for k, v := range map[string]float64{
		`pressroom_http_requests_total{code="401",method="POST",route="/v1/articles"}`:         2,
		`pressroom_http_requests_total{code="401",method="GET",route="/v1/articles/{id}"}`:     1,
		`pressroom_http_requests_total{code="401",method="GET",route="/v1/articles/{id}/raw"}`: 1,
		`pressroom_http_requests_total{code="401",method="GET",route="unmatched"}`:             1,
		`pressroom_http_requests_total{code="401",method="PUT",route="unmatched"}`:             1,
	} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	for k := range got {
		if strings.Contains(k, `route="/v1/*"`) {
			t.Errorf("a refused request counted on the mount: %s", k)
		}
	}
}

func TestMetrics_RoutePatternAndOutcomes(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	a := mustArticle(t, ts.do(t, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)
	mustArticle(t, ts.do(t, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusOK)
	ts.do(t, "GET", "/v1/articles/"+a.ID.String(), "", nil)
	ts.do(t, "GET", "/v1/articles/"+article.NewID(time.Now()).String(), "", nil)
	ts.do(t, "GET", "/v1/no/such/1", "", nil)
	ts.do(t, "GET", "/v1/no/such/2", "", nil)

	byID := `pressroom_http_requests_total{code="%s",method="GET",route="/v1/articles/{id}"}`
	want := map[string]float64{
		strings.Replace(byID, "%s", "200", 1):                                      1,
		strings.Replace(byID, "%s", "404", 1):                                      1,
		`pressroom_http_requests_total{code="404",method="GET",route="unmatched"}`: 2,
		`pressroom_ingest_total{input="text",outcome="created"}`:                   1,
		`pressroom_ingest_total{input="text",outcome="duplicate"}`:                 1,
		`pressroom_ingest_total{input="html",outcome="created"}`:                   0,
	}
	got := counters(t, ts.reg)
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
		}
	}
	for k := range got {
		if strings.Contains(k, "pressroom_http_requests_total") && strings.Contains(k, "/v1/no/") {
			t.Errorf("raw path leaked into a label: %s", k)
		}
	}
	if n := testutil.CollectAndCount(ts.reg, "pressroom_http_request_duration_seconds"); n == 0 {
		t.Error("no request duration series")
	}
}
