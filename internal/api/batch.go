package api

import (
	"bytes"
	"fmt"
	"iter"
	"mime"
	"net/http"
	"slices"

	"github.com/pressroom/pressroom/internal/article"
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
	if err := checkBatchMediaType(r); err != nil {
		return err
	}
	body, err := a.readBody(w, r, a.batchMaxBytes)
	if err != nil {
		return err
	}
	lines, err := a.batchLines(body)
	if err != nil {
		return err
	}
	stored := a.ingest.CreateBatch(r.Context(), a.decodeLines(lines))
	if clientGone(r) {
		return r.Context().Err()
	}
	resp, allUnavailable := a.batchResponse(r, stored)
	if allUnavailable {
		// Not one line reached the database: the batch as a whole is a 503.
		return stored[0].Err
	}
	if slices.ContainsFunc(resp.Items, func(res batchItemResult) bool { return retryableStatus(res.Status) }) {
		// A retry with the same Idempotency-Key must run the batch
		// again rather than replay this failure for a day. Running
		// it again is safe: lines already stored answer 200 with
		// their article, as any repeat of the same bytes does.
		markRetryable(w)
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
}

// checkBatchMediaType refuses a batch that is not sent as lines of JSON.
func checkBatchMediaType(r *http.Request) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil ||
		(mt != "application/x-ndjson" && mt != "application/jsonl" && mt != "application/json-seq") {
		return &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
			title: "Unsupported media type", detail: "send application/x-ndjson: one JSON envelope per line",
			header: http.Header{"Accept-Post": {"application/x-ndjson"}}}
	}
	return nil
}

// decodeLines decodes a batch's lines as the ingest service asks for them,
// so that only a chunk's decoded dumps are held at once.
func (a *API) decodeLines(lines [][]byte) iter.Seq2[*article.Dump, error] {
	return func(yield func(*article.Dump, error) bool) {
		for _, raw := range lines {
			if !yield(a.decodeEnvelope(raw)) {
				return
			}
		}
	}
}

// batchResponse turns the lines' outcomes into the response, and reports
// whether every line failed because the database was unavailable.
func (a *API) batchResponse(r *http.Request, stored []store.IngestResult) (resp batchResponse, allUnavailable bool) {
	resp.Items = make([]batchItemResult, len(stored))
	allUnavailable = len(stored) > 0
	for i, s := range stored {
		res := &resp.Items[i]
		res.Index = i
		a.fillBatchItem(r, res, s)
		switch {
		case res.Status == http.StatusCreated:
			resp.Created++
		case res.Status == http.StatusOK:
			resp.Existed++
		default:
			resp.Failed++
		}
		allUnavailable = allUnavailable && res.Status == http.StatusServiceUnavailable
	}
	return resp, allUnavailable
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

// fillBatchItem fills res with the outcome s of one line.
func (a *API) fillBatchItem(r *http.Request, res *batchItemResult, s store.IngestResult) {
	switch {
	case s.Err != nil:
		p := problemFor(s.Err)
		if p.Status >= 500 && !clientGone(r) {
			a.logInternal(r, s.Err)
		}
		res.Status, res.Problem = p.Status, &p
	case s.Ingest.Article == nil:
		p := problemFor(&unextractableError{dumpID: s.Ingest.Dump.ID, reason: s.Ingest.Dump.ExtractError})
		id := s.Ingest.Dump.ID
		res.Status, res.Problem, res.DumpID = p.Status, &p, &id
	default:
		art := s.Ingest.Article
		res.Status = http.StatusOK
		if s.Ingest.Created {
			res.Status = http.StatusCreated
		}
		id, dumpID := art.ID, art.DumpID
		res.ID, res.DumpID, res.Location = &id, &dumpID, "/v1/articles/"+art.ID.String()
	}
}

// logInternal logs an error the client only sees as a generic problem.
func (a *API) logInternal(r *http.Request, err error) {
	a.log.Error("request item failed", "request_id", requestIDFrom(r.Context()), "error", fmt.Sprint(err))
}
