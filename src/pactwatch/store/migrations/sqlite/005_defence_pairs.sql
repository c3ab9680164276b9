-- Who is bound to defend whom, and when: one row per (commitment, defended party row, defender
-- party row), derived from commitment_parties so that "who defends X on day D" is one index range
-- instead of a self-join over every membership of X. Written by store.commitments.insert_commitment
-- next to the party rows and deleted with the commitment (ON DELETE CASCADE), so every writer of
-- commitments (graph.rebuild, import atop) keeps it current.
--
-- A pair is bound on day d iff valid_from <= d AND (valid_to IS NULL OR d < valid_to), which is
-- exactly "both party rows active on d, the defender's row has the defence obligation and the
-- commitment has not ended": valid_from is the later joined date, valid_to the earliest of both
-- rows' left_on and suspended_from and the commitment's end (NULL when none is set). Rows whose
-- joined date is unknown are never active, so they have no pairs.
CREATE TABLE defence_pairs (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,               -- the commitment's origin, so the origin filter stays in the index
    defended TEXT NOT NULL,
    defender TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT
);
-- Covering: both questions (allies of X; the defenders of many states) read only the index.
CREATE INDEX defence_pairs_defended
    ON defence_pairs(defended, valid_from, valid_to, origin, defender, commitment_id);
-- Deleting a commitment finds its pairs through this index, not a table scan.
CREATE INDEX defence_pairs_commitment ON defence_pairs(commitment_id);

-- Existing commitments: the same rule as insert_commitment. '~' sorts after every ISO date and
-- stands for "no end" inside MIN (SQLite's scalar MIN is NULL if any argument is).
INSERT INTO defence_pairs (commitment_id, origin, defended, defender, valid_from, valid_to)
SELECT c.id, c.origin, me.party, other.party, MAX(me.joined, other.joined),
       NULLIF(MIN(COALESCE(me.left_on, '~'), COALESCE(me.suspended_from, '~'), COALESCE(other.left_on, '~'),
                  COALESCE(other.suspended_from, '~'), COALESCE(c.ended, '~')), '~')
FROM commitment_parties me
JOIN commitments c ON c.id = me.commitment_id
JOIN commitment_parties other ON other.commitment_id = me.commitment_id AND other.party <> me.party
WHERE me.joined IS NOT NULL AND other.joined IS NOT NULL AND other.defense = 1;
