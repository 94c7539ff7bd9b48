-- Every section the page files an article under (issue 17), the primary
-- one first: a page filed under "Politics" and "Europe" lists both. The
-- section column keeps the first, the one ?section= matches through its
-- index (0007); sections is only served. Articles stored before it hold
-- '{}' until `pressroom reextract` reaches them; the store reads an empty
-- list beside a section as that one section, so that no row is rewritten
-- here (a constant default adds the column without rewriting the table).
ALTER TABLE articles ADD COLUMN sections text[] NOT NULL DEFAULT '{}';
