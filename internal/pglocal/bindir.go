//go:build !windows

package pglocal

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
)

// installHint ends every "binaries not found" error so that a newcomer reads
// the fix on the same line as the problem.
const installHint = "install them with: apt-get install -y postgresql"

// binDirGlob is where Debian and Ubuntu put each major version's server
// binaries; they are not on PATH there.
var binDirGlob = "/usr/lib/postgresql/*/bin"

// FindBinDir returns the directory holding initdb and postgres: $PG_BINDIR when
// set, else the highest /usr/lib/postgresql/<major>/bin, else the directory of
// pg_ctl on PATH. The error is one line that ends with the install command.
func FindBinDir() (string, error) {
	if dir := os.Getenv("PG_BINDIR"); dir != "" {
		if err := hasServerBinaries(dir); err != nil {
			return "", fmt.Errorf("pglocal: PG_BINDIR=%s does not hold the PostgreSQL server binaries (%v); point it at the directory with initdb and postgres, or %s", dir, err, installHint)
		}
		return dir, nil
	}
	if dir := highestVersionDir(); dir != "" {
		return dir, nil
	}
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		dir := filepath.Dir(p)
		if hasServerBinaries(dir) == nil {
			return dir, nil
		}
	}
	return "", errors.New("pglocal: PostgreSQL server binaries (initdb, postgres) not found in $PG_BINDIR, " + binDirGlob + " or on PATH; " + installHint)
}

// highestVersionDir returns the bin directory of the highest installed major
// version, comparing majors as numbers so that 10 beats 9.6.
func highestVersionDir() string {
	dirs, _ := filepath.Glob(binDirGlob)
	type cand struct {
		dir     string
		version float64
	}
	var cands []cand
	for _, d := range dirs {
		v, err := strconv.ParseFloat(filepath.Base(filepath.Dir(d)), 64)
		if err != nil || hasServerBinaries(d) != nil {
			continue
		}
		cands = append(cands, cand{d, v})
	}
	if len(cands) == 0 {
		return ""
	}
	best := slices.MaxFunc(cands, func(a, b cand) int {
		switch {
		case a.version < b.version:
			return -1
		case a.version > b.version:
			return 1
		}
		return 0
	})
	return best.dir
}

// hasServerBinaries checks for the two programs Start runs.
func hasServerBinaries(dir string) error {
	for _, name := range []string{"initdb", "postgres"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return fmt.Errorf("no %s", name)
		}
		if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return fmt.Errorf("%s is not executable", name)
		}
	}
	return nil
}
