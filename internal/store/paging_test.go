package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// TestStore_FindArticles_PagingUnderInserts pages through 1,000 articles,
// in time order and in rank order, while articles are inserted between
// pages before, inside and after the part already read. Every article
// there at the start must be seen exactly once, in order, and every
// article inserted behind the reader must be seen too.
func TestStore_FindArticles_PagingUnderInserts(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	const n = 1000
	original := make(map[article.ID]bool, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 4 {
				f := fixture{
					title:  fmt.Sprintf("Report %d", i),
					source: fmt.Sprint("src", i%5), lang: "en",
					// Five articles per minute: plenty of ties for the id to break.
					published: t0.Add(time.Duration(i%200) * time.Minute),
					body:      []string{strings.Repeat("The river rose. ", i%4+1)},
				}
				if i%7 == 0 {
					f.published, f.received = time.Time{}, t0.Add(time.Duration(i%300)*time.Minute)
				}
				if i%10 == 0 {
					f.title = fmt.Sprintf("River report %d", i)
				}
				a := mustIngest(t, s, f)
				mu.Lock()
				original[a.ID] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	dbtest.IndexAll(t, s)

	t.Run("page sizes", func(t *testing.T) {
		for limit, want := range map[int]int{0: store.DefaultPageSize, -3: store.DefaultPageSize, 1: 1, 10_000: store.MaxPageSize} {
			if got := len(mustPage(t, s, article.Filter{Limit: limit}).Articles); got != want {
				t.Errorf("Limit %d: %d articles, want %d", limit, got, want)
			}
		}
	})

	inserted := 0
	insert := func(t *testing.T, when time.Time, rivers int) article.ID {
		inserted++
		return mustIngest(t, s, fixture{title: fmt.Sprint("Late ", inserted), lang: "en", published: when,
			body: []string{strings.Repeat("river ", rivers)}}).ID
	}
	timeKey := func(_ *testing.T, a *article.Article) keyRow {
		k := keyRow{at: a.ReceivedAt, id: a.ID}
		if a.Metadata.Published != nil {
			k.at = a.Metadata.Published.Time
		}
		return k
	}
	rankKey := func(t *testing.T, a *article.Article) keyRow {
		var r float32
		err := pool.QueryRow(ctx, `SELECT ts_rank_cd(search, websearch_to_tsquery(pressroom_regconfig(language), 'river'))
			FROM articles WHERE id = $1`, pgtype.UUID{Bytes: a.ID, Valid: true}).Scan(&r)
		if err != nil {
			t.Fatal(err)
		}
		return keyRow{rank: r, id: a.ID}
	}
	tests := []struct {
		name  string
		query string
		limit int
		key   func(t *testing.T, a *article.Article) keyRow // the sort key, descending
		// between inserts articles after a page whose last article is
		// last, and returns those that must not be listed (ahead of the
		// reader) and those that must (behind it).
		between func(t *testing.T, last *article.Article, page int) (ahead, behind []article.ID)
	}{
		{name: "time order", limit: 37, key: timeKey,
			between: func(t *testing.T, last *article.Article, page int) (ahead, behind []article.ID) {
				// Newer than anything; at the very time of the last
				// article read, whose id it beats; older than anything.
				ahead = append(ahead, insert(t, t0.Add(48*time.Hour), 1), insert(t, timeKey(t, last).at, 1))
				behind = append(behind, insert(t, t0.Add(-48*time.Hour), 1))
				return ahead, behind
			}},
		{name: "rank order", query: "river", limit: 23, key: rankKey,
			between: func(t *testing.T, _ *article.Article, page int) (ahead, behind []article.ID) {
				// Ranks all over the range; where they land is not known
				// here, only that nothing is listed twice or out of order.
				// Indexed at once, so that they do reach the search.
				insert(t, t0, page%5+1)
				dbtest.IndexAll(t, s)
				return nil, nil
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := map[article.ID]int{}
			var ahead, behind []article.ID
			var prev *keyRow
			f := article.Filter{Query: tt.query, Limit: tt.limit}
			pages := 0
			for {
				p := mustPage(t, s, f)
				pages++
				for _, a := range p.Articles {
					seen[a.ID]++
					k := tt.key(t, a)
					if prev != nil && !k.less(*prev) {
						t.Fatalf("page %d: %s (%+v) does not come after %+v", pages, a.Metadata.Title, k, *prev)
					}
					prev = &k
				}
				if p.Next == "" {
					break
				}
				if len(p.Articles) != tt.limit {
					t.Fatalf("page %d has %d articles and a next page", pages, len(p.Articles))
				}
				a, b := tt.between(t, p.Articles[len(p.Articles)-1], pages)
				ahead, behind = append(ahead, a...), append(behind, b...)
				f.Cursor = p.Next
			}
			for id, c := range seen {
				if c > 1 {
					t.Errorf("article %s seen %d times", id, c)
				}
			}
			missing := 0
			for id := range original {
				if seen[id] == 0 {
					missing++
				}
			}
			for _, id := range behind {
				if seen[id] == 0 {
					missing++
				}
			}
			if missing > 0 {
				t.Errorf("%d articles never listed (a gap) over %d pages", missing, pages)
			}
			for _, id := range ahead {
				if seen[id] > 0 {
					t.Errorf("article %s, inserted ahead of the reader, was listed", id)
				}
			}
			if pages < n/tt.limit {
				t.Errorf("only %d pages", pages)
			}
		})
	}
}

// keyRow is a listing's sort key; lists run from high to low.
type keyRow struct {
	at   time.Time
	rank float32
	id   article.ID
}

func (k keyRow) less(o keyRow) bool {
	switch {
	case !k.at.Equal(o.at):
		return k.at.Before(o.at)
	case k.rank != o.rank:
		return k.rank < o.rank
	}
	return k.id.String() < o.id.String()
}
