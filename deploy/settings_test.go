package deploy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// devOnlySettings are server settings that have no place in a container:
// the data folder of the private development PostgreSQL.
var devOnlySettings = []string{"PRESSROOM_DATA_DIR"}

// computedDefaults resolves the defaults config.go writes as
// strconv.Itoa(api.X) rather than as a literal.
var computedDefaults = map[string]int{
	"api.DefaultMaxDumpBytes":    api.DefaultMaxDumpBytes,
	"api.DefaultBatchMaxItems":   api.DefaultBatchMaxItems,
	"api.DefaultBatchMaxBytes":   api.DefaultBatchMaxBytes,
	"api.DefaultBodyBudgetBytes": api.DefaultBodyBudgetBytes,
	"api.DefaultExpensiveReads":  api.DefaultExpensiveReads,
}

// serverSettings returns name → default of every environment variable the
// server reads, from the envVars table of cmd/server/config.go (its
// loadConfig reads nothing else). That table is in package main, which no
// test can import, so the source is parsed.
func serverSettings(t *testing.T) map[string]string {
	t.Helper()
	path := filepath.Join(repoRoot(t), "cmd", "server", "config.go")
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var table *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if ok && len(vs.Names) == 1 && vs.Names[0].Name == "envVars" && len(vs.Values) == 1 {
			table, _ = vs.Values[0].(*ast.CompositeLit)
		}
		return table == nil
	})
	if table == nil {
		t.Fatalf("%s: no `var envVars = []envVar{…}` table", path)
	}
	settings := map[string]string{}
	for _, e := range table.Elts {
		row, ok := e.(*ast.CompositeLit)
		if !ok || len(row.Elts) < 2 {
			t.Fatalf("%s: envVars row %T is not {name, default, help}", path, e)
		}
		name, err := stringLit(row.Elts[0])
		if err != nil {
			t.Fatalf("%s: envVars name: %v", path, err)
		}
		def, err := stringLit(row.Elts[1])
		if err != nil {
			t.Fatalf("%s: default of %s: %v", path, name, err)
		}
		settings[name] = def
	}
	return settings
}

// stringLit evaluates a string literal, or strconv.Itoa of a constant in
// computedDefaults.
func stringLit(e ast.Expr) (string, error) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return strconv.Unquote(e.Value)
		}
	case *ast.CallExpr:
		if fn, ok := e.Fun.(*ast.SelectorExpr); ok && len(e.Args) == 1 {
			if pkg, ok := fn.X.(*ast.Ident); ok && pkg.Name == "strconv" && fn.Sel.Name == "Itoa" {
				if arg, ok := e.Args[0].(*ast.SelectorExpr); ok {
					if x, ok := arg.X.(*ast.Ident); ok {
						if v, ok := computedDefaults[x.Name+"."+arg.Sel.Name]; ok {
							return strconv.Itoa(v), nil
						}
					}
				}
			}
		}
	}
	return "", errUnreadable
}

var errUnreadable = stringError("neither a string literal nor strconv.Itoa of a constant listed in computedDefaults")

type stringError string

func (e stringError) Error() string { return string(e) }

// settingDuration is the duration setting key as env gives it, or the
// server's default when env leaves it out.
func settingDuration(t *testing.T, env map[string]string, key string) time.Duration {
	t.Helper()
	v, ok := env[key]
	if !ok {
		def, known := serverSettings(t)[key]
		if !known {
			t.Fatalf("%s is not a server setting", key)
		}
		v = def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	return d
}

func TestServerSettings(t *testing.T) {
	s := serverSettings(t)
	for name, want := range map[string]string{
		"DATABASE_URL":               "",
		"PRESSROOM_HTTP_ADDR":        "127.0.0.1:" + apiPort,
		"PRESSROOM_METRICS_ADDR":     "127.0.0.1:" + metricsPort,
		"PRESSROOM_SHUTDOWN_TIMEOUT": "20s",
		"PRESSROOM_MAX_DUMP_BYTES":   strconv.Itoa(api.DefaultMaxDumpBytes),
	} {
		got, ok := s[name]
		if !ok {
			t.Errorf("setting %s not found in cmd/server/config.go (read %d settings)", name, len(s))
		} else if got != want {
			t.Errorf("default of %s = %q, want %q: the manifests' ports and timeouts follow it", name, got, want)
		}
	}
}

// settingName matches an environment variable of the server in prose or
// configuration.
var settingName = regexp.MustCompile(`\bPRESSROOM_[A-Z0-9_]*[A-Z0-9]\b`)

// Every setting a deploy file or the deploy README names must be one the
// server reads: a renamed or removed setting otherwise lingers as a no-op
// that operators believe in.
func TestSettings_NamesKnown(t *testing.T) {
	settings := serverSettings(t)
	files := []string{filepath.Join(repoRoot(t), "Dockerfile"), "README.md", "compose.yaml", DashboardFile, AlertsFile}
	for _, pattern := range []string{"k8s/*", "k8s/*/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.IsDir() {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Compact(slices.Sorted(slices.Values(settingName.FindAllString(string(b), -1)))) {
			if _, ok := settings[name]; !ok {
				t.Errorf("%s names %s, which the server does not read (cmd/server/config.go)", f, name)
			}
		}
	}
}

