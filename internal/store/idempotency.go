package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/article"
)

// IdempotencyLease is how long a claimed key stays in flight without being
// finished or released. After it, the claim counts as abandoned (its owner
// crashed) and the next request with the key takes it over, instead of
// getting a conflict until the key expires. It is well above any request's
// duration.
const IdempotencyLease = 2 * time.Minute

// maxIdempotencyKeyBytes is the longest Idempotency-Key or scope accepted
// (Stripe's limit; the IETF draft sets none).
const maxIdempotencyKeyBytes = 255

// StoredResponse is the response of the request that first used an
// Idempotency-Key, replayed to its retries.
type StoredResponse struct {
	Status int
	Header map[string][]string
	Body   []byte
}

// Claim is the outcome of ClaimIdempotencyKey. With Replay nil the caller
// owns the key: it runs the request, then calls FinishIdempotencyKey with
// the response, or ReleaseIdempotencyKey if the request failed in a way a
// retry might not. Otherwise Replay is the response to send again.
type Claim struct {
	Replay *StoredResponse
}

// ClaimIdempotencyKey claims key in scope (for example the API key's id)
// for a request with the given fingerprint (a hash of what makes two
// requests the same). The key is remembered for ttl from now.
//
//   - Unknown or expired key: claimed, Claim{Replay: nil}.
//   - Finished with the same fingerprint: Claim{Replay: the response}.
//   - Used with another fingerprint: article.ErrKeyReused.
//   - Still in flight with the same fingerprint: article.ErrConflict.
//
// Of concurrent claims of one key exactly one wins. A key must be 1 to 255
// bytes of printable UTF-8, and ttl positive, else ErrInvalid.
func (s *Store) ClaimIdempotencyKey(ctx context.Context, scope, key string, fingerprint [32]byte, ttl time.Duration) (*Claim, error) {
	if err := checkIdempotencyKey(scope, key); err != nil {
		return nil, fmt.Errorf("store: claim idempotency key: %w", err)
	}
	if ttl < time.Microsecond {
		return nil, fmt.Errorf("store: claim idempotency key: %w: ttl %v", article.ErrInvalid, ttl)
	}
	lease := min(ttl, IdempotencyLease)
	// A row that vanishes or expires between the two statements below is
	// claimed on the next round; a few rounds only fail under a storm of
	// claims and releases of one key.
	for range 4 {
		// ON CONFLICT waits for a concurrent claimer's row to commit and
		// then takes the row over only if it has expired: the row lock
		// makes exactly one of several claimers win.
		var claimed bool
		err := s.pool.QueryRow(ctx, `INSERT INTO idempotency_keys AS k (scope, key, fingerprint, state, ttl_us, created_at, expires_at)
			VALUES ($1, $2, $3, 'in_flight', $4, now(), now() + $5::bigint * interval '1 microsecond')
			ON CONFLICT (scope, key) DO UPDATE SET fingerprint = excluded.fingerprint, state = excluded.state,
				status = NULL, header = NULL, body = NULL,
				ttl_us = excluded.ttl_us, created_at = excluded.created_at, expires_at = excluded.expires_at
			WHERE k.expires_at <= now()
			RETURNING true`, scope, key, fingerprint[:], ttl.Microseconds(), lease.Microseconds()).Scan(&claimed)
		if err == nil {
			return &Claim{}, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("store: claim idempotency key: %w", mapError(err))
		}
		var (
			fp     []byte
			state  string
			status *int
			header []byte
			body   []byte
		)
		err = s.pool.QueryRow(ctx, `SELECT fingerprint, state, status, header, body FROM idempotency_keys
			WHERE scope = $1 AND key = $2 AND expires_at > now()`, scope, key).Scan(&fp, &state, &status, &header, &body)
		if errors.Is(err, pgx.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: claim idempotency key: %w", mapError(err))
		}
		switch {
		case !bytes.Equal(fp, fingerprint[:]):
			return nil, fmt.Errorf("store: claim idempotency key: %w", article.ErrKeyReused)
		case state != "done":
			return nil, fmt.Errorf("store: claim idempotency key: %w: a request with this key is in flight", article.ErrConflict)
		}
		resp := &StoredResponse{Status: *status, Body: body}
		if err := json.Unmarshal(header, &resp.Header); err != nil {
			return nil, fmt.Errorf("store: claim idempotency key: decode stored header: %w", err)
		}
		return &Claim{Replay: resp}, nil
	}
	return nil, fmt.Errorf("store: claim idempotency key: %w: the key keeps changing hands", article.ErrConflict)
}

func checkIdempotencyKey(scope, key string) error {
	if key == "" || len(key) > maxIdempotencyKeyBytes || len(scope) > maxIdempotencyKeyBytes {
		return fmt.Errorf("%w: idempotency key must be 1 to %d bytes", article.ErrInvalid, maxIdempotencyKeyBytes)
	}
	if !utf8.ValidString(key) || !utf8.ValidString(scope) || strings.ContainsFunc(key, isControl) || strings.ContainsRune(scope, 0) {
		return fmt.Errorf("%w: idempotency key must be printable UTF-8", article.ErrInvalid)
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// FinishIdempotencyKey stores the response of the request that claimed
// key, for replay until the key expires. When the key is no longer in
// flight (released, finished, or purged) it is ErrNotFound.
func (s *Store) FinishIdempotencyKey(ctx context.Context, scope, key string, resp StoredResponse) error {
	if resp.Status < 100 || resp.Status > 599 {
		return fmt.Errorf("store: finish idempotency key: %w: status %d", article.ErrInvalid, resp.Status)
	}
	header := resp.Header
	if header == nil {
		header = map[string][]string{}
	}
	h, err := json.Marshal(header)
	if err != nil {
		return fmt.Errorf("store: finish idempotency key: encode header: %w", err)
	}
	body := resp.Body
	if body == nil {
		body = []byte{} // pgx sends nil as NULL
	}
	tag, err := s.pool.Exec(ctx, `UPDATE idempotency_keys SET state = 'done', status = $3, header = $4, body = $5,
		expires_at = created_at + ttl_us * interval '1 microsecond'
		WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, scope, key, resp.Status, h, body)
	if err != nil {
		return fmt.Errorf("store: finish idempotency key: %w", mapError(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: finish idempotency key: %w: not in flight", article.ErrNotFound)
	}
	return nil
}

// ReleaseIdempotencyKey gives up a claim, so that a retry runs the request
// again. When the key is not in flight it is ErrNotFound; a finished key
// stays.
func (s *Store) ReleaseIdempotencyKey(ctx context.Context, scope, key string) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_flight'`, scope, key)
	if err != nil {
		return fmt.Errorf("store: release idempotency key: %w", mapError(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: release idempotency key: %w: not in flight", article.ErrNotFound)
	}
	return nil
}

// PurgeIdempotencyKeys deletes the keys expired at now (finished keys past
// their ttl, claims past their lease) and returns how many it deleted.
// Expired keys are already ignored by ClaimIdempotencyKey; purging only
// reclaims space.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, now time.Time) (int64, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM idempotency_keys WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, fmt.Errorf("store: purge idempotency keys: %w", mapError(err))
	}
	return tag.RowsAffected(), nil
}
