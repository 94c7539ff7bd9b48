package pglocal

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOwnedPrivateDir(t *testing.T) {
	root := t.TempDir()
	me := uint32(os.Geteuid())
	mk := func(name string, mode os.FileMode) string {
		p := filepath.Join(root, name)
		if err := os.Mkdir(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	private := mk("private", 0o700)
	link := filepath.Join(root, "link")
	if err := os.Symlink(private, link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		uid  uint32
		ok   bool
	}{
		{"private and ours", private, me, true},
		{"someone else's", private, me + 1, false},
		{"group-readable", mk("group", 0o750), me, false},
		{"world-writable", mk("world", 0o777), me, false},
		{"symlink to a private dir", link, me, false},
		{"a file", file, me, false},
		{"missing", filepath.Join(root, "missing"), me, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := ownedPrivateDir(tt.dir, tt.uid); (err == nil) != tt.ok {
				t.Errorf("ownedPrivateDir = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
