"""The Python API: the example page runs as written, and the answers match the CLI's."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

import pactwatch
from pactwatch.cli import main
from pactwatch.library import AllyRow, EventRow
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "python-api.md"


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("api") / "examples.sqlite"
    with pactwatch.open(path) as db:
        db.ingest([ROOT / "examples" / "text"])
    return str(path)


def test_the_example_page_runs(tmp_path, monkeypatch, capsys) -> None:
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 5
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(PAGE), "exec"), scope)  # noqa: S102 - the page is ours
    out = capsys.readouterr().out
    assert "RUS Russia" in out and "Sign formal agreement" in out


def test_answers_are_dataclasses_with_names(examples_db: str) -> None:
    with pactwatch.open(examples_db) as db:
        allies = db.allies("PRK", on="2025-01-01")
        events = db.events(actor="PRK", limit=5)
    assert allies and all(isinstance(a, AllyRow) for a in allies)
    assert {a.ally_name for a in allies if a.ally == "RUS"} == {"Russia"}
    assert events and all(isinstance(e, EventRow) and "PRK" in (e.source + e.target) for e in events)


def test_allies_agree_with_the_cli(examples_db: str) -> None:
    result = CliRunner().invoke(main, ["--db", examples_db, "allies", "PRK", "--on", "2025-01-01",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    with pactwatch.open(examples_db) as db:
        ours = [(a.ally, a.commitment_key, a.since) for a in db.allies("PRK", on="2025-01-01")]
    assert ours == [(r["ally"]["code"], r["commitment"]["key"], r["since"]) for r in json.loads(result.output)["items"]]


def test_to_pandas_has_one_row_per_record(examples_db: str) -> None:
    with pactwatch.open(examples_db) as db:
        quotes = db.quotes(limit=4)
    frame = quotes.to_pandas()
    assert len(frame) == len(quotes) > 0
    assert list(frame["text"]) == [q.text for q in quotes]


def test_graph_is_directed_with_ids_names_and_evidence(examples_db: str) -> None:
    with pactwatch.open(examples_db) as db:
        graph = db.graph(on="2025-01-01")
    assert isinstance(graph, nx.DiGraph)
    edge = graph.edges["RUS", "PRK"]
    assert edge["defends"] is True and all(isinstance(c["id"], int) for c in edge["commitments"])
    assert any(e.get("article_id") for e in edge["evidence"])
    assert graph.nodes["PRK"]["name"] == "North Korea"
