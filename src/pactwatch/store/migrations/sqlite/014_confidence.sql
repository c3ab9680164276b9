-- How far each fact can be trusted (0-1), and what that figure came from: the construction's
-- prior times the factors of its clause status and of how its actors were found
-- (pactwatch.nlp.confidence, data/grammar/confidence.tsv), e.g.
-- "event.verb_sense 0.72 x target not named in the sentence 0.55 = 0.40".
-- Rows written before this migration keep NULL ("not scored"): listings keep them at every
-- --min-confidence, since nothing says they are weak, and `pactwatch annotate` scores them.
ALTER TABLE events ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence_from TEXT;
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE quotes ADD COLUMN confidence_from TEXT;
ALTER TABLE commitment_reports ADD COLUMN confidence REAL;
ALTER TABLE commitment_reports ADD COLUMN confidence_from TEXT;
