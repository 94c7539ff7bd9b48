package pglocal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsable(t *testing.T) {
	// Not t.TempDir: its parent is 0700, which is what this test varies.
	root, err := os.MkdirTemp("", "usable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(root, name)
		if err := os.Mkdir(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // umask
			t.Fatal(err)
		}
		return p
	}
	closed := mk("closed", 0o700)
	open := mk("open", 0o755)
	searchOnly := mk("searchonly", 0o711)
	long := filepath.Join(open, strings.Repeat("d", 120))

	// A foreign account: owns none of these directories.
	other := account{switchUser: true, uid: 54321, gid: 54321}
	self := account{uid: uint32(os.Geteuid()), gid: uint32(os.Getegid())}

	tests := []struct {
		name string
		dir  string
		acct account
		ok   bool
	}{
		{"traversable parents", filepath.Join(open, "data"), other, true},
		{"search-only parent", filepath.Join(searchOnly, "data"), other, true},
		{"0700 parent blocks another user", filepath.Join(closed, "data"), other, false},
		{"0700 parent is fine for its owner", filepath.Join(closed, "data"), self, true},
		{"missing parents are created traversable", filepath.Join(open, "a", "b", "data"), other, true},
		{"socket path too long", long, self, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := usable(tt.dir, tt.acct)
			if (err == nil) != tt.ok {
				t.Errorf("usable(%s) = %v, want ok=%v", tt.dir, err, tt.ok)
			}
		})
	}
}

func TestDefaultDataDir(t *testing.T) {
	short := "/srv/pressroom"
	if got, want := DefaultDataDir(short), "/srv/pressroom/.pgdata"; got != want {
		t.Errorf("DefaultDataDir(%q) = %q, want %q", short, got, want)
	}

	deep := "/srv/" + strings.Repeat("x", 110)
	got := DefaultDataDir(deep)
	if !strings.HasPrefix(got, filepath.Join(os.TempDir(), "pressroom-pgdata-")) {
		t.Errorf("DefaultDataDir(deep) = %q, want a dir under %s", got, os.TempDir())
	}
	if again := DefaultDataDir(deep); again != got {
		t.Errorf("DefaultDataDir not stable: %q then %q", got, again)
	}
	if other := DefaultDataDir(deep + "y"); other == got {
		t.Errorf("two checkouts share the fallback dir %q", got)
	}
}
