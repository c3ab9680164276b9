-- Articles, their paragraphs and related headlines, with a tsvector full-text index.
-- Mirrors sqlite/001_articles.sql; dates stay ISO 8601 text so both backends compare alike.
CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    title TEXT,
    lead TEXT,
    publisher TEXT,
    section TEXT,
    authors TEXT,
    published TEXT,
    modified TEXT,
    crawled TEXT,
    language TEXT,
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    annotated_at TEXT,
    annotation_note TEXT,
    fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')
    ) STORED
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_publisher ON articles(publisher);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_fts ON articles USING GIN (fts);

CREATE TABLE paragraphs (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE related_headlines (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
