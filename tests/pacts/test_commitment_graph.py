"""The commitment graph end to end: the seed through the CLI, the baseline, ATOP, merging, questions."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pactwatch.cli import main
from pactwatch.pacts import queries
from pactwatch.pacts.graph import ensure_current, rebuild
from pactwatch.pacts.merge import merge_reports
from tests.conftest import require_shared

COUNTRIES = frozenset({"FIN", "PRK", "RUS", "SWE"})


def run(runner, db_url, *args):
    result = runner.invoke(main, ["--db", db_url, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database holding the seed article, ingested through the CLI."""
    from click.testing import CliRunner

    seed = require_shared("seeds", "000_018b8fec1f9a9e1f.txt")
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.sqlite'}"
    run(CliRunner(), url, "ingest", "-q", str(seed))
    return url


def allies_json(runner, url, *args):
    return json.loads(run(runner, url, "allies", *args, "--format", "json").stdout)


def test_seed_treaty_is_the_baseline_treaty_with_the_article_as_a_source(runner, seeded):
    rows = json.loads(run(runner, seeded, "pacts", "--party", "PRK", "--format", "json").stdout)
    assert [r["key"] for r in rows if "RUS" in {p["party"] for p in r["parties"]}] == ["rus-prk-2024"]
    # what articles report is that one treaty (folded into the baseline row, not a second row)
    reported = json.loads(run(runner, seeded, "pacts", "--party", "PRK", "--source", "article", "--format",
                              "json").stdout)
    assert [(r["key"], r["origin"]) for r in reported] == [("rus-prk-2024", "baseline")]
    (pact,) = [r for r in rows if r["key"] == "rus-prk-2024"]
    steps = [(e["lifecycle_event"], e["date"], e["source"]) for e in pact["lifecycle"]]
    assert ("signed", "2024-06-19", "article") in steps and ("entered_into_force", "2024-12-04", "baseline") in steps
    # the evidence is the sentence that states the mutual obligation (the seed gold's evidence)
    (article,) = [e for e in pact["lifecycle"] if e["source"] == "article"]
    assert "help each other in the event of aggression" in article["sentence"]


def test_allies_of_north_korea_before_and_after_the_treaty_entered_into_force(runner, seeded):
    signed = allies_json(runner, seeded, "PRK", "--on", "2024-07-01")
    assert ("CHN", "chn-prk-1961") in [(r["ally"]["code"], r["commitment"]["key"]) for r in signed["items"]]
    assert "RUS" not in {r["ally"]["code"] for r in signed["items"]}
    (pending,) = signed["signed_not_in_force"]
    assert (pending["ally"]["code"], pending["commitment"]["key"], pending["status"]) == ("RUS", "rus-prk-2024",
                                                                                         "signed")
    assert "signed but not in force" in signed["note"]
    in_force = allies_json(runner, seeded, "North Korea", "--on", "2024-12-05")
    russia = [r for r in in_force["items"] if r["ally"]["code"] == "RUS"]
    assert len(russia) == 1 and russia[0]["since"] == "2024-12-04" and russia[0]["article"]["cited"] == "Art. 4"
    sources = {e["source"] for e in russia[0]["evidence"]}
    assert sources == {"article", "baseline"}
    (sentence,) = [e for e in russia[0]["evidence"] if e["source"] == "article"]
    assert sentence["article_id"] == 1 and "aggression" in sentence["sentence"] and sentence["end"] > sentence["start"]
    assert not in_force["signed_not_in_force"]
    before = allies_json(runner, seeded, "PRK", "--on", "2024-06-01")
    assert not before["signed_not_in_force"] and "RUS" not in {r["ally"]["code"] for r in before["items"]}


def test_finland_is_defended_by_nato_only_from_accession(runner, seeded):
    def nato(on):
        return {r["ally"]["code"] for r in allies_json(runner, seeded, "FIN", "--on", on)["items"]
                if r["commitment"]["key"] == "nato"}

    assert nato("2023-04-03") == set()
    assert {"USA", "GBR", "TUR", "SWE"} - nato("2023-04-05") == {"SWE"}  # Sweden joined in 2024


def test_obligations_with_an_attacker_bound_to_the_same_allies(runner, seeded):
    result = json.loads(run(runner, seeded, "obligations", "--attacked", "GRC", "--by", "TUR", "--on",
                            "2024-01-01", "--format", "json").stdout)
    conflicted = {c["state"]["code"] for c in result["conflicted"]}
    assert {"USA", "FRA", "DEU"} <= conflicted
    assert "GRC" not in conflicted and "TUR" not in conflicted
    assert "TUR" not in result["defender_states"] and not conflicted & set(result["defender_states"])
    assert "bound to defend both sides" in result["summary"]
    ring = json.loads(run(runner, seeded, "obligations", "--attacked", "PRK", "--on", "2024-12-05",
                          "--format", "json").stdout)
    assert {"CHN", "RUS"} <= set(ring["defender_states"])
    assert {"BLR", "KAZ"} <= {s["state"]["code"] for s in ring["second_ring"]}  # bound to Russia in turn


