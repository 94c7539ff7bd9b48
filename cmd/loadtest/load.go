package main

import (
	"context"
	"errors"
	"sync"
	"time"
)

// op performs one request and returns how many rows it stored (1 for a
// single article, the stored lines for a batch, 1 for a read).
type op func(ctx context.Context) (int, error)

// opError is a failed request, grouped in the report by kind.
type opError struct {
	kind   string // "status 503", "transport"
	detail string
}

func (e *opError) Error() string { return e.kind + ": " + e.detail }

func record(s *sample, lat time.Duration, n int, err error) {
	if err != nil {
		var oe *opError
		if errors.As(err, &oe) {
			s.fail(oe.kind, oe.detail)
		} else {
			s.fail("error", err.Error())
		}
		return
	}
	s.lat = append(s.lat, lat)
	s.items += n
}

// closedLoop runs workers that each send the next request as soon as the
// previous one is answered, for d. It measures the peak rate; the latency it
// reports is the service time at that concurrency. Requests in flight at the
// deadline finish and count, so elapsed runs slightly past d.
func closedLoop(ctx context.Context, workers int, d time.Duration, do op) (*sample, time.Duration) {
	start := time.Now()
	deadline := start.Add(d)
	samples := make([]sample, workers)
	var wg sync.WaitGroup
	for w := range samples {
		s := &samples[w]
		s.lat = make([]time.Duration, 0, 4096)
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(deadline) {
				t0 := time.Now()
				n, err := do(ctx)
				if err != nil && ctx.Err() != nil {
					return // interrupted: not the service's failure
				}
				record(s, time.Since(t0), n, err)
				if err != nil {
					// A dead server answers in microseconds; do not spin.
					time.Sleep(10 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := &sample{}
	for w := range samples {
		all.merge(&samples[w])
	}
	return all, elapsed
}

// openLoop sends requests on a fixed schedule (rate per second) for d,
// whether or not earlier ones have been answered, and counts each latency
// from the request's scheduled time, not from when it was actually sent.
// A stall in the service (or in this client) therefore shows up in the
// percentiles instead of silently lowering the request rate, which is what
// a closed loop would do (coordinated omission).
func openLoop(ctx context.Context, rate float64, d time.Duration, do op) (*sample, time.Duration) {
	n := int(rate * d.Seconds())
	if n < 1 {
		n = 1
	}
	interval := time.Duration(float64(time.Second) / rate)
	type result struct {
		lat   time.Duration
		items int
		err   error
		sent  bool
	}
	results := make([]result, n)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range results {
		at := start.Add(time.Duration(i) * interval)
		if wait := time.Until(at); wait > 0 {
			time.Sleep(wait)
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			items, err := do(ctx)
			results[i] = result{lat: time.Since(at), items: items, err: err, sent: true}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	s := &sample{lat: make([]time.Duration, 0, n)}
	for _, r := range results {
		if r.sent && !(r.err != nil && ctx.Err() != nil) {
			record(s, r.lat, r.items, r.err)
		}
	}
	return s, elapsed
}
