-- The GIN index on the folded tags (0007) was maintained for every article,
-- and most have no tags: an empty array still costs a GIN entry on each
-- insert. Only articles with tags can match a tag filter (find.go states
-- `tags <> '{}'` so the planner can use this partial index).
DROP INDEX articles_tags_folded_idx;
CREATE INDEX articles_tags_folded_idx ON articles USING gin (pressroom_fold(tags)) WHERE tags <> '{}';
