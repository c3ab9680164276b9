"""Near-duplicate stories cluster; the same event from many articles merges with GDELT counts."""

from __future__ import annotations

from datetime import date

from pactwatch.dedup.merge import merge_events, merge_quotes
from pactwatch.dedup.minhash import shingles, signature, similar
from pactwatch.dedup.stories import add_signatures, rebuild_clusters
from pactwatch.records import Annotation, Event, Quote
from pactwatch.store.annotations import write_annotation
from pactwatch.store.articles import save_article

from .wire_copies import UNRELATED, copies


def _event(day: int) -> Event:
    return Event("NOR", "ISL", "057", "05", 1, 8.0, date(2025, 3, day), "Norway and Iceland signed.", 0, 20,
                 "verb:sign")


def test_twenty_copies_make_one_cluster(db):
    ids = [save_article(db, a).article_id for a in copies(20)]
    other = save_article(db, UNRELATED).article_id
    assert add_signatures(db, ids + [other]) == 21
    assert rebuild_clusters(db) == 1
    clusters = {r["article_id"]: r["cluster_id"] for r in db.query("SELECT * FROM story_clusters")}
    assert {clusters[i] for i in ids} == {min(ids)}
    assert clusters[other] == other


def test_unrelated_stories_on_one_topic_do_not_match():
    a, b = copies(1)[0], UNRELATED
    assert not similar(signature(1, a.body), signature(2, b.body))
    assert shingles("") == set()


def test_same_event_from_twenty_articles_is_one_merged_event(db):
    ids = [save_article(db, a).article_id for a in copies(20)]
    for n, article_id in enumerate(ids):
        # dates one day apart chain together; an article reporting it twice counts two mentions
        events = [_event(11 + n % 2)] * (2 if n == 0 else 1)
        write_annotation(db, article_id, Annotation(events=events))
    assert merge_events(db) == 1
    merged = db.query_one("SELECT * FROM merged_events")
    assert (merged["num_articles"], merged["num_sources"], merged["num_mentions"]) == (20, 20, 21)
    assert (merged["date"], merged["last_date"]) == ("2025-03-11", "2025-03-12")
    assert db.scalar("SELECT COUNT(*) FROM events") == 21  # raw rows stay queryable


def test_events_far_apart_stay_separate_and_incremental_merge_matches_full(db):
    first, second, third = (save_article(db, a).article_id for a in copies(3))
    write_annotation(db, first, Annotation(events=[_event(1)]))
    write_annotation(db, second, Annotation(events=[_event(20)]))
    merge_events(db, [first, second])
    write_annotation(db, third, Annotation(events=[_event(21)]))
    merge_events(db, [third])
    incremental = db.query("SELECT date, num_articles FROM merged_events ORDER BY date")
    merge_events(db)
    assert db.query("SELECT date, num_articles FROM merged_events ORDER BY date") == incremental
    assert incremental == [{"date": "2025-03-01", "num_articles": 1}, {"date": "2025-03-20", "num_articles": 2}]


def test_same_quote_from_several_outlets_is_one(db):
    ids = [save_article(db, a).article_id for a in copies(4)]
    for article_id in ids:
        quote = Quote("The patrols make the High North safer.", 10, 48, "Bjorn Arild Gram", "NORGOV", "say")
        write_annotation(db, article_id, Annotation(quotes=[quote]))
    variant = Quote("the patrols make the High North safer", 10, 47, "Bjorn Arild Gram", "NORGOV", "say")
    write_annotation(db, ids[0], Annotation(quotes=[variant], events=[]))
    assert merge_quotes(db) == 1
    merged = db.query_one("SELECT num_articles, num_mentions FROM merged_quotes")
    assert merged == {"num_articles": 4, "num_mentions": 4}
