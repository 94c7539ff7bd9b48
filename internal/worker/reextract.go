package worker

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/ingest"
	"github.com/pressroom/pressroom/internal/store"
)

// Reextraction re-runs the current extractor over stored dumps made by an
// older one, a batch at a time. Each dump is committed on its own, so it is
// safe to interrupt: a second run picks up what is left (those still below
// the version). Articles keep their ids.
type Reextraction struct {
	Store  *store.Store    // finds the dumps
	Ingest *ingest.Service // re-extracts and saves each, as ingest extracts

	Logger       *slog.Logger
	BelowVersion int // dumps extracted by a version below this one
	BatchSize    int // dumps read per batch
}

// ReextractionStats is what a Run did.
type ReextractionStats struct {
	Done          int // dumps re-extracted and saved
	Unextractable int // of those, the ones the extractor could not read
	Interrupted   bool
}

// Start runs the loop in the background until no dump below the version is
// left, or until stop; a failure is logged and ends it (the next start
// continues where it stopped).
func (r *Reextraction) Start(ctx context.Context) (stop func()) {
	return start(ctx, func(ctx context.Context) {
		if _, err := r.Run(ctx); err != nil && ctx.Err() == nil {
			r.Logger.Error("reextract stopped", "error", err)
		}
	})
}

// Run re-extracts until no dump below the version is left, or ctx is done
// (then Interrupted is set and the error is nil: a later Run continues).
func (r *Reextraction) Run(ctx context.Context) (ReextractionStats, error) {
	started := time.Now()
	var st ReextractionStats
	var after article.ID
	for {
		dumps, err := r.Store.DumpsToReextract(ctx, r.BelowVersion, after, r.BatchSize)
		if err != nil {
			return st, err
		}
		if len(dumps) == 0 {
			break
		}
		for _, d := range dumps {
			if ctx.Err() != nil {
				st.Interrupted = true
				r.Logger.Info("reextract interrupted; run it again to continue", "done", st.Done)
				return st, nil
			}
			x, err := r.Ingest.Reextract(ctx, d)
			if err != nil {
				return st, fmt.Errorf("reextract dump %s: %w", d.ID, err)
			}
			if x.Err != nil {
				st.Unextractable++
			}
			st.Done++
			after = d.ID
		}
		r.Logger.Info("reextract progress", "done", st.Done, "unextractable", st.Unextractable,
			"per_second", fmt.Sprintf("%.0f", float64(st.Done)/time.Since(started).Seconds()))
	}
	r.Logger.Info("reextract finished", "done", st.Done, "unextractable", st.Unextractable, "version", extract.Version,
		"elapsed", time.Since(started).Round(time.Millisecond).String())
	return st, nil
}
