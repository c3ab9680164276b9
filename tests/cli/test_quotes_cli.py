"""``pactwatch quotes`` and ``pactwatch actors`` over a database filled by ``ingest`` from real files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pactwatch.cli import main

ARTICLE_A = """Baltic ministers agree on joint patrols
Published: 2024-03-05

Estonian Defence Minister Hanno Pevkur met his Latvian counterpart in Riga on Tuesday.

"Our patrols will start in the spring and cover the whole coast," Pevkur told reporters.

"We will not wait for others to protect our sea," he added.
"""

ARTICLE_B = """Minister warns of long talks
Published: 2024-05-20

Foreign Minister Ingrid Halvorsen spoke in Oslo on Monday.

"These negotiations will take many months of patient work," Halvorsen said.
"""


@pytest.fixture
def filled(runner, db_url: str, tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0, result.output
    return db_url


def rows(runner, db_url: str, *args: str) -> list[dict]:
    result = runner.invoke(main, ["--db", db_url, *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_quotes_lists_all_with_speakers(runner, filled):
    found = rows(runner, filled, "quotes")
    assert {(r["speaker"], r["cue"]) for r in found} == {
        ("Hanno Pevkur", "tell"), ("Hanno Pevkur", "add"), ("Ingrid Halvorsen", "say")}
    assert found[0]["published"].startswith("2024-05-20")  # newest article first


def test_quotes_filters(runner, filled):
    assert {r["speaker"] for r in rows(runner, filled, "quotes", "--speaker", "PEVKUR")} == {"Hanno Pevkur"}
    assert [r["speaker"] for r in rows(runner, filled, "quotes", "--since", "2024-05-01")] == ["Ingrid Halvorsen"]
    assert len(rows(runner, filled, "quotes", "--until", "2024-03-05")) == 2
    assert [r["text"][:6] for r in rows(runner, filled, "quotes", "--text", "PROTECT our")] == ["We wil"]
    assert len(rows(runner, filled, "quotes", "--limit", "1")) == 1
    assert rows(runner, filled, "quotes", "--speaker", "100%") == []  # LIKE wildcards are literal
    article_ids = {r["article_id"] for r in rows(runner, filled, "quotes")}
    one = min(article_ids)
    assert {r["article_id"] for r in rows(runner, filled, "quotes", "--article", str(one))} == {one}


def test_quotes_actor_prefix(runner, filled):
    all_rows = rows(runner, filled, "quotes")
    codes = {r["speaker_actor"] for r in all_rows if r["speaker_actor"]}
    for code in codes:
        found = rows(runner, filled, "quotes", "--actor", code[:3])
        assert found and all(r["speaker_actor"].startswith(code[:3]) for r in found)
    assert rows(runner, filled, "quotes", "--actor", "ZZZ") == []


def test_quotes_table_and_csv(runner, filled):
    table = runner.invoke(main, ["--db", filled, "quotes"])
    assert table.exit_code == 0 and "Ingrid Halvorsen" in table.output and "speaker" in table.output
    result = runner.invoke(main, ["--db", filled, "quotes", "--format", "csv"])
    parsed = list(csv.DictReader(io.StringIO(result.output)))
    assert len(parsed) == 3 and "text" in parsed[0]


def test_actors_counts(runner, filled):
    counts = rows(runner, filled, "actors")
    assert counts, "the actor step should find the countries named"
    assert all(r["mentions"] >= r["articles"] >= 1 for r in counts)
    assert counts == sorted(counts, key=lambda r: (-r["mentions"], r["actor"]))
    monthly = rows(runner, filled, "actors", "--by", "month")
    assert {r["month"] for r in monthly} <= {"2024-03", "2024-05"}
    assert sum(r["mentions"] for r in monthly) == sum(r["mentions"] for r in counts)
    later = rows(runner, filled, "actors", "--since", "2024-05-01")
    assert sum(r["mentions"] for r in later) < sum(r["mentions"] for r in counts)


def test_bad_date_is_a_usage_error(runner, filled):
    result = runner.invoke(main, ["--db", filled, "quotes", "--since", "May"])
    assert result.exit_code == 2
