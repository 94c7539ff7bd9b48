package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// API key scopes.
const (
	ScopeIngest = "ingest"
	ScopeRead   = "read"
	ScopeAdmin  = "admin"
)

// APIKey is a bearer key as stored: never the token itself.
type APIKey struct {
	ID         article.ID
	Name       string
	Prefix     string   // the public part of the token: it starts "prk_" + Prefix + "_"
	Scopes     []string // sorted
	CreatedAt  time.Time
	RevokedAt  *time.Time
	LastUsedAt *time.Time // updated at most once a minute
}

// Tokens are "prk_" + 12 prefix characters + "_" + 32 secret characters,
// all from the lower-case base32 alphabet: 60 bits that find the row and
// 160 secret bits. Lower case and no look-alike padding so that a token
// survives being copied from a terminal.
const (
	tokenMark      = "prk_"
	tokenPrefixLen = 12
	tokenSecretLen = 32
	tokenLen       = len(tokenMark) + tokenPrefixLen + 1 + tokenSecretLen
	tokenAlphabet  = "abcdefghijklmnopqrstuvwxyz234567"

	maxKeyNameBytes = 100

	// lastUsedGranularity bounds the writes authentication makes: one per
	// key per minute, not one per request.
	lastUsedGranularity = time.Minute
)

// newToken returns a fresh token and its prefix.
func newToken() (token, prefix string) {
	var b [tokenPrefixLen + tokenSecretLen]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	for i := range b {
		b[i] = tokenAlphabet[b[i]%32] // 256 is a multiple of 32: unbiased
	}
	prefix = string(b[:tokenPrefixLen])
	return tokenMark + prefix + "_" + string(b[tokenPrefixLen:]), prefix
}

// tokenPrefix returns the prefix of a well-formed token.
func tokenPrefix(token string) (string, bool) {
	if len(token) != tokenLen || !strings.HasPrefix(token, tokenMark) || token[len(tokenMark)+tokenPrefixLen] != '_' {
		return "", false
	}
	for i := len(tokenMark); i < len(token); i++ {
		if i != len(tokenMark)+tokenPrefixLen && strings.IndexByte(tokenAlphabet, token[i]) < 0 {
			return "", false
		}
	}
	return token[len(tokenMark) : len(tokenMark)+tokenPrefixLen], true
}

// CreateAPIKey makes a key named name with the given scopes and returns its
// token, which is not stored and cannot be shown again. Scopes must be a
// non-empty subset of ingest, read and admin; the name must be printable,
// at most 100 bytes, without surrounding spaces, and not an id. A name in
// use by an active key is ErrConflict.
func (s *Store) CreateAPIKey(ctx context.Context, name string, scopes []string) (string, *APIKey, error) {
	if err := checkKeyName(name); err != nil {
		return "", nil, fmt.Errorf("store: create api key: %w", err)
	}
	scopes, err := normaliseScopes(scopes)
	if err != nil {
		return "", nil, fmt.Errorf("store: create api key: %w", err)
	}
	token, prefix := newToken()
	sum := sha256.Sum256([]byte(token))
	k := &APIKey{ID: article.NewID(time.Now()), Name: name, Prefix: prefix, Scopes: scopes}
	err = s.pool.QueryRow(ctx, `INSERT INTO api_keys (id, name, prefix, token_sha256, scopes)
		VALUES ($1, $2, $3, $4, $5) RETURNING created_at`, uuid(k.ID), name, prefix, sum[:], scopes).Scan(&k.CreatedAt)
	if err != nil {
		return "", nil, fmt.Errorf("store: create api key %q: %w", name, mapError(err))
	}
	k.CreatedAt = k.CreatedAt.UTC()
	return token, k, nil
}

func checkKeyName(name string) error {
	if name == "" || len(name) > maxKeyNameBytes || !utf8.ValidString(name) || strings.TrimSpace(name) != name {
		return fmt.Errorf("%w: key name must be 1 to %d bytes of UTF-8 without surrounding spaces", article.ErrInvalid, maxKeyNameBytes)
	}
	if strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0 {
		return fmt.Errorf("%w: key name holds unprintable characters", article.ErrInvalid)
	}
	if _, err := article.ParseID(name); err == nil {
		// RevokeAPIKey takes an id or a name.
		return fmt.Errorf("%w: key name must not be an id", article.ErrInvalid)
	}
	return nil
}

