package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }

func textDump(i int) *article.Dump {
	return article.NewDump("ingest-test", fmt.Sprintf("https://example.com/news/%d", i), "text/plain; charset=utf-8",
		[]byte(fmt.Sprintf("Council approves bridge number %d\n\nThe council approved the river bridge on Monday after a long debate about its cost.\n", i)),
		time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
}

var errUndecodable = fmt.Errorf("line: %w", article.ErrInvalid)

// lines yields dump i for each i, or errUndecodable where i is negative.
func lines(ids []int) iter.Seq2[*article.Dump, error] {
	return func(yield func(*article.Dump, error) bool) {
		for _, i := range ids {
			if i < 0 {
				if !yield(nil, errUndecodable) {
					return
				}
				continue
			}
			if !yield(textDump(i), nil) {
				return
			}
		}
	}
}

// TestCreateBatch: results come back in the order of the lines, across
// chunks, with decoding errors in their slots, repeats as duplicates, and
// every line counted once under its outcome.
func TestCreateBatch(t *testing.T) {
	t.Parallel()
	many := make([]int, store.DefaultBatchRows+2) // more than one chunk
	for i := range many {
		many[i] = i
	}
	tests := []struct {
		name          string
		ids           []int
		wantCreated   int
		wantDuplicate int
		wantInvalid   int
	}{
		{"one line", []int{1}, 1, 0, 0},
		{"an undecodable line keeps its slot", []int{1, -1, 2}, 2, 0, 1},
		{"a repeat is a duplicate", []int{1, 1}, 1, 1, 0},
		{"more than a chunk", append(many, -1, 0), len(many), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := store.New(dbtest.New(t))
			defer st.Close()
			reg := prometheus.NewRegistry()
			s := New(st, reg, 10*time.Second)

			got := s.CreateBatch(context.Background(), lines(tt.ids))
			if len(got) != len(tt.ids) {
				t.Fatalf("%d results for %d lines", len(got), len(tt.ids))
			}
			created := 0
			for i, r := range got {
				switch {
				case tt.ids[i] < 0:
					if !errors.Is(r.Err, errUndecodable) {
						t.Errorf("line %d: err %v, want the decoding error", i, r.Err)
					}
				case r.Err != nil || r.Ingest.Article == nil:
					t.Errorf("line %d: %+v, want an article", i, r)
				case r.Ingest.Article.Metadata.URL != textDump(tt.ids[i]).URL:
					t.Errorf("line %d: article of %s, want %s", i, r.Ingest.Article.Metadata.URL, textDump(tt.ids[i]).URL)
				case r.Ingest.Created:
					created++
				}
			}
			if created != tt.wantCreated {
				t.Errorf("created %d, want %d", created, tt.wantCreated)
			}
			for outcome, want := range map[string]int{outcomeCreated: tt.wantCreated, outcomeDuplicate: tt.wantDuplicate,
				outcomeInvalid: tt.wantInvalid, outcomeError: 0, outcomeUnextractable: 0} {
				if n := testutil.ToFloat64(s.metrics.ingest.WithLabelValues(outcome, article.InputText)); int(n) != want {
					t.Errorf("pressroom_ingest_total{outcome=%q} = %v, want %d", outcome, n, want)
				}
			}
		})
	}
}

// TestCreateBatch_ChunkSlots: concurrent batches of several chunks each
// share the service's chunk slots without waiting on each other forever
// (a chunk gives its slot back once written, while its batch may be
// waiting for a slot for the next), each slot is given back, including by
// batches whose caller is gone.
func TestCreateBatch_ChunkSlots(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		slots    int
		cancel   bool
		wantDone bool
	}{
		{name: "one slot", slots: 1, wantDone: true},
		{name: "two slots", slots: 2, wantDone: true},
		{name: "caller gone", slots: 1, cancel: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := store.New(dbtest.New(t))
			defer st.Close()
			s := New(st, prometheus.NewRegistry(), 10*time.Second)
			s.chunkSlots = make(chan struct{}, tt.slots)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel {
				cancel()
			}
			const batches, perBatch = 4, 2*store.DefaultBatchRows + 3 // three chunks each
			results := make(chan []store.IngestResult, batches)
			for b := range batches {
				ids := make([]int, perBatch)
				for i := range ids {
					ids[i] = b*perBatch + i
				}
				go func() { results <- s.CreateBatch(ctx, lines(ids)) }()
			}
			for range batches {
				for i, r := range <-results {
					if done := r.Err == nil && r.Ingest.Created; done != tt.wantDone {
						t.Errorf("line %d: %+v, want stored: %v", i, r, tt.wantDone)
					}
				}
			}
			if n := len(s.chunkSlots); n != 0 {
				t.Errorf("%d chunk slots still held", n)
			}
		})
	}
}

func TestUnavailable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{fmt.Errorf("store: save: %w", article.ErrUnavailable), true},
		{context.DeadlineExceeded, true},
		{fmt.Errorf("%w: %w", context.Canceled, article.ErrUnavailable), false}, // the caller gave up
		{fmt.Errorf("store: save: %w", article.ErrInvalid), false},
	}
	for _, tt := range tests {
		if got := Unavailable(tt.err); got != tt.want {
			t.Errorf("Unavailable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
