package api

import (
	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the API's Prometheus metrics. Their names are a contract with
// the dashboard and the alert rules in deploy/. The ingest metrics are
// internal/ingest's.
type metrics struct {
	requests    *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	requestSize *prometheus.HistogramVec
	inFlight    prometheus.Gauge
	rateLimited prometheus.Counter
}

var latencyBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pressroom_http_requests_total",
			Help: "HTTP requests served, by method, chi route pattern and status code.",
		}, []string{"method", "route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:                            "pressroom_http_request_duration_seconds",
			Help:                            "Time to serve an HTTP request, by method and chi route pattern.",
			Buckets:                         latencyBuckets,
			NativeHistogramBucketFactor:     1.1,
			NativeHistogramMaxBucketNumber:  100,
			NativeHistogramMinResetDuration: 3600e9,
		}, []string{"method", "route"}),
		requestSize: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pressroom_http_request_size_bytes",
			Help:    "Size of request bodies as received (before decompression), by chi route pattern.",
			Buckets: prometheus.ExponentialBuckets(256, 4, 10), // 256 B … 64 MiB
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "pressroom_http_requests_in_flight",
			Help: "HTTP requests being served now.",
		}),
	}
	m.rateLimited = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "pressroom_rate_limited_total",
		Help: "Requests refused with 429 because a client's token bucket was empty.",
	})
	reg.MustRegister(m.rateLimited, m.requests, m.duration, m.requestSize, m.inFlight)
	return m
}
