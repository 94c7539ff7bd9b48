// Package docs holds the test that enforces architecture.md: the imports
// that must never exist. It reads the real import graph with `go list`, so
// a forbidden import fails `go test ./...` the day it is written.
package docs

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/pressroom/pressroom/"

// rule forbids packages under from to import anything under one of not.
// Direct rules look at the package's own imports (who may talk to a
// driver); the others at everything it pulls in (layering).
type rule struct {
	from   string   // package path under the module, or a prefix ending in "/..."
	not    []string // forbidden import paths or prefixes ("/..."); "std-only" means any non-standard package
	direct bool
	why    string
}

// rules is architecture.md's "Imports that must never exist", as data.
var rules = []rule{
	{"internal/article", []string{"std-only"}, false, "the vocabulary depends on nothing"},
	{"migrations", []string{"std-only"}, false, "the schema is SQL files and an embed.FS"},
	{"internal/extract/...", []string{"internal/store/...", "internal/api/...", "internal/worker/...", "internal/ingest/...",
		"internal/pglocal/...", "github.com/jackc/...", "github.com/prometheus/...", "net/http", "database/sql", "os/exec"}, false,
		"extraction is pure: no database, no metrics, no I/O"},
	{"internal/extract/text/...", []string{"internal/extract/web/..."}, false,
		"the text front-end never uses the HTML one; what both need is in page"},
	{"internal/extract/web/...", []string{"internal/extract/text/..."}, false,
		"the HTML front-end never uses the text one; what both need is in page"},
	{"internal/extract/page/...", []string{"internal/extract/text/...", "internal/extract/web/..."}, false,
		"what both front-ends share sits below them"},
	{"internal/tsvector/...", []string{"std-only"}, false,
		"text-search analysis is pure: the store feeds it the database's answers"},
	{"internal/store/...", []string{"internal/extract/...", "internal/api/...", "internal/worker/...", "internal/ingest/...",
		"internal/pglocal/...", "github.com/go-chi/..."}, false, "the store knows SQL, not extraction or HTTP"},
	{"internal/ingest/...", []string{"internal/api/...", "internal/worker/...", "internal/pglocal/...", "github.com/go-chi/..."}, false,
		"the ingest service knows extraction and the store, not HTTP"},
	// Direct only: client_golang, which the service's metrics need, pulls in
	// net/http itself.
	{"internal/ingest/...", []string{"net/http"}, true, "the ingest service speaks Go, not HTTP"},
	{"internal/worker/...", []string{"internal/api/...", "github.com/go-chi/..."}, false,
		"background jobs do not go through HTTP"},
	{"internal/...", []string{"cmd/...", "internal/api"}, false, "nothing imports main or the HTTP layer; cmd/server wires them"},
	{"...", []string{"internal/dbtest/..."}, false, "dbtest is a test helper: only _test.go files import it"},
	{"...", []string{"github.com/jackc/..."}, true,
		"only the store, the PostgreSQL helpers and the load generator's plain-pgx baseline talk to the driver"},
}

// driverOwners may import pgx directly (the last rule's exceptions).
var driverOwners = []string{"internal/store", "internal/pglocal", "internal/dbtest", "cmd/loadtest"}

// pkg is what `go list -json` says of one package.
type pkg struct {
	ImportPath string
	Standard   bool
	Imports    []string
	Deps       []string
}

func TestForbiddenImports(t *testing.T) {
	pkgs := listPackages(t)
	for _, want := range []string{"internal/article", "internal/extract", "internal/store", "internal/worker",
		"internal/ingest", "internal/api", "internal/tsvector", "migrations", "cmd/server"} {
		if !hasPackage(pkgs, want) {
			t.Errorf("package %s is gone: update architecture.md and its rules", want)
		}
	}
	for _, v := range violations(pkgs, rules) {
		t.Error(v)
	}
}

// TestViolations_Find shows the checker finds what the rules forbid, so a
// green TestForbiddenImports means something.
func TestViolations_Find(t *testing.T) {
	tests := []struct {
		name string
		pkg  pkg
		want int
	}{
		{"store pulls in extract", pkg{ImportPath: module + "internal/store", Deps: []string{module + "internal/extract/dom"}}, 1},
		{"article imports a module", pkg{ImportPath: module + "internal/article", Deps: []string{"golang.org/x/text/unicode/norm"}}, 1},
		{"cmd/server imports pgx", pkg{ImportPath: module + "cmd/server", Imports: []string{"github.com/jackc/pgx/v5"}}, 1},
		{"the store imports pgx", pkg{ImportPath: module + "internal/store", Imports: []string{"github.com/jackc/pgx/v5"}}, 0},
		{"api pulls in pgx through the store", pkg{ImportPath: module + "internal/api", Deps: []string{"github.com/jackc/pgx/v5"}}, 0},
		{"ingest imports net/http", pkg{ImportPath: module + "internal/ingest", Imports: []string{"net/http"}, Deps: []string{"net/http"}}, 1},
		{"ingest pulls in net/http through client_golang", pkg{ImportPath: module + "internal/ingest", Deps: []string{"net/http"}}, 0},
		{"ingest imports api", pkg{ImportPath: module + "internal/ingest", Deps: []string{module + "internal/api"}}, 2},
		{"ingest imports extract and the store", pkg{ImportPath: module + "internal/ingest", Deps: []string{module + "internal/extract", module + "internal/store"}}, 0},
		{"worker imports the store", pkg{ImportPath: module + "internal/worker", Deps: []string{module + "internal/store"}}, 0},
		{"a command imports dbtest", pkg{ImportPath: module + "cmd/loadtest", Deps: []string{module + "internal/dbtest"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := violations([]pkg{tt.pkg}, rules); len(got) != tt.want {
				t.Errorf("violations = %q, want %d", got, tt.want)
			}
		})
	}
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func hasPackage(pkgs []pkg, rel string) bool {
	for _, p := range pkgs {
		if p.ImportPath == module+rel {
			return true
		}
	}
	return false
}

// violations lists, for every package of the module, each import a rule
// forbids.
func violations(pkgs []pkg, rules []rule) []string {
	var out []string
	for _, p := range pkgs {
		rel, ok := strings.CutPrefix(p.ImportPath, module)
		if !ok {
			continue
		}
		for _, r := range rules {
			if !matches(rel, r.from) || (r.direct && matchesAny(rel, driverOwners)) {
				continue
			}
			imports := p.Deps
			if r.direct {
				imports = p.Imports
			}
			for _, imp := range imports {
				if forbidden(imp, r.not) {
					out = append(out, rel+" imports "+imp+": "+r.why)
				}
			}
		}
	}
	return out
}

// forbidden reports whether imp falls under one of not. Paths of the
// module are written relative to it.
func forbidden(imp string, not []string) bool {
	rel, inModule := strings.CutPrefix(imp, module)
	for _, n := range not {
		switch {
		case n == "std-only":
			if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
				return true
			}
		case strings.HasPrefix(n, "internal/") || strings.HasPrefix(n, "cmd/"):
			if inModule && matches(rel, n) {
				return true
			}
		case matches(imp, n):
			return true
		}
	}
	return false
}

// matches reports whether path is pattern, or under it when pattern ends
// in "/..." ("..." alone matches everything).
func matches(path, pattern string) bool {
	if pattern == "..." {
		return true
	}
	if prefix, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return path == pattern
}

func matchesAny(path string, patterns []string) bool {
	for _, p := range patterns {
		if matches(path, p) {
			return true
		}
	}
	return false
}
