package dbtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/store"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

func TestNew_MigratedAndDroppedAfterTest(t *testing.T) {
	ctx := context.Background()
	var names []string
	for range 2 {
		t.Run("clone", func(t *testing.T) {
			pool := New(t)
			v, err := store.New(pool).SchemaVersion(ctx)
			if err != nil || v == 0 {
				t.Fatalf("SchemaVersion = %d, %v; want a migrated database", v, err)
			}
			if err := store.New(pool).CheckSchema(ctx); err != nil {
				t.Fatal(err)
			}
			var name string
			if err := pool.QueryRow(ctx, "SELECT current_database()").Scan(&name); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
			// Writes must not leak into the next clone.
			if _, err := pool.Exec(ctx, "CREATE TABLE scratch (x int)"); err != nil {
				t.Fatal(err)
			}
		})
	}
	if len(names) != 2 || names[0] == names[1] {
		t.Fatalf("clones %v, want two distinct databases", names)
	}
	for _, n := range names {
		var exists bool
		if err := srv.admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", n).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if exists {
			t.Errorf("database %s still exists after its test", n)
		}
	}
}

func TestNewEmpty_HasNoSchema(t *testing.T) {
	pool := NewEmpty(t)
	v, err := store.New(pool).SchemaVersion(context.Background())
	if err != nil || v != 0 {
		t.Fatalf("SchemaVersion = %d, %v; want 0", v, err)
	}
}

func TestWithDatabase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres:///postgres?host=%2Ftmp%2Fx&user=postgres", "postgres:///t_1?host=%2Ftmp%2Fx&user=postgres"},
		{"postgresql://u:p@db:5432/app?sslmode=disable&dbname=other", "postgresql://u:p@db:5432/t_1?sslmode=disable"},
		{"host=/tmp/x user=postgres dbname=postgres", "host=/tmp/x user=postgres dbname=postgres dbname=t_1"},
	}
	for _, tt := range tests {
		got := withDatabase(tt.in, "t_1")
		if got != tt.want {
			t.Errorf("withDatabase(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// What matters is how pgx reads it.
		cfg, err := pgx.ParseConfig(got)
		if err != nil {
			t.Errorf("pgx cannot parse %q: %v", got, err)
		} else if cfg.Database != "t_1" {
			t.Errorf("pgx reads %q as database %q, want t_1", got, cfg.Database)
		}
	}
}

// BenchmarkNewURL measures cloning the template; the drops run at the end,
// outside the timing.
func BenchmarkNewURL(b *testing.B) {
	for b.Loop() {
		NewURL(b)
	}
}
