package store_test

import (
	"context"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

// migrationsUpTo is the migrations up to number last: a schema as an
// older release left it.
func migrationsUpTo(t *testing.T, last int) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	files, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		var v int
		if _, err := fmt.Sscanf(name, "%04d_", &v); err != nil {
			t.Fatal(err)
		}
		if v <= last {
			b, err := fs.ReadFile(migrations.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			fsys[name] = &fstest.MapFile{Data: b}
		}
	}
	return fsys
}

// TestMigration0008_Sections stores articles under schema 0007, which kept
// one section and no precision of the update time, then applies 0008: an
// article with a section lists it as its only section, one without lists
// none, and ?section= still finds it; an update time reads as a second, as
// it did; a re-extraction stores the whole list and the precision.
func TestMigration0008_Sections(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewEmpty(t)
	ctx := context.Background()
	if err := store.MigrateFS(ctx, pool, migrationsUpTo(t, 7)); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	modified := time.Date(2025, 5, 3, 9, 30, 15, 0, time.UTC)
	for i, section := range []string{"Politics", ""} {
		var id string
		err := pool.QueryRow(ctx, `WITH d AS (
				INSERT INTO dumps (id, received_at, source, body, sha256, size, status, extractor_version)
				VALUES (gen_random_uuid(), now(), 'old', convert_to($1, 'UTF8'), sha256(convert_to($1, 'UTF8')), length($1), 'extracted', 4)
				RETURNING id
			)
			INSERT INTO articles (id, dump_id, source, title, body, body_sha256, extractor_version, received_at, section, modified_at)
			SELECT gen_random_uuid(), d.id, 'old', 'Vote today', 'The council votes.', sha256(convert_to($1, 'UTF8')), 4, now(), $2, $3
			FROM d RETURNING id::text`, fmt.Sprint("dump ", i), section, modified).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		ids[section] = id
	}
	if err := store.MigrateFS(ctx, pool, migrations.FS); err != nil {
		t.Fatal(err)
	}
	s := store.New(pool)
	for section, want := range map[string][]string{"Politics": {"Politics"}, "": nil} {
		id, err := article.ParseID(ids[section])
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.FindArticleByID(ctx, id, store.ArticleParts{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Metadata.Section != section || !cmp.Equal(a.Metadata.Sections, want) {
			t.Errorf("article stored with section %q: section %q, sections %q; want %q", section, a.Metadata.Section, a.Metadata.Sections, want)
		}
		if m := a.Metadata.Modified; m == nil || !m.Time.Equal(modified) || m.Precision != article.PrecisionSecond || !m.HasZone {
			t.Errorf("modified stored before 0008: %+v, want %v to the second", m, modified)
		}
	}
	if p := mustPage(t, s, article.Filter{Section: "politics"}); len(p.Articles) != 1 || !cmp.Equal(p.Articles[0].Metadata.Sections, []string{"Politics"}) {
		t.Errorf("?section=politics after 0008: %d articles, want the one with its section listed", len(p.Articles))
	}

	dumps, err := s.DumpsToReextract(ctx, 5, article.ID{}, 10)
	if err != nil || len(dumps) != 2 {
		t.Fatalf("dumps to re-extract: %d, %v", len(dumps), err)
	}
	x := extraction()
	x.Version = 5
	x.Metadata.Section, x.Metadata.Sections = "Politics", []string{"Politics", "Europe"}
	day := &article.Date{Time: time.Date(2025, 5, 3, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
	x.Metadata.Modified = day
	ing, err := s.SaveReextraction(ctx, dumps[0], x)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.FindArticleByID(ctx, ing.Article.ID, store.ArticleParts{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Politics", "Europe"}; !cmp.Equal(got.Metadata.Sections, want) || !cmp.Equal(ing.Article.Metadata.Sections, want) {
		t.Errorf("re-extracted sections: stored %q, returned %q; want %q", got.Metadata.Sections, ing.Article.Metadata.Sections, want)
	}
	if !cmp.Equal(got.Metadata.Modified, day) || !cmp.Equal(ing.Article.Metadata.Modified, day) {
		t.Errorf("re-extracted update day: stored %+v, returned %+v; want %+v", got.Metadata.Modified, ing.Article.Metadata.Modified, day)
	}
}
