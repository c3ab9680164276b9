-- Search that finds: the tsvector column already stems with the `english` configuration;
-- spelling variants and actor names are widened in the query (pactwatch.store.search_query),
-- prefixes use to_tsquery's ':*'. The index is rebuilt so that it matches the column as
-- written by this release. Feed items that carried only their summary are marked, so nobody
-- takes the teaser for the story.
REINDEX INDEX articles_fts;
ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
