package main

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadConfig_Defaults(t *testing.T) {
	c, err := loadConfig(envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTPAddr != "127.0.0.1:8080" || c.MetricsAddr != "127.0.0.1:9090" || c.MaxDumpBytes != 10<<20 ||
		c.ShutdownTimeout != 20*time.Second || !c.RunMigrations || c.DatabaseURL != "" || c.DataDir != ".pgdata" ||
		c.GCPercent != defaultGCPercent || c.MemoryLimit != defaultMemoryLimit || c.MaxConns != 0 || c.ExpensiveReads != 1 ||
		c.BodyBudgetBytes != 96<<20 || len(c.TrustedProxies) != 0 || c.DebugAddr != "" {
		t.Fatalf("defaults = %+v", c)
	}
}

// GOGC is the Go runtime's: when it is set, serve leaves the GC alone.
func TestLoadConfig_GOGC(t *testing.T) {
	for _, e := range envVars {
		if e.name == "GOGC" && e.def != strconv.Itoa(defaultGCPercent) {
			t.Errorf("documented GOGC default %q, want %d", e.def, defaultGCPercent)
		}
	}
	for _, v := range []string{"100", "off", " 50 "} {
		c, err := loadConfig(envOf(map[string]string{"GOGC": v}))
		if err != nil || c.GCPercent != 0 {
			t.Errorf("GOGC=%q: GCPercent %d, err %v; want 0 (the runtime's setting stands)", v, c.GCPercent, err)
		}
	}
}

func TestLoadConfig_Invalid(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"PRESSROOM_HTTP_ADDR":         {"PRESSROOM_HTTP_ADDR": "8080"},
		"PRESSROOM_MAX_DUMP_BYTES":    {"PRESSROOM_MAX_DUMP_BYTES": "-1"},
		"PRESSROOM_LOG_LEVEL":         {"PRESSROOM_LOG_LEVEL": "loud"},
		"PRESSROOM_SHUTDOWN_TIMEOUT":  {"PRESSROOM_SHUTDOWN_TIMEOUT": "soon"},
		"PRESSROOM_RUN_MIGRATIONS":    {"PRESSROOM_RUN_MIGRATIONS": "maybe"},
		"DATABASE_URL is required":    {"PRESSROOM_REQUIRE_DATABASE_URL": "true"},
		"PRESSROOM_TRUSTED_PROXIES":   {"PRESSROOM_TRUSTED_PROXIES": "10.0.0.0/8,proxy.local"},
		"PRESSROOM_MAX_CONNS":         {"PRESSROOM_MAX_CONNS": "-1"},
		"PRESSROOM_BODY_BUDGET_BYTES": {"PRESSROOM_BODY_BUDGET_BYTES": "1000"},
		"PRESSROOM_EXPENSIVE_READS":   {"PRESSROOM_EXPENSIVE_READS": "0"},
		"PRESSROOM_SEARCH_INLINE":     {"PRESSROOM_SEARCH_INLINE": "sometimes"},
		"PRESSROOM_DEBUG_ADDR":        {"PRESSROOM_DEBUG_ADDR": "6060"},
	} {
		if _, err := loadConfig(envOf(env)); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%v: err = %v, want one naming %s", env, err, name)
		}
	}
}

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://app:s3cret@db:5432/pressroom":             "postgres://app:xxxxx@db:5432/pressroom",
		"postgres://db/pressroom?password=s3cret&sslmode=off": "postgres://db/pressroom?password=xxxxx&sslmode=off",
		"host=db user=app password=s3cret dbname=pressroom":   "host=db user=app password=xxxxx dbname=pressroom",
		"postgres:///pressroom?host=/tmp/x":                   "postgres:///pressroom?host=/tmp/x",
	} {
		if got := redactURL(in); got != want || strings.Contains(got, "s3cret") {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// GOMEMLIMIT, like GOGC, is the runtime's when set.
func TestLoadConfig_GOMEMLIMIT(t *testing.T) {
	c, err := loadConfig(envOf(map[string]string{"GOMEMLIMIT": "1GiB"}))
	if err != nil || c.MemoryLimit != 0 {
		t.Errorf("GOMEMLIMIT set: MemoryLimit %d, err %v; want 0 (the runtime's setting stands)", c.MemoryLimit, err)
	}
}
