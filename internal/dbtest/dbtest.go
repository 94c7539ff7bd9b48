// Package dbtest gives each test a fresh, migrated PostgreSQL database.
//
// The first call in a test binary connects to TEST_DATABASE_URL, or starts a
// throwaway pglocal cluster when it is unset, and builds a template database
// from the real migrations once per schema (several test binaries sharing
// one server build it once, under an advisory lock). Every New then clones
// the template (CREATE DATABASE … TEMPLATE, ~0.1 s) and drops the clone when
// the test ends, so tests can run in parallel and commit freely.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }
//
// A missing PostgreSQL fails the tests with the install hint; it never skips
// them, so a green run always means the database code ran.
package dbtest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

// EnvURL names the variable holding a server to use instead of starting one.
// Its user must be allowed to create databases.
const EnvURL = "TEST_DATABASE_URL"

// templateLockKey serialises template builds across test binaries ("pressrtm").
const templateLockKey int64 = 0x7072657373727470

// server is the per-binary state built by the first New.
type server struct {
	adminURL    string
	admin       *pgxpool.Pool    // on the admin database: creates and drops clones
	cluster     *pglocal.Cluster // nil with TEST_DATABASE_URL
	template    string
	canFileCopy bool // PostgreSQL 15+: CREATE DATABASE … STRATEGY file_copy
}

var (
	mu        sync.Mutex
	mainRan   bool
	srv       *server
	setupErr  error
	setupDone bool
)

// Main runs the tests and then stops the cluster a New started, so that
// nothing outlives the test binary. Call it from TestMain.
func Main(m *testing.M) int {
	mu.Lock()
	mainRan = true
	mu.Unlock()
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if srv != nil {
		srv.admin.Close()
		if srv.cluster != nil {
			if err := srv.cluster.Remove(); err != nil {
				fmt.Fprintln(os.Stderr, "dbtest:", err)
			}
		}
		srv = nil
	}
	return code
}

// New returns a pool on a fresh database with the current schema. The pool
// is closed and the database dropped when t ends.
func New(t testing.TB) *pgxpool.Pool {
	t.Helper()
	return open(t, NewURL(t))
}

// NewURL is New for tests that connect themselves (a whole server under
// test): it returns the URL of a fresh migrated database, dropped when t ends.
func NewURL(t testing.TB) string {
	t.Helper()
	return newDatabase(t, true)
}

// NewEmpty returns a pool on a fresh database without any schema, for
// testing migrations themselves.
func NewEmpty(t testing.TB) *pgxpool.Pool {
	t.Helper()
	return open(t, newDatabase(t, false))
}

func open(t testing.TB, u string) *pgxpool.Pool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := store.OpenPool(ctx, u)
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	t.Cleanup(pool.Close) // registered after the drop, so it runs before it
	return pool
}

// newDatabase creates t_<random>, from the migrated template or empty.
func newDatabase(t testing.TB, migrated bool) string {
	t.Helper()
	s, err := setup()
	if err != nil {
		t.Fatalf("dbtest: %v", err)
	}
	var b [8]byte
	rand.Read(b[:])
	name := "t_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	sql := "CREATE DATABASE " + name
	if migrated {
		sql += " TEMPLATE " + s.template
		if s.canFileCopy {
			// Copying the template's files beats writing them through WAL
			// on a quiet machine (notes/postgres-local.md: ~40 ms against
			// ~130 ms without fsync); under load both take 150-250 ms.
			sql += " STRATEGY file_copy"
		}
	}
	if _, err := s.admin.Exec(ctx, sql); err != nil {
		t.Fatalf("dbtest: create test database: %v", err)
	}
	t.Cleanup(func() {
		// t.Context is already cancelled when cleanups run.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := s.admin.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dbtest: drop test database: %v", err)
		}
	})
	return withDatabase(s.adminURL, name)
}

// setup builds the per-binary server once; a failure is remembered so every
// test reports it without retrying a slow start.
func setup() (*server, error) {
	mu.Lock()
	defer mu.Unlock()
	if !mainRan {
		return nil, errors.New("call os.Exit(dbtest.Main(m)) from TestMain, so the test server is stopped at the end")
	}
	if setupDone {
		return srv, setupErr
	}
	setupDone = true
	srv, setupErr = start()
	return srv, setupErr
}

