package deploy

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite generated files (k8s/prometheusrule.yaml) instead of comparing")

// contract is the metric contract the code implements (brief of issue 6):
// base name → label names. Prometheus adds job and instance to every series,
// histograms add le to _bucket series, summaries add quantile.
// TestContract_MatchesCode holds it to the code.
var contract = map[string][]string{
	"pressroom_http_requests_total":                      {"method", "route", "code"},
	"pressroom_http_request_duration_seconds":            {"method", "route"},
	"pressroom_http_request_size_bytes":                  {"route"},
	"pressroom_http_requests_in_flight":                  nil,
	"pressroom_ingest_total":                             {"outcome", "input"},
	"pressroom_extract_duration_seconds":                 {"input"},
	"pressroom_extract_field_found_total":                {"field", "found"},
	"pressroom_dump_bytes":                               {"input"},
	"pressroom_db_pool_acquired_conns":                   nil,
	"pressroom_db_pool_idle_conns":                       nil,
	"pressroom_db_pool_total_conns":                      nil,
	"pressroom_db_pool_max_conns":                        nil,
	"pressroom_db_pool_acquire_total":                    nil,
	"pressroom_db_pool_empty_acquire_total":              nil,
	"pressroom_db_pool_canceled_acquire_total":           nil,
	"pressroom_db_pool_acquire_wait_seconds_total":       nil,
	"pressroom_db_pool_empty_acquire_wait_seconds_total": nil,
	"pressroom_rate_limited_total":                       nil,
	"pressroom_search_pending":                           nil,
	"pressroom_search_indexed_total":                     nil,
	"pressroom_schema_version":                           nil,
	"pressroom_ready":                                    nil,
	"pressroom_build_info":                               {"version", "revision", "goversion"},

	// client_golang v1.25's Go collector (default options) and process
	// collector on Linux; only the ones worth a panel are listed.
	"go_goroutines":                 nil,
	"go_threads":                    nil,
	"go_gc_duration_seconds":        {"quantile"},
	"go_memstats_heap_alloc_bytes":  nil,
	"go_memstats_next_gc_bytes":     nil,
	"go_memstats_alloc_bytes_total": nil,
	"process_cpu_seconds_total":     nil,
	"process_resident_memory_bytes": nil,
	"process_open_fds":              nil,
	"process_max_fds":               nil,
	"process_start_time_seconds":    nil,
}

// histograms are the contract's histogram families, the only ones whose
// _bucket series may be queried.
var histograms = map[string]bool{
	"pressroom_http_request_duration_seconds": true,
	"pressroom_http_request_size_bytes":       true,
	"pressroom_extract_duration_seconds":      true,
	"pressroom_dump_bytes":                    true,
}

func TestMetricNames_OnlyContract(t *testing.T) {
	names, err := MetricNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("MetricNames found no metric at all")
	}
	for _, n := range names {
		if _, ok := contract[n]; !ok {
			t.Errorf("metric %s is used in the dashboard or alerts but is not in the contract", n)
		}
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("MetricNames is not sorted and distinct: %v", names)
	}
}

// Every pressroom_ metric the code exposes earns a place on the dashboard;
// a metric nobody looks at is dead weight.
func TestMetricNames_DashboardCoversContract(t *testing.T) {
	refs, err := MetricRefs()
	if err != nil {
		t.Fatal(err)
	}
	onDashboard := map[string]bool{}
	for _, r := range refs {
		if r.File == DashboardFile {
			onDashboard[r.Base] = true
		}
	}
	for n := range contract {
		if strings.HasPrefix(n, "pressroom_") && !onDashboard[n] {
			t.Errorf("contract metric %s has no panel on the dashboard", n)
		}
	}
}

