// Package deploy holds the files that operate Pressroom — the Grafana
// dashboard, the Prometheus alert rules, the compose file and the Kubernetes
// manifests — and reads back which metrics the dashboard and the alerts use,
// so that a test can hold the code to the names they depend on.
package deploy

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DashboardFile and AlertsFile are the paths, relative to this directory, of
// the files whose PromQL MetricNames reads.
const (
	DashboardFile = "grafana/pressroom.json"
	AlertsFile    = "prometheus/alerts.yml"
)

//go:embed grafana/pressroom.json prometheus/alerts.yml
var files embed.FS

// metricPrefixes are the families the contract covers. Names such as up or
// ALERTS are made by Prometheus itself, and recording rules
// (pressroom:…) by alerts.yml, so no scrape of Pressroom can be expected to
// hold them.
var metricPrefixes = []string{"pressroom_", "go_", "process_"}

// seriesSuffixes are the suffixes Prometheus' text format adds to the series
// of a histogram or summary family.
var seriesSuffixes = []string{"_bucket", "_count", "_sum"}

// A MetricRef is one use of a metric name in a PromQL expression of the
// dashboard or the alert rules.
type MetricRef struct {
	// Name is the name as written, e.g.
	// pressroom_http_request_duration_seconds_bucket.
	Name string
	// Base is Name without a _bucket, _count or _sum suffix: the family
	// name of a histogram or summary as its "# TYPE" line in the text
	// exposition format gives it. Counters keep their _total there, and so
	// here.
	Base string
	// Suffix is what was cut from Name to give Base, or "".
	Suffix string
	// Labels are the label names the selector matches on, in order of
	// appearance, e.g. [job instance route le] for {job=~"$job",…}.
	Labels []string
	// File is DashboardFile or AlertsFile.
	File string
	// Where names the panel, variable or annotation (dashboard) or the
	// alert or recording rule (alerts) holding the expression.
	Where string
}

// MetricNames returns the sorted, distinct base names (see MetricRef.Base)
// of every pressroom_, go_ and process_ metric that the dashboard's and the
// alert rules' PromQL expressions use. MetricRefs tells where each comes from
// and which suffix was cut.
func MetricNames() ([]string, error) {
	refs, err := MetricRefs()
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		names = append(names, r.Base)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// MetricRefs returns every use of a pressroom_, go_ or process_ metric in
// the dashboard's and the alert rules' PromQL expressions, in file order.
func MetricRefs() ([]MetricRef, error) {
	exprs, err := dashboardExprs()
	if err != nil {
		return nil, err
	}
	rules, err := alertExprs()
	if err != nil {
		return nil, err
	}
	var refs []MetricRef
	for _, e := range append(exprs, rules...) {
		for _, sel := range selectors(e.expr) {
			if !hasAnyPrefix(sel.name, metricPrefixes) {
				continue
			}
			base, suffix := splitSuffix(sel.name)
			refs = append(refs, MetricRef{
				Name: sel.name, Base: base, Suffix: suffix, Labels: sel.labels,
				File: e.file, Where: e.where,
			})
		}
	}
	return refs, nil
}

// expr is one PromQL expression and where it was found.
type expr struct {
	file, where, expr string
}

// dashboardExprs returns the PromQL of every panel target, annotation and
// query variable of the dashboard.
func dashboardExprs() ([]expr, error) {
	b, err := files.ReadFile(DashboardFile)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	var d struct {
		Panels      []dashPanel `json:"panels"`
		Annotations struct {
			List []struct {
				Name string `json:"name"`
				Expr string `json:"expr"`
			} `json:"list"`
		} `json:"annotations"`
		Templating struct {
			List []struct {
				Name  string          `json:"name"`
				Type  string          `json:"type"`
				Query json.RawMessage `json:"query"`
			} `json:"list"`
		} `json:"templating"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("deploy: parse %s: %w", DashboardFile, err)
	}
	var out []expr
	var walk func([]dashPanel)
	walk = func(ps []dashPanel) {
		for _, p := range ps {
			for _, t := range p.Targets {
				if t.Expr != "" {
					out = append(out, expr{DashboardFile, "panel " + p.Title, t.Expr})
				}
			}
			walk(p.Panels)
		}
	}
	walk(d.Panels)
	for _, a := range d.Annotations.List {
		if a.Expr != "" {
			out = append(out, expr{DashboardFile, "annotation " + a.Name, a.Expr})
		}
	}
	for _, v := range d.Templating.List {
		if v.Type != "query" {
			continue
		}
		q, err := variableQuery(v.Query)
		if err != nil {
			return nil, fmt.Errorf("deploy: %s: variable %s: %w", DashboardFile, v.Name, err)
		}
		out = append(out, expr{DashboardFile, "variable " + v.Name, q})
	}
	return out, nil
}

// dashPanel is the part of a Grafana panel that holds queries; rows nest
// their panels when collapsed.
type dashPanel struct {
	Title   string `json:"title"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
	Panels []dashPanel `json:"panels"`
}

// variableQuery returns the query of a Grafana query variable, which older
// dashboards store as a string and newer ones as {"query": …}.
func variableQuery(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var o struct {
		Query string `json:"query"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return "", fmt.Errorf("query is neither a string nor an object: %w", err)
	}
	return o.Query, nil
}

// alertExprs returns the expression of every alerting and recording rule.
func alertExprs() ([]expr, error) {
	b, err := files.ReadFile(AlertsFile)
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	var f struct {
		Groups []struct {
			Rules []struct {
				Alert  string `yaml:"alert"`
				Record string `yaml:"record"`
				Expr   string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("deploy: parse %s: %w", AlertsFile, err)
	}
	var out []expr
	for _, g := range f.Groups {
		for _, r := range g.Rules {
			where := "alert " + r.Alert
			if r.Record != "" {
				where = "record " + r.Record
			}
			out = append(out, expr{AlertsFile, where, r.Expr})
		}
	}
	return out, nil
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func splitSuffix(name string) (base, suffix string) {
	for _, s := range seriesSuffixes {
		if b, ok := strings.CutSuffix(name, s); ok && b != "" {
			return b, s
		}
	}
	return name, ""
}