func start() (*server, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s := &server{adminURL: os.Getenv(EnvURL)}
	if s.adminURL == "" {
		c, err := pglocal.Start(ctx, pglocal.Options{})
		if err != nil {
			return nil, err
		}
		s.cluster = c
		s.adminURL = c.URL("postgres")
	}
	fail := func(err error) (*server, error) {
		if s.admin != nil {
			s.admin.Close()
		}
		if s.cluster != nil {
			s.cluster.Remove()
		}
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(s.adminURL)
	if err != nil {
		return fail(fmt.Errorf("parse %s: %w", EnvURL, err))
	}
	cfg.MaxConns = 4
	if s.admin, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return fail(fmt.Errorf("connect: %w", err))
	}
	var version int
	if err := s.admin.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil {
		return fail(fmt.Errorf("connect: %w", err))
	}
	s.canFileCopy = version >= 150000
	s.template, err = templateName(migrations.FS)
	if err != nil {
		return fail(err)
	}
	if err := buildTemplate(ctx, s); err != nil {
		return fail(err)
	}
	return s, nil
}

// templateName embeds a hash of the migration files, so a changed schema
// gets a new template instead of a stale one.
func templateName(fsys fs.FS) (string, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return "pressroom_tmpl_" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// buildTemplate creates and migrates the template unless another test
// binary already did.
func buildTemplate(ctx context.Context, s *server) error {
	conn, err := s.admin.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	// Closing (not releasing) the connection is what ends the session lock
	// even if unlocking fails.
	defer func() { conn.Hijack().Close(context.Background()) }()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", templateLockKey); err != nil {
		return fmt.Errorf("lock template: %w", err)
	}
	var isTemplate *bool
	err = conn.QueryRow(ctx, "SELECT datistemplate FROM pg_database WHERE datname = $1", s.template).Scan(&isTemplate)
	switch {
	case err == nil && *isTemplate:
		return nil
	case err == nil:
		// Left half-built by a binary that died: start over.
		if _, err := conn.Exec(ctx, "DROP DATABASE "+s.template+" WITH (FORCE)"); err != nil {
			return fmt.Errorf("drop half-built template: %w", err)
		}
	case !errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("look up template: %w", err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+s.template); err != nil {
		return fmt.Errorf("create template: %w", err)
	}
	st, err := store.Open(ctx, withDatabase(s.adminURL, s.template), store.Options{})
	if err != nil {
		return fmt.Errorf("connect to template: %w", err)
	}
	err = st.Migrate(ctx)
	st.Close()
	if err != nil {
		return fmt.Errorf("migrate template: %w", err)
	}
	// Nobody may be connected to a template while it is cloned.
	if _, err := conn.Exec(ctx, "ALTER DATABASE "+s.template+" WITH is_template true allow_connections false"); err != nil {
		return fmt.Errorf("seal template: %w", err)
	}
	return nil
}

// withDatabase returns connection string u pointed at database db. It
// accepts both URLs and key=value strings, as pgx does.
func withDatabase(u, db string) string {
	if strings.HasPrefix(u, "postgres://") || strings.HasPrefix(u, "postgresql://") {
		p, err := url.Parse(u)
		if err == nil {
			p.Path, p.RawPath = "/"+db, ""
			q := p.Query()
			q.Del("dbname") // would override the path
			p.RawQuery = q.Encode()
			return p.String()
		}
	}
	// In key=value form a later key overrides an earlier one.
	return u + " dbname=" + db
}

// IndexAll indexes every article stored so far for full-text search, as
// the server's background indexer eventually does, so that a test can
// search what it just ingested. It fails t on error.
func IndexAll(t testing.TB, st *store.Store) {
	t.Helper()
	const batch = 1000
	for {
		n, err := st.IndexSearch(context.Background(), batch)
		if err != nil {
			t.Fatalf("dbtest: index search: %v", err)
		}
		if n < batch {
			return
		}
	}
}
