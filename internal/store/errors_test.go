package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"

	"github.com/pressroom/pressroom/internal/article"
)

func TestMapError(t *testing.T) {
	pg := func(code string) error { return &pgconn.PgError{Code: code, Message: "m"} }
	// A real connect error, without a server: nothing listens there.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, connectErr := pgconn.Connect(ctx, "host=/nonexistent-pressroom-socket-dir port=1 user=x connect_timeout=1")
	if connectErr == nil {
		t.Fatal("connected to nothing")
	}
	canceled, cancelNow := context.WithCancel(context.Background())
	cancelNow()

	tests := []struct {
		name string
		err  error
		want error // nil: no kind
	}{
		{"no rows", pgx.ErrNoRows, article.ErrNotFound},
		{"wrapped no rows", fmt.Errorf("scan: %w", pgx.ErrNoRows), article.ErrNotFound},
		{"unique violation", pg("23505"), article.ErrConflict},
		{"foreign key violation", pg("23503"), article.ErrConflict},
		{"bad text representation", pg("22P02"), article.ErrInvalid},
		{"check violation", pg("23514"), article.ErrInvalid},
		{"string too long", pg("22001"), article.ErrInvalid},
		{"NUL in text", pg("22021"), article.ErrInvalid},
		{"NUL in jsonb", pg("22P05"), article.ErrInvalid},
		{"tsvector too long", pg("54000"), article.ErrInvalid},
		{"admin shutdown", pg("57P01"), article.ErrUnavailable},
		{"crash shutdown", pg("57P02"), article.ErrUnavailable},
		{"starting up", pg("57P03"), article.ErrUnavailable},
		{"too many connections (class 53)", pg("53300"), article.ErrUnavailable},
		{"connection failure (class 08)", pg("08006"), article.ErrUnavailable},
		{"deadlock", pg("40P01"), article.ErrUnavailable},
		{"syntax error is a bug", pg("42601"), nil},
		{"undefined table is a bug", pg("42P01"), nil},
		{"connection refused", connectErr, article.ErrUnavailable},
		{"net error", &net.OpError{Op: "dial", Net: "unix", Err: syscall.ECONNREFUSED}, article.ErrUnavailable},
		{"pool closed", fmt.Errorf("acquire: %w", puddle.ErrClosedPool), article.ErrUnavailable},
		{"deadline on acquire", fmt.Errorf("acquire: %w", context.DeadlineExceeded), article.ErrUnavailable},
		{"server went away", io.ErrUnexpectedEOF, article.ErrUnavailable},
		{"caller cancelled", canceled.Err(), nil},
		{"plain error", errors.New("boom"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mapError(tt.err)
			if !errors.Is(got, tt.err) {
				t.Errorf("mapError lost the original: %v", got)
			}
			for _, k := range kinds {
				if errors.Is(got, k) != (k == tt.want) {
					t.Errorf("errors.Is(mapError(%v), %v) = %v, want %v", tt.err, k, errors.Is(got, k), k == tt.want)
				}
			}
		})
	}

	t.Run("nil", func(t *testing.T) {
		if err := mapError(nil); err != nil {
			t.Errorf("mapError(nil) = %v", err)
		}
	})
	t.Run("kind kept as is", func(t *testing.T) {
		in := fmt.Errorf("x: %w", article.ErrInvalid)
		if got := mapError(in); got != in {
			t.Errorf("mapError re-wrapped %v as %v", in, got)
		}
	})
}
