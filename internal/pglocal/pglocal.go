//go:build !windows

// Package pglocal runs a private PostgreSQL server from the machine's own
// binaries: the development database when DATABASE_URL is unset, and the
// test harness's server. The server listens on a unix socket inside its data
// directory only, so checkouts never clash over ports and nothing is exposed
// on the network.
package pglocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// logName is the server's stdout/stderr inside the data directory.
const logName = "pglocal.log"

// stopTimeout bounds a fast shutdown before escalating to an immediate one.
const stopTimeout = 30 * time.Second

// Cluster is a running (or stopped) local server.
type Cluster struct {
	bin       string
	dataDir   string
	socketDir string
	durable   bool
	acct      account
	logf      func(format string, args ...any)
	adopted   bool // someone else's server on our data dir: never stopped by us

	mu   sync.Mutex
	proc *process // nil when not running (or adopted)
}

// process is one postmaster run.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when cmd has exited
	err  error         // cmd's exit status, valid after done
}

// Start makes sure a server is running on opts.DataDir and that the
// "pressroom" database exists. It runs initdb when the directory holds no
// cluster yet (~1 s), otherwise it starts the existing one (~50 ms). When a
// server is already running on the directory and answers, it is adopted:
// used, but never stopped by this Cluster.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	bin, err := FindBinDir()
	if err != nil {
		return nil, err
	}
	acct, err := serverAccount()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, durable: opts.Durable, acct: acct, logf: opts.Logf}
	if c.logf == nil {
		c.logf = func(string, ...any) {}
	}

	temp := opts.DataDir == ""
	if temp {
		dir, err := os.MkdirTemp("", "pglocal-")
		if err != nil {
			return nil, fmt.Errorf("pglocal: %w", err)
		}
		if err := usable(dir, acct); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pglocal: temp dir %s unusable (%v); set TMPDIR to a short, world-traversable directory", dir, err)
		}
		c.dataDir = dir
	} else {
		dir, err := filepath.Abs(opts.DataDir)
		if err != nil {
			return nil, fmt.Errorf("pglocal: data dir: %w", err)
		}
		if why := usable(dir, acct); why != nil {
			fb := fallbackDir(dir)
			if err := usable(fb, acct); err != nil {
				return nil, fmt.Errorf("pglocal: data dir %s unusable (%v), and so is the fallback %s (%v)", dir, why, fb, err)
			}
			c.logf("pglocal: %s unusable (%v); using %s instead", dir, why, fb)
			dir = fb
		}
		c.dataDir = dir
	}
	c.socketDir = c.dataDir

	if err := c.boot(ctx); err != nil {
		if temp {
			c.Remove()
		} else {
			c.Stop()
		}
		return nil, err
	}
	return c, nil
}

// boot initialises the directory if needed, then adopts or starts a server
// and creates the default database.
func (c *Cluster) boot(ctx context.Context) error {
	if err := prepareDir(c.dataDir, c.acct); err != nil {
		return err
	}
	switch v, err := os.ReadFile(filepath.Join(c.dataDir, "PG_VERSION")); {
	case errors.Is(err, os.ErrNotExist):
		if err := c.initdb(ctx); err != nil {
			return err
		}
	case err != nil:
		return fmt.Errorf("pglocal: %w", err)
	default:
		if err := c.matchVersion(strings.TrimSpace(string(v))); err != nil {
			return err
		}
	}
	adopted, err := c.adopt(ctx)
	if err != nil {
		return err
	}
	if !adopted {
		c.mu.Lock()
		err = c.start(ctx)
		c.mu.Unlock()
		if err != nil {
			return err
		}
	}
	return c.ensureDatabase(ctx, DefaultDatabase)
}

// matchVersion makes sure the binaries can run a cluster made by major
// version want: after an upgrade the highest installed version is no longer
// the one that created an existing data dir, so that one is used instead.
func (c *Cluster) matchVersion(want string) error {
	got, err := binVersion(c.bin)
	if err != nil || got == want {
		return err
	}
	if os.Getenv("PG_BINDIR") == "" {
		if alt := strings.Replace(binDirGlob, "*", want, 1); hasServerBinaries(alt) == nil {
			c.logf("pglocal: %s was created by PostgreSQL %s; using %s", c.dataDir, want, alt)
			c.bin = alt
			return nil
		}
	}
	return fmt.Errorf("pglocal: %s was created by PostgreSQL %s but %s holds version %s; point PG_BINDIR at version %s binaries, or remove the directory to start afresh",
		c.dataDir, want, c.bin, got, want)
}

// binVersion returns the major version of the postgres binary in bin, in
// PG_VERSION's form ("15", "9.6").
func binVersion(bin string) (string, error) {
	out, err := exec.Command(filepath.Join(bin, "postgres"), "-V").Output()
	if err != nil {
		return "", fmt.Errorf("pglocal: %s -V: %w", filepath.Join(bin, "postgres"), err)
	}
	// "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", "… 18devel"
	m := versionRE.FindStringSubmatch(string(out))
	if m == nil {
		return "", fmt.Errorf("pglocal: unexpected postgres -V output %q", out)
	}
	if n, _ := strconv.Atoi(m[1]); n < 10 && m[2] != "" {
		return m[1] + "." + m[2], nil // before 10, a major version had two parts
	}
	return m[1], nil
}

