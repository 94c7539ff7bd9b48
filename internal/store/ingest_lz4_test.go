package store_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

// largeColumns are the columns migration 0003 moves to lz4 (0009 then
// stores search vectors uncompressed, whatever the column's method).
var largeColumns = []struct{ table, column string }{
	{"dumps", "body"}, {"articles", "body"}, {"articles", "search"}, {"articles", "diagnostics"},
}

// columnCompression returns each large column's compression setting: "l"
// for lz4, "" for the server default (pglz).
func columnCompression(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, c := range largeColumns {
		var method string
		err := pool.QueryRow(context.Background(), `SELECT attcompression::text FROM pg_attribute
			WHERE attrelid = $1::regclass AND attname = $2`, c.table, c.column).Scan(&method)
		if err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.column, err)
		}
		got[c.table+"."+c.column] = method
	}
	return got
}

func TestMigration0003_LZ4(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	for col, method := range columnCompression(t, pool) {
		if method != "l" {
			t.Errorf("%s compression = %q, want lz4 (l)", col, method)
		}
	}

	// Values large enough to be compressed really are compressed with lz4.
	x := extraction()
	words := make([]string, 2000) // distinct words make a large search vector
	for i := range words {
		words[i] = fmt.Sprintf("councilword%d", i)
	}
	x.Paragraphs = []string{strings.Join(words, " ")}
	st := store.New(pool)
	ing := mustSaveIngest(t, st, dump("lz4", strings.Repeat("raw page text ", 1000)), x)
	dbtest.IndexAll(t, st)
	// Only articles stored before migration 0006 have diagnostics; the
	// column keeps lz4 for them.
	notes := article.Diagnostics{Notes: []string{strings.Repeat("a long note ", 400)}}
	if _, err := pool.Exec(ctx, `UPDATE articles SET diagnostics = $2 WHERE id = $1`, ing.Article.ID.String(), notes); err != nil {
		t.Fatal(err)
	}
	var dumpBody, articleBody, search, diagnostics *string
	err := pool.QueryRow(ctx, `SELECT pg_column_compression(d.body), pg_column_compression(a.body),
			pg_column_compression(a.search), pg_column_compression(a.diagnostics)
		FROM dumps d JOIN articles a ON a.dump_id = d.id WHERE d.id = $1`, ing.Dump.ID.String()).Scan(&dumpBody, &articleBody, &search, &diagnostics)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*string{"dumps.body": dumpBody, "articles.body": articleBody, "articles.diagnostics": diagnostics} {
		if got == nil || *got != "lz4" {
			t.Errorf("%s stored with %v, want lz4", name, deref(got))
		}
	}
	// Since 0009 search vectors are stored uncompressed (STORAGE
	// EXTERNAL): they barely compress, and trying cost every insert.
	if search != nil {
		t.Errorf("articles.search stored with %s, want uncompressed (migration 0009)", *search)
	}
}

// TestMigration0003_Unsupported runs the migrations with 0003 changed so
// that its last ALTER fails the way a server built without lz4 refuses lz4:
// with feature_not_supported (here because an integer column cannot be
// compressed at all). The migration must still succeed, and leave every
// column on the default method rather than half converted.
func TestMigration0003_Unsupported(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewEmpty(t)
	fsys := fstest.MapFS{}
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, name := range files {
		b, err := fs.ReadFile(migrations.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		sql := string(b)
		if strings.HasPrefix(name, "0003_") {
			const last = "ALTER COLUMN diagnostics SET COMPRESSION lz4"
			found = strings.Contains(sql, last)
			sql = strings.Replace(sql, last, "ALTER COLUMN word_count SET COMPRESSION lz4", 1)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(sql)}
	}
	if !found {
		t.Fatal("0003 no longer ends with the diagnostics ALTER; update this test")
	}
	if err := store.MigrateFS(context.Background(), pool, fsys); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	for col, method := range columnCompression(t, pool) {
		if method != "" {
			t.Errorf("%s compression = %q, want the default", col, method)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
