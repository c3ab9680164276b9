-- What the understanding steps found in each article. Mirrors sqlite/002_annotations.sql. Rows of one article are replaced together.
CREATE TABLE mentions (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    name TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_actor ON mentions(actor_code);

CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker TEXT,
    speaker_actor TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    mentions INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_actor ON quotes(speaker_actor);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date TEXT,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    cameo_code TEXT NOT NULL,
    root_code TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    matched TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_dyad ON events(source, target, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_code ON events(root_code, cameo_code);
CREATE INDEX events_date ON events(date);

CREATE TABLE commitment_reports (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parties TEXT NOT NULL,          -- JSON list of sorted codes
    kinds TEXT NOT NULL,            -- JSON list
    lifecycle_event TEXT NOT NULL,
    date TEXT,
    conditions TEXT,
    name TEXT,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL
);
CREATE INDEX commitment_reports_article ON commitment_reports(article_id);
