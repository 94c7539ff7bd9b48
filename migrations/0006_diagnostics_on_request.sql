-- Extraction diagnostics are no longer stored with each article (issue 7):
-- the extractor is pure, so the API explains an article by extracting its
-- stored dump again when ?include=diagnostics asks, which takes ~2 KB of
-- JSON, its encoding and its jsonb parsing off every ingest. The column
-- stays for now: a replica of the previous version may still be writing
-- it during a rolling upgrade, and articles stored before this migration
-- keep explanations that match the extractor version that made them.
-- Re-extraction clears it. A later migration can drop it.
COMMENT ON COLUMN articles.diagnostics IS
    'Legacy: extraction diagnostics stored before migration 0006; new and re-extracted articles have NULL (the API recomputes them).';
