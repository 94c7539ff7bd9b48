package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// percentile returns the nearest-rank p-th percentile (0 < p ≤ 100) of
// sorted: the smallest value with at least p percent of the samples at or
// below it. Nearest rank never interpolates, so p99 is a latency some request
// really had.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	// The epsilon keeps float error from bumping an exact rank up by one
	// (99.9% of 1,000 is 999.0000000000001 in float64).
	rank := int(math.Ceil(p*float64(len(sorted))/100 - 1e-9))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// sample is what a load loop records: one latency per successful request,
// and the failures by kind.
type sample struct {
	lat    []time.Duration
	items  int            // rows stored, for batch requests; otherwise len(lat)
	errors map[string]int // "status 500", "dial tcp: …"
	first  string         // first failure in full, for the report
}

func (s *sample) fail(kind, detail string) {
	if s.errors == nil {
		s.errors = map[string]int{}
	}
	s.errors[kind]++
	if s.first == "" {
		s.first = detail
	}
}

func (s *sample) merge(o *sample) {
	s.lat = append(s.lat, o.lat...)
	s.items += o.items
	for k, n := range o.errors {
		if s.errors == nil {
			s.errors = map[string]int{}
		}
		s.errors[k] += n
	}
	if s.first == "" {
		s.first = o.first
	}
}

func (s *sample) failures() int {
	n := 0
	for _, c := range s.errors {
		n += c
	}
	return n
}

// cpu is CPU time spent by each side during a phase.
type cpu struct {
	server, postgres, client time.Duration
	machine                  time.Duration // all CPUs busy, whoever ran
}

// otherShare is the fraction of the machine's CPU capacity used during the
// phase by processes that are not part of the benchmark: on a shared
// machine it says how far to trust a phase's figures.
func (p *phase) otherShare(ncpu int) float64 {
	if p.elapsed <= 0 || ncpu <= 0 {
		return 0
	}
	other := p.cpu.machine - p.cpu.server - p.cpu.postgres - p.cpu.client
	return max(0, other.Seconds()/(p.elapsed.Seconds()*float64(ncpu)))
}

// phase is one measured phase's result.
type phase struct {
	name    string
	unit    string // what one count is: "req", "row"
	ok      int    // successful requests
	items   int    // rows stored (batch) or ok
	failed  int
	elapsed time.Duration
	p50     time.Duration
	p95     time.Duration
	p99     time.Duration
	max     time.Duration
	cpu     cpu
	hasSrv  bool    // the server ran during this phase
	rssMiB  float64 // server's peak RSS so far (VmHWM)
	target  float64 // open loop: the scheduled rate
	errors  map[string]int
	first   string
	note    string
	skipped bool // not run: the server lacks the endpoint
	// searchNote says what the background search indexer did meanwhile
	// (empty for the baselines, and for a server indexing inside ingest).
	searchNote string
	// dbNotes say how the database was settled before the phase and how
	// its reads were served (see settle).
	dbNotes []string
	// searchPending is the search backlog at the end of the search phase.
	searchPending float64
	// searchIndexed is how many rows the background indexer indexed
	// during the phase: its PostgreSQL CPU is in the phase's.
	searchIndexed float64
}

// summarise turns a sample into a phase.
func summarise(name, unit string, s *sample, elapsed time.Duration, c cpu) *phase {
	slices.Sort(s.lat)
	p := &phase{
		name: name, unit: unit, ok: len(s.lat), items: s.items, failed: s.failures(),
		elapsed: elapsed, cpu: c, errors: s.errors, first: s.first,
		p50: percentile(s.lat, 50), p95: percentile(s.lat, 95), p99: percentile(s.lat, 99),
	}
	if len(s.lat) > 0 {
		p.max = s.lat[len(s.lat)-1]
	}
	return p
}

// rate is successful requests per second.
// peakRSS is the server's peak RSS at the phase's end, 0 without a phase.
func (p *phase) peakRSS() float64 {
	if p == nil {
		return 0
	}
	return p.rssMiB
}

