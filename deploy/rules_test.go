package deploy

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// promtool returns the path of promtool, failing (never skipping) when it is
// missing: these files are only as good as the checks that run on them.
func promtool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("promtool")
	if err != nil {
		t.Fatalf("promtool not found (%v): install it with `apt-get install -y prometheus` "+
			"(Debian's package ships promtool 2.42; .ci/run installs it)", err)
	}
	return p
}

func runPromtool(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(promtool(t), args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestPromtool_CheckRules(t *testing.T) {
	runPromtool(t, "check", "rules", AlertsFile)
}

func TestPromtool_TestRules(t *testing.T) {
	runPromtool(t, "test", "rules", "prometheus/alerts_test.yml")
}

// The compose Prometheus configuration must load, with its rule files.
func TestPromtool_CheckConfig(t *testing.T) {
	runPromtool(t, "check", "config", "prometheus/prometheus.yml")
}

// grafanaVars stand in for Grafana's variables so that promtool can parse
// the dashboard's PromQL.
var grafanaVars = strings.NewReplacer(
	"$__rate_interval", "5m",
	"$__range", "6h",
	"$__interval", "1m",
)

// TestDashboard_PromQLParses hands every dashboard expression to promtool as
// a recording rule: a typo in a panel fails here, not on an operator's screen.
func TestDashboard_PromQLParses(t *testing.T) {
	exprs, err := dashboardExprs()
	if err != nil {
		t.Fatal(err)
	}
	type recording struct {
		Record string `yaml:"record"`
		Expr   string `yaml:"expr"`
	}
	var rules []recording
	for i, e := range exprs {
		if strings.HasPrefix(e.where, "variable ") {
			continue // label_values() is Grafana's, not PromQL
		}
		q := grafanaVars.Replace(e.expr)
		if strings.Contains(q, "$__") {
			t.Errorf("%s: unknown Grafana global variable in %q", e.where, e.expr)
		}
		rules = append(rules, recording{Record: fmt.Sprintf("dashboard:expr_%d", i), Expr: q})
	}
	if len(rules) == 0 {
		t.Fatal("the dashboard has no PromQL")
	}
	b, err := yaml.Marshal(map[string]any{"groups": []any{map[string]any{"name": "dashboard", "rules": rules}}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dashboard_rules.yml")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	runPromtool(t, "check", "rules", path)
}

type ruleFile struct {
	Groups []ruleGroup `yaml:"groups"`
}

type ruleGroup struct {
	Name  string `yaml:"name"`
	Rules []rule `yaml:"rules"`
}

type rule struct {
	Alert       string            `yaml:"alert"`
	Record      string            `yaml:"record"`
	Expr        string            `yaml:"expr"`
	For         string            `yaml:"for"`
	Labels      map[string]string `yaml:"labels"`
	Annotations map[string]string `yaml:"annotations"`
}

// alertNames returns the names of the alerting rules of f, in order.
func (f ruleFile) alertNames() []string {
	var names []string
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert != "" {
				names = append(names, r.Alert)
			}
		}
	}
	return names
}

func TestAlerts_SeverityAndSummary(t *testing.T) {
	var f ruleFile
	readYAML(t, AlertsFile, &f)
	alerts := 0
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" {
				continue
			}
			alerts++
			if s := r.Labels["severity"]; s != "page" && s != "ticket" {
				t.Errorf("alert %s: severity %q, want page or ticket", r.Alert, s)
			}
			for _, a := range []string{"summary", "description"} {
				if strings.TrimSpace(r.Annotations[a]) == "" {
					t.Errorf("alert %s: no %s annotation", r.Alert, a)
				}
			}
			if !strings.HasPrefix(r.Alert, "Pressroom") {
				t.Errorf("alert %s: name should start with Pressroom", r.Alert)
			}
		}
	}
	// The alerts the brief asks for, by name.
	for _, want := range []string{
		"PressroomErrorBudgetBurnFast", "PressroomErrorBudgetBurnSlow", "PressroomIngestionStalled",
		"PressroomLatencyP99High", "PressroomDBPoolExhausted", "PressroomNotReady",
		"PressroomTargetDown", "PressroomNoReadyReplica", "PressroomFieldCoverageDrop",
	} {
		if !slices.Contains(f.alertNames(), want) {
			t.Errorf("alert %s is missing", want)
		}
	}
	if alerts == 0 {
		t.Fatal("no alerts")
	}
}

