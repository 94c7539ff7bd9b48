//go:build !windows

package pglocal

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// maxSocketPath bounds "<dir>/.s.PGSQL.5432": sun_path holds 107 bytes on
// Linux; the margin leaves room for other ports' longer names.
const maxSocketPath = 100

// account is the OS user the server processes run as.
type account struct {
	switchUser bool // we are root, so initdb and postgres run as uid/gid
	uid, gid   uint32
}

// serverAccount picks the account: PostgreSQL refuses to run as root, so root
// runs it as the unprivileged "postgres" user the distribution packages create.
func serverAccount() (account, error) {
	if os.Geteuid() != 0 {
		return account{uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return account{}, fmt.Errorf("pglocal: running as root needs the OS user \"postgres\" to run the server as (%v); %s", err, installHint)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return account{}, fmt.Errorf("pglocal: OS user postgres has non-numeric uid %q / gid %q", u.Uid, u.Gid)
	}
	return account{switchUser: true, uid: uint32(uid), gid: uint32(gid)}, nil
}

// usable reports why dir cannot hold a cluster for acct, or nil. Only the
// two failures a fallback directory fixes are checked: a socket path the
// kernel would reject, and (when switching user) a parent directory the
// server account cannot traverse, such as root's 0700 home.
func usable(dir string, acct account) error {
	if sock := filepath.Join(dir, ".s.PGSQL.5432"); len(sock) > maxSocketPath {
		return fmt.Errorf("socket path %s is longer than %d bytes", sock, maxSocketPath)
	}
	if !acct.switchUser {
		return nil
	}
	for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// Created later by us with mode 0755.
		case err != nil:
			return err
		case !canTraverse(fi, acct):
			return fmt.Errorf("user postgres (uid %d) cannot enter %s (mode %v)", acct.uid, p, fi.Mode().Perm())
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// canTraverse applies the owner/group/other search-permission rule. It
// ignores supplementary groups, so it may refuse a directory that would in
// fact work; the cost of that is only a fallback directory.
func canTraverse(fi fs.FileInfo, acct account) bool {
	perm := fi.Mode().Perm()
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return perm&0o001 != 0
	}
	switch {
	case st.Uid == acct.uid:
		return perm&0o100 != 0
	case st.Gid == acct.gid:
		return perm&0o010 != 0
	}
	return perm&0o001 != 0
}

// fallbackDir is a stable directory under the temp dir for key, so that a
// project whose own directory is unusable still finds its data again.
func fallbackDir(key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(os.TempDir(), "pressroom-pgdata-"+hex.EncodeToString(sum[:6]))
}

// DefaultDataDir returns the data directory for a project checked out at
// cwd: <cwd>/.pgdata, or a stable directory under os.TempDir() named from a
// hash of cwd when the server account could not use that path (root with the
// project under a 0700 home, or a socket path that is too long).
func DefaultDataDir(cwd string) string {
	dir := filepath.Join(cwd, ".pgdata")
	acct, err := serverAccount()
	if err != nil {
		return dir // Start reports the real problem.
	}
	if usable(dir, acct) != nil {
		return fallbackDir(cwd)
	}
	return dir
}

// prepareDir creates dir (parents 0755, dir itself 0700 as PostgreSQL
// demands) and gives it to the server account. An existing directory that
// is a symlink or belongs to a third user is refused, because fallback
// directories live in the world-writable temp dir under predictable names.
func prepareDir(dir string, acct account) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("pglocal: create parent of data dir: %w", err)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("pglocal: create data dir: %w", err)
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("pglocal: data dir: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("pglocal: data dir %s is not a directory", dir)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Uid != acct.uid && st.Uid != uint32(os.Geteuid()) {
		return fmt.Errorf("pglocal: data dir %s belongs to uid %d, not to us or to the server account", dir, st.Uid)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 && perm != 0o750 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("pglocal: data dir: %w", err)
		}
	}
	if acct.switchUser {
		if err := os.Chown(dir, int(acct.uid), int(acct.gid)); err != nil {
			return fmt.Errorf("pglocal: give data dir to postgres: %w", err)
		}
	}
	return nil
}
