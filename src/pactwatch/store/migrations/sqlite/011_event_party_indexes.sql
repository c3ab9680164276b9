-- Events of one actor newest first ("events --actor RUS"): one index-ordered read per exact
-- source code, stopping after the page, instead of sorting every event of a busy actor. The
-- target side already has events_target (target, date); dyads use events_dyad.
CREATE INDEX events_source ON events(source, date);
