-- Every section the page files an article under (issue 17), the primary
-- one first: a page filed under "Politics" and "Europe" lists both. The
-- section column keeps the first, the one ?section= matches through its
-- index (0007); sections is only served. Articles stored before it hold
-- '{}' until `pressroom reextract` reaches them; the store reads an empty
-- list beside a section as that one section, so that no row is rewritten
-- here (a constant default adds the column without rewriting the table).
--
-- modified_precision says how much of modified_at the page stated, as
-- published_precision does for published_at: an "Updated 3 May" is
-- stored as midnight UTC of that day with precision 'day'. Rows stored
-- before it have NULL beside a modified_at, read as 'second' (what the
-- API implied until now). The CHECK is NOT VALID so that adding it does
-- not scan the table; it holds for every row written from now on.
ALTER TABLE articles
    ADD COLUMN sections           text[] NOT NULL DEFAULT '{}',
    ADD COLUMN modified_precision text,
    ADD CONSTRAINT articles_modified_precision_check CHECK (modified_precision IS NULL
        OR modified_at IS NOT NULL AND modified_precision IN ('day', 'minute', 'second')) NOT VALID;
