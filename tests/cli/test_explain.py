"""``pactwatch show ID --explain`` names the construction and clause status behind every fact."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.cli import main

ARTICLE = """Chile and Peru sign a defence pact
Published: 2025-02-11

Chile and Peru signed a mutual defence treaty in Lima on Tuesday.

"This treaty protects both our peoples," Chilean President Gabriel Boric said.

Peru will ratify the treaty next month, officials said.
"""


def test_show_explain_names_constructions_and_clauses(runner, db_url: str, tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(main, ["--db", db_url, "show", "1", "--explain"])
    assert shown.exit_code == 0, shown.output
    assert "<- event.verb_sense (fact)" in shown.output
    assert "<- quote.cue_verb (fact)" in shown.output
    plain = runner.invoke(main, ["--db", db_url, "show", "1"])
    assert "<- " not in plain.output
    details = json.loads(runner.invoke(main, ["--db", db_url, "show", "1", "--format", "json"]).output)[0]
    # the signing, and Chile's visit told by its place (in Lima)
    assert {e["construction"] for e in details["events"]} == {"event.verb_sense", "event.visit_by_place"}
    assert [q["construction"] for q in details["quotes"]] == ["quote.cue_verb"]
    steps = {(c["lifecycle_event"], c["construction"], c["clause"]) for c in details["commitment_reports"]}
    assert ("signed", "commitment.lifecycle_step", "fact") in steps


RESTATED = """Ghana and Togo sign a border accord
Published: 2025-03-05

Ghana and Togo signed a border accord on Monday after two years of talks.

Togo and Ghana signed the accord to settle their dispute over the coastal strip, officials said.
"""


def test_show_lists_an_act_once_and_explain_names_its_merged_mentions(runner, db_url: str, tmp_path: Path):
    (tmp_path / "b.txt").write_text(RESTATED, encoding="utf-8")
    assert runner.invoke(main, ["--db", db_url, "ingest", str(tmp_path / "b.txt")]).exit_code == 0
    listed = json.loads(runner.invoke(main, ["--db", db_url, "events", "--format", "json"]).output)
    assert [(e["source"], e["target"], e["cameo_code"]) for e in listed] == [("GHA", "TGO", "057")]  # one row per act
    shown = runner.invoke(main, ["--db", db_url, "show", "1", "--explain"])
    assert "(+1 more mention)" in shown.output
    assert "one act with: restated in another sentence: TGO -> GHA 057 [Togo and Ghana signed" in shown.output
    assert "one act with" not in runner.invoke(main, ["--db", db_url, "show", "1"]).output
    details = json.loads(runner.invoke(main, ["--db", db_url, "show", "1", "--format", "json"]).output)[0]
    [event] = [e for e in details["events"] if e["cameo_code"] == "057"]
    assert [m["merged_as"] for m in event["mentions"]] == ["restated in another sentence"]
