-- Pressroom's first schema: raw dumps (always kept, byte for byte) and the
-- articles extracted from them. See DESIGN.md section 6.

-- pressroom_regconfig maps an ISO 639-1 code (optionally with a region, any
-- case: "en", "pt-BR", "DE") to the text-search configuration that stems
-- that language, and to 'simple' (no stemming, no stop words) for the rest.
-- It must be IMMUTABLE to appear in a generated column; the names are
-- schema-qualified so the result never depends on search_path. Snowball
-- stemmers for all of these ship with PostgreSQL 14 and later.
CREATE FUNCTION pressroom_regconfig(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE split_part(replace(lower(coalesce(lang, '')), '_', '-'), '-', 1)
    WHEN 'ar' THEN 'pg_catalog.arabic'::regconfig
    WHEN 'hy' THEN 'pg_catalog.armenian'::regconfig
    WHEN 'eu' THEN 'pg_catalog.basque'::regconfig
    WHEN 'ca' THEN 'pg_catalog.catalan'::regconfig
    WHEN 'da' THEN 'pg_catalog.danish'::regconfig
    WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
    WHEN 'en' THEN 'pg_catalog.english'::regconfig
    WHEN 'fi' THEN 'pg_catalog.finnish'::regconfig
    WHEN 'fr' THEN 'pg_catalog.french'::regconfig
    WHEN 'de' THEN 'pg_catalog.german'::regconfig
    WHEN 'el' THEN 'pg_catalog.greek'::regconfig
    WHEN 'hi' THEN 'pg_catalog.hindi'::regconfig
    WHEN 'hu' THEN 'pg_catalog.hungarian'::regconfig
    WHEN 'id' THEN 'pg_catalog.indonesian'::regconfig
    WHEN 'ga' THEN 'pg_catalog.irish'::regconfig
    WHEN 'it' THEN 'pg_catalog.italian'::regconfig
    WHEN 'lt' THEN 'pg_catalog.lithuanian'::regconfig
    WHEN 'ne' THEN 'pg_catalog.nepali'::regconfig
    WHEN 'no' THEN 'pg_catalog.norwegian'::regconfig
    WHEN 'nb' THEN 'pg_catalog.norwegian'::regconfig
    WHEN 'nn' THEN 'pg_catalog.norwegian'::regconfig
    WHEN 'pt' THEN 'pg_catalog.portuguese'::regconfig
    WHEN 'ro' THEN 'pg_catalog.romanian'::regconfig
    WHEN 'ru' THEN 'pg_catalog.russian'::regconfig
    WHEN 'sr' THEN 'pg_catalog.serbian'::regconfig
    WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
    WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
    WHEN 'ta' THEN 'pg_catalog.tamil'::regconfig
    WHEN 'tr' THEN 'pg_catalog.turkish'::regconfig
    WHEN 'yi' THEN 'pg_catalog.yiddish'::regconfig
    ELSE 'pg_catalog.simple'::regconfig
END;

CREATE TABLE dumps (
    id                uuid PRIMARY KEY,              -- UUIDv7, made in Go
    received_at       timestamptz NOT NULL,
    fetched_at        timestamptz,                   -- NULL when the scraper did not say
    source            text NOT NULL DEFAULT '',
    url               text NOT NULL DEFAULT '',
    content_type      text NOT NULL DEFAULT '',
    body              bytea NOT NULL,                -- verbatim, never modified
    sha256            bytea NOT NULL CHECK (length(sha256) = 32),
    size              integer NOT NULL CHECK (size >= 0),
    status            text NOT NULL CHECK (status IN ('extracted', 'failed')),
    extract_error     text NOT NULL DEFAULT '',
    extractor_version integer NOT NULL,
    -- Scrapers retry: the same bytes from the same source are one dump.
    UNIQUE (source, sha256)
);

CREATE TABLE articles (
    id                       uuid PRIMARY KEY,       -- UUIDv7, made in Go
    dump_id                  uuid NOT NULL UNIQUE REFERENCES dumps ON DELETE CASCADE,
    source                   text NOT NULL DEFAULT '',
    title                    text NOT NULL DEFAULT '',
    authors                  text[] NOT NULL DEFAULT '{}',
    agencies                 text[] NOT NULL DEFAULT '{}',
    published_at             timestamptz,            -- the instant, UTC
    published_precision      text CHECK (published_precision IN ('day', 'minute', 'second')),
    published_has_zone       boolean NOT NULL DEFAULT false,
    -- The UTC offset the page stated, so the date reads back as printed.
    published_offset_minutes integer NOT NULL DEFAULT 0 CHECK (published_offset_minutes BETWEEN -1439 AND 1439),
    source_name              text NOT NULL DEFAULT '',
    location                 text NOT NULL DEFAULT '',
    sponsors                 text[] NOT NULL DEFAULT '{}',
    paywalled                boolean NOT NULL DEFAULT false,
    original_publisher       text NOT NULL DEFAULT '',
    language                 text NOT NULL DEFAULT '',
    url                      text NOT NULL DEFAULT '',
    body                     text NOT NULL DEFAULT '', -- paragraphs joined by a blank line
    word_count               integer NOT NULL DEFAULT 0 CHECK (word_count >= 0),
    body_sha256              bytea NOT NULL CHECK (length(body_sha256) = 32),
    extractor_version        integer NOT NULL,
    diagnostics              jsonb,
    received_at              timestamptz NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    -- Only the first 256 KiB characters of the body are indexed: a tsvector
    -- is capped at 1 MB, and hostile text could otherwise make an insert fail.
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(pressroom_regconfig(language), title), 'A') ||
        setweight(to_tsvector(pressroom_regconfig(language), left(body, 262144)), 'B')
    ) STORED,
    CHECK ((published_at IS NULL) = (published_precision IS NULL))
);

-- The list endpoint orders by publication time, falling back to arrival,
-- newest first, with id as the keyset tie-breaker.
CREATE INDEX articles_recent_idx ON articles ((coalesce(published_at, received_at)) DESC, id DESC);
CREATE INDEX articles_source_recent_idx ON articles (source, (coalesce(published_at, received_at)) DESC, id DESC);
CREATE INDEX articles_language_recent_idx ON articles (language, (coalesce(published_at, received_at)) DESC, id DESC);
CREATE INDEX articles_authors_idx ON articles USING gin (authors);
CREATE INDEX articles_search_idx ON articles USING gin (search);
