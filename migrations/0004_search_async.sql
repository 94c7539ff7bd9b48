-- Full-text indexing leaves the ingest transaction (issue 7). The generated
-- search column cost ~1 ms of PostgreSQL CPU per article, more than the
-- rest of the INSERT, inside every ingest. It becomes a plain column that
-- the store's IndexSearch fills shortly after the commit; a NULL vector
-- means "not indexed yet", and such an article is listed but not found by
-- a text search until then.

-- pressroom_search_vector is the vector the generated column computed,
-- expression for expression: the title weighted A, the first 256 KiB
-- characters of the body weighted B (a tsvector is capped at 1 MB, so
-- hostile text must not reach to_tsvector whole), both in the article's
-- language. IMMUTABLE so that the planner may inline it; the configuration
-- names in pressroom_regconfig are schema-qualified, so search_path never
-- changes the result.
CREATE FUNCTION pressroom_search_vector(lang text, title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector(pressroom_regconfig(lang), title), 'A') ||
       setweight(to_tsvector(pressroom_regconfig(lang), left(body, 262144)), 'B');

-- DROP EXPRESSION turns the generated column into a plain one in place:
-- every stored vector is kept (so there is nothing to backfill, and no
-- rewrite of the table under an exclusive lock), as are the GIN index
-- articles_search_idx and the column's lz4 compression from 0003.
ALTER TABLE articles ALTER COLUMN search DROP EXPRESSION;

-- The indexer's queue: only articles not indexed yet have an entry, in id
-- (UUIDv7, so arrival) order, so that finding the next batch and counting
-- the backlog never read the indexed rest of the table.
CREATE INDEX articles_search_pending_idx ON articles (id) WHERE search IS NULL;
