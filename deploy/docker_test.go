package deploy

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An instruction is one Dockerfile instruction, continuation lines joined.
type instruction struct {
	cmd, args string
}

// readDockerfile returns the repository's Dockerfile as instructions,
// comments dropped.
func readDockerfile(t *testing.T) []instruction {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []instruction
	var cur strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if l, ok := strings.CutSuffix(line, "\\"); ok {
			cur.WriteString(l + " ")
			continue
		}
		cur.WriteString(line)
		cmd, args, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
		out = append(out, instruction{strings.ToUpper(cmd), strings.TrimSpace(args)})
		cur.Reset()
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDockerfile(t *testing.T) {
	ins := readDockerfile(t)
	var from []string
	var final []instruction // instructions of the last stage
	for _, in := range ins {
		if in.cmd == "FROM" {
			from = append(from, in.args)
			final = nil
		}
		final = append(final, in)
	}
	if len(from) != 2 || !strings.Contains(from[0], "golang:1.26") ||
		from[1] != "gcr.io/distroless/static-debian12:nonroot" {
		t.Errorf("stages = %v, want golang:1.26 then gcr.io/distroless/static-debian12:nonroot", from)
	}
	has := func(cmd, args string) bool {
		return slices.ContainsFunc(final, func(in instruction) bool { return in.cmd == cmd && in.args == args })
	}
	for _, want := range []instruction{
		{"USER", "nonroot:nonroot"},
		{"EXPOSE", apiPort + " " + metricsPort},
		{"ENTRYPOINT", `["/pressroom"]`},
		{"CMD", `["serve"]`},
		{"COPY", "--from=build /out/pressroom /pressroom"},
	} {
		if !has(want.cmd, want.args) {
			t.Errorf("final stage lacks %s %s", want.cmd, want.args)
		}
	}
	var build string
	for _, in := range ins {
		if in.cmd == "HEALTHCHECK" {
			t.Error("the image must not declare a HEALTHCHECK (orchestrators probe /healthz; compose runs `pressroom healthcheck`)")
		}
		if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
			build = in.args
		}
	}
	for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "-s -w", "-X main.version=", "-X main.revision=", "./cmd/server"} {
		if !strings.Contains(build, want) {
			t.Errorf("go build step %q lacks %q", build, want)
		}
	}
	mustExist(t, "main package", filepath.Join(repoRoot(t), "cmd", "server"))
}

// TestDockerignore builds the list of files `go build ./cmd/server` reads
// and checks that .dockerignore lets every one of them into the context.
func TestDockerignore(t *testing.T) {
	root := repoRoot(t)
	b, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			if strings.HasPrefix(l, "!") {
				t.Fatalf(".dockerignore: exceptions (%q) are not understood by this test", l)
			}
			patterns = append(patterns, path.Clean(strings.TrimPrefix(l, "/")))
		}
	}

	cmd := exec.Command("go", "list", "-deps", "-json=Dir,Module,GoFiles,EmbedFiles,CgoFiles,SFiles", "./cmd/server")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	needed := []string{"go.mod", "go.sum"}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p struct {
			Dir                                   string
			Module                                *struct{ Main bool }
			Files                                 []string
			GoFiles, EmbedFiles, CgoFiles, SFiles []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Module == nil || !p.Module.Main {
			continue
		}
		rel, err := filepath.Rel(root, p.Dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range slices.Concat(p.GoFiles, p.EmbedFiles, p.CgoFiles, p.SFiles) {
			needed = append(needed, filepath.ToSlash(filepath.Join(rel, f)))
		}
	}
	if len(needed) < 3 {
		t.Fatalf("go list found no source files: %s", out)
	}
	for _, f := range needed {
		for _, p := range patterns {
			if dockerignored(p, f) {
				t.Errorf(".dockerignore pattern %q drops %s, which the build needs", p, f)
			}
		}
	}
	for _, f := range []string{".git", "deploy/README.md", "internal/x/y_test.go", "internal/x/testdata/a.txt"} {
		if !slices.ContainsFunc(patterns, func(p string) bool { return dockerignored(p, f) }) {
			t.Errorf(".dockerignore lets %s into the build context", f)
		}
	}
}

// dockerignored reports whether pattern (Docker's .dockerignore syntax, no
// exceptions) excludes the slash-separated relative path f: the pattern
// matches f or one of its parent directories, "**" standing for any number
// of directories.
func dockerignored(pattern, f string) bool {
	pp := strings.Split(pattern, "/")
	fp := strings.Split(f, "/")
	for n := 1; n <= len(fp); n++ {
		if matchParts(pp, fp[:n]) {
			return true
		}
	}
	return false
}

func matchParts(pp, fp []string) bool {
	if len(pp) == 0 {
		return len(fp) == 0
	}
	if pp[0] == "**" {
		for i := 0; i <= len(fp); i++ {
			if matchParts(pp[1:], fp[i:]) {
				return true
			}
		}
		return false
	}
	if len(fp) == 0 {
		return false
	}
	ok, err := path.Match(pp[0], fp[0])
	return err == nil && ok && matchParts(pp[1:], fp[1:])
}

func TestDockerignored(t *testing.T) {
	tests := []struct {
		pattern, file string
		want          bool
	}{
		{".git", ".git", true},
		{".git", ".git/config", true},
		{"deploy", "deploy/k8s/job.yaml", true},
		{"deploy", "internal/deploy/x.go", false},
		{"*.md", "README.md", true},
		{"*.md", "docs/README.md", false},
		{"**/testdata", "internal/extract/testdata/a.txt", true},
		{"**/testdata", "testdata/seed.txt", true},
		{"**/*_test.go", "a/b/c_test.go", true},
		{"**/*_test.go", "a/b/c.go", false},
	}
	for _, tt := range tests {
		if got := dockerignored(tt.pattern, tt.file); got != tt.want {
			t.Errorf("dockerignored(%q, %q) = %v, want %v", tt.pattern, tt.file, got, tt.want)
		}
	}
}
