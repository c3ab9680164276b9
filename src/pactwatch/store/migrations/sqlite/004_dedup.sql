-- Near-duplicate stories and facts merged across articles (GDELT-style counts).
CREATE TABLE article_signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingles INTEGER NOT NULL,      -- size of the shingle set, to estimate containment
    minhash BLOB NOT NULL           -- MinHash values, little-endian uint32 (uint64 in early builds)
);

CREATE TABLE story_clusters (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL     -- the smallest article id of the cluster
);
CREATE INDEX story_clusters_cluster ON story_clusters(cluster_id);

CREATE TABLE merged_events (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    cameo_code TEXT NOT NULL,
    root_code TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date TEXT,                      -- earliest date of the merged reports
    last_date TEXT,
    num_mentions INTEGER NOT NULL,  -- event rows merged (an article can report it twice)
    num_sources INTEGER NOT NULL,   -- distinct publishers
    num_articles INTEGER NOT NULL   -- distinct articles
);
CREATE INDEX merged_events_key ON merged_events(source, target, cameo_code, date);

CREATE TABLE merged_event_members (
    merged_id INTEGER NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (merged_id, event_id)
);
CREATE INDEX merged_event_members_event ON merged_event_members(event_id);

CREATE TABLE merged_quotes (
    id INTEGER PRIMARY KEY,
    speaker TEXT,
    speaker_actor TEXT,
    text TEXT NOT NULL,
    norm_key TEXT NOT NULL,         -- speaker and quotation text, case and punctuation folded
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    first_date TEXT
);
CREATE UNIQUE INDEX merged_quotes_key ON merged_quotes(norm_key);

CREATE TABLE merged_quote_members (
    merged_id INTEGER NOT NULL REFERENCES merged_quotes(id) ON DELETE CASCADE,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (merged_id, quote_id)
);
CREATE INDEX merged_quote_members_quote ON merged_quote_members(quote_id);
