package pglocal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeBinDir makes dir/initdb and dir/postgres as empty executables.
func fakeBinDir(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"initdb", "postgres", "pg_ctl"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindBinDir(t *testing.T) {
	root := t.TempDir()
	versions := filepath.Join(root, "lib")
	for _, v := range []string{"9.6", "10", "15"} {
		fakeBinDir(t, filepath.Join(versions, v, "bin"))
	}
	// A higher version without binaries must not win.
	if err := os.MkdirAll(filepath.Join(versions, "16", "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	onPath := fakeBinDir(t, filepath.Join(root, "path"))
	empty := filepath.Join(root, "empty")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	explicit := fakeBinDir(t, filepath.Join(root, "explicit"))

	tests := []struct {
		name    string
		env     string
		glob    string
		path    string
		want    string
		wantErr bool
	}{
		{name: "PG_BINDIR wins", env: explicit, glob: filepath.Join(versions, "*", "bin"), path: onPath, want: explicit},
		{name: "highest version by number", glob: filepath.Join(versions, "*", "bin"), path: onPath, want: filepath.Join(versions, "15", "bin")},
		{name: "PATH fallback", glob: filepath.Join(root, "none", "*", "bin"), path: onPath, want: onPath},
		{name: "nothing anywhere", glob: filepath.Join(root, "none", "*", "bin"), path: empty, wantErr: true},
		{name: "bogus PG_BINDIR", env: filepath.Join(root, "nope"), glob: filepath.Join(versions, "*", "bin"), path: onPath, wantErr: true},
		{name: "PG_BINDIR without postgres", env: empty, glob: filepath.Join(versions, "*", "bin"), path: onPath, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("PG_BINDIR", tt.env)
			t.Setenv("PATH", tt.path)
			old := binDirGlob
			binDirGlob = tt.glob
			t.Cleanup(func() { binDirGlob = old })

			got, err := FindBinDir()
			if tt.wantErr {
				if err == nil {
					t.Fatalf("FindBinDir() = %q, want error", got)
				}
				msg := err.Error()
				if strings.Contains(msg, "\n") || !strings.Contains(msg, "apt-get install -y postgresql") {
					t.Errorf("error is not one line with the install hint: %q", msg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("FindBinDir() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestBinVersion(t *testing.T) {
	tests := []struct{ out, want string }{
		{"postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", "15"},
		{"postgres (PostgreSQL) 9.6.24", "9.6"},
		{"postgres (PostgreSQL) 18devel", "18"},
		{"postgres (PostgreSQL) 10.1", "10"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		script := "#!/bin/sh\necho '" + tt.out + "'\n"
		if err := os.WriteFile(filepath.Join(dir, "postgres"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		got, err := binVersion(dir)
		if err != nil || got != tt.want {
			t.Errorf("binVersion(%q) = %q, %v; want %q", tt.out, got, err, tt.want)
		}
	}
}
