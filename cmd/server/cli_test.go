package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
)

// TestRun_Help: -h and --help print the usage and exit 0 without starting
// the server. The environment is broken on purpose: had serve started, run
// would fail on it.
func TestRun_Help(t *testing.T) {
	broken := func(k string) string { return map[string]string{"PRESSROOM_MAX_DUMP_BYTES": "lots"}[k] }
	for _, args := range [][]string{{"-h"}, {"--help"}, {"-help"}, {"help"}, {"serve", "-h"}, {"migrate", "--help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out bytes.Buffer
			if err := run(t.Context(), args, broken, nil, &out, io.Discard); err != nil {
				t.Fatalf("run(%q) = %v, want nil", args, err)
			}
			for _, want := range []string{"Usage: pressroom", "migrate", "PRESSROOM_DB_TIMEOUT=10s"} {
				if !strings.Contains(out.String(), want) {
					t.Fatalf("usage lacks %q:\n%s", want, out.String())
				}
			}
		})
	}
}

// TestRun_ServeRefusesUnknownFlags: a flag serve does not know fails
// instead of starting a server the caller did not ask for.
func TestRun_ServeRefusesUnknownFlags(t *testing.T) {
	for _, args := range [][]string{{"--port=8080"}, {"serve", "-v"}} {
		err := run(t.Context(), args, func(string) string { return "" }, nil, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "pressroom -h") {
			t.Fatalf("run(%q) = %v, want an error pointing at -h", args, err)
		}
	}
}

// TestConfig_LogsReadableDurations: the start-up log shows "10s", not
// 10000000000, under the JSON handler the server uses.
func TestConfig_LogsReadableDurations(t *testing.T) {
	c, err := loadConfig(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("config", "config", c)
	var line struct {
		Config map[string]any `json:"config"`
	}
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"db_timeout": "10s", "shutdown_timeout": "20s", "drain_delay": "0s", "idempotency_ttl": "24h0m0s"} {
		if got := line.Config[k]; got != want {
			t.Errorf("%s = %v, want %q", k, got, want)
		}
	}
}
