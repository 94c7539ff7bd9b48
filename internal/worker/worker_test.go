package worker

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/ingest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }

var discard = slog.New(slog.NewTextHandler(io.Discard, nil))

// TestReextraction_Run stores dumps as an older extractor left them and
// re-extracts them: every dump below the version is done once, in batches
// of any size, articles keep their ids, and nothing is left behind.
func TestReextraction_Run(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		stored       []int // extractor versions of the stored dumps
		below, batch int
		wantDone     int
	}{
		{"all older, one batch", []int{1, 2, 1}, extract.Version, 10, 3},
		{"all older, batches of one", []int{1, 2, 1}, extract.Version, 1, 3},
		{"only those below the version", []int{1, 2, extract.Version}, 2, 10, 1},
		{"nothing to do", []int{extract.Version}, extract.Version, 10, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st := store.New(dbtest.New(t))
			defer st.Close()
			ids := map[article.ID]int{} // article id -> stored version
			for i, v := range tt.stored {
				d := article.NewDump("worker", fmt.Sprintf("https://example.com/news/%d", i), "text/plain; charset=utf-8",
					[]byte(fmt.Sprintf("Council approves bridge number %d\n\nThe council approved the river bridge on Monday after a long debate about its cost.\n", i)),
					time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
				x := extract.Extract(d)
				x.Version = v
				ing, err := st.SaveIngest(ctx, d, &x)
				if err != nil {
					t.Fatal(err)
				}
				ids[ing.Article.ID] = v
			}

			r := &Reextraction{Store: st, Ingest: ingest.New(st, prometheus.NewRegistry(), time.Minute), Logger: discard, BelowVersion: tt.below, BatchSize: tt.batch}
			got, err := r.Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got.Done != tt.wantDone || got.Interrupted {
				t.Errorf("Run = %+v, want %d done, not interrupted", got, tt.wantDone)
			}
			if left, err := st.DumpsToReextract(ctx, tt.below, article.ID{}, 100); err != nil || len(left) != 0 {
				t.Errorf("left below version %d: %d dumps, %v", tt.below, len(left), err)
			}
			for id, was := range ids {
				a, err := st.FindArticleByID(ctx, id, store.ArticleParts{})
				if err != nil {
					t.Fatalf("article %s: %v", id, err)
				}
				want := was
				if was < tt.below {
					want = extract.Version
				}
				if a.ExtractorVersion != want {
					t.Errorf("article %s (stored by version %d): version %d, want %d", id, was, a.ExtractorVersion, want)
				}
			}
		})
	}
}

// TestIdempotencyPurge_StartStop runs the purge on a fast ticker: it purges
// at each tick, and stop returns once the loop has ended.
func TestIdempotencyPurge_StartStop(t *testing.T) {
	calls := make(chan time.Time, 1)
	p := &IdempotencyPurge{logger: discard, every: time.Millisecond,
		purge: func(ctx context.Context, now time.Time) (int64, error) {
			select {
			case calls <- now:
			default:
			}
			return 1, nil
		}}
	stop := p.Start(context.Background())
	<-calls
	<-calls
	stop()
	stop()
	select {
	case <-calls: // a tick from before stop may still be buffered
	default:
	}
	select {
	case <-calls:
		t.Error("purged after stop returned")
	default:
	}
}

// TestReextraction_Start: the server's background re-extraction does the
// reextract command's work and stops when told.
func TestReextraction_Start(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := store.New(dbtest.New(t))
	defer st.Close()
	for i := range 3 {
		d := article.NewDump("worker", "", "text/plain",
			[]byte(fmt.Sprintf("Harbour festival number %d\n\nThe harbour festival drew a record crowd on Saturday, organisers said, as boats filled the port.\n", i)),
			time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		x := extract.Extract(d)
		x.Version = 1
		if _, err := st.SaveIngest(ctx, d, &x); err != nil {
			t.Fatal(err)
		}
	}
	r := &Reextraction{Store: st, Ingest: ingest.New(st, prometheus.NewRegistry(), time.Minute), Logger: discard,
		BelowVersion: extract.Version, BatchSize: 2}
	stop := r.Start(ctx)
	defer stop()
	for deadline := time.Now().Add(30 * time.Second); ; {
		left, err := st.DumpsToReextract(ctx, extract.Version, article.ID{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d dumps still below version %d after 30 s of background re-extraction", len(left), extract.Version)
		}
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	stop() // a second stop is harmless
}
