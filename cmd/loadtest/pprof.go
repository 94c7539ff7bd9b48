package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
)

// serverSettings adds, when -pprof is given, the profiler's listener on a
// loopback port the kernel picks.
func (b *bench) serverSettings(settings ...string) []string {
	if b.opts.pprofDir != "" {
		settings = append(settings, "PRESSROOM_DEBUG_ADDR=127.0.0.1:0")
	}
	return settings
}

// cpuProfile is a Go CPU profile of the server being taken over one
// measured phase.
type cpuProfile struct {
	path string
	done chan error
}

// startCPUProfile asks the server's profiler for a CPU profile as long as
// the measured phase, or does nothing without -pprof or outside the
// Pressroom phases. Unlike -perf it sees only the server's Go code, with
// its call stacks: what PostgreSQL spends is not in it.
func (b *bench) startCPUProfile(ctx context.Context, phase string) *cpuProfile {
	if b.opts.pprofDir == "" || b.srv == nil || b.srv.debugAddr == "" {
		return nil
	}
	p := &cpuProfile{path: filepath.Join(b.opts.pprofDir, slug(phase)+".pprof"), done: make(chan error, 1)}
	seconds := max(1, int(b.opts.duration.Seconds()))
	url := "http://" + b.srv.debugAddr + "/debug/pprof/profile?seconds=" + strconv.Itoa(seconds)
	go func() { p.done <- fetchTo(ctx, url, p.path) }()
	return p
}

// saveHeapProfile saves the server's heap profile at the end of a
// measured phase (what is live, and what the phase allocated), next to
// its CPU profile; it returns the file's path, or "" without -pprof.
func (b *bench) saveHeapProfile(ctx context.Context, phase string) (string, error) {
	if b.opts.pprofDir == "" || b.srv == nil || b.srv.debugAddr == "" {
		return "", nil
	}
	path := filepath.Join(b.opts.pprofDir, slug(phase)+".heap.pprof")
	if err := fetchTo(ctx, "http://"+b.srv.debugAddr+"/debug/pprof/heap", path); err != nil {
		return "", fmt.Errorf("server heap profile: %w", err)
	}
	return path, nil
}

// wait returns the profile's path once it is written.
func (p *cpuProfile) wait() (string, error) {
	if p == nil {
		return "", nil
	}
	if err := <-p.done; err != nil {
		return "", fmt.Errorf("server CPU profile: %w", err)
	}
	return p.path, nil
}

// fetchTo saves the body of a GET of url to path.
func fetchTo(ctx context.Context, url, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("GET %s: %s: %s", url, resp.Status, b)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, resp.Body)
	return errors.Join(err, f.Close())
}
