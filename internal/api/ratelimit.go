package api

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiters holds one token bucket per API key (or client address when the
// server runs open). Idle buckets are dropped so the map stays bounded by
// the number of active clients.
type limiters struct {
	mu      sync.Mutex
	limit   rate.Limit
	burst   int
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

const bucketIdle = 10 * time.Minute

func newLimiters(perSecond float64, burst int) *limiters {
	if perSecond <= 0 {
		return nil
	}
	if burst < 1 {
		burst = int(math.Ceil(perSecond))
	}
	return &limiters{limit: rate.Limit(perSecond), burst: burst, buckets: map[string]*bucket{}}
}

// reserve takes a token for key at now, or says how long to wait for one.
func (l *limiters) reserve(key string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(key, now)
	if b.lim.AllowN(now, 1) {
		return true, 0
	}
	r := b.lim.ReserveN(now, 1)
	wait = r.DelayFrom(now)
	r.CancelAt(now)
	return false, wait
}

// take takes a token for key at now if one is left. Cancelling the
// reservation (CancelAt) gives it back.
func (l *limiters) take(key string, now time.Time) (r *rate.Reservation, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r = l.bucket(key, now).lim.ReserveN(now, 1)
	if r.DelayFrom(now) > 0 {
		r.CancelAt(now)
		return nil, false
	}
	return r, true
}

// bucket returns key's bucket, made full if new. l.mu must be held.
func (l *limiters) bucket(key string, now time.Time) *bucket {
	if now.Sub(l.swept) > bucketIdle {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > bucketIdle {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	return b
}

// rateLimit answers 429 with Retry-After once a client's bucket is empty.
func (a *API) rateLimit(next http.Handler) http.Handler {
	if a.limiters == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := a.limiters.reserve(a.rateKey(principalFrom(r.Context()), r), a.now())
		if !ok {
			secs := int(math.Ceil(wait.Seconds()))
			if secs < 1 {
				secs = 1
			}
			a.metrics.rateLimited.Inc()
			a.writeProblem(w, r, &httpError{status: http.StatusTooManyRequests, slug: "rate-limited", title: "Too many requests",
				detail: "rate limit exceeded; retry after " + strconv.Itoa(secs) + "s", retryAfter: secs})
			return
		}
		next.ServeHTTP(w, r)
	})
}