func TestMetricRefs_LabelsAndSuffixes(t *testing.T) {
	refs, err := MetricRefs()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		allowed := append([]string{"job", "instance"}, contract[r.Base]...)
		switch r.Suffix {
		case "_bucket":
			if !histograms[r.Base] {
				t.Errorf("%s (%s): %s is not a histogram in the contract", r.Where, r.File, r.Name)
			}
			allowed = append(allowed, "le")
		case "_sum", "_count":
			if !histograms[r.Base] && r.Base != "go_gc_duration_seconds" {
				t.Errorf("%s (%s): %s is neither a histogram nor a summary", r.Where, r.File, r.Name)
			}
		}
		for _, l := range r.Labels {
			if !slices.Contains(allowed, l) {
				t.Errorf("%s (%s): %s has no label %q (contract: %v)", r.Where, r.File, r.Name, l, contract[r.Base])
			}
		}
	}
}

// Label values in matchers are checked against the values the code
// produces, so a dashboard asking for outcome="rejected" or a route the
// router does not have fails here, not silently in Grafana.
func TestMetricRefs_LabelValues(t *testing.T) {
	exprs := allExprs(t)
	labelValues := codeLabelValues(t)
	for _, e := range exprs {
		for _, m := range matchers(e.expr) {
			values, ok := labelValues[m.label]
			if !ok || strings.Contains(m.value, "$") {
				continue
			}
			var want []string
			if m.op == "=~" || m.op == "!~" {
				want = regexpAlternatives(m.value)
			} else {
				want = []string{m.value}
			}
			for _, v := range want {
				if !slices.Contains(values, v) {
					t.Errorf("%s (%s): %s%s%q: %q is not one of %v", e.where, e.file, m.label, m.op, m.value, v, values)
				}
			}
		}
	}
}

// regexpAlternatives returns the literal alternatives of a matcher's regexp
// as written in a double-quoted PromQL string: "/v1/\\*|unmatched" gives
// /v1/* and unmatched.
func regexpAlternatives(v string) []string {
	v = strings.ReplaceAll(v, `\\`, `\`) // the PromQL string escape
	var out []string
	for alt := range strings.SplitSeq(v, "|") {
		var b strings.Builder
		for i := 0; i < len(alt); i++ {
			if alt[i] == '\\' && i+1 < len(alt) {
				i++
			}
			b.WriteByte(alt[i])
		}
		out = append(out, b.String())
	}
	return out
}

func TestRegexpAlternatives(t *testing.T) {
	for in, want := range map[string][]string{
		`a|b`:                   {"a", "b"},
		`/v1/\\*|/v1/articles`:  {"/v1/*", "/v1/articles"},
		`/v1/articles/\\{id\\}`: {"/v1/articles/{id}"},
		`5..`:                   {"5.."},
	} {
		if got := regexpAlternatives(in); !slices.Equal(got, want) {
			t.Errorf("regexpAlternatives(%q) = %q, want %q", in, got, want)
		}
	}
}

func allExprs(t *testing.T) []expr {
	t.Helper()
	d, err := dashboardExprs()
	if err != nil {
		t.Fatal(err)
	}
	a, err := alertExprs()
	if err != nil {
		t.Fatal(err)
	}
	return append(d, a...)
}

// matcher is one label="value" matcher, read with a regexp-free scan that is
// good enough for the files in this directory (values without escapes).
type matcher struct{ label, op, value string }

func matchers(s string) []matcher {
	var out []matcher
	for i := 0; i < len(s); i++ {
		if s[i] != '"' || i == 0 {
			continue
		}
		end := strings.IndexByte(s[i+1:], '"')
		if end < 0 {
			break
		}
		value := s[i+1 : i+1+end]
		j := i
		op := ""
		for j > 0 && strings.ContainsRune("=!~", rune(s[j-1])) {
			op = string(s[j-1]) + op
			j--
		}
		k := j
		for k > 0 && isIdentChar(s[k-1]) {
			k--
		}
		if op != "" && k < j {
			out = append(out, matcher{s[k:j], op, value})
		}
		i += end + 1
	}
	return out
}

func TestSelectors(t *testing.T) {
	tests := []struct {
		name string
		expr string
		want []selector
	}{
		{"bare", "up", []selector{{name: "up"}}},
		{"matchers", `pressroom_ready{job=~"$job", instance="a"} == 0`,
			[]selector{{name: "pressroom_ready", labels: []string{"job", "instance"}}}},
		{"functions and grouping are not metrics",
			`histogram_quantile(0.99, sum by (le, route) (rate(pressroom_x_bucket{route!~"a|b"}[5m])))`,
			[]selector{{name: "pressroom_x_bucket", labels: []string{"route"}}}},
		{"aggregation with trailing clause", `sum(rate(a_total[5m])) without (pressroom_label)`,
			[]selector{{name: "a_total"}}},
		{"binary matching", `a / on (job) group_left (pressroom_x) b`,
			[]selector{{name: "a"}, {name: "b"}}},
		{"group_left without list", `a / ignoring (outcome) group_left sum(b)`,
			[]selector{{name: "a"}, {name: "b"}}},
		{"strings hide names", `label_replace(a, "dst", "pressroom_fake", "src", "(.*)")`,
			[]selector{{name: "a"}}},
		{"escaped quote in string", `a{l="x\"pressroom_fake"} or b`,
			[]selector{{name: "a", labels: []string{"l"}}, {name: "b"}}},
		{"grafana variables", `rate(a[$__rate_interval]) * ${factor:raw} + $b`,
			[]selector{{name: "a"}}},
		{"offset and numbers", `a offset 1d > 1e3 and b[1h:5m] > 0x1F`,
			[]selector{{name: "a"}, {name: "b"}}},
		{"comment", "a # pressroom_fake\n+ b", []selector{{name: "a"}, {name: "b"}}},
		{"recording rule names", `pressroom:http_5xx_ratio:rate5m > 0.01`,
			[]selector{{name: "pressroom:http_5xx_ratio:rate5m"}}},
		{"nameless selector", `{__name__="pressroom_x"}`, nil},
		{"label_values", `label_values(pressroom_build_info{job=~"$job"}, instance)`,
			[]selector{{name: "pressroom_build_info", labels: []string{"job"}}, {name: "instance"}}},
		{"aggregation keyword then by", `sum by (job) (a) / count without (x) (b)`,
			[]selector{{name: "a"}, {name: "b"}}},
		{"unterminated", `a{job="x`, []selector{{name: "a", labels: []string{"job"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := selectors(tt.expr)
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(selector{})); diff != "" {
				t.Errorf("selectors(%q) mismatch (-want +got):\n%s", tt.expr, diff)
			}
		})
	}
}

