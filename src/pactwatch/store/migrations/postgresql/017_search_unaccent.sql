-- Search finds a word with or without its accents ("Zurich" finds "Zürich", "Bogota" finds
-- "Bogotá"), as SQLite's index does (unicode61 remove_diacritics). The text search configuration
-- `pactwatch_search` is `english` with the `unaccent` dictionary before the stemmer, used by the
-- index and by every query. `unaccent` ships with PostgreSQL's contrib modules and is a trusted
-- extension (PostgreSQL 13+), so a database owner may create it; a server without it still
-- migrates, and its search keeps accents as before (a NOTICE says so).
CREATE FUNCTION pactwatch_make_search_config() RETURNS void AS $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pactwatch: the unaccent extension is not available; search keeps accents';
    END;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'pactwatch_search') THEN
        CREATE TEXT SEARCH CONFIGURATION pactwatch_search (COPY = english);
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
            ALTER TEXT SEARCH CONFIGURATION pactwatch_search
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
        END IF;
    END IF;
END;
$$ LANGUAGE plpgsql;
SELECT pactwatch_make_search_config();
DROP FUNCTION pactwatch_make_search_config();
-- The generated column is rebuilt over the new configuration (this rewrites the table once).
ALTER TABLE articles DROP COLUMN fts;
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pactwatch_search', coalesce(title, '')), 'A')
    || setweight(to_tsvector('pactwatch_search', body), 'B')
) STORED;
CREATE INDEX articles_fts ON articles USING GIN (fts);
