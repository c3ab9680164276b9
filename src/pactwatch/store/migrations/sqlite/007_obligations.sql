-- Obligations as data (issue 13): who owes whom what under a commitment, on which condition and
-- where. Written by store.commitments.insert_commitment with the commitment and deleted with it.
-- owed_by / owed_to: JSON lists of party codes, ["*"] = every party. scope: JSON list of
-- alternatives, each a list of conditions that must all hold (pacts/scope.py reads them).
CREATE TABLE obligations (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    owed_by TEXT NOT NULL,
    owed_to TEXT NOT NULL,
    condition TEXT NOT NULL,            -- any_armed_attack | attack_by_named_state | consultation_only | non_aggression | neutrality
    adversaries TEXT NOT NULL DEFAULT '[]',
    scope TEXT NOT NULL,
    article TEXT,                       -- the treaty article that states it ("Art. 5"), NULL when not known
    text TEXT,
    reference TEXT
);
CREATE INDEX obligations_commitment ON obligations(commitment_id);

-- The day a baseline row was last checked against its reference, and, for an ATOP alliance that
-- is the same treaty as a baseline commitment, that commitment's key (its rows then add sources
-- to that commitment and bind nobody on their own).
ALTER TABLE commitments ADD COLUMN checked TEXT;
ALTER TABLE commitments ADD COLUMN merged_into TEXT;
CREATE INDEX commitments_merged_into ON commitments(merged_into);

-- Commitment keys and obligations changed: the next query rebuilds the graph with them.
DELETE FROM commitment_builds;
