package api

import (
	"context"
	"crypto/sha256"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// Scopes a key may hold. admin implies the others.
const (
	ScopeIngest = "ingest"
	ScopeRead   = "read"
	ScopeAdmin  = "admin"
)

// principal is who a request acts as: an API key, or anyone when the server
// runs open (no keys configured, loopback only).
type principal struct {
	keyID  string // "" when open
	name   string
	scopes []string
}

func (p *principal) has(scope string) bool {
	if p.keyID == "" {
		return true
	}
	for _, s := range p.scopes {
		if s == scope || s == ScopeAdmin {
			return true
		}
	}
	return false
}

// rateKey names the bucket a request draws from: its key, or its client
// address when the server runs open (see clientBucket).
func (a *API) rateKey(p *principal, r *http.Request) string {
	if p.keyID != "" {
		return "key:" + p.keyID
	}
	return clientBucket(a.clientAddr(r))
}

const principalKey ctxKey = 100

func principalFrom(ctx context.Context) *principal {
	p, _ := ctx.Value(principalKey).(*principal)
	if p == nil {
		return &principal{}
	}
	return p
}

// keyCache remembers tokens briefly so that a busy scraper does not cost a
// database lookup per request. A revoked key stops working within
// authCacheTTL. Unknown tokens are remembered apart, for authNegativeTTL,
// so that a flood of bogus tokens can only push out other bogus tokens,
// never a valid key.
type keyCache struct {
	mu       sync.Mutex
	known    map[[sha256.Size]byte]keyCacheEntry
	unknown  map[[sha256.Size]byte]keyCacheEntry
	active   int // keys not revoked
	total    int // keys ever created
	activeT  time.Time
	maxSize  int // per map; authCacheMaxSize
	failures *limiters
}

type keyCacheEntry struct {
	p       *principal // nil: the token is unknown
	expires time.Time
}

const (
	authCacheTTL     = 30 * time.Second
	authNegativeTTL  = 5 * time.Second
	authCacheMaxSize = 10000
	// authFailureRate and authFailureBurst bound the failed
	// authentications one client address may cause, counted before the
	// database lookup: a client sending random tokens costs one query per
	// token, and without this bound it could drain the pool.
	authFailureRate  = 1.0
	authFailureBurst = 10
)

func newKeyCache() keyCache {
	return keyCache{
		known:    map[[sha256.Size]byte]keyCacheEntry{},
		unknown:  map[[sha256.Size]byte]keyCacheEntry{},
		maxSize:  authCacheMaxSize,
		failures: newLimiters(authFailureRate, authFailureBurst),
	}
}

// get returns the cached principal for a token hash: found reports a fresh
// entry, and a nil principal with found means the token is unknown.
func (c *keyCache) get(sum [sha256.Size]byte, now time.Time) (p *principal, found bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range []map[[sha256.Size]byte]keyCacheEntry{c.known, c.unknown} {
		if e, ok := m[sum]; ok && now.Before(e.expires) {
			return e.p, true
		}
	}
	return nil, false
}

// put caches the outcome of a lookup. A full map gives up one entry, an
// expired one if it finds one, so the cache never forgets all at once.
func (c *keyCache) put(sum [sha256.Size]byte, p *principal, now time.Time) {
	m, ttl := c.known, authCacheTTL
	if p == nil {
		m, ttl = c.unknown, authNegativeTTL
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := m[sum]; !ok && len(m) >= c.maxSize {
		evictOne(m, now)
	}
	m[sum] = keyCacheEntry{p: p, expires: now.Add(ttl)}
}

// evictOne deletes one entry of m: the first expired one among a few
// looked at, or else one of those (Go randomises the order of iteration,
// so the choice is random, and cheap).
func evictOne(m map[[sha256.Size]byte]keyCacheEntry, now time.Time) {
	var victim [sha256.Size]byte
	seen := 0
	for k, e := range m {
		victim = k
		if !now.Before(e.expires) || seen == 8 {
			break
		}
		seen++
	}
	delete(m, victim)
}

var errTooManyFailures = &httpError{status: http.StatusTooManyRequests, slug: "rate-limited", title: "Too many requests",
	detail: "too many failed authentications from this address; check the API key", retryAfter: int(1 / authFailureRate)}

// authenticate resolves the request's bearer token. With no active keys the
// server is open when the operator allowed it (loopback, or explicitly).
func (a *API) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := a.resolvePrincipal(r)
		if err != nil {
			a.writeProblem(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey, p)))
	})
}

var errUnauthorized = &httpError{status: http.StatusUnauthorized, slug: "unauthorized", title: "Unauthorized",
	detail: "send a valid API key as 'Authorization: Bearer <key>'",
	header: http.Header{"Www-Authenticate": {`Bearer realm="pressroom"`}}}

func (a *API) resolvePrincipal(r *http.Request) (*principal, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		ctx, cancel := a.dbContext(r)
		defer cancel()
		active, total, err := a.countKeys(ctx)
		if err != nil {
			return nil, err
		}
		// Revoking the last key must not silently reopen the server:
		// open again only when the operator said so (ReopenWithoutKeys).
		if active == 0 && a.allowOpen && (total == 0 || a.reopenWithoutKeys) {
			return &principal{}, nil
		}
		return nil, errUnauthorized
	}
	scheme, token, ok := strings.Cut(h, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || len(token) > 256 {
		return nil, errUnauthorized
	}
	sum := sha256.Sum256([]byte(token))
	now := a.now()
	if p, found := a.keys.get(sum, now); found {
		if p == nil {
			return nil, errUnauthorized
		}
		return p, nil
	}
	// The lookup takes a failure token from the client's address up front
	// and gives it back if the key is valid, so concurrent bogus requests
	// cannot all pass the check before any of them has failed.
	addr := clientBucket(a.clientAddr(r))
	failure, ok := a.keys.failures.take(addr, now)
	if !ok {
		a.metrics.rateLimited.Inc()
		return nil, errTooManyFailures
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	key, err := a.store.AuthenticateAPIKey(ctx, token)
	switch {
	case err == nil:
		failure.CancelAt(now)
		p := &principal{keyID: key.ID.String(), name: key.Name, scopes: key.Scopes}
		a.keys.put(sum, p, now)
		return p, nil
	case errors.Is(err, article.ErrNotFound):
		a.keys.put(sum, nil, now)
		return nil, errUnauthorized
	default:
		failure.CancelAt(now) // the database failed, not the client
		return nil, err
	}
}

// countKeys counts active API keys and all keys ever created, cached like
// the keys themselves, so that creating the first key closes an open
// server within authCacheTTL.
func (a *API) countKeys(ctx context.Context) (active, total int, err error) {
	now := a.now()
	a.keys.mu.Lock()
	active, total, at := a.keys.active, a.keys.total, a.keys.activeT
	a.keys.mu.Unlock()
	if !at.IsZero() && now.Sub(at) < authCacheTTL {
		return active, total, nil
	}
	active, total, err = a.store.CountAPIKeys(ctx)
	if err != nil {
		return 0, 0, err
	}
	a.keys.mu.Lock()
	a.keys.active, a.keys.total, a.keys.activeT = active, total, now
	a.keys.mu.Unlock()
	return active, total, nil
}

// require refuses requests whose principal lacks scope.
func (a *API) require(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !principalFrom(r.Context()).has(scope) {
				a.writeProblem(w, r, &httpError{status: http.StatusForbidden, slug: "forbidden", title: "Forbidden",
					detail: "this API key lacks the " + scope + " scope"})
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
