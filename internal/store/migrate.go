package store

import (
	"context"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/migrations"
)

// migrationLockKey is the pg_advisory_lock key that serialises migration
// runs of replicas starting together ("pressroo" in ASCII).
const migrationLockKey int64 = 0x7072657373726f6f

// migration is one NNNN_name.sql file.
type migration struct {
	version int
	name    string // file name without .sql
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// readMigrations returns the migrations in fsys ordered by version. A file
// that does not follow the naming rule, or a repeated version, is an error
// rather than something silently skipped.
func readMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("store: migration file %q is not named NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("store: read migration %s: %w", e.Name(), err)
		}
		v, _ := strconv.Atoi(m[1])
		ms = append(ms, migration{version: v, name: strings.TrimSuffix(e.Name(), ".sql"), sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("store: migrations %s and %s share a version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// Migrate applies the embedded migrations that the database lacks, in
// order, each in its own transaction. Concurrent callers (replicas starting
// together) queue on an advisory lock; all of them succeed.
func (s *Store) Migrate(ctx context.Context) error {
	return migrate(ctx, s.pool, migrations.FS)
}

func migrate(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS) (err error) {
	ms, err := readMigrations(fsys)
	if err != nil {
		return err
	}
	// A session lock lives on one connection, so hold one for the whole run.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", mapError(err))
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
		return fmt.Errorf("store: migrate: lock: %w", mapError(err))
	}
	defer func() {
		_, uerr := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockKey)
		if uerr != nil {
			// Never hand a connection that may still hold the lock back to
			// the pool: closing it releases the lock.
			conn.Conn().Close(context.WithoutCancel(ctx))
			if err == nil {
				err = fmt.Errorf("store: migrate: unlock: %w", mapError(uerr))
			}
		}
	}()

	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("store: migrate: create schema_migrations: %w", mapError(err))
	}
	applied, err := appliedVersions(ctx, conn)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// No arguments: pgx sends the file with the simple protocol,
			// which accepts several statements.
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("store: migrate: apply %s: %w", m.name, mapError(err))
		}
	}
	return nil
}

// appliedVersions reads schema_migrations; a database without the table
// has nothing applied.
func appliedVersions(ctx context.Context, q querier) (map[int]bool, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, fmt.Errorf("store: read schema version: %w", mapError(err))
	}
	applied := map[int]bool{}
	if !exists {
		return applied, nil
	}
	rows, err := q.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("store: read schema version: %w", mapError(err))
	}
	vs, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return nil, fmt.Errorf("store: read schema version: %w", mapError(err))
	}
	for _, v := range vs {
		applied[int(v)] = true
	}
	return applied, nil
}

// CheckSchema returns an error naming the pending migrations when the
// database lacks any of the embedded ones; the server calls it when told not
// to migrate, and refuses to start on an outdated schema. Versions applied
// by a newer binary are not an error: forward-only migrations keep older
// replicas working during a rolling deploy.
func (s *Store) CheckSchema(ctx context.Context) error {
	return checkSchema(ctx, s.pool, migrations.FS)
}

func checkSchema(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS) error {
	ms, err := readMigrations(fsys)
	if err != nil {
		return err
	}
	applied, err := appliedVersions(ctx, pool)
	if err != nil {
		return err
	}
	var pending []string
	for _, m := range ms {
		if !applied[m.version] {
			pending = append(pending, m.name)
		}
	}
	if len(pending) > 0 {
		return fmt.Errorf("store: database schema is outdated: %d migration(s) pending (%s); run the migrate command or start with migrations enabled",
			len(pending), strings.Join(pending, ", "))
	}
	return nil
}

// SchemaVersion returns the highest applied migration version, 0 for an
// empty database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	applied, err := appliedVersions(ctx, s.pool)
	if err != nil {
		return 0, err
	}
	v := 0
	for k := range applied {
		v = max(v, k)
	}
	return v, nil
}
