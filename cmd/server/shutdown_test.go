package main

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"
)

// shutdownTimeout is PRESSROOM_SHUTDOWN_TIMEOUT in the shutdown test.
const shutdownTimeout = 15 * time.Second

// TestShutdown_UnderLoad sends SIGTERM while POSTs are in flight: uploads
// whose bodies are still arriving, and a stream of ordinary requests. The
// uploads must complete after the signal; every other request must either
// get its whole answer or be refused before any of it was sent; the process
// must exit 0 within the shutdown timeout; and every write acknowledged
// before, during or after the signal must be in the database.
func TestShutdown_UnderLoad(t *testing.T) {
	t.Parallel()
	c := startCluster(t, false)
	s := startServer(t, "DATABASE_URL="+c.URL("pressroom"), "PRESSROOM_SHUTDOWN_TIMEOUT="+shutdownTimeout.String())
	l := startLoad(s, 4, "")
	defer l.halt()
	l.waitAcks(t, 20, time.Minute)

	// Uploads that are mid-body when the signal arrives. With
	// Expect: 100-continue the client sends the body only once the handler
	// reads it, so a first chunk accepted means the request is in flight.
	const uploads = 4
	ups := make([]*upload, uploads)
	for i := range ups {
		ups[i] = startUpload(t, s, 1_000_000+i)
	}

	sent := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// Only once the listener refuses connections is shutdown surely under
	// way; the uploads finish after that.
	for i := 0; ; i++ {
		conn, err := net.Dial("tcp", s.httpAddr)
		if err != nil {
			break
		}
		conn.Close()
		if i > 3000 {
			t.Fatal("the API listener still accepts connections 30s after SIGTERM")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, u := range ups {
		u.finish(t)
	}

	select {
	case err := <-s.exited:
		took := time.Since(sent)
		t.Logf("exited %v after SIGTERM: %v", took.Round(time.Millisecond), err)
		if err != nil {
			t.Errorf("exit after SIGTERM: %v, want status 0\n%s", err, tail(s.logs.String(), 20))
		}
		if took > shutdownTimeout {
			t.Errorf("exit took %v, longer than the shutdown timeout %v", took, shutdownTimeout)
		}
	case <-time.After(shutdownTimeout + 30*time.Second):
		t.Fatalf("no exit %v after SIGTERM", shutdownTimeout+30*time.Second)
	}
	l.halt()

	for _, u := range ups {
		l.record(u.call)
		if u.call.status != http.StatusCreated {
			t.Errorf("upload #%d in flight at SIGTERM: %d %v %.200s, want 201", u.call.idx, u.call.status, u.call.err, u.call.body)
		}
	}
	var completed, refused, cut int
	kinds := map[string]int{}
	for _, c := range l.calls {
		switch {
		case c.err == nil:
			completed++
			if c.status != http.StatusOK && !(c.op == "POST" && isAck(c.status)) {
				t.Errorf("%s #%d: %d %.200s", c.op, c.idx, c.status, c.body)
			}
		case c.status == 0:
			refused++ // nothing of an answer arrived: the client may retry
			kinds[refusal(c.err)]++
		default:
			cut++
			t.Errorf("%s #%d: answer %d cut off mid-response: %v", c.op, c.idx, c.status, c.err)
		}
	}
	found := verifyTables(t, connectDB(t, c), l)
	t.Logf("%d requests completed, %d refused before an answer %v, %d cut off; %d dumps acknowledged, %d in the database",
		completed, refused, kinds, cut, len(l.acked), len(found))
}

// upload is a POST whose body the test sends in two halves.
type upload struct {
	call *call
	pw   *io.PipeWriter
	rest []byte
	done chan struct{}
}

func startUpload(t *testing.T, s *server, idx int) *upload {
	t.Helper()
	body := articleDump(idx)
	pr, pw := io.Pipe()
	u := &upload{call: &call{op: "POST", idx: idx, start: time.Now()}, pw: pw, rest: body[len(body)/2:], done: make(chan struct{})}
	req, err := http.NewRequest(http.MethodPost, "http://"+s.httpAddr+"/v1/articles", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	req.Header.Set("Expect", "100-continue")
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute, DisableKeepAlives: true}}
	go func() {
		defer close(u.done)
		resp, err := client.Do(req)
		if err == nil {
			u.call.status, u.call.header = resp.StatusCode, resp.Header
			u.call.body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		u.call.err, u.call.end = err, time.Now()
	}()
	if _, err := pw.Write(body[:len(body)/2]); err != nil {
		t.Fatalf("upload #%d: first half: %v", idx, err)
	}
	return u
}

func (u *upload) finish(t *testing.T) {
	t.Helper()
	if _, err := u.pw.Write(u.rest); err != nil {
		t.Errorf("upload #%d: second half: %v", u.call.idx, err)
	}
	u.pw.Close()
	<-u.done
}

// refusal names how a request was refused.
func refusal(err error) string {
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "reset before the answer"
	case errors.Is(err, io.EOF):
		return "closed before the answer"
	}
	return err.Error()
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := bytes.Split([]byte(s), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}

// TestShutdown_SlowUploader: a client that stops sending its body halfway
// does not hold the process past its shutdown timeout: its read is cut
// (uploadGrace) and the process exits 0. It used to outlive the timeout
// on the 60 s ReadTimeout and exit 1.
func TestShutdown_SlowUploader(t *testing.T) {
	t.Parallel()
	const timeout = 4 * time.Second
	c := startCluster(t, false)
	s := startServer(t, "DATABASE_URL="+c.URL("pressroom"), "PRESSROOM_SHUTDOWN_TIMEOUT="+timeout.String())
	u := startUpload(t, s, 2_000_000) // in flight: the handler is reading its body
	defer func() { u.pw.Close(); <-u.done }()

	sent := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.exited:
		t.Logf("exited %v after SIGTERM: %v", time.Since(sent).Round(time.Millisecond), err)
		if err != nil {
			t.Errorf("exit with a stalled upload: %v, want status 0\n%s", err, tail(s.logs.String(), 20))
		}
	case <-time.After(timeout + 30*time.Second):
		t.Fatalf("no exit %v after SIGTERM", timeout+30*time.Second)
	}
}
