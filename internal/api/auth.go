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

// keyCache remembers authenticated tokens briefly so that a busy scraper
// does not cost a database lookup per request. A revoked key stops working
// within authCacheTTL.
type keyCache struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]keyCacheEntry
	active  int // keys not revoked
	total   int // keys ever created
	activeT time.Time
}

type keyCacheEntry struct {
	p       *principal // nil: the token is unknown
	expires time.Time
}

const (
	authCacheTTL     = 30 * time.Second
	authNegativeTTL  = 5 * time.Second
	authCacheMaxSize = 10000
)

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
	a.keys.mu.Lock()
	e, hit := a.keys.entries[sum]
	a.keys.mu.Unlock()
	if hit && now.Before(e.expires) {
		if e.p == nil {
			return nil, errUnauthorized
		}
		return e.p, nil
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	key, err := a.store.AuthenticateAPIKey(ctx, token)
	var p *principal
	ttl := authCacheTTL
	switch {
	case err == nil:
		p = &principal{keyID: key.ID.String(), name: key.Name, scopes: key.Scopes}
	case errors.Is(err, article.ErrNotFound):
		ttl = authNegativeTTL
	default:
		return nil, err
	}
	a.keys.mu.Lock()
	if len(a.keys.entries) >= authCacheMaxSize {
		clear(a.keys.entries)
	}
	a.keys.entries[sum] = keyCacheEntry{p: p, expires: now.Add(ttl)}
	a.keys.mu.Unlock()
	if p == nil {
		return nil, errUnauthorized
	}
	return p, nil
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