// The ConfigMap states every setting, so what a pod runs with is read in
// one file rather than pieced together from the server's defaults.
func TestSettings_K8sEnvComplete(t *testing.T) {
	env := readManifests(t).env
	for name := range serverSettings(t) {
		if !strings.HasPrefix(name, "PRESSROOM_") || slices.Contains(devOnlySettings, name) {
			continue
		}
		if _, ok := env[name]; !ok {
			t.Errorf("k8s/pressroom.env lacks %s", name)
		}
	}
	for _, name := range devOnlySettings {
		if _, ok := env[name]; ok {
			t.Errorf("k8s/pressroom.env sets %s, a development-only setting", name)
		}
	}
	if _, ok := env["DATABASE_URL"]; ok {
		t.Error("k8s/pressroom.env sets DATABASE_URL; it holds a password and comes from the Secret")
	}
}

// Values must have the shape of the setting's default (a duration where
// the default is one, and so on), or the server refuses to start.
func TestSettings_ValuesParse(t *testing.T) {
	settings := serverSettings(t)
	sources := map[string]map[string]string{
		"k8s/pressroom.env":   readManifests(t).env,
		"compose.yaml":        readCompose(t).Services["pressroom"].Environment,
		"Dockerfile":          dockerfileEnv(t),
		"k8s/first-key (Job)": jobEnv(t, readKustomization(t, firstKeyDir)),
		"k8s (migration Job)": jobEnv(t, readManifests(t)),
	}
	for src, env := range sources {
		if len(env) == 0 {
			t.Errorf("%s: no settings found", src)
		}
		for name, v := range env {
			def, ok := settings[name]
			if !ok {
				continue // TestSettings_NamesKnown reports it
			}
			if err := sameShape(def, v); err != nil {
				t.Errorf("%s: %s=%q: %v", src, name, v, err)
			}
		}
	}
}

// sameShape reports whether v is the same kind of value as def: a boolean,
// a duration, a number or a host:port.
func sameShape(def, v string) error {
	if _, err := strconv.ParseBool(def); err == nil {
		_, err := strconv.ParseBool(v)
		return err
	}
	if _, err := time.ParseDuration(def); err == nil && def != "0" {
		_, err := time.ParseDuration(v)
		return err
	}
	if _, err := strconv.ParseFloat(def, 64); err == nil {
		_, err := strconv.ParseFloat(v, 64)
		return err
	}
	if _, _, err := net.SplitHostPort(def); err == nil {
		_, _, err := net.SplitHostPort(v)
		return err
	}
	return nil
}

func TestSameShape(t *testing.T) {
	tests := []struct {
		def, v string
		ok     bool
	}{
		{"false", "true", true},
		{"false", "yes", false},
		{"20s", "1m30s", true},
		{"0s", "5s", true},
		{"0s", "5", false},
		{"24h", "", false},
		{"200", "0.5", true},
		{"200", "lots", false},
		{"127.0.0.1:8080", "0.0.0.0:8080", true},
		{"127.0.0.1:8080", "8080", false},
		{"info", "debug", true},
	}
	for _, tt := range tests {
		if err := sameShape(tt.def, tt.v); (err == nil) != tt.ok {
			t.Errorf("sameShape(%q, %q) = %v, want ok=%v", tt.def, tt.v, err, tt.ok)
		}
	}
}

// dockerfileEnv returns the ENV settings of the Dockerfile's final stage.
func dockerfileEnv(t *testing.T) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, in := range readDockerfile(t) {
		if in.cmd == "FROM" {
			clear(env)
		}
		if in.cmd != "ENV" {
			continue
		}
		for _, kv := range strings.Fields(in.args) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("Dockerfile: ENV %q: use the KEY=VALUE form", in.args)
			}
			env[k] = v
		}
	}
	return env
}

// jobEnv returns the literal environment of the only Job in m.
func jobEnv(t *testing.T, m manifests) map[string]string {
	t.Helper()
	var j struct {
		Template podTemplate `yaml:"template"`
	}
	m.one(t, "Job", &j)
	env := map[string]string{}
	for _, c := range j.Template.Spec.Containers {
		for _, e := range c.Env {
			if e.ValueFrom == nil {
				env[e.Name] = e.Value
			}
		}
	}
	return env
}
