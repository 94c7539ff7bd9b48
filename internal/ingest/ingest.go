// Package ingest is the ingest service: decoded dumps in, results out. It
// owns extraction, the chunking of batches, the store call and the ingest
// metrics, for single dumps, batches, dry runs and re-extraction alike, so the HTTP
// handlers only decode, call and respond. It knows nothing of HTTP.
package ingest

import (
	"cmp"
	"context"
	"errors"
	"iter"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/store"
)

// chunkBytes ends a batch's chunk early once its dumps hold this many
// bytes: a chunk's extractions are all in memory until it is stored, and
// six 10 MB lines in one chunk took a gigabyte.
const chunkBytes = 4 << 20

// Service extracts and stores dumps and counts what became of them.
type Service struct {
	store     *store.Store
	metrics   *metrics
	dbTimeout time.Duration
}

// New builds the service and registers its metrics on reg. dbTimeout
// bounds each store call (one per dump, or per chunk of a batch); it does
// not count extraction, so a large page does not eat the database budget.
func New(st *store.Store, reg prometheus.Registerer, dbTimeout time.Duration) *Service {
	return &Service{store: st, metrics: newMetrics(reg), dbTimeout: dbTimeout}
}

// Extract runs the extractor on d and records its metrics; it stores
// nothing (the dry run).
func (s *Service) Extract(d *article.Dump) article.Extraction {
	s.metrics.dumpBytes.WithLabelValues(inputOf(d)).Observe(float64(len(d.Body)))
	return s.extract(d)
}

// Reextract runs today's extractor over a stored dump and saves the result
// over its article, which keeps its id: one step of the re-extraction
// loop. A re-extraction is no ingest, so it counts in the extraction
// metrics only.
func (s *Service) Reextract(ctx context.Context, d *article.Dump) (article.Extraction, error) {
	x := s.extract(d)
	if _, err := s.store.SaveReextraction(ctx, d, &x); err != nil {
		return x, err
	}
	return x, nil
}

// extract runs the extractor and records its time and the fields found.
func (s *Service) extract(d *article.Dump) article.Extraction {
	start := time.Now()
	x := extract.Extract(d)
	if x.Input != article.InputHTML {
		x.Input = article.InputText
	}
	s.metrics.extractTime.WithLabelValues(x.Input).Observe(time.Since(start).Seconds())
	if x.Err == nil {
		s.metrics.observeExtraction(&x)
	}
	return x
}

// CountInvalid counts a dump refused before extraction, of the input kind
// its sender declared.
func (s *Service) CountInvalid(input string) {
	s.metrics.ingest.WithLabelValues(outcomeInvalid, input).Inc()
}

// Create extracts d and stores the dump with its extraction in one
// transaction. The result's Article is nil when nothing could be
// extracted (the dump is stored all the same).
func (s *Service) Create(ctx context.Context, d *article.Dump) (*store.Ingest, error) {
	x := s.Extract(d)
	ctx, cancel := context.WithTimeout(ctx, s.dbTimeout)
	defer cancel()
	res, err := s.store.SaveIngest(ctx, d, &x)
	s.metrics.countStored(x.Input, res, err)
	return res, err
}

// CreateBatch extracts and stores a batch's dumps, given in order with the
// error that kept each from being decoded; result i is dump i's outcome
// (a decoding error is its Err). Dumps are extracted and stored a
// transaction's worth at a time (by count and by bytes), so that only one
// chunk's extractions are in memory, not every dump's. Each chunk may wait
// on the database for the DB timeout; once a whole chunk found the
// database unavailable, the rest fail with it at once rather than each
// waiting again.
func (s *Service) CreateBatch(ctx context.Context, dumps iter.Seq2[*article.Dump, error]) []store.IngestResult {
	b := batch{s: s}
	for d, err := range dumps {
		if err != nil {
			s.CountInvalid(article.InputText)
			b.results = append(b.results, store.IngestResult{Err: err})
			continue
		}
		b.add(d)
		if len(b.items) == store.DefaultMaxBatch || b.bytes >= chunkBytes {
			b.save(ctx)
		}
	}
	if len(b.items) > 0 {
		b.save(ctx)
	}
	return b.results
}

// batch is a CreateBatch in progress: the results so far and the chunk
// waiting to be stored.
type batch struct {
	s       *Service
	results []store.IngestResult
	items   []store.IngestItem
	slots   []int // results index of each item
	bytes   int   // dump bytes in items
	downErr error // set once a whole chunk found the database unavailable
}

func (b *batch) add(d *article.Dump) {
	x := b.s.Extract(d)
	b.slots = append(b.slots, len(b.results))
	b.items = append(b.items, store.IngestItem{Dump: d, Extraction: &x})
	b.results = append(b.results, store.IngestResult{})
	b.bytes += len(d.Body)
}

// save stores the chunk, or fails it at once when an earlier chunk found
// the database down.
func (b *batch) save(ctx context.Context) {
	var out []store.IngestResult
	if b.downErr != nil {
		out = make([]store.IngestResult, len(b.items))
		for i := range out {
			out[i].Err = b.downErr
		}
	} else {
		ctx, cancel := context.WithTimeout(ctx, b.s.dbTimeout)
		out = b.s.store.SaveIngestBatch(ctx, b.items)
		cancel()
	}
	var firstDown error
	chunkDown := true
	for i, r := range out {
		b.s.metrics.countStored(b.items[i].Extraction.Input, r.Ingest, r.Err)
		if Unavailable(r.Err) {
			firstDown = cmp.Or(firstDown, r.Err)
		} else {
			chunkDown = false
		}
		b.results[b.slots[i]] = r
	}
	if chunkDown && b.downErr == nil {
		b.downErr = firstDown
	}
	b.items, b.slots, b.bytes = b.items[:0], b.slots[:0], 0
}

// Unavailable reports whether err means the database could not be reached
// in time (and not that the caller gave up).
func Unavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	return errors.Is(err, article.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded)
}

// inputOf guesses the input kind from a dump's declared content type, for
// metrics recorded before extraction sniffs the body.
func inputOf(d *article.Dump) string {
	if strings.Contains(d.ContentType, "html") {
		return article.InputHTML
	}
	return article.InputText
}
