package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// gate holds group commit's writer before its first transaction until
// opened, and records the size of every transaction.
type gate struct {
	open    chan struct{}
	entered chan struct{} // closed when the first transaction is held
	once    sync.Once
	mu      sync.Mutex
	sizes   []int
}

func newGate(s *store.Store) *gate {
	g := &gate{open: make(chan struct{}), entered: make(chan struct{})}
	store.SetFlushHook(s, func(n int) {
		g.mu.Lock()
		g.sizes = append(g.sizes, n)
		g.mu.Unlock()
		g.once.Do(func() { close(g.entered) })
		<-g.open
	})
	return g
}

func (g *gate) batchSizes() []int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return slices.Clone(g.sizes)
}

// waitQueue waits until n calls are queued behind the held writer. It
// waits on a condition, not for a time; the deadline only turns a hang into
// a failure.
func waitQueue(t *testing.T, s *store.Store, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for store.QueueLen(s) < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d calls queued, want %d", store.QueueLen(s), n)
		}
		time.Sleep(time.Millisecond)
	}
}

// normalize drops what differs between two databases: ids and times.
var normalize = cmp.Options{
	sameTime,
	cmpopts.IgnoreFields(article.Dump{}, "ID", "ArticleID"),
	cmpopts.IgnoreFields(article.Article{}, "ID", "DumpID", "CreatedAt", "UpdatedAt"),
}

// TestGroupCommit_SameAsSerial: 50 concurrent callers, written as one group
// behind a held writer, get the results the same calls get one at a time.
func TestGroupCommit_SameAsSerial(t *testing.T) {
	t.Parallel()
	const n = 50
	items := make([]store.IngestItem, n)
	for i := range items {
		switch {
		case i%10 == 3:
			items[i] = unextractable("gc", fmt.Sprint("unextractable ", i))
		case i%10 == 7:
			items[i] = item("gc", fmt.Sprint("body ", i-1)) // a repeat of the item before
		default:
			items[i] = item("gc", fmt.Sprint("body ", i))
		}
	}

	serial := store.NewWithOptions(dbtest.New(t), store.Options{DisableGroupCommit: true})
	want := make([]*store.Ingest, n)
	for i, it := range items {
		want[i] = mustSaveIngest(t, serial, it.Dump, it.Extraction)
	}

	grouped := store.NewWithOptions(dbtest.New(t), store.Options{Writers: 1})
	defer grouped.Close()
	g := newGate(grouped)
	got := make([]*store.Ingest, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	// The first call holds the writer; the others queue behind it.
	wg.Go(func() { got[0], errs[0] = grouped.SaveIngest(context.Background(), items[0].Dump, items[0].Extraction) })
	<-g.entered
	for i := 1; i < n; i++ {
		// Each repeat queues after its original, as in the serial run.
		if i%10 == 7 {
			waitQueue(t, grouped, i-1)
		}
		wg.Go(func() { got[i], errs[i] = grouped.SaveIngest(context.Background(), items[i].Dump, items[i].Extraction) })
	}
	waitQueue(t, grouped, n-1)
	close(g.open)
	wg.Wait()

	if sizes := g.batchSizes(); !slices.Equal(sizes, []int{1, n - 1}) {
		t.Errorf("transactions of %v calls, want [1 %d]", sizes, n-1)
	}
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if diff := cmp.Diff(want[i], got[i], normalize); diff != "" {
			t.Errorf("call %d (-serial +grouped):\n%s", i, diff)
		}
	}
}