func TestSplitSuffix(t *testing.T) {
	tests := []struct{ in, base, suffix string }{
		{"pressroom_dump_bytes_bucket", "pressroom_dump_bytes", "_bucket"},
		{"pressroom_dump_bytes_sum", "pressroom_dump_bytes", "_sum"},
		{"go_gc_duration_seconds_count", "go_gc_duration_seconds", "_count"},
		{"pressroom_ingest_total", "pressroom_ingest_total", ""},
		{"_count", "_count", ""},
	}
	for _, tt := range tests {
		base, suffix := splitSuffix(tt.in)
		if base != tt.base || suffix != tt.suffix {
			t.Errorf("splitSuffix(%q) = %q, %q; want %q, %q", tt.in, base, suffix, tt.base, tt.suffix)
		}
	}
}

// FuzzSelectors holds the lexer to terminating without panics and to only
// returning names that occur in its input.
func FuzzSelectors(f *testing.F) {
	for _, s := range []string{
		`sum by (le) (rate(pressroom_x_bucket{a="b",c=~"$d"}[5m]))`,
		`a{`, `"`, "`", `${`, `[`, `{a=`, `a by (`, "a # c", `{"utf8.name"="x"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sel := range selectors(s) {
			if sel.name == "" || !strings.Contains(s, sel.name) {
				t.Fatalf("selectors(%q) returned name %q not in the input", s, sel.name)
			}
			for _, l := range sel.labels {
				if l == "" || !strings.Contains(s, l) {
					t.Fatalf("selectors(%q) returned label %q not in the input", s, l)
				}
			}
		}
	})
}

// readYAML decodes the YAML file at path (relative to this directory), or
// fails the test.
func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// repoRoot is the module root, one directory up.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	return root
}

// mustExist fails when path (relative to this directory) is missing.
func mustExist(t *testing.T, what, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("%s: %v", what, err)
	}
}