// Every alert must be shown both firing and silent by alerts_test.yml;
// promtool alone would accept a file that tests only some of them.
func TestAlerts_EachTestedBothWays(t *testing.T) {
	var f ruleFile
	readYAML(t, AlertsFile, &f)
	var tests struct {
		RuleFiles []string `yaml:"rule_files"`
		Tests     []struct {
			AlertRuleTest []struct {
				Alertname string           `yaml:"alertname"`
				ExpAlerts []map[string]any `yaml:"exp_alerts"`
			} `yaml:"alert_rule_test"`
		} `yaml:"tests"`
	}
	readYAML(t, "prometheus/alerts_test.yml", &tests)
	if !slices.Equal(tests.RuleFiles, []string{"alerts.yml"}) {
		t.Errorf("alerts_test.yml rule_files = %v, want [alerts.yml]", tests.RuleFiles)
	}
	fires, silent := map[string]bool{}, map[string]bool{}
	for _, tc := range tests.Tests {
		for _, a := range tc.AlertRuleTest {
			if len(a.ExpAlerts) > 0 {
				fires[a.Alertname] = true
			} else {
				silent[a.Alertname] = true
			}
		}
	}
	for _, name := range f.alertNames() {
		if !fires[name] {
			t.Errorf("alert %s: no test case where it fires", name)
		}
		if !silent[name] {
			t.Errorf("alert %s: no test case where it stays silent", name)
		}
	}
}

// The synthetic series of alerts_test.yml must carry label values the code
// produces (a route it has, an outcome it counts); a test fed series the
// server never exposes proves nothing about the alert.
func TestAlertsTest_SeriesLabelValues(t *testing.T) {
	var tests struct {
		Tests []struct {
			Name        string `yaml:"name"`
			InputSeries []struct {
				Series string `yaml:"series"`
			} `yaml:"input_series"`
		} `yaml:"tests"`
	}
	readYAML(t, "prometheus/alerts_test.yml", &tests)
	values := codeLabelValues(t)
	n := 0
	for _, tc := range tests.Tests {
		for _, in := range tc.InputSeries {
			for _, m := range matchers(in.Series) {
				n++
				if vs, ok := values[m.label]; ok && !slices.Contains(vs, m.value) {
					t.Errorf("test %q: series %s: %s=%q is not one of the code's %v", tc.Name, in.Series, m.label, m.value, vs)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("read no labels from alerts_test.yml")
	}
}

// prometheusRuleHeader precedes the groups of alerts.yml in the generated
// PrometheusRule.
const prometheusRuleHeader = `# Generated from deploy/prometheus/alerts.yml by
#   go test ./deploy -run TestPrometheusRuleMatchesAlerts -update
# Do not edit: edit alerts.yml (and alerts_test.yml) instead.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: pressroom
  labels:
    # Prometheus Operator installations select rules by label (the
    # ruleSelector of the Prometheus resource); an overlay can match yours.
    role: alert-rules
spec:
`

// renderPrometheusRule wraps the groups of alerts.yml, comments included,
// into a PrometheusRule.
func renderPrometheusRule(alerts []byte) ([]byte, error) {
	loc := regexp.MustCompile(`(?m)^groups:`).FindIndex(alerts)
	if loc == nil {
		return nil, fmt.Errorf("%s: no top-level groups:", AlertsFile)
	}
	var out bytes.Buffer
	out.WriteString(prometheusRuleHeader)
	for _, line := range strings.SplitAfter(string(alerts[loc[0]:]), "\n") {
		if strings.TrimSpace(line) != "" {
			out.WriteString("  ")
		}
		out.WriteString(line)
	}
	return out.Bytes(), nil
}

func TestPrometheusRuleMatchesAlerts(t *testing.T) {
	alerts, err := os.ReadFile(AlertsFile)
	if err != nil {
		t.Fatal(err)
	}
	want, err := renderPrometheusRule(alerts)
	if err != nil {
		t.Fatal(err)
	}
	const path = "k8s/prometheusrule.yaml"
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale: run `go test ./deploy -run TestPrometheusRuleMatchesAlerts -update`", path)
	}
	// The rules must also survive the trip through YAML unchanged.
	var rule struct {
		Spec ruleFile `yaml:"spec"`
	}
	readYAML(t, path, &rule)
	var direct ruleFile
	readYAML(t, AlertsFile, &direct)
	if len(rule.Spec.Groups) != len(direct.Groups) || len(direct.Groups) == 0 {
		t.Fatalf("%s has %d groups, alerts.yml %d", path, len(rule.Spec.Groups), len(direct.Groups))
	}
	for i := range direct.Groups {
		g, w := rule.Spec.Groups[i], direct.Groups[i]
		if g.Name != w.Name || len(g.Rules) != len(w.Rules) {
			t.Fatalf("group %d: %s/%d rules, want %s/%d", i, g.Name, len(g.Rules), w.Name, len(w.Rules))
		}
		for j := range w.Rules {
			if g.Rules[j].Expr != w.Rules[j].Expr || g.Rules[j].Alert != w.Rules[j].Alert {
				t.Errorf("group %s rule %d differs after embedding", w.Name, j)
			}
		}
	}
}
