package api

import (
	"bufio"
	"bytes"
	"errors"
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

	var results []batchItemResult
	var items []store.IngestItem
	var slots []int // results index of each item
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, int(a.maxDumpBytes)*2+64<<10+1)
	line := 0
	for sc.Scan() {
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue // blank lines, e.g. a trailing newline, are not items
		}
		if len(results) >= a.batchMaxItems {
			return invalid("the batch has more than %d items; split it", a.batchMaxItems)
		}
		res := batchItemResult{Index: line}
		line++
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
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &http.MaxBytesError{Limit: a.maxDumpBytes}
		}
		return invalid("reading the batch: %v", err)
	}
	if len(results) == 0 {
		return invalid("the batch holds no items")
	}

	ctx, cancel := a.dbContext(r)
	defer cancel()
	saved := a.store.SaveIngestBatch(ctx, items)
	allUnavailable := len(saved) > 0
	for i, s := range saved {
		res := &results[slots[i]]
		input := items[i].Extraction.Input
		switch {
		case s.Err != nil:
			a.metrics.ingest.WithLabelValues(outcomeError, input).Inc()
			p := problemFor(s.Err)
			if p.Status >= 500 {
				a.logInternal(r, s.Err)
			}
			if p.Status != http.StatusServiceUnavailable {
				allUnavailable = false
			}
			res.Status, res.Problem = p.Status, &p
		case s.Ingest.Article == nil:
			allUnavailable = false
			a.metrics.ingest.WithLabelValues(outcomeUnextractable, input).Inc()
			p := problemFor(&unextractableError{dumpID: s.Ingest.Dump.ID, reason: s.Ingest.Dump.ExtractError})
			id := s.Ingest.Dump.ID
			res.Status, res.Problem, res.DumpID = p.Status, &p, &id
		default:
			allUnavailable = false
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
	}
	if allUnavailable && len(saved) == len(results) {
		return saved[0].Err
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
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
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
