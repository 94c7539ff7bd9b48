-- Richer metadata (issue 17): the page's description, lead image, canonical
-- URL, section, tags and last-modified time, extracted by extractor version
-- 4. Articles stored before it keep the defaults until `pressroom
-- reextract` reaches them. Columns with a constant default (or nullable)
-- are added without rewriting the table.
ALTER TABLE articles
    ADD COLUMN description   text   NOT NULL DEFAULT '',
    ADD COLUMN image         text   NOT NULL DEFAULT '',
    ADD COLUMN canonical_url text   NOT NULL DEFAULT '',
    ADD COLUMN section       text   NOT NULL DEFAULT '',
    ADD COLUMN tags          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN modified_at   timestamptz;

-- The list filters ?section= and ?tag= match case-insensitively, as
-- ?author= does. The section index serves the filter and the listing's
-- order (newest first, then id) at once, so a page costs one index range
-- whatever the cursor; the tag index is a GIN index over the folded tags,
-- like the authors' (0002), and the rows it finds are sorted by time.
CREATE INDEX articles_section_recent_idx ON articles
    (pressroom_fold(section), (coalesce(published_at, received_at)) DESC, id DESC)
    WHERE section <> '';
CREATE INDEX articles_tags_folded_idx ON articles USING gin (pressroom_fold(tags));