def test_graph_formats_parse_back(runner, seeded, tmp_path):
    import networkx as nx

    out = tmp_path / "g.graphml"
    run(runner, seeded, "graph", "--on", "2024-12-05", "--format", "graphml", "-o", str(out))
    graph = nx.read_graphml(out)
    assert graph.has_edge("PRK", "RUS") and graph.has_edge("CHN", "PRK")
    data = json.loads(run(runner, seeded, "graph", "--on", "2024-06-01", "--format", "json").stdout)
    pairs = {tuple(sorted((link["source"], link["target"]))) for link in data["links"]}
    assert ("CHN", "PRK") in pairs and ("PRK", "RUS") not in pairs
    dot = run(runner, seeded, "graph", "--on", "2024-12-05", "--format", "dot").stdout
    assert dot.startswith("graph commitments") and '"PRK" -- "RUS"' in dot


def test_timeline_table_and_chart(runner, seeded, tmp_path):
    chart = tmp_path / "dyad.png"
    result = run(runner, seeded, "timeline", "RUS", "PRK", "--chart", str(chart), "--format", "json")
    data = json.loads(result.stdout)
    assert any(c["key"] == "rus-prk-2024" for c in data["commitments"])
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_atop_import_is_idempotent_and_reads_nato(runner, tmp_path):
    alliances = require_shared("testdata", "alliances", "atop-v4.01", "atop4_01a.csv")
    members = require_shared("testdata", "alliances", "atop-v4.01", "atop4_01m.csv")
    url = f"sqlite:///{tmp_path / 'atop.sqlite'}"
    for _ in range(2):
        result = run(runner, url, "import", "atop", "--alliances", str(alliances), "--members", str(members))
        assert "745 alliances, 2397 memberships" in result.stderr
    from pactwatch.store import open_database

    with open_database(url) as db:
        assert db.scalar("SELECT COUNT(*) FROM commitments WHERE origin = 'atop'") == 745
        nato = {r["party"] for r in db.query(
            "SELECT p.party FROM commitment_parties p JOIN commitments c ON c.id = p.commitment_id"
            " WHERE c.key = 'atop-3180'")}
        assert {"USA", "CAN", "GBR", "FRA", "TUR", "GRC", "DEU", "POL", "HRV", "MNE"} <= nato
        assert "SWE" not in nato
        west_germany = db.query_one(
            "SELECT p.joined, p.left_on, p.defense FROM commitment_parties p JOIN commitments c ON c.id = p.commitment_id"
            " WHERE c.key = 'atop-3180' AND p.party = 'DEU' ORDER BY p.joined LIMIT 1")
        assert west_germany == {"joined": "1954-10-23", "left_on": "1990-10-03", "defense": 1}
        # ATOP's NATO is the baseline's North Atlantic Treaty: merged into it, a source, no second row
        assert db.scalar("SELECT merged_into FROM commitments WHERE key = 'atop-3180'") == "nato"
        ensure_current(db)  # the baseline loaded next to the import, as every CLI verb does
        rows = queries.allies(db, "USA", "2010-01-01")["items"]
        assert {"GBR", "KOR", "PHL", "AUS"} <= {r["ally"]["code"] for r in rows}
        # Japan owes the United States defence only in territories under Japan's administration
        (japan_row,) = [r for r in rows if r["ally"]["code"] == "JPN"]
        assert [g["code"] for g in japan_row["scope"]["regions"]] == ["administered:JPN"]
        japan = queries.allies(db, "JPN", "2010-01-01")["items"]
        (usa,) = [r for r in japan if r["ally"]["code"] == "USA"]
        assert {"atop", "baseline"} <= {e["source"] for e in usa["evidence"]}
        assert "3375" in {e["atop_id"] for e in usa["evidence"]}


def test_reports_from_two_articles_merge_into_one_commitment():
    def row(i, article, event, when, kinds=("mutual_defense",), parties=("PRK", "RUS"), published="2024-12-05"):
        return {"id": i, "article_id": article, "parties": json.dumps(list(parties)), "kinds": json.dumps(list(kinds)),
                "lifecycle_event": event, "date": when, "conditions": None, "name": None,
                "sentence": f"s{i}", "start_char": 0, "end_char": 3, "published": published}

    rows = [row(1, 1, "signed", "2024-06-19", published="2024-06-19"),
            row(2, 2, "ratified", "2024-11-09", kinds=("strategic_partnership",)),
            row(3, 2, "entered_into_force", "2024-12-04"),
            row(4, 3, "proposed", None, kinds=("accession",), parties=("FIN", "NATO"), published="2022-05-18"),
            row(5, 4, "joined", "2023-04-04", kinds=("accession",), parties=("FIN", "NATO"))]
    merged = {c.key: c for c in merge_reports(rows, COUNTRIES)}
    assert set(merged) == {"prk-rus-mutual-defense-2024", "nato-membership"}
    pact = merged["prk-rus-mutual-defense-2024"]
    assert [e.lifecycle_event for e in pact.events] == ["signed", "ratified", "entered_into_force"]
    assert {e.article_id for e in pact.events} == {1, 2}
    assert pact.kinds == ("mutual_defense", "strategic_partnership")
    assert (pact.signed, pact.in_force) == (date(2024, 6, 19), date(2024, 12, 4))
    assert {p.joined for p in pact.parties} == {date(2024, 12, 4)}  # in force date known: binding from then
    nato = merged["nato-membership"]
    assert [(p.party, p.joined) for p in nato.parties] == [("FIN", date(2023, 4, 4))]


def test_rebuild_is_idempotent(db):
    first = rebuild(db)
    count = db.scalar("SELECT COUNT(*) FROM commitment_parties")
    assert rebuild(db) == first
    assert db.scalar("SELECT COUNT(*) FROM commitment_parties") == count
    assert ensure_current(db) is False
