package pglocal_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/pglocal"
)

// helperEnv makes the test binary act as a process that starts a cluster
// and then waits to be killed.
const helperEnv = "PGLOCAL_TEST_HELPER_DATADIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperEnv); dir != "" {
		os.Exit(helper(dir))
	}
	os.Exit(m.Run())
}

func helper(dir string) int {
	if _, err := pglocal.Start(context.Background(), pglocal.Options{DataDir: dir}); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Println("ready")
	select {}
}

func query(t *testing.T, url, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

func exec1(t *testing.T, url, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestStart_TempDir(t *testing.T) {
	t.Parallel()
	var logs strings.Builder
	logf := func(format string, args ...any) {
		fmt.Fprintf(&logs, format+"\n", args...)
		t.Logf(format, args...)
	}
	c, err := pglocal.Start(t.Context(), pglocal.Options{Logf: logf})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "copied a pristine cluster") {
		t.Errorf("throwaway cluster not copied from the pristine one; log:\n%s", logs.String())
	}
	dir := c.DataDir()
	if !strings.HasPrefix(dir, os.TempDir()) {
		t.Errorf("DataDir() = %s, want a dir under %s", dir, os.TempDir())
	}
	url := c.URL(pglocal.DefaultDatabase)
	for setting, want := range map[string]string{
		"listen_addresses":        "",
		"unix_socket_directories": dir,
		"fsync":                   "off",
		"synchronous_commit":      "off",
		"server_encoding":         "UTF8",
	} {
		if got := query(t, url, "SHOW "+setting); got != want {
			t.Errorf("SHOW %s = %q, want %q", setting, got, want)
		}
	}
	if err := c.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("data dir still there after Remove: %v", err)
	}
}

func TestCluster_StopRestartReuseRemove(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	// As root this path is under a 0700 test dir, so it also exercises the
	// fallback to a directory the postgres user can reach.
	want := filepath.Join(t.TempDir(), "data")
	c, err := pglocal.Start(ctx, pglocal.Options{DataDir: want, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Remove() })
	url := c.URL(pglocal.DefaultDatabase)
	exec1(t, url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')")

	if err := c.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if conn, err := pgx.Connect(ctx, url); err == nil {
		conn.Close(ctx)
		t.Fatal("connected to a stopped cluster")
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}

	if err := c.Restart(ctx); err != nil {
		t.Fatalf("Restart: %v", err)
	}
	if got := query(t, url, "SELECT v FROM kept"); got != "still here" {
		t.Errorf("after Restart: %q", got)
	}
	if err := c.Restart(ctx); err != nil {
		t.Fatalf("Restart of a running cluster: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// A lock file left by a crash, whose pid now belongs to some other
	// program, must not block the next start.
	other := exec.Command("sleep", "60")
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { other.Process.Kill(); other.Wait() }()
	stale := fmt.Sprintf("%d\n%s\n0\n5432\n%s\n\n", other.Process.Pid, c.DataDir(), c.DataDir())
	if err := os.WriteFile(filepath.Join(c.DataDir(), "postmaster.pid"), []byte(stale), 0o600); err != nil {
		t.Fatal(err)
	}

	again, err := pglocal.Start(ctx, pglocal.Options{DataDir: want, Durable: true, Logf: t.Logf})
	if err != nil {
		t.Fatalf("Start on existing data: %v", err)
	}
	if again.DataDir() != c.DataDir() {
		t.Errorf("second Start used %s, first %s", again.DataDir(), c.DataDir())
	}
	if got := query(t, again.URL(pglocal.DefaultDatabase), "SELECT v FROM kept"); got != "still here" {
		t.Errorf("after second Start: %q", got)
	}
	if got := query(t, again.URL(pglocal.DefaultDatabase), "SHOW fsync"); got != "on" {
		t.Errorf("durable start has fsync=%s", got)
	}
	if err := again.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.DataDir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("data dir still there after Remove: %v", err)
	}
}

func TestStart_AdoptsRunningServer(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	owner, err := pglocal.Start(ctx, pglocal.Options{Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { owner.Remove() })

	guest, err := pglocal.Start(ctx, pglocal.Options{DataDir: owner.DataDir(), Logf: t.Logf})
	if err != nil {
		t.Fatalf("Start on a running cluster: %v", err)
	}
	if guest.URL("x") != owner.URL("x") {
		t.Errorf("adopted URL %s, owner %s", guest.URL("x"), owner.URL("x"))
	}
	if err := guest.Stop(); err != nil {
		t.Errorf("Stop of adopted cluster: %v", err)
	}
	if err := guest.Remove(); err == nil {
		t.Error("Remove of an adopted cluster succeeded")
	}
	if got := query(t, owner.URL(pglocal.DefaultDatabase), "SELECT 'up'"); got != "up" {
		t.Errorf("owner's server after guest Stop/Remove: %q", got)
	}
	if err := guest.Restart(ctx); err == nil {
		t.Error("Restart of an adopted cluster succeeded")
	}
}

// TestStart_ParentKilled checks that a SIGKILLed parent takes its
// postmaster with it, so crashed test binaries leave no servers behind.
func TestStart_ParentKilled(t *testing.T) {
	t.Parallel()
	dir, err := os.MkdirTemp("", "pglocal-orphan-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper: %q", line)
	}
	b, err := os.ReadFile(filepath.Join(dir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.SplitN(string(b), "\n", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	if !alive(pid) {
		t.Fatalf("postmaster %d not running while its parent is", pid)
	}

	cmd.Process.Kill()
	cmd.Wait()
	// Liveness wait, not a timing assertion: the deadline only stops a hang.
	for deadline := time.Now().Add(30 * time.Second); alive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGQUIT)
			t.Fatalf("postmaster %d outlived its killed parent", pid)
		}
	}
}

// alive reports whether pid runs and is not a zombie (a reaped-later orphan
// counts as gone).
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// shareableDir returns a new directory whose parents the postgres user can
// traverse, so Start uses it as is (t.TempDir's parent is 0700).
func shareableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pglocal-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStart_RefusesDirs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"files but no cluster", map[string]string{"notes.txt": "mine"}, "holds files but no cluster"},
		{"other major version", map[string]string{"PG_VERSION": "9.1\n"}, "created by PostgreSQL 9.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(shareableDir(t), "data")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			for name, content := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, err := pglocal.Start(t.Context(), pglocal.Options{DataDir: dir})
			if err == nil {
				c.Remove()
				t.Fatal("Start succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Start error %q does not say %q", err, tt.want)
			}
			for name, content := range tt.files {
				if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != content {
					t.Errorf("%s changed: %q, %v", name, b, err)
				}
			}
		})
	}
}
