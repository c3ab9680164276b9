"""Confidence is stored with every fact; listings, exports, the HTTP API and the Python API hide
facts below ``--min-confidence`` (default ``DEFAULT_MIN_CONFIDENCE``); rows stored before migration
014 are not scored and always shown. Article invented here."""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pytest

import pactwatch
from pactwatch.cli import main
from pactwatch.records import DEFAULT_MIN_CONFIDENCE
from pactwatch.store import open_database
from pactwatch.store.database import apply_migrations
from pactwatch.store.events import list_events
from pactwatch.store.quotes import list_quotes

ARTICLE = """Ghana and Togo sign a border accord
Published: 2025-03-04

Ghana signed a border security accord with Togo in Accra on Tuesday.

Benin protested loudly.

"Patrols will start in April," the commission said.

"This accord keeps both our peoples safe," Ghanaian President John Mahama said.
"""


@pytest.fixture
def filled(runner, db_url: str, tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    return db_url


def _json(runner, url: str, *args: str) -> list[dict]:
    result = runner.invoke(main, ["--db", url, *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_events_and_quotes_hide_weak_readings_by_default(runner, filled):
    every = _json(runner, filled, "events", "--min-confidence", "0")
    shown = _json(runner, filled, "events")
    assert {(e["source"], e["target"]) for e in every} >= {("GHA", "TGO"), ("BEN", "---")}
    assert all(e["confidence"] is not None for e in every)
    assert {(e["source"], e["target"]) for e in shown} == {
        (e["source"], e["target"]) for e in every if e["confidence"] >= DEFAULT_MIN_CONFIDENCE}
    assert ("BEN", "---") not in {(e["source"], e["target"]) for e in shown}
    quotes = _json(runner, filled, "quotes")
    assert [q["speaker"] for q in quotes] == ["John Mahama"]
    assert {q["speaker"] for q in _json(runner, filled, "quotes", "--min-confidence", "0")} == {
        "John Mahama", "commission"}
    strict = _json(runner, filled, "events", "--min-confidence", "0.99")
    assert strict == []
    merged = _json(runner, filled, "events", "--merged", "--min-confidence", "0")
    assert len(merged) > len(_json(runner, filled, "events", "--merged"))


def test_exports_take_the_same_threshold(runner, filled):
    def rows(*args: str) -> list[dict]:
        result = runner.invoke(main, ["--db", filled, "export", *args])
        assert result.exit_code == 0, result.output
        return list(csv.DictReader(io.StringIO(result.output)))

    every, shown = rows("events", "--min-confidence", "0"), rows("events")
    assert len(shown) < len(every)
    assert all(float(r["confidence"]) >= DEFAULT_MIN_CONFIDENCE for r in shown)
    assert all(r["confidence_from"].startswith("event.") for r in every)
    gdelt = runner.invoke(main, ["--db", filled, "export", "events", "--format", "gdelt", "--raw"]).output
    assert len(gdelt.splitlines()) == len(shown)


def test_explain_shows_the_confidence_and_what_it_came_from(runner, filled):
    shown = runner.invoke(main, ["--db", filled, "show", "1", "--explain"]).output
    assert "confidence 0.18: event.verb_sense 0.72 x no target 0.25 = 0.18" in shown
    assert "speaker is a common noun" in shown


def test_http_and_python_api_filter_alike(filled):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from pactwatch.api import create_app

    with pactwatch.open(filled) as db:
        assert "---" not in {e.target for e in db.events()}
        assert "---" in {e.target for e in db.events(min_confidence=0)}
        assert [q.speaker for q in db.quotes()] == ["John Mahama"]
    with TestClient(create_app(filled)) as client:
        default = client.get("/api/events").json()
        every = client.get("/api/events", params={"min_confidence": 0}).json()
        assert default["total"] < every["total"]
        assert client.get("/api/events", params={"min_confidence": 2}).status_code in (400, 422)
        assert len(client.get("/api/quotes", params={"min_confidence": 0}).json()["items"]) == 2


def test_rows_stored_before_migration_014_are_kept_unscored(db_url):
    old = open_database(db_url, migrate=False)
    apply_migrations(old, until=13)
    with old.transaction():
        article = old.scalar("INSERT INTO articles (content_hash, origin, title, body, ingested_at)"
                             " VALUES ('h', 'memory', 'Old', 'Peru protested.', '2024-01-01') RETURNING id")
        old.execute("INSERT INTO events (article_id, source, target, cameo_code, root_code, quad_class, goldstein,"
                    " sentence, start_char, end_char, matched) VALUES (?, 'PER', '---', '140', '14', 3, -6.5,"
                    " 'Peru protested.', 0, 15, 'verb:protest')", (article,))
        old.execute("INSERT INTO quotes (article_id, speaker, text, start_char, end_char, mentions)"
                    " VALUES (?, 'others', 'x', 0, 1, 1)", (article,))
    old.close()
    db = open_database(db_url)  # applies 014
    try:
        events = list_events(db, min_confidence=DEFAULT_MIN_CONFIDENCE)
        assert [(e["source"], e["confidence"]) for e in events] == [("PER", None)]
        assert [q["confidence"] for q in list_quotes(db, min_confidence=0.9)] == [None]
    finally:
        db.close()


def test_pacts_keep_an_article_commitment_while_one_report_is_confident_enough(runner, db_url, tmp_path):
    (tmp_path / "b.txt").write_text(
        "Pacts of the week\nPublished: 2025-03-04\n\n"
        "Ghana signed a mutual defence treaty with Togo on Tuesday.\n\n"
        "Chile will sign a mutual defence treaty with Peru next week.\n", encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "b.txt")]).exit_code == 0

    def parties(*args: str) -> set[tuple[str, ...]]:
        rows = _json(runner, db_url, "pacts", "--source", "article", *args)
        return {tuple(sorted({p["party"] for p in r["parties"]})) for r in rows}

    assert parties() == {("GHA", "TGO"), ("CHL", "PER")}
    assert parties("--min-confidence", "0.9") == {("GHA", "TGO")}  # the announced one is a plan (0.81)
    with pactwatch.open(db_url) as db:
        found = {tuple(sorted({p["party"] for p in r.parties})): r.confidence for r in db.pacts(source="article")}
    assert found[("GHA", "TGO")] > found[("CHL", "PER")]