func (p *phase) rate() float64 {
	if p == nil || p.elapsed <= 0 {
		return 0
	}
	return float64(p.ok) / p.elapsed.Seconds()
}

// itemRate is rows stored per second.
func (p *phase) itemRate() float64 {
	if p == nil || p.elapsed <= 0 {
		return 0
	}
	return float64(p.items) / p.elapsed.Seconds()
}

// per1k is CPU seconds per 1,000 items (rows for batches, else requests).
func (p *phase) per1k(d time.Duration) float64 {
	if p.items == 0 {
		return 0
	}
	return d.Seconds() / float64(p.items) * 1000
}

// ratio is a/b, or 0 when b is 0 (a baseline that failed is reported, not
// divided by).
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// score is what the last line reports.
type score struct {
	ingestVsInsert       float64
	getVsSelect          float64
	batchRowsPerS        float64
	p99HalfLoad          time.Duration
	rssMiB               float64
	ingestSearchVsInsert float64 // POST with search kept current
	cpuMsPerArticle      float64 // server + PostgreSQL, ingest + indexing
	batchSearchRowsPerS  float64 // batches with search kept current
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// lastLine is the machine-readable summary; its format is a contract with
// whoever tracks the benchmark over time.
func (s score) lastLine() string {
	return fmt.Sprintf("ingest_vs_insert=%.2f get_vs_select=%.2f batch_rows_per_s=%d p99_ms_half_load=%.1f rss_mib=%d ingest_search_vs_insert=%.2f cpu_ms_per_article=%.2f batch_search_rows_per_s=%d",
		s.ingestVsInsert, s.getVsSelect, int64(math.Round(s.batchRowsPerS)),
		float64(s.p99HalfLoad)/float64(time.Millisecond), int64(math.Ceil(s.rssMiB)),
		s.ingestSearchVsInsert, s.cpuMsPerArticle, int64(math.Round(s.batchSearchRowsPerS)))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }

// writeTable prints one row per phase. Ratios compare each Pressroom phase
// with the baseline of the same kind (writes with INSERT, reads with SELECT).
func writeTable(w io.Writer, phases []*phase, baseFor func(*phase) *phase, ncpu int) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\tok\tfailed\tper s\tp50 ms\tp95 ms\tp99 ms\tmax ms\tsrv cpu s/1k\tpg cpu s/1k\tclient cpu s/1k\tpeak rss MiB\tother load\tvs baseline\t")
	for _, p := range phases {
		if p.skipped {
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\t\n", p.name)
			continue
		}
		srv, rss := "-", "-"
		if p.hasSrv {
			srv = fmt.Sprintf("%.3f", p.per1k(p.cpu.server))
			rss = fmt.Sprintf("%.0f", p.rssMiB)
		}
		vs := "-"
		// An open loop runs at a chosen rate: its rate is no capacity to compare.
		if b := baseFor(p); b != nil && b != p && p.target == 0 {
			vs = fmt.Sprintf("%.2f×", ratio(p.itemRate(), b.itemRate()))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s\t%.0f%%\t%s\t\n",
			p.name, p.items, p.failed, p.itemRate(), ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max),
			srv, p.per1k(p.cpu.postgres), p.per1k(p.cpu.client), rss, 100*p.otherShare(ncpu), vs)
	}
	tw.Flush()
	for _, p := range phases {
		if p.note != "" {
			fmt.Fprintf(w, "  %s: %s\n", p.name, p.note)
		}
		if p.searchNote != "" {
			fmt.Fprintf(w, "  %s: %s\n", p.name, p.searchNote)
		}
		for _, n := range p.dbNotes {
			fmt.Fprintf(w, "  %s: %s\n", p.name, n)
		}
		if p.failed > 0 {
			kinds := make([]string, 0, len(p.errors))
			for k, n := range p.errors {
				kinds = append(kinds, fmt.Sprintf("%s ×%d", k, n))
			}
			sort.Strings(kinds)
			fmt.Fprintf(w, "  %s failures: %s; first: %s\n", p.name, strings.Join(kinds, ", "), p.first)
		}
	}
}
