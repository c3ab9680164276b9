"""Search that finds: stems, spellings, OR, prefixes, phrases, actor names, undated articles,
highlights — the same answers on SQLite (FTS5) and PostgreSQL (tsvector)."""

from __future__ import annotations

from datetime import datetime

import pytest

from pactwatch.errors import UsageError
from pactwatch.records import Article
from pactwatch.store.articles import save_article
from pactwatch.store.search import SearchFilters, count_matches, marked_snippet, search_articles
from pactwatch.store.search_query import compile_query, fts5_match, word_spellings

# Invented articles, each written to be found by one kind of query and missed by the others.
STORIES = {
    "sanctions": ("Ministers widen sanctions on shipping firms",
                  "The ministers agreed new sanctions against four shipping firms on Monday.", datetime(2024, 2, 5)),
    "defense": ("Senate backs a defense budget",
                "Lawmakers approved the defense budget and a new air base in Alaska.", datetime(2024, 3, 1)),
    "defence": ("Parliament debates the defence review",
                "Members argued over the defence review and the cost of new frigates.", datetime(2024, 3, 2)),
    "dprk": ("Pyongyang fires a missile into the sea",
             "Officials in Pyongyang said the test showed a new engine; the DPRK gave no range.", None),
    "harbour": ("Harbour workers organise a strike",
                "Dock workers organised a stoppage at the harbour over pay and hours.", datetime(2023, 11, 20)),
    "treaty": ("Leaders sign a treaty of friendship",
               "The two leaders signed a treaty of friendship and mutual assistance in the capital.",
               datetime(2024, 6, 19)),
    "accents": ("Central bankers compare notes in Zürich",
                "Bankers from Bogotá and São Paulo met their Swiss hosts in Zürich.", datetime(2024, 5, 7)),
}


@pytest.fixture
def stocked(db):
    ids = {}
    for key, (title, body, published) in STORIES.items():
        article = Article(title=title, paragraphs=[body], origin=key, published=published, language="en")
        ids[key] = save_article(db, article).article_id
    return db, {v: k for k, v in ids.items()}


def found(stocked, query: str, **filters) -> set[str]:
    db, keys = stocked
    return {keys[r["id"]] for r in search_articles(db, query, 50, 0, SearchFilters(**filters))}


def test_stemming_finds_other_forms_of_a_word(stocked):
    assert found(stocked, "sanction") == {"sanctions"}
    assert found(stocked, "signing") == {"treaty"}  # "signed" in the text
    assert found(stocked, "firm") == {"sanctions"}


def test_british_and_american_spellings_find_each_other(stocked):
    assert found(stocked, "defence") == {"defense", "defence"}
    assert found(stocked, "defense") == {"defense", "defence"}
    assert found(stocked, "harbor") == {"harbour"}
    assert found(stocked, "organize") == {"harbour"}  # "organise", "organised"


def test_or_prefix_and_phrases(stocked):
    assert found(stocked, "frigates OR Alaska") == {"defence", "defense"}
    assert found(stocked, "defen*") == {"defense", "defence"}
    assert found(stocked, "sanct* shipping") == {"sanctions"}
    assert found(stocked, '"mutual assistance"') == {"treaty"}
    assert found(stocked, '"assistance mutual"') == set()
    assert found(stocked, '"treaty of friendship" OR frigates') == {"treaty", "defence"}


def test_words_are_found_with_or_without_their_accents(stocked):
    # SQLite's index removes diacritics; PostgreSQL's configuration unaccents (migration 017)
    assert found(stocked, "Zurich") == {"accents"}
    assert found(stocked, "Zürich") == {"accents"}
    assert found(stocked, '"Sao Paulo"') == {"accents"}
    assert found(stocked, "bogot*") == {"accents"}
    assert found(stocked, "Zagreb") == set()


def test_a_snippet_marks_the_accented_word_an_unaccented_query_found(stocked):
    db, keys = stocked
    [row] = search_articles(db, "Zurich", 50, 0, SearchFilters())
    marked = {row["snippet"][start:end] for start, end in row["highlights"]}
    assert "Zürich" in marked


def test_actor_codes_and_names_find_every_name(stocked):
    assert found(stocked, "PRK") == {"dprk"}
    assert found(stocked, "DPRK") == {"dprk"}
    assert found(stocked, '"North Korea"') == {"dprk"}  # the text says only Pyongyang and DPRK
    assert found(stocked, "prk") == set()  # lower case is a word, not a code


def test_undated_articles_pass_date_bounds_unless_asked(stocked):
    assert found(stocked, "PRK", since="2024-01-01") == {"dprk"}
    assert found(stocked, "PRK", since="2024-01-01", dated_only=True) == set()
    assert found(stocked, "defence", until="2024-03-01") == {"defense"}
    assert found(stocked, "defence", until="2024-03-01", dated_only=True) == {"defense"}
    db, _ = stocked
    assert count_matches(db, "defence OR PRK", SearchFilters(since="2024-03-02")) == 2


def test_snippets_are_plain_text_with_highlight_ranges(stocked):
    db, keys = stocked
    [row] = search_articles(db, "frigates")
    assert "[" not in row["snippet"] and "\x02" not in row["snippet"]
    [(start, end)] = row["highlights"]
    assert row["snippet"][start:end] == "frigates"
    assert "[frigates]" in marked_snippet(row)


def test_queries_with_no_words_are_usage_errors(stocked):
    db, _ = stocked
    for query in ("", "*", "\"\"", "!!!", "-- ."):
        with pytest.raises(UsageError):
            search_articles(db, query)


@pytest.mark.parametrize("word,other", [
    ("defence", "defense"), ("offences", "offenses"), ("colour", "color"), ("labourers", "laborers"),
    ("organisation", "organization"), ("analysed", "analyzed"), ("centre", "center"),
    ("catalogue", "catalog"), ("travelled", "traveled"), ("programme", "program"),
])
def test_spelling_folds_go_both_ways(word, other):
    assert other in word_spellings(word) and word in word_spellings(other)


@pytest.mark.parametrize("word", ["four", "hour", "our", "rogue", "tell", "size"])
def test_short_words_keep_their_spelling(word):
    assert word_spellings(word) == [word]


def test_user_text_never_becomes_index_syntax():
    match = fts5_match(compile_query('NEAR(x) title:y "a" OR b* -c'))
    assert "NEAR(" not in match and "title:" not in match
    assert match == '("near x") AND ("title y") AND ("a" OR "b"*) AND ("c")'


def test_a_database_made_before_unaccented_search_finds_its_old_articles_without_accents(db_url):
    from pactwatch.store import open_database
    from pactwatch.store.database import apply_migrations

    old = open_database(db_url, migrate=False)
    apply_migrations(old, until=16)  # the last schema whose PostgreSQL index kept accents
    article = Article(title="Talks in Genève", paragraphs=["Envoys met in Genève and Bogotá."], origin="old")
    article_id = save_article(old, article).article_id
    old.close()

    db = open_database(db_url)  # applies 017 and later
    try:
        assert [r["id"] for r in search_articles(db, "Geneve", 50, 0, SearchFilters())] == [article_id]
        assert [r["id"] for r in search_articles(db, "Bogotá", 50, 0, SearchFilters())] == [article_id]
    finally:
        db.close()
