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
	"runtime"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/store"
)

// chunkBytes ends a batch's chunk early once its dumps hold this many
// bytes: a chunk's extractions are all in memory until it is stored, and
// six 10 MB lines in one chunk took a gigabyte. A chunk that large is also
// written before the next is extracted, so that overlapping two chunks
// adds at most one chunk under chunkBytes to what is held.
const chunkBytes = 4 << 20

// chunksPerCPU bounds the batch chunks being extracted or written at once,
// in the whole process, per CPU: each holds its extractions and, with
// search current, its vectors, and eight concurrent batches of two chunks
// each took the server's peak RSS to ~147 MiB; on a CPU-bound server more
// chunks in flight only wait longer. At 2 per CPU the search-current
// server's batches still peaked at 103-115 MiB in loaded runs; at 1 at
// 96-100 MiB, rows/s within the noise (docs/performance.md, "Memory:
// chunks in flight per CPU").
const chunksPerCPU = 1

// Service extracts and stores dumps and counts what became of them.
type Service struct {
	store     *store.Store
	metrics   *metrics
	dbTimeout time.Duration
	// chunkSlots has one token per batch chunk being extracted or
	// written; a chunk takes one before its first extraction and gives it
	// back once written.
	chunkSlots chan struct{}
}

// New builds the service and registers its metrics on reg. dbTimeout
// bounds each store call (one per dump, or per chunk of a batch); it does
// not count extraction, so a large page does not eat the database budget.
func New(st *store.Store, reg prometheus.Registerer, dbTimeout time.Duration) *Service {
	return &Service{store: st, metrics: newMetrics(reg), dbTimeout: dbTimeout,
		chunkSlots: make(chan struct{}, chunksPerCPU*runtime.GOMAXPROCS(0))}
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
// transaction's worth at a time (by count and by bytes), and chunk N+1 is
// extracted while chunk N is written, so a lone batch keeps a core on
// extraction and a connection busy at once; only those two chunks'
// extractions are in memory, not every dump's (and a chunk of chunkBytes
// or more is written alone); and at most chunksPerCPU per CPU of all
// batches' chunks are, a chunk waiting for its turn before it is
// extracted. Each chunk may wait on the
// database for the DB timeout; once a whole chunk found the database
// unavailable, the rest fail with it at once rather than each waiting
// again.
func (s *Service) CreateBatch(ctx context.Context, dumps iter.Seq2[*article.Dump, error]) []store.IngestResult {
	b := batch{s: s}
	for d, err := range dumps {
		if err != nil {
			s.CountInvalid(article.InputText)
			b.results = append(b.results, store.IngestResult{Err: err})
			continue
		}
		b.add(ctx, d)
		if len(b.next.items) == s.store.BatchRows() || b.next.bytes >= chunkBytes {
			b.save(ctx)
		}
	}
	if len(b.next.items) > 0 {
		b.save(ctx)
	}
	b.wait()
	return b.results
}

// batch is a CreateBatch in progress: the results so far, the chunk being
// written and the chunk being extracted.
type batch struct {
	s       *Service
	results []store.IngestResult
	next    chunk  // being extracted
	writing *chunk // being written, if any
	written chan []store.IngestResult
	downErr error // set once a whole chunk found the database unavailable
}

// chunk is one transaction's worth of a batch.
type chunk struct {
	items []store.IngestItem
	slots []int // results index of each item
	bytes int   // dump bytes in items
	held  bool  // holds one of the service's chunkSlots
}

func (b *batch) add(ctx context.Context, d *article.Dump) {
	if len(b.next.items) == 0 && !b.next.held {
		b.next.held = b.s.acquireChunk(ctx)
	}
	x := b.s.Extract(d)
	b.next.slots = append(b.next.slots, len(b.results))
	b.next.items = append(b.next.items, store.IngestItem{Dump: d, Extraction: &x})
	b.results = append(b.results, store.IngestResult{})
	b.next.bytes += len(d.Body)
}

// save starts writing the chunk extracted so far, once the chunk ahead of
// it is written, or fails it at once when an earlier chunk found the
// database down.
func (b *batch) save(ctx context.Context) {
	b.wait()
	c := b.next
	b.next = chunk{}
	if b.downErr != nil {
		out := make([]store.IngestResult, len(c.items))
		for i := range out {
			out[i].Err = b.downErr
		}
		b.s.releaseChunk(c.held)
		b.finish(&c, out)
		return
	}
	if b.written == nil {
		b.written = make(chan []store.IngestResult, 1)
	}
	b.writing = &c
	go func() {
		ctx, cancel := context.WithTimeout(ctx, b.s.dbTimeout)
		defer cancel()
		out := b.s.store.SaveIngestBatch(ctx, c.items)
		// Here, not in wait: the batch's goroutine may itself be
		// waiting for a slot for its next chunk.
		b.s.releaseChunk(c.held)
		b.written <- out
	}()
	if c.bytes >= chunkBytes {
		b.wait()
	}
}

// wait waits for the chunk being written, if any, and records its results.
func (b *batch) wait() {
	if b.writing == nil {
		return
	}
	out := <-b.written
	b.finish(b.writing, out)
	b.writing = nil
}

// finish records a written (or failed) chunk's results and counts them.
func (b *batch) finish(c *chunk, out []store.IngestResult) {
	var firstDown error
	chunkDown := true
	for i, r := range out {
		b.s.metrics.countStored(c.items[i].Extraction.Input, r.Ingest, r.Err)
		if Unavailable(r.Err) {
			firstDown = cmp.Or(firstDown, r.Err)
		} else {
			chunkDown = false
		}
		b.results[c.slots[i]] = r
	}
	if chunkDown && b.downErr == nil {
		b.downErr = firstDown
	}
}

// acquireChunk takes a chunk slot, and reports whether it did: a batch
// whose caller is gone takes none rather than wait (its writes fail at
// once).
func (s *Service) acquireChunk(ctx context.Context) bool {
	select {
	case s.chunkSlots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// releaseChunk gives back a slot acquireChunk took.
func (s *Service) releaseChunk(held bool) {
	if held {
		<-s.chunkSlots
	}
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
