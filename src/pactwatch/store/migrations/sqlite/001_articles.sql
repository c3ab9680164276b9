-- Articles, their paragraphs and related headlines, with a full-text index over title and body.
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    url TEXT,
    title TEXT,
    lead TEXT,
    publisher TEXT,
    section TEXT,
    authors TEXT,               -- JSON list
    published TEXT,             -- ISO 8601, as given (date or date-time)
    modified TEXT,
    crawled TEXT,
    language TEXT,
    body TEXT NOT NULL,         -- paragraphs joined by a blank line; all offsets point here
    ingested_at TEXT NOT NULL,
    annotated_at TEXT,
    annotation_note TEXT        -- why an article was not annotated (e.g. not English)
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_publisher ON articles(publisher);
CREATE INDEX articles_language ON articles(language);

CREATE TABLE paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 1,   -- exact repeats in the source, kept once
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE related_headlines (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
