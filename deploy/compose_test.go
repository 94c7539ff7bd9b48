package deploy

import (
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Ports and paths of the server (TestServerSettings holds the ports to
// cmd/server/config.go); manifests must agree.
const (
	apiPort     = "8080"
	metricsPort = "9090"
	healthzPath = "/healthz"
	readyzPath  = "/readyz"
)

type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

type composeService struct {
	Image string `yaml:"image"`
	Build struct {
		Context    string `yaml:"context"`
		Dockerfile string `yaml:"dockerfile"`
	} `yaml:"build"`
	Environment     map[string]string `yaml:"environment"`
	Ports           []string          `yaml:"ports"`
	Expose          []string          `yaml:"expose"`
	Volumes         []string          `yaml:"volumes"`
	DependsOn       any               `yaml:"depends_on"` // a list, or a map with conditions
	Healthcheck     map[string]any    `yaml:"healthcheck"`
	StopGracePeriod string            `yaml:"stop_grace_period"`
	Command         []string          `yaml:"command"`
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	var c composeFile
	readYAML(t, "compose.yaml", &c)
	return c
}

func TestCompose_Services(t *testing.T) {
	c := readCompose(t)
	var names []string
	for n := range c.Services {
		names = append(names, n)
	}
	slices.Sort(names)
	if want := []string{"db", "grafana", "pressroom", "prometheus"}; !slices.Equal(names, want) {
		t.Fatalf("compose services = %v, want %v", names, want)
	}
}

func TestCompose_DB(t *testing.T) {
	db := readCompose(t).Services["db"]
	if db.Image != "postgres:15" {
		t.Errorf("db image = %q, want postgres:15", db.Image)
	}
	test := strings.Join(anyStrings(db.Healthcheck["test"]), " ")
	if !strings.Contains(test, "pg_isready") {
		t.Errorf("db healthcheck %q does not run pg_isready", test)
	}
	if !slices.ContainsFunc(db.Volumes, func(v string) bool { return strings.HasSuffix(v, ":/var/lib/postgresql/data") }) {
		t.Errorf("db has no volume on /var/lib/postgresql/data: %v", db.Volumes)
	}
}

func TestCompose_Pressroom(t *testing.T) {
	c := readCompose(t)
	p := c.Services["pressroom"]

	if p.Build.Context != ".." {
		t.Errorf("build context = %q, want .. (the repository root)", p.Build.Context)
	}
	mustExist(t, "pressroom build Dockerfile", filepath.Join(p.Build.Context, p.Build.Dockerfile))

	u, err := url.Parse(p.Environment["DATABASE_URL"])
	if err != nil || u.Hostname() != "db" {
		t.Errorf("DATABASE_URL %q does not point at the db service", p.Environment["DATABASE_URL"])
	}
	if got := p.Environment["PRESSROOM_REQUIRE_DATABASE_URL"]; got != "true" {
		t.Errorf("PRESSROOM_REQUIRE_DATABASE_URL = %q, want true", got)
	}
	checkAddr(t, "PRESSROOM_HTTP_ADDR", p.Environment["PRESSROOM_HTTP_ADDR"], apiPort)
	checkAddr(t, "PRESSROOM_METRICS_ADDR", p.Environment["PRESSROOM_METRICS_ADDR"], metricsPort)

	deps, _ := p.DependsOn.(map[string]any)
	dep, _ := deps["db"].(map[string]any)
	if dep["condition"] != "service_healthy" {
		t.Errorf("pressroom depends_on = %v, want db with condition service_healthy", p.DependsOn)
	}
	for name, s := range c.Services {
		for _, d := range dependencies(s.DependsOn) {
			if _, ok := c.Services[d]; !ok {
				t.Errorf("%s depends on unknown service %q", name, d)
			}
		}
	}

	var published []string
	for _, port := range p.Ports {
		published = append(published, containerPort(port))
	}
	if !slices.Contains(published, apiPort) {
		t.Errorf("pressroom ports %v do not publish the API port %s", p.Ports, apiPort)
	}
	if slices.Contains(published, metricsPort) {
		t.Errorf("pressroom publishes the metrics port %s; it must stay inside the compose network", metricsPort)
	}
	for _, port := range p.Ports {
		if !strings.HasPrefix(port, "127.0.0.1:") {
			t.Errorf("pressroom port %q is published on every host interface while the server runs without API keys", port)
		}
	}

	hc := strings.Join(anyStrings(p.Healthcheck["test"]), " ")
	if !strings.Contains(hc, "/pressroom healthcheck") || !strings.Contains(hc, ":"+metricsPort+healthzPath) {
		t.Errorf("pressroom healthcheck %q should run `/pressroom healthcheck` against %s on port %s", hc, healthzPath, metricsPort)
	}

	drain := settingDuration(t, p.Environment, "PRESSROOM_DRAIN_DELAY")
	timeout := settingDuration(t, p.Environment, "PRESSROOM_SHUTDOWN_TIMEOUT")
	grace, err := time.ParseDuration(p.StopGracePeriod)
	if err != nil {
		t.Fatalf("stop_grace_period: %v", err)
	}
	if grace <= drain+timeout {
		t.Errorf("stop_grace_period %v must exceed PRESSROOM_DRAIN_DELAY %v plus PRESSROOM_SHUTDOWN_TIMEOUT %v", grace, drain, timeout)
	}
}

// TestCompose_Mounts checks that every file or folder compose bind-mounts
// exists, and that Prometheus and Grafana find their files where the
// configurations they are given say.
func TestCompose_Mounts(t *testing.T) {
	c := readCompose(t)
	targets := map[string]string{} // container path → host path
	for name, s := range c.Services {
		for _, v := range s.Volumes {
			parts := strings.Split(v, ":")
			if len(parts) < 2 {
				t.Errorf("%s: volume %q has no target", name, v)
				continue
			}
			src, dst := parts[0], parts[1]
			if !strings.HasPrefix(src, ".") && !strings.HasPrefix(src, "/") {
				if _, ok := c.Volumes[src]; !ok {
					t.Errorf("%s: named volume %q is not declared", name, src)
				}
				continue
			}
			mustExist(t, name+" mount "+v, src)
			targets[dst] = src
		}
	}

	prom := c.Services["prometheus"]
	cfg := ""
	for _, arg := range prom.Command {
		if v, ok := strings.CutPrefix(arg, "--config.file="); ok {
			cfg = v
		}
	}
	if targets[cfg] != "./prometheus/prometheus.yml" {
		t.Errorf("prometheus --config.file=%q is not the mounted deploy/prometheus/prometheus.yml", cfg)
	}
	var pc struct {
		RuleFiles     []string `yaml:"rule_files"`
		ScrapeConfigs []struct {
			JobName       string `yaml:"job_name"`
			MetricsPath   string `yaml:"metrics_path"`
			StaticConfigs []struct {
				Targets []string `yaml:"targets"`
			} `yaml:"static_configs"`
		} `yaml:"scrape_configs"`
	}
	readYAML(t, "prometheus/prometheus.yml", &pc)
	for _, rf := range pc.RuleFiles {
		if _, ok := targets[filepath.Join(filepath.Dir(cfg), rf)]; !ok {
			t.Errorf("prometheus rule file %q is not mounted next to %s", rf, cfg)
		}
	}
	scraped := false
	for _, sc := range pc.ScrapeConfigs {
		if sc.JobName != "pressroom" {
			continue
		}
		for _, st := range sc.StaticConfigs {
			if slices.Contains(st.Targets, "pressroom:"+metricsPort) {
				scraped = true
			}
		}
		if sc.MetricsPath != "" && sc.MetricsPath != "/metrics" {
			t.Errorf("pressroom metrics_path = %q", sc.MetricsPath)
		}
	}
	if !scraped {
		t.Errorf("prometheus.yml has no job \"pressroom\" scraping pressroom:%s", metricsPort)
	}

	var ds struct {
		Datasources []struct {
			Type string `yaml:"type"`
			URL  string `yaml:"url"`
		} `yaml:"datasources"`
	}
	readYAML(t, "grafana/provisioning/datasources/prometheus.yml", &ds)
	if len(ds.Datasources) != 1 || ds.Datasources[0].Type != "prometheus" ||
		ds.Datasources[0].URL != "http://prometheus:9090" {
		t.Errorf("grafana datasources = %+v, want one prometheus at http://prometheus:9090", ds.Datasources)
	}
	var dp struct {
		Providers []struct {
			Type    string `yaml:"type"`
			Options struct {
				Path string `yaml:"path"`
			} `yaml:"options"`
		} `yaml:"providers"`
	}
	readYAML(t, "grafana/provisioning/dashboards/pressroom.yml", &dp)
	if len(dp.Providers) != 1 || dp.Providers[0].Type != "file" {
		t.Fatalf("grafana dashboard providers = %+v, want one file provider", dp.Providers)
	}
	dash := filepath.Join(dp.Providers[0].Options.Path, "pressroom.json")
	if targets[dash] != "./"+DashboardFile {
		t.Errorf("grafana provider reads %s, but %s is mounted elsewhere (%v)", dash, DashboardFile, targets)
	}
	for _, dir := range []string{"/etc/grafana/provisioning/datasources", "/etc/grafana/provisioning/dashboards"} {
		if _, ok := targets[dir]; !ok {
			t.Errorf("grafana: nothing mounted on %s", dir)
		}
	}
}

// containerPort returns the container side of a compose short port syntax:
// "8080", "8080:8080", "127.0.0.1:8080:8080", "8080/tcp".
func containerPort(spec string) string {
	p := spec[strings.LastIndex(spec, ":")+1:]
	p, _, _ = strings.Cut(p, "/")
	return p
}

func checkAddr(t *testing.T, name, addr, port string) {
	t.Helper()
	if addr != "0.0.0.0:"+port {
		t.Errorf("%s = %q, want 0.0.0.0:%s in a container", name, addr, port)
	}
}

// dependencies returns the service names of a depends_on in either syntax.
func dependencies(v any) []string {
	if m, ok := v.(map[string]any); ok {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	return anyStrings(v)
}

func anyStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func TestContainerPort(t *testing.T) {
	for in, want := range map[string]string{
		"8080": "8080", "9090:8080": "8080", "127.0.0.1:8081:8080": "8080", "8080/tcp": "8080",
	} {
		if got := containerPort(in); got != want {
			t.Errorf("containerPort(%q) = %q, want %q", in, got, want)
		}
	}
}
