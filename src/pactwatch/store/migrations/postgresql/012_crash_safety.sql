-- Articles whose cross-article rows (story clusters, merged events and quotes, the commitment
-- graph) have not been refreshed yet. Written in the same transaction as the article or its
-- annotation, emptied in the same transaction as the refresh: a process killed in between
-- leaves the rows here, and the next ingest (even one that stores nothing new) catches up.
CREATE TABLE derived_pending (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
-- What reading changed to keep the article within the limits (a split paragraph, a cut body).
ALTER TABLE articles ADD COLUMN ingest_note TEXT;
-- Articles stored before this migration are refreshed once more (harmless: the refresh is idempotent).
INSERT INTO derived_pending (article_id) SELECT id FROM articles;