// TestGroupCommit_BadCall: a call the database refuses fails alone; the
// calls sharing its transaction succeed.
func TestGroupCommit_BadCall(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.NewWithOptions(pool, store.Options{Writers: 1})
	defer s.Close()
	g := newGate(s)
	const n = 20
	errs := make([]error, n)
	var wg sync.WaitGroup
	save := func(i int) {
		it := item("bad", fmt.Sprint(i))
		if i == 11 {
			it = badItem("bad", "refused")
		}
		_, errs[i] = s.SaveIngest(context.Background(), it.Dump, it.Extraction)
	}
	wg.Go(func() { save(0) })
	<-g.entered
	for i := 1; i < n; i++ {
		wg.Go(func() { save(i) })
	}
	waitQueue(t, s, n-1)
	close(g.open)
	wg.Wait()
	for i, err := range errs {
		if i == 11 {
			if !isKind(err, article.ErrInvalid) {
				t.Errorf("bad call: %v, want ErrInvalid", err)
			}
		} else if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if dumps, articles := countRows(t, pool); dumps != n-1 || articles != n-1 {
		t.Errorf("%d dumps and %d articles, want %d", dumps, articles, n-1)
	}
}

// TestGroupCommit_Cancel: a caller that gives up returns at once without
// disturbing the others. Given up while queued, its row is not written;
// given up while its transaction runs, the row is committed anyway.
func TestGroupCommit_Cancel(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.NewWithOptions(pool, store.Options{Writers: 1})
	defer s.Close()
	g := newGate(s)

	inFlightCtx, cancelInFlight := context.WithCancel(context.Background())
	inFlight := make(chan error, 1)
	go func() {
		_, err := s.SaveIngest(inFlightCtx, dump("c", "in flight"), extraction())
		inFlight <- err
	}()
	<-g.entered

	queuedCtx, cancelQueued := context.WithCancel(context.Background())
	queued := make(chan error, 1)
	go func() {
		_, err := s.SaveIngest(queuedCtx, dump("c", "queued"), extraction())
		queued <- err
	}()
	waitQueue(t, s, 1)
	var wg sync.WaitGroup
	var other *store.Ingest
	var otherErr error
	wg.Go(func() { other, otherErr = s.SaveIngest(context.Background(), dump("c", "other"), extraction()) })
	waitQueue(t, s, 2)

	// Both return while the writer is still held.
	cancelQueued()
	if err := <-queued; !errors.Is(err, context.Canceled) {
		t.Errorf("queued caller: %v, want context.Canceled", err)
	}
	cancelInFlight()
	if err := <-inFlight; !errors.Is(err, context.Canceled) {
		t.Errorf("in-flight caller: %v, want context.Canceled", err)
	}
	close(g.open)
	wg.Wait()
	if otherErr != nil || !other.Created {
		t.Fatalf("other caller: %v, %v", other, otherErr)
	}
	if sizes := g.batchSizes(); !slices.Equal(sizes, []int{1, 1}) {
		t.Errorf("transactions of %v calls, want [1 1]: the queued caller's row is dropped", sizes)
	}
	s.Close() // drains: the in-flight row is committed
	var bodies []string
	rows, err := pool.Query(context.Background(), "SELECT convert_from(body, 'UTF8') FROM dumps ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"in flight", "other"}, bodies); diff != "" {
		t.Errorf("stored dumps (-want +got):\n%s", diff)
	}
}

// TestGroupCommit_CloseDrains: Close answers every queued call before it
// returns, and later calls fail as unavailable.
func TestGroupCommit_CloseDrains(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.NewWithOptions(pool, store.Options{Writers: 1, MaxBatch: 4})
	g := newGate(s)
	const n = 10
	errs := make([]error, n)
	var wg sync.WaitGroup
	wg.Go(func() { _, errs[0] = s.SaveIngest(context.Background(), dump("close", "0"), extraction()) })
	<-g.entered
	for i := 1; i < n; i++ {
		wg.Go(func() { _, errs[i] = s.SaveIngest(context.Background(), dump("close", fmt.Sprint(i)), extraction()) })
	}
	waitQueue(t, s, n-1)

	closed := make(chan struct{})
	go func() {
		s.Close()
		close(closed)
	}()
	// Close cannot have returned: the writer is held with calls queued.
	select {
	case <-closed:
		t.Fatal("Close returned before the queued calls were written")
	case <-time.After(50 * time.Millisecond):
	}
	close(g.open)
	<-closed
	if dumps, _ := countRows(t, pool); dumps != n {
		t.Errorf("%d dumps after Close, want %d", dumps, n)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if sizes := g.batchSizes(); !slices.Equal(sizes, []int{1, 4, 4, 1}) {
		t.Errorf("transactions of %v calls, want [1 4 4 1] (MaxBatch 4)", sizes)
	}
	if _, err := s.SaveIngest(context.Background(), dump("close", "late"), extraction()); !isKind(err, article.ErrUnavailable) {
		t.Errorf("SaveIngest after Close: %v, want ErrUnavailable", err)
	}
}

// TestGroupCommit_ManyCallers runs 50 callers with several writers and no
// gate: every call gets its own committed result.
func TestGroupCommit_ManyCallers(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	defer s.Close()
	const n = 50
	var wg sync.WaitGroup
	results := make([]store.IngestResult, n)
	items := make([]store.IngestItem, n)
	for i := range items {
		items[i] = item("many", fmt.Sprint(i%40)) // 10 repeats
	}
	for i := range n {
		wg.Go(func() {
			ing, err := s.SaveIngest(context.Background(), items[i].Dump, items[i].Extraction)
			results[i] = store.IngestResult{Ingest: ing, Err: err}
		})
	}
	wg.Wait()
	created := 0
	for i, res := range results {
		checkStored(t, s, items[i], res)
		if res.Ingest.Created {
			created++
		}
	}
	if created != 40 {
		t.Errorf("%d created, want 40", created)
	}
	if dumps, articles := countRows(t, pool); dumps != 40 || articles != 40 {
		t.Errorf("%d dumps and %d articles, want 40", dumps, articles)
	}
}
