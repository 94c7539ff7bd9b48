package store_test

import (
	"context"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

func TestMigrate_ConcurrentThenNoOp(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewEmpty(t)
	ctx := context.Background()
	if err := store.New(pool).CheckSchema(ctx); err == nil {
		t.Fatal("CheckSchema on an empty database = nil, want pending migrations")
	}

	// Replicas starting together.
	const n = 6
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { errs[i] = store.New(pool).Migrate(ctx) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("Migrate #%d: %v", i, err)
		}
	}
	if err := store.New(pool).CheckSchema(ctx); err != nil {
		t.Fatalf("CheckSchema after Migrate: %v", err)
	}

	before := appliedAt(t, pool)
	files, _ := fs.Glob(migrations.FS, "*.sql")
	if len(before) != len(files) {
		t.Fatalf("schema_migrations has %d rows, want one per file (%d)", len(before), len(files))
	}
	if err := store.New(pool).Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if after := appliedAt(t, pool); !equalMaps(before, after) {
		t.Errorf("second Migrate changed schema_migrations: %v -> %v", before, after)
	}
}

func TestCheckSchema_PendingMigration(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	current, err := store.New(pool).SchemaVersion(ctx)
	if err != nil || current == 0 {
		t.Fatalf("SchemaVersion = %d, %v", current, err)
	}

	next := fstest.MapFS{"9998_add_notes.sql": {Data: []byte("CREATE TABLE notes (id int PRIMARY KEY);")}}
	files, _ := fs.Glob(migrations.FS, "*.sql")
	for _, f := range files {
		b, _ := fs.ReadFile(migrations.FS, f)
		next[f] = &fstest.MapFile{Data: b}
	}
	err = store.CheckSchemaFS(ctx, pool, next)
	if err == nil || !strings.Contains(err.Error(), "9998_add_notes") {
		t.Fatalf("CheckSchema with a pending migration = %v, want an error naming it", err)
	}
	if err := store.MigrateFS(ctx, pool, next); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	if err := store.CheckSchemaFS(ctx, pool, next); err != nil {
		t.Errorf("CheckSchema after migrating: %v", err)
	}
	if v, err := store.New(pool).SchemaVersion(ctx); err != nil || v != 9998 {
		t.Errorf("SchemaVersion = %d, %v; want 9998", v, err)
	}
	// An older binary still accepts a schema a newer one migrated.
	if err := store.New(pool).CheckSchema(ctx); err != nil {
		t.Errorf("CheckSchema with a newer schema: %v", err)
	}
}

func TestMigrate_FailedMigrationRollsBack(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	broken := fstest.MapFS{
		"9997_half.sql": {Data: []byte("CREATE TABLE half (x int); SELECT * FROM no_such_table;")},
	}
	if err := store.MigrateFS(ctx, pool, broken); err == nil || !strings.Contains(err.Error(), "9997_half") {
		t.Fatalf("Migrate = %v, want an error naming 9997_half", err)
	}
	var exists bool
	if err := pool.QueryRow(ctx, "SELECT to_regclass('half') IS NOT NULL").Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Error("table from the failed migration exists: it did not run in one transaction")
	}
	if err := store.CheckSchemaFS(ctx, pool, broken); err == nil {
		t.Error("failed migration recorded as applied")
	}
	// The lock was released: another run does not hang.
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := store.New(pool).Migrate(ctx); err != nil {
		t.Errorf("Migrate after a failure: %v", err)
	}
}

func TestMigrate_BadFileNames(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	tests := map[string]fstest.MapFS{
		"no number":          {"init.sql": {}},
		"short number":       {"1_init.sql": {}},
		"upper case":         {"0002_Init.sql": {}},
		"duplicate versions": {"0002_a.sql": {}, "0002_b.sql": {}},
	}
	for name, fsys := range tests {
		t.Run(name, func(t *testing.T) {
			if err := store.MigrateFS(context.Background(), pool, fsys); err == nil {
				t.Error("Migrate = nil, want an error")
			}
		})
	}
}

// appliedAt reads schema_migrations.
func appliedAt(t *testing.T, pool *pgxpool.Pool) map[int]time.Time {
	t.Helper()
	rows, err := pool.Query(context.Background(), "SELECT version, applied_at FROM schema_migrations")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	m := map[int]time.Time{}
	for rows.Next() {
		var v int
		var at time.Time
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		m[v] = at
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

func equalMaps(a, b map[int]time.Time) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !w.Equal(v) {
			return false
		}
	}
	return true
}
