package store_test

import (
	"context"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestStore_Collector(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	c := s.Collector()

	problems, err := testutil.CollectAndLint(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("lint %s: %s", p.Metric, p.Text)
	}

	reg := prometheus.NewPedanticRegistry()
	if err := reg.Register(c); err != nil {
		t.Fatal(err)
	}
	got := gather(t, reg)
	// The names are a contract with the dashboard.
	for _, name := range []string{
		"pressroom_db_pool_acquired_conns", "pressroom_db_pool_idle_conns",
		"pressroom_db_pool_total_conns", "pressroom_db_pool_max_conns",
		"pressroom_db_pool_acquire_total", "pressroom_db_pool_empty_acquire_total",
		"pressroom_db_pool_canceled_acquire_total", "pressroom_db_pool_acquire_wait_seconds_total",
	} {
		if _, ok := got[name]; !ok {
			t.Errorf("metric %s missing; have %v", name, got)
		}
	}
	if want := float64(pool.Config().MaxConns); got["pressroom_db_pool_max_conns"] != want {
		t.Errorf("max_conns = %v, want %v", got["pressroom_db_pool_max_conns"], want)
	}
	if got["pressroom_db_pool_acquire_total"] < 1 || got["pressroom_db_pool_total_conns"] < 1 {
		t.Errorf("after a Ping: acquire_total %v, total_conns %v; want >= 1", got["pressroom_db_pool_acquire_total"], got["pressroom_db_pool_total_conns"])
	}

	// Values are read at each scrape, not cached.
	for range 3 {
		if err := s.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	before, after := got["pressroom_db_pool_acquire_total"], gather(t, reg)["pressroom_db_pool_acquire_total"]
	if after < before+3 {
		t.Errorf("acquire_total %v after 3 more pings, was %v", after, before)
	}
}

// gather scrapes reg into name -> value (each metric has one series).
func gather(t *testing.T, reg *prometheus.Registry) map[string]float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, f := range families {
		m := f.GetMetric()[0]
		if g := m.GetGauge(); g != nil {
			got[f.GetName()] = g.GetValue()
		} else {
			got[f.GetName()] = m.GetCounter().GetValue()
		}
	}
	return got
}
