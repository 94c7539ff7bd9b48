package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// perfRecording is a running `perf record` of the whole machine. It is
// system-wide because the cost of a request is spread over the server,
// several PostgreSQL backends and the WAL writer; `perf report --comm`
// separates them afterwards.
type perfRecording struct {
	cmd  *exec.Cmd
	path string
}

// startPerf starts recording one phase into dir, or does nothing when dir
// is empty.
func startPerf(dir, phase string) (*perfRecording, error) {
	if dir == "" {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("perf: %w", err)
	}
	path := filepath.Join(dir, slug(phase)+".data")
	cmd := exec.Command("perf", "record", "-a", "-g", "-F", "499", "-o", path)
	cmd.Stdout, cmd.Stderr = nil, nil
	cmd.SysProcAttr = childProcAttr(syscall.SIGINT)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("perf: %w (install linux-perf, or drop -perf)", err)
	}
	time.Sleep(200 * time.Millisecond) // perf needs a moment before it samples
	return &perfRecording{cmd: cmd, path: path}, nil
}

// stop ends the recording; perf writes its file on SIGINT.
func (p *perfRecording) stop() error {
	if p == nil {
		return nil
	}
	_ = p.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			return fmt.Errorf("perf: %w", err)
		}
		return nil
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		return errors.New("perf did not stop within 30s; killed")
	}
}
