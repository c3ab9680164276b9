-- Which grammar construction produced each fact (data/grammar/*.jsonl, e.g. "event.verb_sense",
-- "quote.cue_verb", "commitment.lifecycle_verb") and the clause status it was read under ("fact",
-- "planned", "negated, reported" ...): what `pactwatch show ID --explain` prints. Rows written
-- before this migration keep NULL until `pactwatch annotate` re-runs the steps.
ALTER TABLE events ADD COLUMN construction TEXT;
ALTER TABLE events ADD COLUMN clause TEXT;
ALTER TABLE quotes ADD COLUMN construction TEXT;
ALTER TABLE quotes ADD COLUMN clause TEXT;
ALTER TABLE commitment_reports ADD COLUMN construction TEXT;
ALTER TABLE commitment_reports ADD COLUMN clause TEXT;
