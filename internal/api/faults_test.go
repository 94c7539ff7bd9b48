package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/store"
)

// postKeyed sends body to path with an Idempotency-Key, from ctx.
func (ts *testServer) postKeyed(ctx context.Context, t *testing.T, path, contentType, key string, body []byte) (response, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "POST", ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: buf.Bytes()}, err
}

// lockTables takes ACCESS EXCLUSIVE locks in a transaction of its own, so
// that every statement on those tables waits: the database is frozen for
// them until unlock is called.
func (ts *testServer) lockTables(t *testing.T, tables ...string) (tx pgx.Tx, unlock func()) {
	t.Helper()
	tx, err := ts.pool.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		if _, err := tx.Exec(context.Background(), "LOCK TABLE "+table+" IN ACCESS EXCLUSIVE MODE"); err != nil {
			t.Fatal(err)
		}
	}
	done := false
	unlock = func() {
		if !done {
			done = true
			_ = tx.Rollback(context.Background())
		}
	}
	t.Cleanup(unlock)
	return tx, unlock
}

// waitFor polls cond until it holds; the test's own timeout bounds it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; !cond(); i++ {
		if i == 3000 {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitForBlockedQuery waits until a statement waits on a lock on table.
func (ts *testServer) waitForBlockedQuery(t *testing.T, table string) {
	t.Helper()
	ts.waitForBlockedQueries(t, table, 1)
}

// blockedQueries counts the statements waiting on a lock on table.
func (ts *testServer) blockedQueries(t *testing.T, table string) int {
	t.Helper()
	var n int
	err := ts.pool.QueryRow(context.Background(),
		`SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = $1::regclass`, table).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// waitForBlockedQueries waits until at least n statements wait on a lock
// on table.
func (ts *testServer) waitForBlockedQueries(t *testing.T, table string, n int) {
	t.Helper()
	waitFor(t, fmt.Sprintf("%d statements blocked on %s", n, table), func() bool {
		return ts.blockedQueries(t, table) >= n
	})
}

// TestClientGone_Is499: a client that goes away while its request waits
// on the database is recorded as 499, logged at debug, and never counted
// or logged as a server error.
func TestClientGone_Is499(t *testing.T) {
	logs := &syncBuf{}
	ts := newTestServer(t, api.Config{Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	for _, tc := range []struct{ path, contentType string }{
		{"/v1/articles", "text/plain"},
		{"/v1/articles/batch", "application/x-ndjson"},
	} {
		body := seed(t)
		if tc.contentType == "application/x-ndjson" {
			body = envelopeLine(t, "gone", "https://example.com/gone", "text/plain", string(seed(t)))
		}
		// Each request gets a database frozen for it alone, and thawed
		// before the next: a group-commit write may go on after its
		// client left, or be cancelled, and either must not decide whether
		// the next request is seen blocked.
		_, unlock := ts.lockTables(t, "dumps")
		ctx, cancel := context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() {
			_, err := ts.postKeyed(ctx, t, tc.path, tc.contentType, "", body)
			errc <- err
		}()
		ts.waitForBlockedQuery(t, "dumps")
		cancel()
		if err := <-errc; err == nil {
			t.Fatalf("%s: the request was answered although the database was locked", tc.path)
		}
		waitFor(t, "the 499 of "+tc.path, func() bool {
			return counters(t, ts.reg)[`pressroom_http_requests_total{code="499",method="POST",route="`+tc.path+`"}`] == 1
		})
		unlock()
		waitFor(t, "no statement blocked on dumps", func() bool { return ts.blockedQueries(t, "dumps") == 0 })
	}
	for series, n := range counters(t, ts.reg) {
		if strings.HasPrefix(series, "pressroom_http_requests_total{code=\"5") && n > 0 {
			t.Errorf("%s = %v: a client going away was counted as a server error", series, n)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var l struct{ Level, Msg string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if l.Level == "ERROR" || l.Level == "WARN" {
			t.Errorf("logged at %s: %s", l.Level, line)
		}
	}
	if !strings.Contains(logs.String(), "client closed the request") {
		t.Error("no debug line for the client that went away")
	}
}

// TestIdempotencyKey_RetryableAfterOutage: a keyed request that is running
// when the database freezes fails after the DB timeout, not after a
// further wait to release its key, and a retry succeeds as soon as the
// database answers again rather than getting 409 until the key's lease
// ends.
func TestIdempotencyKey_RetryableAfterOutage(t *testing.T) {
	const dbTimeout = 2 * time.Second
	ts := newTestServer(t, api.Config{DBTimeout: dbTimeout})
	tx, unlock := ts.lockTables(t, "dumps")
	type result struct {
		r       response
		elapsed time.Duration
		err     error
	}
	done := make(chan result, 1)
	go func() {
		start := time.Now()
		r, err := ts.postKeyed(context.Background(), t, "/v1/articles", "text/plain", "k-outage", seed(t))
		done <- result{r, time.Since(start), err}
	}()
	ts.waitForBlockedQuery(t, "dumps")
	// The key is claimed; now the database stops answering for keys too.
	if _, err := tx.Exec(context.Background(), "LOCK TABLE idempotency_keys IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	res := <-done
	if res.err != nil {
		t.Fatal(res.err)
	}
	mustProblem(t, res.r, http.StatusServiceUnavailable, "unavailable")
	t.Logf("keyed request during the outage failed after %v (DB timeout %v)", res.elapsed.Round(time.Millisecond), dbTimeout)

	unlock() // the database answers again
	r, err := ts.postKeyed(context.Background(), t, "/v1/articles", "text/plain", "k-outage", seed(t))
	if err != nil {
		t.Fatal(err)
	}
	mustArticle(t, r, http.StatusCreated)
	again, err := ts.postKeyed(context.Background(), t, "/v1/articles", "text/plain", "k-outage", seed(t))
	if err != nil {
		t.Fatal(err)
	}
	if again.status != http.StatusCreated || again.header.Get("Idempotent-Replayed") != "true" {
		t.Fatalf("retry after success = %d replayed=%q, want the stored 201", again.status, again.header.Get("Idempotent-Replayed"))
	}
}

// TestIdempotencyKey_BatchWithRetryableItemsNotReplayed: a batch whose
// lines partly failed with 503 is not stored for replay; a retry with the
// same key runs it again, and only a batch whose lines are all final is
// replayed.
func TestIdempotencyKey_BatchWithRetryableItemsNotReplayed(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ctx := context.Background()
	// Dumps from "flaky" fail as if the database were out of connections
	// (SQLSTATE 53300); the first chunk of the batch is stored.
	if _, err := ts.pool.Exec(ctx, `CREATE FUNCTION flaky() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.source = 'flaky' THEN RAISE EXCEPTION 'out of connections' USING ERRCODE = '53300'; END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER flaky BEFORE INSERT ON dumps FOR EACH ROW EXECUTE FUNCTION flaky()`); err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	for i := range store.DefaultBatchRows {
		lines = append(lines, envelopeLine(t, "steady", fmt.Sprint("https://example.com/s/", i), "text/plain",
			fmt.Sprintf("Headline number %d of the day\n\n%s", i, filler(fmt.Sprint("steady ", i), 3))))
	}
	lines = append(lines, envelopeLine(t, "flaky", "https://example.com/f", "text/plain", "Flaky headline\n\n"+filler("flaky", 3)))
	body := bytes.Join(lines, []byte("\n"))
	post := func() (batchBody, response) {
		t.Helper()
		r, err := ts.postKeyed(ctx, t, "/v1/articles/batch", "application/x-ndjson", "k-batch", body)
		if err != nil {
			t.Fatal(err)
		}
		if r.status != http.StatusOK {
			t.Fatalf("batch: %d %s", r.status, r.body)
		}
		var b batchBody
		if err := json.Unmarshal(r.body, &b); err != nil {
			t.Fatal(err)
		}
		return b, r
	}
	for i, want := range []struct {
		created, existed, failed int
		replayed                 string
	}{
		{store.DefaultBatchRows, 0, 1, ""},
		{0, store.DefaultBatchRows, 1, ""}, // run again, not replayed
		{1, store.DefaultBatchRows, 0, ""}, // the trigger is gone: all final
		{1, store.DefaultBatchRows, 0, "true"},
	} {
		if i == 2 {
			if _, err := ts.pool.Exec(ctx, `DROP TRIGGER flaky ON dumps`); err != nil {
				t.Fatal(err)
			}
		}
		b, r := post()
		if b.Created != want.created || b.Existed != want.existed || b.Failed != want.failed || r.header.Get("Idempotent-Replayed") != want.replayed {
			t.Fatalf("attempt %d: created %d existed %d failed %d replayed %q, want %+v",
				i+1, b.Created, b.Existed, b.Failed, r.header.Get("Idempotent-Replayed"), want)
		}
		if want.failed > 0 && b.Items[len(b.Items)-1].Status != http.StatusServiceUnavailable {
			t.Fatalf("attempt %d: the flaky line got %d, want 503", i+1, b.Items[len(b.Items)-1].Status)
		}
	}
}

// TestDelete_PurgesIdempotentResponses: after a takedown, no stored
// Idempotency-Key response replays the article, whether it came from a
// single POST or a batch; responses about other articles stay.
func TestDelete_PurgesIdempotentResponses(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ctx := context.Background()
	post := func(key, path, contentType string, body []byte) response {
		t.Helper()
		r, err := ts.postKeyed(ctx, t, path, contentType, key, body)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	gone := mustArticle(t, post("k-single", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)
	batchNDJSON := bytes.Join([][]byte{
		envelopeLine(t, "b", "https://example.com/1", "text/plain", "First headline\n\n"+filler("first", 3)),
		envelopeLine(t, "b", "https://example.com/2", "text/plain", "Second headline\n\n"+filler("second", 3)),
	}, []byte("\n"))
	br := post("k-batch", "/v1/articles/batch", "application/x-ndjson", batchNDJSON)
	var batch batchBody
	if err := json.Unmarshal(br.body, &batch); err != nil || len(batch.Items) != 2 || batch.Items[0].ID == nil {
		t.Fatalf("batch: %v %s", err, br.body)
	}
	kept := mustArticle(t, post("k-kept", "/v1/articles", "text/plain", []byte("Kept headline\n\n"+filler("kept", 3))), http.StatusCreated)

	for _, id := range []article.ID{gone.ID, *batch.Items[0].ID} {
		if r := ts.do(t, "DELETE", "/v1/articles/"+id.String(), "", nil); r.status != http.StatusNoContent {
			t.Fatalf("DELETE %s: %d %s", id, r.status, r.body)
		}
	}
	for _, tc := range []struct{ key, path, contentType, deleted string }{
		{"k-single", "/v1/articles", "text/plain", gone.ID.String()},
		{"k-batch", "/v1/articles/batch", "application/x-ndjson", batch.Items[0].ID.String()},
	} {
		body := seed(t)
		if tc.key == "k-batch" {
			body = batchNDJSON
		}
		r := post(tc.key, tc.path, tc.contentType, body)
		if r.header.Get("Idempotent-Replayed") != "" || bytes.Contains(r.body, []byte(tc.deleted)) {
			t.Errorf("%s after DELETE: replayed=%q, body names the deleted article: %v",
				tc.key, r.header.Get("Idempotent-Replayed"), bytes.Contains(r.body, []byte(tc.deleted)))
		}
	}
	r := post("k-kept", "/v1/articles", "text/plain", []byte("Kept headline\n\n"+filler("kept", 3)))
	if r.header.Get("Idempotent-Replayed") != "true" || mustArticle(t, r, http.StatusCreated).ID != kept.ID {
		t.Errorf("the response about another article was not kept: replayed=%q", r.header.Get("Idempotent-Replayed"))
	}
}