// normaliseScopes returns the scopes sorted and without repeats.
func normaliseScopes(scopes []string) ([]string, error) {
	out := make([]string, 0, len(scopes))
	for _, sc := range scopes {
		switch sc {
		case ScopeIngest, ScopeRead, ScopeAdmin:
		default:
			return nil, fmt.Errorf("%w: unknown scope %q (want %s, %s or %s)", article.ErrInvalid, sc, ScopeIngest, ScopeRead, ScopeAdmin)
		}
		out = append(out, sc)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: a key needs at least one scope", article.ErrInvalid)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

const apiKeyColumns = `id, name, prefix, scopes, created_at, revoked_at, last_used_at`

func scanAPIKey(row pgx.Row, extra ...any) (*APIKey, error) {
	var (
		k  APIKey
		id pgtype.UUID
	)
	if err := row.Scan(append([]any{&id, &k.Name, &k.Prefix, &k.Scopes, &k.CreatedAt, &k.RevokedAt, &k.LastUsedAt}, extra...)...); err != nil {
		return nil, err
	}
	k.ID = article.ID(id.Bytes)
	k.CreatedAt = k.CreatedAt.UTC()
	for _, t := range []*time.Time{k.RevokedAt, k.LastUsedAt} {
		if t != nil {
			*t = t.UTC()
		}
	}
	return &k, nil
}

// ListAPIKeys returns every key, revoked ones included, oldest first.
func (s *Store) ListAPIKeys(ctx context.Context) ([]*APIKey, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+apiKeyColumns+` FROM api_keys ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("store: list api keys: %w", mapError(err))
	}
	defer rows.Close()
	keys := []*APIKey{}
	for rows.Next() {
		k, err := scanAPIKey(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list api keys: %w", mapError(err))
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list api keys: %w", mapError(err))
	}
	return keys, nil
}

// RevokeAPIKey revokes the active key with this id or name. When no active
// key has it (unknown, or already revoked) it is ErrNotFound.
func (s *Store) RevokeAPIKey(ctx context.Context, idOrName string) error {
	sql, arg := `UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, any(idOrName)
	if id, err := article.ParseID(idOrName); err == nil {
		sql, arg = `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, uuid(id)
	} else if cleanText(idOrName) != idOrName {
		return fmt.Errorf("store: revoke api key: %w", article.ErrNotFound)
	}
	tag, err := s.pool.Exec(ctx, sql, arg)
	if err != nil {
		return fmt.Errorf("store: revoke api key %q: %w", idOrName, mapError(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: revoke api key %q: %w: no active key with this id or name", idOrName, article.ErrNotFound)
	}
	return nil
}

// AuthenticateAPIKey returns the active key token belongs to. A malformed,
// unknown or revoked token is ErrNotFound; errors never quote the token.
func (s *Store) AuthenticateAPIKey(ctx context.Context, token string) (*APIKey, error) {
	prefix, ok := tokenPrefix(token)
	if !ok {
		return nil, fmt.Errorf("store: authenticate api key: %w: malformed token", article.ErrNotFound)
	}
	var (
		stored []byte
		now    time.Time
	)
	k, err := scanAPIKey(s.pool.QueryRow(ctx, `SELECT `+apiKeyColumns+`, token_sha256, now()
		FROM api_keys WHERE prefix = $1`, prefix), &stored, &now)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store: authenticate api key %s: %w: unknown key", prefix, article.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: authenticate api key %s: %w", prefix, mapError(err))
	}
	sum := sha256.Sum256([]byte(token))
	if subtle.ConstantTimeCompare(sum[:], stored) != 1 {
		return nil, fmt.Errorf("store: authenticate api key %s: %w: wrong secret", prefix, article.ErrNotFound)
	}
	if k.RevokedAt != nil {
		return nil, fmt.Errorf("store: authenticate api key %s: %w: revoked", prefix, article.ErrNotFound)
	}
	if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) >= lastUsedGranularity {
		// The condition is repeated in SQL so that replicas racing here
		// write once. A failure is ignored: the key is valid, and a
		// read-only database (a replica serving reads) must not turn
		// every request into a 401.
		var used time.Time
		err := s.pool.QueryRow(ctx, `UPDATE api_keys SET last_used_at = now()
			WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - $2::bigint * interval '1 microsecond')
			RETURNING last_used_at`, uuid(k.ID), lastUsedGranularity.Microseconds()).Scan(&used)
		if err == nil {
			used = used.UTC()
			k.LastUsedAt = &used
		}
	}
	return k, nil
}

// CountActiveAPIKeys returns the number of keys not revoked.
func (s *Store) CountActiveAPIKeys(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM api_keys WHERE revoked_at IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count api keys: %w", mapError(err))
	}
	return n, nil
}

// CountAPIKeys returns the number of keys not revoked, and of keys ever
// created (revoked ones included): a server whose every key was revoked
// must stay closed, not fall back to the open mode of a fresh install.
func (s *Store) CountAPIKeys(ctx context.Context) (active, total int, err error) {
	err = s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE revoked_at IS NULL), count(*) FROM api_keys`).Scan(&active, &total)
	if err != nil {
		return 0, 0, fmt.Errorf("store: count api keys: %w", mapError(err))
	}
	return active, total, nil
}
