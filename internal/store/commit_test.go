package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// gate holds every group-commit transaction before it starts: held
// receives its number of calls, and a send on release lets it go. Once the
// test fails, transactions are no longer held, so that nothing hangs.
type gate struct {
	held    chan int
	release chan struct{}
	failed  chan struct{}
	once    sync.Once
}

func newGate(s *store.Store) *gate {
	g := &gate{held: make(chan int), release: make(chan struct{}), failed: make(chan struct{})}
	store.SetFlushHook(s, func(n int) {
		select {
		case g.held <- n:
		case <-g.failed:
			return
		}
		select {
		case <-g.release:
		case <-g.failed:
		}
	})
	return g
}

// next waits for the next transaction, checks its size, and lets it go.
func (g *gate) next(t *testing.T, want int) {
	t.Helper()
	g.expect(t, want)
	g.release <- struct{}{}
}

// expect waits for the next transaction and checks its size, leaving it
// held. The deadline only turns a hang into a failure.
func (g *gate) expect(t *testing.T, want int) {
	t.Helper()
	select {
	case n := <-g.held:
		if n != want {
			g.fail(t, "transaction of %d calls, want %d", n, want)
		}
	case <-time.After(time.Minute):
		g.fail(t, "no transaction of %d calls started", want)
	}
}

func (g *gate) fail(t *testing.T, format string, args ...any) {
	t.Helper()
	g.once.Do(func() { close(g.failed) })
	t.Fatalf(format, args...)
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

	grouped := store.NewWithOptions(dbtest.New(t), store.Options{Writers: 1, MaxBatch: 64})
	defer grouped.Close()
	g := newGate(grouped)
	got := make([]*store.Ingest, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	// The first call, alone, is written at once and holds the only writer
	// slot; the others queue behind it.
	wg.Go(func() { got[0], errs[0] = grouped.SaveIngest(context.Background(), items[0].Dump, items[0].Extraction) })
	g.expect(t, 1)
	for i := 1; i < n; i++ {
		// Each repeat queues after its original, as in the serial run.
		if i%10 == 7 {
			waitQueue(t, grouped, i-1)
		}
		wg.Go(func() { got[i], errs[i] = grouped.SaveIngest(context.Background(), items[i].Dump, items[i].Extraction) })
	}
	waitQueue(t, grouped, n-1)
	g.release <- struct{}{}
	g.next(t, n-1)
	wg.Wait()

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
	g.expect(t, 1)
	for i := 1; i < n; i++ {
		wg.Go(func() { save(i) })
	}
	waitQueue(t, s, n-1)
	g.release <- struct{}{}
	g.next(t, n-1)
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
// given up while its group's transaction runs, the row is committed anyway.
func TestGroupCommit_Cancel(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.NewWithOptions(pool, store.Options{Writers: 1})
	defer s.Close()
	g := newGate(s)

	save := func(ctx context.Context, body string) chan error {
		errc := make(chan error, 1)
		go func() {
			_, err := s.SaveIngest(ctx, dump("c", body), extraction())
			errc <- err
		}()
		return errc
	}
	first := save(context.Background(), "first")
	g.expect(t, 1)
	queuedCtx, cancelQueued := context.WithCancel(context.Background())
	queued := save(queuedCtx, "queued")
	waitQueue(t, s, 1)
	inFlightCtx, cancelInFlight := context.WithCancel(context.Background())
	inFlight := save(inFlightCtx, "in flight")
	waitQueue(t, s, 2)
	other := save(context.Background(), "other")
	waitQueue(t, s, 3)

	cancelQueued()
	if err := <-queued; !errors.Is(err, context.Canceled) {
		t.Errorf("queued caller: %v, want context.Canceled", err)
	}
	g.release <- struct{}{}
	if err := <-first; err != nil {
		t.Errorf("first caller: %v", err)
	}
	// The next transaction holds the two callers still waiting: the
	// queued caller's row is dropped.
	g.expect(t, 2)
	cancelInFlight()
	if err := <-inFlight; !errors.Is(err, context.Canceled) {
		t.Errorf("in-flight caller: %v, want context.Canceled", err)
	}
	g.release <- struct{}{}
	if err := <-other; err != nil {
		t.Errorf("other caller: %v", err)
	}
	s.Close() // drains
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
	if diff := cmp.Diff([]string{"first", "in flight", "other"}, bodies); diff != "" {
		t.Errorf("stored dumps (-want +got):\n%s", diff)
	}
}

// TestGroupCommit_LoneCallerCancel: a caller written alone uses its own
// context, like a call without group commit.
func TestGroupCommit_LoneCallerCancel(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.NewWithOptions(pool, store.Options{Writers: 1})
	defer s.Close()
	g := newGate(s)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := s.SaveIngest(ctx, dump("lone", "x"), extraction())
		errc <- err
	}()
	g.expect(t, 1)
	cancel()
	g.release <- struct{}{}
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("SaveIngest = %v, want context.Canceled", err)
	}
	if dumps, _ := countRows(t, pool); dumps != 0 {
		t.Errorf("%d dumps, want none", dumps)
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
	g.expect(t, 1)
	for i := 1; i < n; i++ {
		wg.Go(func() { _, errs[i] = s.SaveIngest(context.Background(), dump("close", fmt.Sprint(i)), extraction()) })
	}
	waitQueue(t, s, n-1)

	closed := make(chan struct{})
	go func() {
		s.Close()
		close(closed)
	}()
	// Close cannot return while a transaction is held and calls queued.
	for _, want := range []int{4, 4, 1} { // MaxBatch 4
		select {
		case <-closed:
			g.fail(t, "Close returned before the queued calls were written")
		case g.release <- struct{}{}:
		}
		g.expect(t, want)
	}
	g.release <- struct{}{}
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
