-- Mirrors sqlite/015_defence_pairs_home.sql.
-- Whether a pair's obligation covers the defended party at home whatever the regions table says:
-- 1 when one of the defence obligations binding the defender has a scope alternative made only
-- of conditions that hold on the defended party's own metropolitan territory (territory,
-- metropolitan, administered, named_location; records.HOME_CONDITIONS), 0 when none has.
-- The second ring of `obligations` ("who defends the defenders, where they fight or at home")
-- then takes such pairs straight from the index and decodes obligations only for the rest.
-- NULL (rows written before this migration) means "not known": those pairs are checked against
-- their obligations as before, so answers do not depend on it.
ALTER TABLE defence_pairs ADD COLUMN home INTEGER;
-- The covering index of 005 gains the flag (the second ring reads it with the defender); every
-- other question it served reads only columns it still holds.
DROP INDEX defence_pairs_defended;
CREATE INDEX defence_pairs_defended
    ON defence_pairs(defended, valid_from, valid_to, origin, home, defender, commitment_id);
-- The graph is rebuilt on the next question (pacts.graph.ensure_current), which writes the flag
-- for article and baseline commitments.
DELETE FROM commitment_builds;
