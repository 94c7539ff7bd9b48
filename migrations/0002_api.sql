-- The complete API (issue 4): case-insensitive author filter and search
-- helpers for the list endpoint, API keys, and Idempotency-Key records.

-- pressroom_fold lower-cases text for case-insensitive matching. lower()
-- under the C locale (the default of many clusters, and ours) folds ASCII
-- only, so ICU's root locale is used when the server was built with ICU;
-- both sides of a comparison go through this one function, so either way
-- matching is consistent. IMMUTABLE so that it can be indexed.
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') THEN
        CREATE FUNCTION pressroom_fold(t text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(t COLLATE "und-x-icu");
    ELSE
        CREATE FUNCTION pressroom_fold(t text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(t);
    END IF;
END
$do$;

CREATE FUNCTION pressroom_fold(l text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN ARRAY(SELECT pressroom_fold(x) FROM unnest(l) AS x);

-- The author filter matches folded names; the case-sensitive index of 0001
-- would only cost writes.
DROP INDEX articles_authors_idx;
CREATE INDEX articles_authors_folded_idx ON articles USING gin (pressroom_fold(authors));

-- pressroom_tsquery_or ORs tsqueries together: a search without a language
-- parses the query once per text-search configuration in use, and the GIN
-- index is probed with the union.
CREATE AGGREGATE pressroom_tsquery_or(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

-- API keys. The token is shown once; only its SHA-256 is kept (tokens are
-- 160 random bits, so a fast hash is enough), with the public prefix that
-- finds the row.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (name <> '' AND octet_length(name) <= 100),
    prefix       text NOT NULL UNIQUE CHECK (length(prefix) = 12),
    token_sha256 bytea NOT NULL CHECK (length(token_sha256) = 32),
    scopes       text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['admin', 'ingest', 'read']),
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    last_used_at timestamptz
);
-- A name can be reused once the key that had it is revoked.
CREATE UNIQUE INDEX api_keys_active_name_idx ON api_keys (name) WHERE revoked_at IS NULL;

-- Idempotency-Key records. A row is "in_flight" while its first request
-- runs (expiring after a short lease, so a crashed owner does not block
-- retries for the whole TTL) and "done" with the stored response until
-- created_at + ttl_us.
CREATE TABLE idempotency_keys (
    scope       text NOT NULL CHECK (octet_length(scope) <= 255),
    key         text NOT NULL CHECK (octet_length(key) BETWEEN 1 AND 255),
    fingerprint bytea NOT NULL CHECK (length(fingerprint) = 32),
    state       text NOT NULL CHECK (state IN ('in_flight', 'done')),
    status      integer CHECK (status BETWEEN 100 AND 599),
    header      bytea,           -- JSON object of string arrays
    body        bytea,
    ttl_us      bigint NOT NULL CHECK (ttl_us > 0),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (scope, key),
    CHECK ((state = 'done') = (status IS NOT NULL AND header IS NOT NULL AND body IS NOT NULL))
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