var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)(?:\.(\d+))?`)

// initdb creates the cluster in the empty data dir. Authentication is
// "trust": the socket lives in a 0700 directory, so only its owner (and
// root) can reach it at all. Throwaway clusters are copied from a pristine
// one instead, which is ten times faster than initdb.
func (c *Cluster) initdb(ctx context.Context) error {
	t0 := time.Now()
	if entries, err := os.ReadDir(c.dataDir); err != nil || len(entries) > 0 {
		return fmt.Errorf("pglocal: data dir %s holds files but no cluster (no PG_VERSION); empty it or choose another directory", c.dataDir)
	}
	if !c.durable {
		err := c.copyPristine(ctx)
		if err == nil {
			c.logf("pglocal: copied a pristine cluster to %s in %v", c.dataDir, time.Since(t0).Round(time.Millisecond))
			return nil
		}
		c.logf("pglocal: %v; running initdb instead", err)
		clearDir(c.dataDir)
	}
	if err := c.runInitdb(ctx, c.dataDir); err != nil {
		return err
	}
	c.logf("pglocal: initialised %s in %v", c.dataDir, time.Since(t0).Round(time.Millisecond))
	return nil
}

// initdbArgs are initdb's options apart from the directory.
func (c *Cluster) initdbArgs() []string {
	args := []string{"-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"}
	if !c.durable {
		// 1 MB WAL segments make a throwaway cluster 28 MB instead of 39.
		args = append(args, "--no-sync", "--wal-segsize=1")
	}
	return args
}

// runInitdb runs initdb on the empty directory dir.
func (c *Cluster) runInitdb(ctx context.Context, dir string) error {
	args := append([]string{"-D", dir}, c.initdbArgs()...)
	cmd := exec.CommandContext(ctx, filepath.Join(c.bin, "initdb"), args...)
	cmd.Dir = "/" // our cwd may be unreachable for the server account
	cmd.SysProcAttr = sysProcAttr(c.acct)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if ctx.Err() != nil {
			// initdb cleans up after itself unless it is killed; a half-made
			// cluster would make every later Start fail. The directory was
			// empty before, so everything in it is initdb's.
			clearDir(dir)
		}
		return fmt.Errorf("pglocal: initdb %s: %w: %s", dir, err, tail(out, 8))
	}
	return nil
}

// clearDir removes what is inside dir.
func clearDir(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// adopt checks postmaster.pid for a live server on the data dir. One that
// answers is adopted; one that does not is reported, because starting a
// second postmaster on the same directory cannot work.
func (c *Cluster) adopt(ctx context.Context) (bool, error) {
	b, err := os.ReadFile(filepath.Join(c.dataDir, "postmaster.pid"))
	if err != nil {
		return false, nil
	}
	lines := strings.Split(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil || pid <= 0 {
		return false, nil
	}
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false, nil // stale lock file; postgres removes it itself
	}
	if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err == nil && strings.TrimSpace(string(comm)) != "postgres" {
		// After a reboot the pid can belong to an unrelated process, and
		// postgres would then refuse to start; the lock file is stale.
		c.logf("pglocal: removing stale postmaster.pid (pid %d is now %q)", pid, strings.TrimSpace(string(comm)))
		if err := os.Remove(filepath.Join(c.dataDir, "postmaster.pid")); err != nil {
			return false, fmt.Errorf("pglocal: remove stale lock file: %w", err)
		}
		return false, nil
	}
	if len(lines) > 4 && strings.TrimSpace(lines[4]) != "" {
		c.socketDir = strings.TrimSpace(lines[4])
	}
	if err := c.ping(ctx, "postgres"); err != nil {
		return false, fmt.Errorf("pglocal: a PostgreSQL server (pid %d) is already running on %s but does not answer at %s (%v); stop it with: %s -D %s stop -m fast",
			pid, c.dataDir, c.socketDir, err, filepath.Join(c.bin, "pg_ctl"), c.dataDir)
	}
	c.adopted = true
	c.logf("pglocal: adopted the server already running on %s (pid %d)", c.dataDir, pid)
	return true, nil
}

// start launches the postmaster directly (not through pg_ctl, which would
// detach it and defeat the parent-death signal) and waits until it accepts
// connections. c.mu must be held.
func (c *Cluster) start(ctx context.Context) error {
	t0 := time.Now()
	logf, err := os.OpenFile(filepath.Join(c.dataDir, logName), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("pglocal: open server log: %w", err)
	}
	defer logf.Close() // the child has its own copy
	args := []string{"-D", c.dataDir, "-k", c.socketDir, "-c", "listen_addresses="}
	if !c.durable {
		args = append(args,
			"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
			"-c", "wal_level=minimal", "-c", "max_wal_senders=0")
	}
	cmd := exec.Command(filepath.Join(c.bin, "postgres"), args...)
	cmd.Dir = "/"
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = sysProcAttr(c.acct)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("pglocal: start postgres: %w", err)
	}
	p := &process{cmd: cmd, done: make(chan struct{})}
	c.proc = p
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()

	// A refused connection costs microseconds, so polling often is cheap and
	// makes a restart on existing data take ~50 ms instead of a backoff step.
	for {
		err := c.ping(ctx, "postgres")
		if err == nil {
			break
		}
		select {
		case <-p.done:
			c.proc = nil
			return fmt.Errorf("pglocal: postgres exited during startup (%v): %s", p.err, c.logTail())
		case <-ctx.Done():
			c.kill()
			return fmt.Errorf("pglocal: postgres not ready: %w (last: %v): %s", ctx.Err(), err, c.logTail())
		case <-time.After(10 * time.Millisecond):
		}
	}
	c.logf("pglocal: postgres ready on %s in %v", c.socketDir, time.Since(t0).Round(time.Millisecond))
	return nil
}

// ping opens and closes one connection.
func (c *Cluster) ping(ctx context.Context, db string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.URL(db))
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// ensureDatabase creates db unless it exists; a concurrent creator winning
// the race is fine.
func (c *Cluster) ensureDatabase(ctx context.Context, db string) error {
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		return fmt.Errorf("pglocal: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", db).Scan(&exists); err != nil {
		return fmt.Errorf("pglocal: look up database %s: %w", db, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{db}.Sanitize())
	var pgErr *pgconn.PgError
	if err != nil && !(errors.As(err, &pgErr) && pgErr.Code == "42P04") {
		return fmt.Errorf("pglocal: create database %s: %w", db, err)
	}
	return nil
}

// URL returns a pgx connection URL for database db over the unix socket, as
// the superuser "postgres".
func (c *Cluster) URL(db string) string {
	u := url.URL{
		Scheme:   "postgres",
		Path:     "/" + db,
		RawQuery: url.Values{"host": {c.socketDir}, "user": {"postgres"}, "sslmode": {"disable"}}.Encode(),
	}
	return u.String()
}

// DataDir returns the cluster directory actually used (it differs from
// Options.DataDir after a fallback).
func (c *Cluster) DataDir() string { return c.dataDir }

// Stop shuts the server down fast (open transactions are rolled back,
// committed data is kept). It is a no-op on a stopped or adopted cluster.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.adopted {
		c.logf("pglocal: leaving the adopted server on %s running", c.dataDir)
		return nil
	}
	if c.proc == nil {
		return nil
	}
	p := c.proc
	select {
	case <-p.done:
		c.proc = nil
		return fmt.Errorf("pglocal: postgres had already exited (%v): %s", p.err, c.logTail())
	default:
	}
	t0 := time.Now()
	_ = p.cmd.Process.Signal(syscall.SIGINT) // PostgreSQL's "fast" shutdown
	select {
	case <-p.done:
	case <-time.After(stopTimeout):
		c.logf("pglocal: fast shutdown took over %v; forcing", stopTimeout)
		c.kill()
	}
	c.proc = nil
	c.logf("pglocal: postgres stopped in %v", time.Since(t0).Round(time.Millisecond))
	return nil
}

// kill ends the postmaster immediately and waits for it. c.mu must be held.
func (c *Cluster) kill() {
	p := c.proc
	_ = p.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
	c.proc = nil
}

// Restart stops the server if it is running and starts it again on the same
// data directory. Fault tests use Stop, then Restart.
func (c *Cluster) Restart(ctx context.Context) error {
	if c.adopted {
		return fmt.Errorf("pglocal: cannot restart the adopted server on %s", c.dataDir)
	}
	if err := c.Stop(); err != nil {
		c.logf("%v", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.start(ctx)
}

// Remove stops the server and deletes its data directory. The shutdown is
// immediate: there is nothing left to checkpoint for.
func (c *Cluster) Remove() error {
	if c.adopted {
		return fmt.Errorf("pglocal: refusing to delete %s: its server is not ours", c.dataDir)
	}
	c.mu.Lock()
	if c.proc != nil {
		c.kill()
	}
	c.mu.Unlock()
	if err := os.RemoveAll(c.dataDir); err != nil {
		return fmt.Errorf("pglocal: remove data dir: %w", err)
	}
	return nil
}

// logTail returns the end of the server log, for error messages.
func (c *Cluster) logTail() string {
	f, err := os.Open(filepath.Join(c.dataDir, logName))
	if err != nil {
		return "(no server log)"
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > 4096 {
		f.Seek(-4096, io.SeekEnd)
	}
	b, _ := io.ReadAll(f)
	return tail(b, 8)
}

// tail returns the last n non-empty lines of b on one line, so an error stays
// readable in a log.
func tail(b []byte, n int) string {
	var lines []string
	for _, l := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			lines = append(lines, string(l))
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
