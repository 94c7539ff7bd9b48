-- The article body as Markdown, with the structure of its HTML page
-- (headings, list items, quotes) and its text escaped. NULL for articles
-- from text dumps, which have no structure (the API renders their
-- paragraphs instead), and for HTML articles extracted before extractor
-- version 3 until `pressroom reextract` reaches them. Adding a nullable
-- column without a default rewrites nothing.
ALTER TABLE articles ADD COLUMN body_markdown text;

-- lz4, like the other large text columns (see 0003), where the server has
-- it; without it the column keeps pglz and the migration still succeeds.
DO $$
BEGIN
    ALTER TABLE articles ALTER COLUMN body_markdown SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'pressroom: lz4 compression unavailable (%); keeping pglz', SQLERRM;
END
$$;
