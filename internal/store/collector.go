package store

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// poolCollector reads pgxpool statistics and the schema version when
// Prometheus scrapes, so there is no background goroutine and the numbers
// are never stale.
type poolCollector struct {
	s *Store

	acquired, idle, total, maxConns             *prometheus.Desc
	acquires, emptyAcquires, canceled, waitSecs *prometheus.Desc
	emptyWaitSecs, schemaVersion                *prometheus.Desc
}

// Collector returns a Prometheus collector of the pool's statistics
// (pressroom_db_pool_*) and of the applied schema version
// (pressroom_schema_version). Register it once per registry.
func (s *Store) Collector() prometheus.Collector {
	d := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc("pressroom_db_pool_"+name, help, nil, nil)
	}
	return &poolCollector{
		s:             s,
		acquired:      d("acquired_conns", "Connections currently checked out of the pool."),
		idle:          d("idle_conns", "Idle connections in the pool."),
		total:         d("total_conns", "Connections in the pool: acquired, idle and being opened."),
		maxConns:      d("max_conns", "Largest number of connections the pool opens."),
		acquires:      d("acquire_total", "Successful connection acquisitions."),
		emptyAcquires: d("empty_acquire_total", "Acquisitions that had to wait because no connection was idle."),
		canceled:      d("canceled_acquire_total", "Acquisitions abandoned because their context ended."),
		waitSecs:      d("acquire_wait_seconds_total", "Time spent in successful acquisitions; divide by acquire_total for the mean."),
		emptyWaitSecs: d("empty_acquire_wait_seconds_total", "Time successful acquisitions spent waiting on an empty pool."),
		schemaVersion: prometheus.NewDesc("pressroom_schema_version", "Highest applied migration.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *poolCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.acquired, c.idle, c.total, c.maxConns,
		c.acquires, c.emptyAcquires, c.canceled, c.waitSecs, c.emptyWaitSecs, c.schemaVersion} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *poolCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.s.pool.Stat()
	gauge := func(d *prometheus.Desc, v float64) { ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v) }
	counter := func(d *prometheus.Desc, v float64) {
		ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v)
	}
	gauge(c.acquired, float64(st.AcquiredConns()))
	gauge(c.idle, float64(st.IdleConns()))
	gauge(c.total, float64(st.TotalConns()))
	gauge(c.maxConns, float64(st.MaxConns()))
	counter(c.acquires, float64(st.AcquireCount()))
	counter(c.emptyAcquires, float64(st.EmptyAcquireCount()))
	counter(c.canceled, float64(st.CanceledAcquireCount()))
	counter(c.waitSecs, st.AcquireDuration().Seconds())
	counter(c.emptyWaitSecs, st.EmptyAcquireWaitTime().Seconds())
	gauge(c.schemaVersion, c.readSchemaVersion())
}

// readSchemaVersion is -1 when the database cannot say within a second: a
// scrape must not hang on a database that is down.
func (c *poolCollector) readSchemaVersion() float64 {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	v, err := c.s.SchemaVersion(ctx)
	if err != nil {
		return -1
	}
	return float64(v)
}
