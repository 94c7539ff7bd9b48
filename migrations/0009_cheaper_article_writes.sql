-- Cheaper article writes (issue 16, fifth pass; docs/performance.md,
-- "PostgreSQL's share of an article"). Nothing a query sees changes: the
-- same values are stored and indexed, so no index is rebuilt.

-- pressroom_fold(text[]) computes the keys of the GIN indexes on folded
-- authors and tags (0002, 0007), so every article insert calls it twice.
-- As a SQL function with a subquery it could not be inlined: each call
-- ran a small query plan (~3.5 µs, ~7 µs for three names), and each
-- statement parsed and planned that query again for each index (~0.1 ms,
-- once per group-commit statement and index). In PL/pgSQL the body is
-- compiled once per connection and its loop costs ~1 µs for an empty list
-- and ~2 µs for one name. It folds each element with pressroom_fold(text),
-- so the two can never disagree, named with its schema so that the
-- result does not depend on search_path (a restore runs with an empty
-- one); NULL elements stay NULL and the result is one-dimensional, as
-- ARRAY(SELECT … FROM unnest(l)) made it.
DO $do$
DECLARE
    fold_text text := (
        SELECT format('%I.%I', n.nspname, p.proname)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.oid = 'pressroom_fold(text)'::regprocedure);
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION pressroom_fold(l text[]) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
        AS $body$
        DECLARE
            folded text[] := '{}';
            x text;
        BEGIN
            IF cardinality(l) = 0 THEN
                RETURN folded; -- most articles have no tags
            END IF;
            FOREACH x IN ARRAY l LOOP
                folded := folded || %s(x);
            END LOOP;
            RETURN folded;
        END
        $body$$f$, fold_text);
END
$do$;

-- A search vector barely compresses (lexemes and positions), so lz4's
-- attempt on every stored vector was CPU for nothing: vectors are now
-- stored uncompressed, out of line when the row is large, as before.
-- Only values written from now on are affected; stored ones read back
-- the same.
ALTER TABLE articles ALTER COLUMN search SET STORAGE EXTERNAL;
