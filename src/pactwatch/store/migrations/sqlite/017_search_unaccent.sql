-- Mirrors postgresql/017_search_unaccent.sql, which makes PostgreSQL's search ignore accents.
-- SQLite's index already does (migration 009: unicode61 with remove_diacritics 2); nothing
-- changes here, and the number is kept so both dialects stay at the same schema version.
SELECT 1;
