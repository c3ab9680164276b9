"""The store on both backends: migrations, idempotent saves, one transaction per article, FTS."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.errors import NotFound, StoreError, UsageError
from pactwatch.records import Annotation, Article, Event, Mention, Quote
from pactwatch.store import open_database
from pactwatch.store.annotations import write_annotation
from pactwatch.store.articles import get_article, list_articles, save_article
from pactwatch.store.database import apply_migrations, migration_files
from pactwatch.store.search import fts_terms, search_articles


def make_article(title: str = "Ministers meet in Vienna", **extra) -> Article:
    fields = dict(
        title=title,
        paragraphs=["Two foreign ministers met in Vienna on Monday.", "They agreed to meet again."],
        origin="memory",
        publisher="Demo Wire",
        published=datetime(2024, 3, 4, 9, 30),
        related_headlines=["Storm hits the coast"],
        paragraph_counts=[1, 2],
    )
    fields.update(extra)
    return Article(**fields)


def test_migrations_are_recorded_and_not_reapplied(db):
    numbers = [n for n, _, _ in migration_files(db.dialect)]
    recorded = [r["number"] for r in db.query("SELECT number FROM schema_migrations ORDER BY number")]
    assert recorded == numbers
    assert apply_migrations(db) == []


def test_newer_schema_is_refused(db, db_url):
    db.execute("INSERT INTO schema_migrations(number, name, applied_at) VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="newer"):
        open_database(db_url)


def test_save_is_idempotent_by_content(db):
    first = save_article(db, make_article())
    again = save_article(db, make_article(origin="another/path.txt"))
    assert first.created and not again.created
    assert again.article_id == first.article_id
    assert db.table_counts(["articles", "paragraphs", "related_headlines"]) == {
        "articles": 1, "paragraphs": 2, "related_headlines": 1}


def test_paragraph_offsets_point_into_body(db):
    article_id = save_article(db, make_article()).article_id
    stored = get_article(db, article_id)
    for p in stored["paragraphs"]:
        assert stored["body"][p["start_char"]:p["end_char"]] == p["text"]
    assert [p["occurrences"] for p in stored["paragraphs"]] == [1, 2]
    assert stored["related_headlines"] == ["Storm hits the coast"]
    assert stored["published"] == "2024-03-04T09:30:00"


def test_failed_annotation_leaves_no_article(db):
    bad = Annotation(mentions=[Mention(0, 3, "Two", None, "country", "table")])  # type: ignore[arg-type]
    with pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)):
        save_article(db, make_article(), bad)
    assert db.table_counts(["articles", "paragraphs", "mentions"]) == {
        "articles": 0, "paragraphs": 0, "mentions": 0}
    assert db.integrity_check() == "ok"


def test_annotation_rows_replaced_together(db):
    article_id = save_article(db, make_article()).article_id
    event = Event("AUT", "FRA", "040", "04", 1, 1.0, date(2024, 3, 4), "s", 0, 10, "verb:meet")
    quote = Quote("we agreed", 5, 14, "Jane Doe", "AUTGOV", "say")
    write_annotation(db, article_id, Annotation(events=[event, event], quotes=[quote]))
    write_annotation(db, article_id, Annotation(events=[event]))
    assert db.table_counts(["events", "quotes"]) == {"events": 1, "quotes": 0}
    assert db.scalar("SELECT annotated_at IS NOT NULL FROM articles WHERE id = ?", (article_id,)) == 1


def test_an_events_further_mentions_are_stored_with_it_and_replaced_with_it(db):
    from pactwatch.dedup.merge import merge_events
    from pactwatch.records import EventMention
    from pactwatch.store.articles import article_details

    article_id = save_article(db, make_article()).article_id
    restated = EventMention("They agreed to meet again.", 49, 75, "FRA", "AUT", "040", None, "verb:meet",
                            "event.verb_sense", "fact", 0.72, "event.verb_sense 0.72 = 0.72", "reverse copy of a joint act")
    kept = Event("AUT", "FRA", "040", "04", 1, 1.0, date(2024, 3, 4), "s", 0, 47, "verb:meet", mentions=(restated,))
    other = Event("AUT", "DEU", "042", "04", 1, 1.9, None, "s", 0, 47, "verb:visit")
    write_annotation(db, article_id, Annotation(events=[other, kept]))
    events = {e["source"] + e["target"]: e for e in article_details(db, article_id)["events"]}
    assert events["AUTDEU"]["mentions"] == []
    [stored] = events["AUTFRA"]["mentions"]
    assert (stored["start_char"], stored["end_char"], stored["source"], stored["merged_as"]) == (
        49, 75, "FRA", "reverse copy of a joint act")
    assert stored["confidence"] == pytest.approx(0.72) and stored["construction"] == "event.verb_sense"
    merge_events(db)  # GDELT's NumMentions counts every mention, a second one in the same article too
    assert db.scalar("SELECT num_mentions FROM merged_events WHERE target = 'FRA'") == 2
    write_annotation(db, article_id, Annotation(events=[other]))  # re-annotated: the mentions go with their event
    assert db.table_counts(["events", "event_mentions"]) == {"events": 1, "event_mentions": 0}


def test_list_filters(db):
    save_article(db, make_article("A", published=datetime(2024, 1, 31, 23, 0)))
    save_article(db, make_article("B", published=datetime(2024, 2, 1, 8, 0), publisher="Other"))
    save_article(db, make_article("C", published=None, language="de"))
    titles = lambda **kw: [r["title"] for r in list_articles(db, **kw)]  # noqa: E731
    assert titles(until="2024-01-31") == ["A"]
    assert titles(since="2024-02-01") == ["B"]
    assert titles(publisher="other") == ["B"]
    assert titles(language="de") == ["C"]


def test_full_text_search_covers_title_and_body_not_related(db):
    save_article(db, make_article())
    assert [r["title"] for r in search_articles(db, "vienna ministers")] == ["Ministers meet in Vienna"]
    assert search_articles(db, '"agreed to meet"')
    assert search_articles(db, "storm") == []  # related headlines are not the article


@pytest.mark.parametrize("hostile", ['"', "NEAR(", "a OR", "*", "') DROP TABLE articles; --", "title:x"])
def test_search_never_passes_syntax_through(db, hostile):
    save_article(db, make_article())
    try:
        search_articles(db, hostile)
    except UsageError:
        pass  # nothing searchable: a clear usage error, not a crash
    assert db.scalar("SELECT COUNT(*) FROM articles") == 1


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_fts_terms_are_plain_words(query):
    for term in fts_terms(query):
        assert term and '"' not in term and all(part.isalnum() or part == "_" for w in term.split() for part in w)


def test_unknown_article_is_not_found(db):
    with pytest.raises(NotFound):
        get_article(db, 42)


def test_bad_url_is_a_store_error():
    with pytest.raises(StoreError, match="unsupported"):
        open_database("mysql://nowhere/db")


def test_both_backends_ship_the_same_migrations():
    names = lambda d: [(n, name) for n, name, _ in migration_files(d)]  # noqa: E731
    assert names("sqlite") == names("postgresql")
