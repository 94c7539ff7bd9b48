package api

import (
	"bytes"
	"cmp"
	"fmt"
	"mime"
	"net/http"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/store"
)

// Defaults for batch ingestion.
const (
	DefaultBatchMaxItems = 1000
	DefaultBatchMaxBytes = 64 << 20
)

// batchChunkBytes ends a batch's chunk early once its dumps hold this many
// bytes: a chunk's extractions are all in memory until it is stored, and
// six 10 MB lines in one chunk took a gigabyte.
const batchChunkBytes = 4 << 20

// batchItemResult is one line's outcome, in the order of the request.
type batchItemResult struct {
	Index    int              `json:"index"`
	Status   int              `json:"status"`
	ID       *article.ID      `json:"id,omitempty"`
	DumpID   *article.ID      `json:"dump_id,omitempty"`
	Location string           `json:"location,omitempty"`
	Problem  *problem         `json:"problem,omitempty"`
	Article  *articleResponse `json:"-"`
}

type batchResponse struct {
	Items   []batchItemResult `json:"items"`
	Created int               `json:"created"`
	Existed int               `json:"existed"`
	Failed  int               `json:"failed"`
}

// handleCreateBatch ingests NDJSON: one JSON envelope per line. Each line
// succeeds or fails on its own; the valid ones are stored together.
func (a *API) handleCreateBatch(w http.ResponseWriter, r *http.Request) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil ||
		(mt != "application/x-ndjson" && mt != "application/jsonl" && mt != "application/json-seq") {
		return &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
			title: "Unsupported media type", detail: "send application/x-ndjson: one JSON envelope per line",
			header: http.Header{"Accept-Post": {"application/x-ndjson"}}}
	}
	body, err := a.readBody(w, r, a.batchMaxBytes)
	if err != nil {
		return err
	}

	// Lines are extracted and stored a transaction's worth at a time (by
	// count and by bytes), so that a batch holds the extractions of one
	// chunk in memory, not of every line. Each chunk may wait on the database for the DB timeout;
	// once one found the database unavailable, the rest fail with it at
	// once rather than each waiting again.
	var (
		results        []batchItemResult
		items          []store.IngestItem
		slots          []int // results index of each item
		saved          int   // items stored, or failed in the store
		allUnavailable = true
		firstErr       error // the first unavailability
		downErr        error // set once a whole chunk found the database unavailable
		chunkBytes     int   // dump bytes in items
	)
	save := func() {
		var out []store.IngestResult
		if downErr != nil {
			out = make([]store.IngestResult, len(items))
			for i := range out {
				out[i].Err = downErr
			}
		} else {
			ctx, cancel := a.dbContext(r)
			out = a.store.SaveIngestBatch(ctx, items)
			cancel()
		}
		chunkDown := true
		for i, s := range out {
			if a.batchItemResult(r, &results[slots[i]], items[i].Extraction.Input, s) {
				firstErr = cmp.Or(firstErr, s.Err)
			} else {
				allUnavailable, chunkDown = false, false
			}
			saved++
		}
		if chunkDown && downErr == nil {
			downErr = firstErr
		}
		items, slots = items[:0], slots[:0]
	}
	lines, err := a.batchLines(body)
	if err != nil {
		return err
	}
	for line, raw := range lines {
		res := batchItemResult{Index: line}
		d, err := a.decodeEnvelope(raw)
		if err != nil {
			a.metrics.ingest.WithLabelValues(outcomeInvalid, article.InputText).Inc()
			p := problemFor(err)
			res.Status, res.Problem = p.Status, &p
			results = append(results, res)
			continue
		}
		x := a.extract(d)
		slots = append(slots, len(results))
		items = append(items, store.IngestItem{Dump: d, Extraction: &x})
		results = append(results, res)
		chunkBytes += len(d.Body)
		if len(items) == store.DefaultMaxBatch || chunkBytes >= batchChunkBytes {
			save()
			chunkBytes = 0
		}
	}
	if len(items) > 0 {
		save()
	}
	if clientGone(r) {
		return r.Context().Err()
	}
	if saved > 0 && allUnavailable && saved == len(results) {
		return firstErr
	}
	resp := batchResponse{Items: results}
	for _, res := range results {
		switch {
		case res.Status == http.StatusCreated:
			resp.Created++
		case res.Status == http.StatusOK:
			resp.Existed++
		default:
			resp.Failed++
		}
		if retryableStatus(res.Status) {
			// A retry with the same Idempotency-Key must run the batch
			// again rather than replay this failure for a day. Running
			// it again is safe: lines already stored answer 200 with
			// their article, as any repeat of the same bytes does.
			markRetryable(w)
		}
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
}

