-- One act, one event (pactwatch.nlp.event_identity): an article's other statements of an event's act
-- (the reverse copy of a joint act, the act restated in a later sentence, the meeting held during
-- the visit coded, another pair of one multilateral signing) are that event's mentions, each with
-- its sentence, offsets and the reading it gave (as GDELT keeps an event's mentions). They are
-- written with their event in the article's one transaction and deleted with it.
-- Articles annotated before this migration keep every telling as its own event, with no mentions,
-- until `pactwatch annotate` reads them again.
CREATE TABLE event_mentions (
    id BIGSERIAL PRIMARY KEY,
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    cameo_code TEXT NOT NULL,
    date TEXT,
    matched TEXT,
    construction TEXT,
    clause TEXT,
    confidence DOUBLE PRECISION,
    confidence_from TEXT,
    merged_as TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
