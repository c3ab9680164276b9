"""``pactwatch events`` filters over stored events."""

from __future__ import annotations

import json
from datetime import date, datetime

from pactwatch.cli import main
from pactwatch.records import Annotation, Article, Event
from pactwatch.store.articles import save_article
from pactwatch.store.events import list_events


def event(source: str, target: str, code: str, root: str, quad: int, day: date) -> Event:
    return Event(source, target, code, root, quad, 1.0, day, "A sentence.", 0, 11, f"verb:test{code}")


def stored(db) -> None:
    article = Article(title="T", paragraphs=["A sentence."], origin="test", published=datetime(2024, 6, 19))
    annotation = Annotation(events=[
        event("RUSGOV", "PRKGOV", "057", "05", 1, date(2024, 6, 19)),
        event("PRKGOV", "RUSGOV", "057", "05", 1, date(2024, 6, 19)),
        event("USA", "YEMREB", "195", "19", 4, date(2024, 1, 12)),
        event("CHNCOP", "PHL", "130", "13", 3, date(2025, 8, 22)),
    ])
    save_article(db, article, annotation)


def test_filters(db):
    stored(db)
    assert len(list_events(db)) == 4
    assert {r["source"] for r in list_events(db, actor="RUS")} == {"RUSGOV", "PRKGOV"}
    assert len(list_events(db, dyad=("RUS", "PRK"))) == 2
    assert [r["source"] for r in list_events(db, dyad=("RUS", "PRK"), directed=True)] == ["RUSGOV"]
    assert [r["cameo_code"] for r in list_events(db, code="19")] == ["195"]
    assert [r["cameo_code"] for r in list_events(db, root="13")] == ["130"]
    assert [r["cameo_code"] for r in list_events(db, quad=4)] == ["195"]
    assert [r["cameo_code"] for r in list_events(db, since="2024-06-19", until="2024-06-19")] == ["057", "057"]
    assert list_events(db, actor="R%") == []  # LIKE wildcards are literal


def test_cli(db, db_url, runner):
    stored(db)
    result = runner.invoke(main, ["--db", db_url, "events", "--dyad", "PRK", "RUS", "--directed",
                                  "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["source"], r["target"]) for r in rows] == [("PRKGOV", "RUSGOV")]
    assert runner.invoke(main, ["--db", db_url, "events", "--directed"]).exit_code == 2


def test_newest_events_of_an_actor_or_dyad_match_a_plain_filter(db):
    """The per-code index reads (one per exact code, each cut at the page size) give the same page
    as filtering every event and sorting: ties on the day, an event whose both sides match the
    actor, codes sharing a prefix, a page smaller than one code's events."""
    import random

    rng = random.Random(5)
    codes = ["RUS", "RUSGOV", "RUSMIL", "PRK", "PRKGOV", "CHN", "RUSSIA"]  # RUSSIA shares RUS, not RUSG
    articles = []
    for n in range(6):
        events = []
        for _ in range(40):
            a, b = rng.sample(codes, 2)
            events.append(Event(a, b, "042", "04", 1, 1.9, date(2024, 1, 1 + rng.randrange(5)), "A sentence.",
                                rng.randrange(10), 11, "verb:test"))
        articles.append(events)
        save_article(db, Article(title=f"T{n}", paragraphs=["A sentence."], origin="test",
                                 published=datetime(2024, 1, 1)), Annotation(events=events))
    rows = db.query("SELECT id, article_id, date, source, target, start_char FROM events")

    def expected(keep, limit):
        chosen = sorted((r for r in rows if keep(r)), key=lambda r: (r["id"]))
        chosen.sort(key=lambda r: r["start_char"])
        chosen.sort(key=lambda r: (r["date"], r["article_id"]), reverse=True)
        return [r["id"] for r in chosen[:limit]]

    for limit in (7, 25, 1000):
        got = [r["id"] for r in list_events(db, actor="RUSG", limit=limit)]
        assert got == expected(lambda r: "RUSGOV" in (r["source"], r["target"]), limit)
        got = [r["id"] for r in list_events(db, actor="rus", limit=limit)]
        assert got == expected(lambda r: r["source"].startswith("RUS") or r["target"].startswith("RUS"), limit)
        got = [r["id"] for r in list_events(db, dyad=("PRK", "RUS"), limit=limit)]
        assert got == expected(lambda r: {r["source"][:3], r["target"][:3]} == {"PRK", "RUS"}, limit)
        got = [r["id"] for r in list_events(db, dyad=("CHN", "PRKGOV"), directed=True, limit=limit)]
        assert got == expected(lambda r: (r["source"], r["target"]) == ("CHN", "PRKGOV"), limit)
    assert list_events(db, actor="FRA") == []
