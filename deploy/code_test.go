package deploy

import (
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/internal/worker"
)

// recorder is a Registerer that remembers what its collectors describe.
type recorder struct {
	*prometheus.Registry
	descs []*prometheus.Desc
}

func (r *recorder) Register(c prometheus.Collector) error {
	r.descs = append(r.descs, describe(c)...)
	return r.Registry.Register(c)
}

func describe(c prometheus.Collector) []*prometheus.Desc {
	ch := make(chan *prometheus.Desc)
	go func() { c.Describe(ch); close(ch) }()
	var out []*prometheus.Desc
	for d := range ch {
		out = append(out, d)
	}
	return out
}

func (r *recorder) MustRegister(cs ...prometheus.Collector) {
	for _, c := range cs {
		if err := r.Register(c); err != nil {
			panic(err)
		}
	}
}

// codeMetrics is what the server's code says about its metrics without a
// database: the API's metrics, the pool collector, and the Go and process
// collectors the server registers.
type codeMetrics struct {
	labels map[string][]string // family name → variable label names
	api    *api.API
	reg    *prometheus.Registry
}

var (
	codeOnce sync.Once
	code     codeMetrics
)

// descPattern reads a Desc's String(); client_golang offers no accessors.
var descPattern = regexp.MustCompile(`fqName: "([^"]+)".*variableLabels: \{([^}]*)\}`)

func readCode(t *testing.T) codeMetrics {
	t.Helper()
	codeOnce.Do(func() {
		rec := &recorder{Registry: prometheus.NewRegistry()}
		a := api.New(api.Config{Registerer: rec, Gatherer: rec.Registry})
		// Without a store, readiness must not ask one when gathered.
		a.SetDraining()
		descs := rec.descs
		// Described, never collected: collecting needs a pool.
		st := store.New(nil)
		for _, c := range append([]prometheus.Collector{
			st.Collector(),
			collectors.NewGoCollector(),
			collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		}, worker.NewSearchIndexer(st, nil).Collectors(st)...) {
			descs = append(descs, describe(c)...)
		}
		code = codeMetrics{labels: map[string][]string{}, api: a, reg: rec.Registry}
		for _, d := range descs {
			m := descPattern.FindStringSubmatch(d.String())
			if m == nil {
				continue
			}
			var ls []string
			for l := range strings.SplitSeq(m[2], ",") {
				if l = strings.TrimSuffix(strings.TrimPrefix(l, "c("), ")"); l != "" {
					ls = append(ls, l)
				}
			}
			code.labels[m[1]] = ls
		}
	})
	if len(code.labels) == 0 {
		t.Fatal("read no metric descriptors from the code (has Desc.String changed?)")
	}
	return code
}

// mainMetricNames are the pressroom_ names that cmd/server registers
// itself (package main, which no test can import), read from its source.
func mainMetricNames(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot(t), "cmd", "server", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	// Options structs (Name: "…"), and descriptors of its own collectors.
	name := regexp.MustCompile(`(?:Name:\s+|NewDesc\()"(pressroom_[a-z0-9_]+)"`)
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range name.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
	}
	return out
}

// The contract is the code's: every name in it exists with the same label
// names, and every pressroom_ metric the code exposes is in it (and so, by
// TestMetricNames_DashboardCoversContract, on the dashboard).
func TestContract_MatchesCode(t *testing.T) {
	c := readCode(t)
	fromMain := mainMetricNames(t)
	for _, n := range []string{"pressroom_build_info"} {
		if !slices.Contains(fromMain, n) {
			t.Errorf("cmd/server no longer registers %s (found %v)", n, fromMain)
		}
	}
	for name, want := range contract {
		got, ok := c.labels[name]
		switch {
		case !ok && slices.Contains(fromMain, name):
			// Labels of cmd/server's own metrics are checked by its main_test.
		case !ok:
			t.Errorf("contract metric %s is not exposed by the code", name)
		case strings.HasPrefix(name, "pressroom_") && !sameSet(got, want):
			t.Errorf("%s: the code's labels are %v, the contract says %v", name, got, want)
		}
	}
	for name := range c.labels {
		if _, ok := contract[name]; strings.HasPrefix(name, "pressroom_") && !ok {
			t.Errorf("the code exposes %s, which the contract (and so the dashboard) lacks", name)
		}
	}
	for _, name := range fromMain {
		if _, ok := contract[name]; !ok {
			t.Errorf("cmd/server registers %s, which the contract (and so the dashboard) lacks", name)
		}
	}
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// codeLabelValues returns the bounded label values the code produces: the
// ones it initialises at zero (outcome, input, field, found), and the route
// patterns of its router together with the routes its metrics report for
// requests that never reach a handler.
func codeLabelValues(t *testing.T) map[string][]string {
	t.Helper()
	c := readCode(t)
	values := map[string]map[string]bool{}
	add := func(label, v string) {
		if values[label] == nil {
			values[label] = map[string]bool{}
		}
		values[label][v] = true
	}

	err := chi.Walk(c.api.Router(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		add("route", route)
		// A wrong credential is refused before the store is asked, so no
		// database is needed; the metrics then say which route it was.
		req := httptest.NewRequest(method, strings.ReplaceAll(route, "{id}", "0190f5a4-9a7e-7cc5-b1f2-8d3c4e5f6a7b"), nil)
		req.Header.Set("Authorization", "Basic bm8=")
		c.api.ServeHTTP(httptest.NewRecorder(), req)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c.api.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/no/such/route", nil))

	families, err := c.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		switch f.GetName() {
		case "pressroom_ingest_total", "pressroom_extract_field_found_total", "pressroom_http_requests_total":
		default:
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() != "method" && l.GetName() != "code" {
					add(l.GetName(), l.GetValue())
				}
			}
		}
	}
	out := map[string][]string{}
	for label, vs := range values {
		out[label] = slices.Sorted(maps.Keys(vs))
	}
	return out
}

func TestCodeLabelValues(t *testing.T) {
	got := codeLabelValues(t)
	// Values the alerts and dashboard rely on; the full sets come from the
	// code, so these only show that reading them worked.
	for label, want := range map[string][]string{
		"outcome": {"created", "duplicate"},
		"input":   {"text", "html"},
		"field":   {"title", "authors", "published", "location", "language", "site"},
		"found":   {"true", "false"},
		"route":   {"/v1/articles", "/v1/articles/batch", "/v1/articles/{id}", "unmatched"},
	} {
		for _, v := range want {
			if !slices.Contains(got[label], v) {
				t.Errorf("label %s: the code has %v, no %q", label, got[label], v)
			}
		}
	}
}
