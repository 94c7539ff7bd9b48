package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"

	"github.com/pressroom/pressroom/internal/article"
)

// mapError gives err the article error kind callers branch on, keeping the
// original in the chain for logs. Errors that already carry a kind, and
// errors with no kind (bugs, unexpected SQLSTATEs), are returned unchanged.
// It is the only place that knows PostgreSQL error codes.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range kinds {
		if errors.Is(err, k) {
			return err
		}
	}
	if kind := classify(err); kind != nil {
		return fmt.Errorf("%w: %w", kind, err)
	}
	return err
}

var kinds = []error{article.ErrInvalid, article.ErrNotFound, article.ErrConflict, article.ErrUnextractable, article.ErrUnavailable}

// pgKinds maps SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html)
// to kinds; classes are looked up by their first two characters.
var pgKinds = map[string]error{
	"23505": article.ErrConflict, // unique_violation
	"23503": article.ErrConflict, // foreign_key_violation: the parent went away

	"22P02": article.ErrInvalid, // invalid_text_representation
	"23514": article.ErrInvalid, // check_violation
	"23502": article.ErrInvalid, // not_null_violation
	"22001": article.ErrInvalid, // string_data_right_truncation
	"22021": article.ErrInvalid, // character_not_in_repertoire (NUL, bad UTF-8)
	"22P05": article.ErrInvalid, // untranslatable_character (\u0000 in jsonb)
	"22003": article.ErrInvalid, // numeric_value_out_of_range
	"22007": article.ErrInvalid, // invalid_datetime_format
	"22008": article.ErrInvalid, // datetime_field_overflow
	"54000": article.ErrInvalid, // program_limit_exceeded (e.g. tsvector too long)

	"57P01": article.ErrUnavailable, // admin_shutdown
	"57P02": article.ErrUnavailable, // crash_shutdown
	"57P03": article.ErrUnavailable, // cannot_connect_now (starting up)
	"57014": article.ErrUnavailable, // query_canceled (statement_timeout)
	"55P03": article.ErrUnavailable, // lock_not_available
	"40001": article.ErrUnavailable, // serialization_failure: retry later
	"40P01": article.ErrUnavailable, // deadlock_detected: retry later
	"08":    article.ErrUnavailable, // connection_exception
	"53":    article.ErrUnavailable, // insufficient_resources (too many connections, disk full)
}

// classify returns err's kind, or nil.
func classify(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil // the caller gave up; the database may be fine
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return article.ErrNotFound
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		if k, ok := pgKinds[pgErr.Code]; ok {
			return k
		}
		if len(pgErr.Code) == 5 {
			return pgKinds[pgErr.Code[:2]]
		}
		return nil
	}
	var connErr *pgconn.ConnectError
	var netErr net.Error
	var opErr *net.OpError
	switch {
	case errors.As(err, &connErr),
		errors.Is(err, puddle.ErrClosedPool),
		errors.Is(err, context.DeadlineExceeded),
		pgconn.Timeout(err),
		errors.As(err, &netErr),
		errors.As(err, &opErr),
		errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF),
		// Nothing reached the server (e.g. "conn closed"): retrying is safe.
		pgconn.SafeToRetry(err):
		return article.ErrUnavailable
	}
	return nil
}