// batchLines splits a batch body into its items, the lines that are not
// blank, as slices of body. A batch with too many items or too long a line
// is refused whole here, before any line is stored. A line may hold a
// maximal dump escaped in JSON (up to twice its size) and the envelope.
func (a *API) batchLines(body []byte) ([][]byte, error) {
	maxLine := int(a.maxDumpBytes)*2 + 64<<10
	var lines [][]byte
	for rest := body; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(line) > maxLine {
			return nil, &http.MaxBytesError{Limit: a.maxDumpBytes}
		}
		raw := bytes.TrimSpace(line)
		if len(raw) == 0 {
			continue // blank lines, e.g. a trailing newline, are not items
		}
		if len(lines) >= a.batchMaxItems {
			return nil, invalid("the batch has more than %d items; split it", a.batchMaxItems)
		}
		lines = append(lines, raw)
	}
	if len(lines) == 0 {
		return nil, invalid("the batch holds no items")
	}
	return lines, nil
}

// batchItemResult fills res with the outcome s of one stored line and
// counts it; it reports whether the database was unavailable for it.
func (a *API) batchItemResult(r *http.Request, res *batchItemResult, input string, s store.IngestResult) (unavailable bool) {
	switch {
	case s.Err != nil:
		a.metrics.ingest.WithLabelValues(outcomeError, input).Inc()
		p := problemFor(s.Err)
		if p.Status >= 500 && !clientGone(r) {
			a.logInternal(r, s.Err)
		}
		res.Status, res.Problem = p.Status, &p
		return p.Status == http.StatusServiceUnavailable
	case s.Ingest.Article == nil:
		a.metrics.ingest.WithLabelValues(outcomeUnextractable, input).Inc()
		p := problemFor(&unextractableError{dumpID: s.Ingest.Dump.ID, reason: s.Ingest.Dump.ExtractError})
		id := s.Ingest.Dump.ID
		res.Status, res.Problem, res.DumpID = p.Status, &p, &id
	default:
		art := s.Ingest.Article
		res.Status = http.StatusOK
		outcome := outcomeDuplicate
		if s.Ingest.Created {
			res.Status, outcome = http.StatusCreated, outcomeCreated
		}
		a.metrics.ingest.WithLabelValues(outcome, input).Inc()
		id, dumpID := art.ID, art.DumpID
		res.ID, res.DumpID, res.Location = &id, &dumpID, "/v1/articles/"+art.ID.String()
	}
	return false
}

// extract runs the extractor on d and records its metrics.
func (a *API) extract(d *article.Dump) article.Extraction {
	a.metrics.dumpBytes.WithLabelValues(inputOf(d)).Observe(float64(len(d.Body)))
	start := time.Now()
	x := extract.Extract(d)
	if x.Input != article.InputHTML {
		x.Input = article.InputText
	}
	a.metrics.extractTime.WithLabelValues(x.Input).Observe(time.Since(start).Seconds())
	if x.Err == nil {
		a.metrics.observeExtraction(&x)
	}
	return x
}

// logInternal logs an error the client only sees as a generic problem.
func (a *API) logInternal(r *http.Request, err error) {
	a.log.Error("request item failed", "request_id", requestIDFrom(r.Context()), "error", fmt.Sprint(err))
}
