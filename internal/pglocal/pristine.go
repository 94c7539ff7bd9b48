//go:build !windows

package pglocal

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// initdb spends about a second writing the same few megabytes every time.
// Throwaway clusters (tests) are instead copied from one pristine cluster
// per machine, PostgreSQL build and OS user, kept under the temp dir. Copies
// share a system identifier, which only matters for replication.

// copyPristine fills the empty data dir from the pristine cluster, making
// that first if needed.
func (c *Cluster) copyPristine(ctx context.Context) error {
	src, err := c.pristine(ctx)
	if err != nil {
		return err
	}
	// cp -a as the server account keeps modes and gives it the files.
	cmd := exec.CommandContext(ctx, "cp", "-a", src+"/.", c.dataDir)
	cmd.Dir = "/"
	cmd.SysProcAttr = sysProcAttr(c.acct)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pglocal: copy pristine cluster: %w: %s", err, tail(out, 4))
	}
	return nil
}

// pristine returns the pristine cluster's directory, running initdb into a
// private directory and renaming it into place when there is none. Racing
// processes each build one; the first rename wins and the others use it.
func (c *Cluster) pristine(ctx context.Context) (string, error) {
	version, err := exec.Command(filepath.Join(c.bin, "postgres"), "-V").Output()
	if err != nil {
		return "", fmt.Errorf("pglocal: postgres -V: %w", err)
	}
	key := sha256.Sum256([]byte(strings.Join(append([]string{c.bin, string(version), strconv.Itoa(int(c.acct.uid))}, c.initdbArgs()...), "\x00")))
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("pressroom-initdb-%x", key[:6]))
	switch err := ownedPrivateDir(dir, c.acct.uid); {
	case err == nil:
		return dir, nil
	case !errors.Is(err, fs.ErrNotExist):
		return "", err
	}

	// Test binaries start together; one initdb is cheaper than several
	// racing for two CPUs. The lock is advisory: losing it costs time only.
	if lock, err := os.OpenFile(dir+".lock", os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600); err == nil {
		defer lock.Close()
		if syscall.Flock(int(lock.Fd()), syscall.LOCK_EX) == nil {
			defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
			if ownedPrivateDir(dir, c.acct.uid) == nil {
				return dir, nil // built while we waited
			}
		}
	}

	tmp, err := os.MkdirTemp(os.TempDir(), "pressroom-initdb-build-")
	if err != nil {
		return "", fmt.Errorf("pglocal: %w", err)
	}
	if c.acct.switchUser {
		if err := os.Chown(tmp, int(c.acct.uid), int(c.acct.gid)); err != nil {
			os.RemoveAll(tmp)
			return "", fmt.Errorf("pglocal: %w", err)
		}
	}
	if err := c.runInitdb(ctx, tmp); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if ownedPrivateDir(dir, c.acct.uid) == nil {
			return dir, nil // another process got there first
		}
		return "", fmt.Errorf("pglocal: %w", err)
	}
	return dir, nil
}

// ownedPrivateDir checks that dir is a real directory of uid that nobody
// else can write. The name under the world-writable temp dir is
// predictable, and a planted cluster could carry a configuration that runs
// commands, so anything else is refused.
func ownedPrivateDir(dir string, uid uint32) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !fi.IsDir() || !ok || st.Uid != uid || fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("pglocal: ignoring %s: not a private directory of uid %d", dir, uid)
	}
	return nil
}
