package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Pressroom indexes articles for full-text search in the background, after
// the commit that answers the POST. The POST phases therefore carry only
// the part of that work the indexer did while they ran; the rest is left
// as a backlog, which catchUp measures working off (after the saturating
// phase, before the open-loop one).

// searchCounts are the search indexer's metrics as one scrape read them.
type searchCounts struct {
	pending, indexed float64
	ok               bool // the server exposes them (an older server does not)
}

// parseSearchCounts reads pressroom_search_pending and
// pressroom_search_indexed_total from a Prometheus text exposition.
func parseSearchCounts(r io.Reader) (searchCounts, error) {
	var c searchCounts
	var havePending, haveIndexed bool
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		var dst *float64
		switch name {
		case "pressroom_search_pending":
			dst, havePending = &c.pending, true
		case "pressroom_search_indexed_total":
			dst, haveIndexed = &c.indexed, true
		default:
			continue
		}
		v, err := strconv.ParseFloat(strings.Fields(value)[0], 64)
		if err != nil {
			return c, fmt.Errorf("metric %s: %w", name, err)
		}
		*dst = v
	}
	if err := sc.Err(); err != nil {
		return c, err
	}
	c.ok = havePending && haveIndexed
	return c, nil
}

// searchCounts scrapes the server's metrics listener.
func (b *bench) searchCounts(ctx context.Context) (searchCounts, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+b.srv.metricsAddr+"/metrics", nil)
	if err != nil {
		return searchCounts{}, err
	}
	resp, err := b.client.Do(req)
	if err != nil {
		return searchCounts{}, fmt.Errorf("scrape metrics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return searchCounts{}, fmt.Errorf("scrape metrics: %s", resp.Status)
	}
	return parseSearchCounts(resp.Body)
}

// catchUp is the indexer working off the backlog a POST phase left.
type catchUp struct {
	backlog float64 // pending when the POST phase ended (the gauge is capped)
	indexed float64 // rows indexed until nothing was pending
	elapsed time.Duration
	cpu     cpu
	done    bool // the backlog reached zero before the time limit
}

// maxCatchUp bounds the wait; the figures are reported either way.
const maxCatchUp = 3 * time.Minute

// measureCatchUp waits, with no load, until no article is pending search
// indexing, and measures how fast and at what CPU cost that happened. It
// returns nil when the server has no search indexer.
func (b *bench) measureCatchUp(ctx context.Context) (*catchUp, error) {
	first, err := b.searchCounts(ctx)
	if err != nil || !first.ok {
		return nil, err
	}
	before, err := b.snapshot()
	if err != nil {
		return nil, err
	}
	started := time.Now()
	b.log.Printf("search catch-up: %.0f articles pending", first.pending)
	c := &catchUp{backlog: first.pending}
	last := first
	for last.pending > 0 && time.Since(started) < maxCatchUp {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if last, err = b.searchCounts(ctx); err != nil {
			return nil, err
		}
	}
	c.elapsed, c.done = time.Since(started), last.pending == 0
	after, err := b.snapshot()
	if err != nil {
		return nil, err
	}
	c.indexed = last.indexed - first.indexed
	c.cpu = cpu{
		server:   after.server - before.server,
		postgres: after.postgres - before.postgres,
		client:   after.client - before.client,
		machine:  after.machine - before.machine,
	}
	b.log.Printf("search catch-up: %.0f indexed in %v", c.indexed, c.elapsed.Round(time.Millisecond))
	return c, nil
}

// rate is rows indexed per second during the catch-up.
func (c *catchUp) rate() float64 {
	if c.elapsed <= 0 {
		return 0
	}
	return c.indexed / c.elapsed.Seconds()
}

// per1k is CPU seconds per 1,000 rows indexed.
func (c *catchUp) per1k(d time.Duration) float64 {
	if c.indexed <= 0 {
		return 0
	}
	return d.Seconds() / c.indexed * 1000
}
