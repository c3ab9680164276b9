-- Commitments merged from article reports, loaded from the baseline tables or imported from ATOP.
-- Rows with origin 'article' are recomputed from commitment_reports by pactwatch.pacts.graph.rebuild;
-- 'baseline' rows are reloaded from data/treaties/*.tsv; 'atop' rows by `pactwatch import atop`.
-- Dates are ISO 8601 text (YYYY-MM-DD), so they compare correctly as strings.
CREATE TABLE commitments (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- stable identity: baseline:nato, atop:3180, article:PRK|RUS, article:org:NATO
    name TEXT,
    kinds TEXT NOT NULL,                -- JSON list, strongest obligation first
    organisation TEXT,                  -- NATO, CSTO, EU ... when it is an organisation's treaty or membership
    origin TEXT NOT NULL CHECK (origin IN ('article', 'baseline', 'atop')),
    signed TEXT,
    in_force TEXT,
    ended TEXT,
    conditions TEXT,
    reference TEXT,                     -- URL (baseline), ATOP id, or the first article's id
    defense INTEGER NOT NULL DEFAULT 0  -- 1 when the commitment binds parties to defend each other
);
CREATE INDEX commitments_origin ON commitments(origin);

-- One row per (commitment, party, interval). A party is bound on day d iff
-- joined <= d < left_on and d < suspended_from ("left" is an SQL keyword, hence left_on).
CREATE TABLE commitment_parties (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    party TEXT NOT NULL,
    joined TEXT,
    left_on TEXT,
    suspended_from TEXT,
    defense INTEGER NOT NULL DEFAULT 0,  -- ATOP obligation flags; from kinds for other origins
    offense INTEGER NOT NULL DEFAULT 0,
    neutral INTEGER NOT NULL DEFAULT 0,
    nonagg INTEGER NOT NULL DEFAULT 0,
    consul INTEGER NOT NULL DEFAULT 0,
    note TEXT
);
-- Covering indexes: the allies/obligations joins read only these columns, never the table.
CREATE INDEX commitment_parties_party
    ON commitment_parties(party, joined, left_on, suspended_from, commitment_id, defense);
CREATE INDEX commitment_parties_commitment
    ON commitment_parties(commitment_id, party, joined, left_on, suspended_from, defense);

-- The lifecycle timeline of each commitment, every step with its evidence.
CREATE TABLE commitment_events (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    report_id INTEGER REFERENCES commitment_reports(id) ON DELETE SET NULL,
    party TEXT,                          -- the member concerned, for membership steps
    lifecycle_event TEXT NOT NULL,
    date TEXT,
    source TEXT NOT NULL CHECK (source IN ('article', 'baseline', 'atop')),
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    sentence TEXT,
    start_char INTEGER,
    end_char INTEGER,
    reference TEXT
);
CREATE INDEX commitment_events_commitment ON commitment_events(commitment_id, date);
CREATE INDEX commitment_events_article ON commitment_events(article_id);
CREATE INDEX commitment_reports_parties ON commitment_reports(parties);

-- What the article and baseline commitments were last built from, so that queries can rebuild
-- them when reports or the baseline tables changed since (one row).
CREATE TABLE commitment_builds (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    reports TEXT NOT NULL,
    baseline TEXT NOT NULL,
    built_at TEXT NOT NULL
);
