-- lz4 instead of the default pglz for the large columns: the raw dump, the
-- article body, its diagnostics, and its search vector (which pglz mostly
-- tries and fails to shrink, at full cost). lz4 compresses several times
-- faster for ~10% more bytes on disk; BenchmarkIngestWrite measures both.
--
-- It needs PostgreSQL 14+ (as 0001 already does) built with lz4, as the
-- Debian, Ubuntu, RHEL and official Docker builds are. A server without it
-- refuses the method (feature_not_supported); the migration then keeps
-- pglz and still succeeds, so the schema version is the same everywhere.
-- Only values written from now on use lz4; stored ones stay as they are
-- and read back the same.
DO $$
BEGIN
    ALTER TABLE dumps ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE articles
        ALTER COLUMN body SET COMPRESSION lz4,
        ALTER COLUMN search SET COMPRESSION lz4,
        ALTER COLUMN diagnostics SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'pressroom: lz4 compression unavailable (%); keeping pglz', SQLERRM;
END
$$;
