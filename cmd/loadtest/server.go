package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// server is a running Pressroom process.
type server struct {
	cmd         *exec.Cmd
	httpAddr    string
	metricsAddr string
	debugAddr   string // "" unless started with PRESSROOM_DEBUG_ADDR
	logPath     string
	done        chan struct{} // closed when the process has exited
	waitErr     error
}

// servingLine is the log record the server writes once both listeners are
// up; it is how we learn the ports it picked.
type servingLine struct {
	Msg         string `json:"msg"`
	HTTPAddr    string `json:"http_addr"`
	MetricsAddr string `json:"metrics_addr"`
	DebugAddr   string `json:"debug_addr"`
}

// parseProfiler recognises the line the server logs, before "serving",
// when its profiler listens on loopback, and returns the profiler's
// address.
func parseProfiler(line []byte) (string, bool) {
	var l servingLine
	if json.Unmarshal(line, &l) != nil || l.Msg != "profiler listening" {
		return "", false
	}
	host, _, err := net.SplitHostPort(l.DebugAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return "", false
	}
	return l.DebugAddr, true
}

// parseServing recognises the "serving" log line and returns the two
// addresses, refusing any that is not on loopback: the benchmark must never
// drive a server reachable from elsewhere.
func parseServing(line []byte) (httpAddr, metricsAddr string, ok bool, err error) {
	var l servingLine
	if json.Unmarshal(line, &l) != nil || l.Msg != "serving" {
		return "", "", false, nil
	}
	for _, a := range []string{l.HTTPAddr, l.MetricsAddr} {
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			return "", "", false, fmt.Errorf("serving line: address %q: %w", a, err)
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return "", "", false, fmt.Errorf("serving line: %q is not a loopback address", a)
		}
	}
	return l.HTTPAddr, l.MetricsAddr, true, nil
}

// startServer execs the Pressroom binary on loopback ports chosen by the
// kernel, with databaseURL and any settings given (NAME=value), and waits
// for its "serving" line. Everything the server logs goes to logPath.
func startServer(ctx context.Context, bin, databaseURL, logPath string, settings ...string) (*server, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, fmt.Errorf("server log: %w", err)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(serverEnv(os.Environ()),
		"DATABASE_URL="+databaseURL,
		"PRESSROOM_REQUIRE_DATABASE_URL=true",
		"PRESSROOM_HTTP_ADDR=127.0.0.1:0",
		"PRESSROOM_METRICS_ADDR=127.0.0.1:0",
		"PRESSROOM_SHUTDOWN_TIMEOUT=10s",
		// One client drives the whole load: a per-client limit would
		// measure the limiter, not the ingest path.
		"PRESSROOM_RATE_LIMIT=0",
	)
	cmd.Env = append(cmd.Env, settings...)
	cmd.Stdout = logf
	stderr, err := cmd.StderrPipe()
	if err != nil {
		logf.Close()
		return nil, fmt.Errorf("server: %w", err)
	}
	// Own process group: a terminal's Ctrl-C reaches only us, and we stop
	// the server before the database. On Linux the kernel also stops it
	// should we die suddenly.
	cmd.SysProcAttr = childProcAttr(syscall.SIGTERM)
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &server{cmd: cmd, logPath: logPath, done: make(chan struct{})}

	type addrs struct {
		http, metrics, debug string
		err                  error
	}
	found := make(chan addrs, 1)
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		defer logf.Close()
		br := bufio.NewReaderSize(stderr, 64<<10)
		seen := false
		debugAddr := ""
		for {
			line, err := br.ReadBytes('\n')
			logf.Write(line)
			if !seen {
				if d, ok := parseProfiler(bytes.TrimSpace(line)); ok {
					debugAddr = d
				}
				h, m, ok, perr := parseServing(bytes.TrimSpace(line))
				if ok || perr != nil {
					seen = true
					found <- addrs{h, m, debugAddr, perr}
				}
			}
			if err != nil {
				return
			}
			if seen {
				// From here on only copy: the request log is long.
				io.Copy(logf, br)
				return
			}
		}
	}()
	go func() {
		<-copied // Wait closes the pipe; read it to the end first
		s.waitErr = cmd.Wait()
		close(s.done)
	}()

	timeout := time.NewTimer(60 * time.Second)
	defer timeout.Stop()
	select {
	case a := <-found:
		if a.err != nil {
			s.stop()
			return nil, a.err
		}
		s.httpAddr, s.metricsAddr, s.debugAddr = a.http, a.metrics, a.debug
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("server exited before serving (%v): %s", s.waitErr, logTail(logPath, 6))
	case <-timeout.C:
		s.stop()
		return nil, fmt.Errorf("server did not log \"serving\" within 60s: %s", logTail(logPath, 6))
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
}

// serverEnv drops the caller's Pressroom settings so that the benchmark
// always measures the same configuration.
func serverEnv(env []string) []string {
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if strings.HasPrefix(kv, "PRESSROOM_") || strings.HasPrefix(kv, "DATABASE_URL=") {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// stop sends SIGTERM (a graceful drain) and escalates to SIGKILL if the
// server has not exited in time.
func (s *server) stop() error {
	select {
	case <-s.done:
		return s.exitErr()
	default:
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
		return s.exitErr()
	case <-time.After(20 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
		return errors.New("server did not stop within 20s of SIGTERM; killed")
	}
}

func (s *server) exitErr() error {
	if s.waitErr != nil {
		return fmt.Errorf("server exited: %w: %s", s.waitErr, logTail(s.logPath, 4))
	}
	return nil
}

func (s *server) pid() int { return s.cmd.Process.Pid }

// logTail returns the last n lines of a log file, for error messages.
func logTail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "(no log)"
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
