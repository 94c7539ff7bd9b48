package store_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

// TestMigration0009_Fold stores articles under schema 0008, whose
// pressroom_fold(text[]) was a SQL function, records what it gave for a
// table of lists, and applies 0009: the PL/pgSQL form gives the same
// values (elements, NULLs, dimensions), so the GIN indexes built before
// still find the stored articles by any case of their authors and tags;
// it works whatever the search_path; and search vectors are stored
// uncompressed.
func TestMigration0009_Fold(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewEmpty(t)
	ctx := context.Background()
	if err := store.MigrateFS(ctx, pool, migrationsUpTo(t, 8)); err != nil {
		t.Fatal(err)
	}
	s := store.New(pool)
	x := extraction()
	x.Metadata.Authors = []string{"Åsa LARSSON", "Jean Dupont"}
	x.Metadata.Tags = []string{"ÉLECTIONS", "Städte"}
	mustSaveIngest(t, s, dump("fold", "before 0009"), x)

	lists := []string{ // array literals
		`{}`,
		`{""}`,
		`{"Jane DOE"}`,
		`{"Jane DOE","ÄÖÜ Straße","JOHN"}`,
		`{NULL,B}`,
		`{{A,B},{C,D}}`,         // folded flat, as unnest did
		`[0:1]={X,Y}`,           // and from index 1
		`{ΟΔΥΣΣΕΥΣ,İSTANBUL,ẞ}`, // context-dependent and one-to-many case mappings
		`{"NULL","a\"B\\c"}`,
	}
	fold := func() map[string]string {
		t.Helper()
		got := map[string]string{}
		for _, l := range lists {
			var folded, dims string
			err := pool.QueryRow(ctx, `SELECT pressroom_fold($1::text[])::text, coalesce(array_dims(pressroom_fold($1::text[])), '')`, l).
				Scan(&folded, &dims)
			if err != nil {
				t.Fatalf("pressroom_fold(%s): %v", l, err)
			}
			got[l] = folded + " " + dims
		}
		return got
	}
	before := fold()
	if err := store.MigrateFS(ctx, pool, migrations.FS); err != nil {
		t.Fatal(err)
	}
	after := fold()
	for _, l := range lists {
		if before[l] != after[l] {
			t.Errorf("pressroom_fold(%s) = %s after 0009, %s before", l, after[l], before[l])
		}
	}

	var lang string
	if err := pool.QueryRow(ctx, `SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
		WHERE p.oid = 'pressroom_fold(text[])'::regprocedure`).Scan(&lang); err != nil {
		t.Fatal(err)
	}
	if lang != "plpgsql" { // a SQL function with a subquery costs every insert a query plan
		t.Errorf("pressroom_fold(text[]) is in %s, want plpgsql", lang)
	}

	x.Metadata.Authors = []string{"Åsa Larsson"}
	x.Metadata.Tags = []string{"Élections"}
	mustSaveIngest(t, s, dump("fold", "after 0009"), x)
	for _, f := range []article.Filter{{Author: "åsa larsson"}, {Author: "ÅSA LARSSON"}, {Tag: "élections"}, {Tag: "ÉLECTIONS"}} {
		if p := mustPage(t, s, f); len(p.Articles) != 2 {
			t.Errorf("%+v: %d articles, want the ones stored before and after 0009", f, len(p.Articles))
		}
	}
	if p := mustPage(t, s, article.Filter{Tag: "städte"}); len(p.Articles) != 1 {
		t.Errorf("tag städte: %d articles, want 1", len(p.Articles))
	}

	// A restore creates the indexes with an empty search_path.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	var schema, folded string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `SET search_path = ''`); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(ctx, `RESET search_path`)
	if err := conn.QueryRow(ctx, `SELECT `+pgx.Identifier{schema}.Sanitize()+`.pressroom_fold('{"Jane DOE"}'::text[])::text`).Scan(&folded); err != nil {
		t.Fatalf("pressroom_fold(text[]) with an empty search_path: %v", err)
	}
	if folded != `{"jane doe"}` {
		t.Errorf("pressroom_fold with an empty search_path = %s", folded)
	}

	var storage string
	if err := pool.QueryRow(ctx, `SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'search'`).
		Scan(&storage); err != nil {
		t.Fatal(err)
	}
	if storage != "e" {
		t.Errorf("articles.search storage %q, want e (external, uncompressed)", storage)
	}
}
