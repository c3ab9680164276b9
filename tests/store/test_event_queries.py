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
