-- Mirrors sqlite/006_dyad_totals_index.sql.
-- The dyad index also holds the Goldstein weight, so that a timeline's monthly totals (count and
-- Goldstein sum per month over every event of the dyad, often tens of thousands of them) are read
-- from the index alone instead of one table row per event. It serves every query the narrower
-- index served: (source, target, date) is still its prefix.
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source, target, date, goldstein);
