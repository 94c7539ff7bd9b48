package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// settle finishes, before a phase that measures reads or latency, the
// database work the phases before it left for later: the vacuum and
// analyse that autovacuum would start on the tables they just filled (an
// insert-driven vacuum of a table of tens of thousands of wide rows and
// eight indexes, or the dead rows of the search indexer's updates), and
// the checkpoint their WAL has made due. Without it, whether an
// autovacuum worker or a checkpoint's write-out overlapped the measured
// phase depended on how many rows the phases before it stored, which
// made get_vs_select and p99_ms_half_load swing from run to run. The
// baseline SELECT is settled the same way, so both read phases start
// from a database with no maintenance pending; each still pays for the
// maintenance its own writes cause.
//
// dbURL is the database the next phase uses (VACUUM covers only the
// database it runs in; CHECKPOINT covers the cluster).
func (b *bench) settle(ctx context.Context, dbURL string) (string, error) {
	start := time.Now()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return "", fmt.Errorf("settle: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	// What autovacuum was doing when the phase would have started: the
	// evidence that settling matters.
	var running []string
	if err := conn.QueryRow(ctx, `SELECT coalesce(array_agg(query ORDER BY query), '{}') FROM pg_stat_activity
		WHERE backend_type = 'autovacuum worker' AND query <> ''`).Scan(&running); err != nil {
		return "", fmt.Errorf("settle: autovacuum workers: %w", err)
	}
	busy := "no autovacuum worker running"
	if len(running) > 0 {
		busy = "running then: " + strings.Join(running, "; ")
	}
	b.log.Printf("settling (%s): VACUUM (ANALYZE), then CHECKPOINT", busy)
	// A manual VACUUM waits for the table lock of an autovacuum worker
	// already on the table, which the worker gives up after
	// deadlock_timeout; either way the table is vacuumed once.
	if _, err := conn.Exec(ctx, "VACUUM (ANALYZE)"); err != nil {
		return "", fmt.Errorf("settle: vacuum: %w", err)
	}
	vacuumed := time.Since(start)
	if _, err := conn.Exec(ctx, "CHECKPOINT"); err != nil {
		return "", fmt.Errorf("settle: checkpoint: %w", err)
	}
	return fmt.Sprintf("settled before the phase (%s): VACUUM (ANALYZE) %.1f s, CHECKPOINT %.1f s",
		busy, vacuumed.Seconds(), (time.Since(start) - vacuumed).Seconds()), nil
}

// bufferCounts are a database's shared-buffer hits and reads so far.
type bufferCounts struct{ hit, read int64 }

// buffers reads pg_stat_database for dbURL's database. The counts are
// flushed by each backend at the end of its transactions, at most once a
// second or so, so a difference over a phase of seconds is close, not
// exact.
func buffers(ctx context.Context, dbURL string) (bufferCounts, error) {
	var c bufferCounts
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return c, fmt.Errorf("buffer counts: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	err = conn.QueryRow(ctx, `SELECT blks_hit, blks_read FROM pg_stat_database WHERE datname = current_database()`).Scan(&c.hit, &c.read)
	if err != nil {
		return c, fmt.Errorf("buffer counts: %w", err)
	}
	return c, nil
}

// bufferNote says how the phase's reads were served, between two counts.
func bufferNote(before, after bufferCounts) string {
	hit, read := after.hit-before.hit, after.read-before.read
	if hit+read <= 0 {
		return ""
	}
	return fmt.Sprintf("shared buffers: %d hits, %d reads from the OS (%.1f%% hits)", hit, read, 100*float64(hit)/float64(hit+read))
}

// measureSettled settles the database at dbURL, then measures the phase
// as measure does, noting the settling and the phase's buffer hits.
func (b *bench) measureSettled(ctx context.Context, dbURL, name, unit string, l loop) (*phase, error) {
	settled := "not settled (-settle=false)"
	if b.opts.settle {
		var err error
		if settled, err = b.settle(ctx, dbURL); err != nil {
			return nil, err
		}
	}
	before, err := buffers(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	p, err := b.measure(ctx, name, unit, l)
	if err != nil {
		return nil, err
	}
	after, err := buffers(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	p.dbNotes = append(p.dbNotes, settled)
	if n := bufferNote(before, after); n != "" {
		p.dbNotes = append(p.dbNotes, n)
	}
	return p, nil
}
