"""Issue 13: "who is bound to defend X on day D" answered right, on the CLI (real files through its
runner) and from the queries on both backends: one treaty one row, obligations with a direction,
a scope and a status, the attacker never a defender, names and typos, ATOP on top of the baseline.

The news articles here are invented for these tests (three shapes of naming one treaty)."""

from __future__ import annotations

import csv
import json

import pytest

from pactwatch.cli import main
from pactwatch.data import read_table
from pactwatch.pacts import identity, queries
from pactwatch.pacts.graph import ensure_current
from tests.conftest import require_shared

ARTICLES = {
    "riyadh.txt": """Saudi Arabia and Pakistan sign defence pact
The agreement was signed in Riyadh.
- World
- Test Gulf Desk
- Published: 17 September 2025, 21:00
Saudi Arabia and Pakistan signed the Strategic Mutual Defence Agreement in Riyadh on Wednesday, under which any aggression against either country will be treated as aggression against both.
""",
    "islamabad.txt": """Pakistan hails pact with Riyadh
Officials in Islamabad welcomed the accord.
- Asia
- Test Indus Wire
- Published: 18 September 2025, 08:00
Pakistan and Saudi Arabia signed a Mutual Defense Agreement on Wednesday that commits each to defend the other if it is attacked, officials said.
""",
    "minsk.txt": """Russia and Belarus sign security guarantees treaty
The treaty was signed in Minsk.
- Europe
- Test Steppe Wire
- Published: 6 December 2024, 18:00
Russia and Belarus signed the Treaty on Security Guarantees within the Union State in Minsk on Friday, pledging to defend each other against aggression.
""",
}


def cli(runner, url, *args, code=0):
    result = runner.invoke(main, ["--db", url, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A database holding the invented articles, ingested through the CLI."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'news.sqlite'}"
    cli(CliRunner(), url, "ingest", "-q", str(folder))
    return url


def allies(runner, url, *args):
    return json.loads(cli(runner, url, "allies", *args, "--format", "json").stdout)


def test_defence_and_defense_reports_are_the_baseline_treaty_once(runner, news):
    body = allies(runner, news, "Saudi Arabia", "--on", "2025-10-01")
    rows = [r for r in body["items"] if r["ally"]["code"] == "PAK"]
    assert [r["commitment"]["key"] for r in rows] == ["sau-pak-2025"]
    sources = rows[0]["evidence"]
    assert {e["source"] for e in sources} == {"article", "baseline"}
    assert len({e["article_id"] for e in sources if e["article_id"]}) == 2  # both articles, one row
    pact = json.loads(cli(runner, news, "pact", "sau-pak-2025", "--format", "json").stdout)
    assert pact["status"] == "in_force" and len([s for s in pact["sources"] if s["source"] == "article"]) == 2


def test_russia_belarus_security_treaty_is_the_union_state_security_treaty(runner, news):
    on_signing = allies(runner, news, "Belarus", "--on", "2024-12-10")
    keys = [(r["ally"]["code"], r["commitment"]["key"]) for r in on_signing["items"]]
    assert keys.count(("RUS", "csto")) == 1 and ("RUS", "rus-blr-union-security") not in keys
    pending = [r["commitment"]["key"] for r in on_signing["signed_not_in_force"]]
    assert pending == ["rus-blr-union-security"]
    assert any(e["source"] == "article" for e in on_signing["signed_not_in_force"][0]["evidence"])
    later = allies(runner, news, "BLR", "--on", "2025-06-01")
    russia = sorted(r["commitment"]["key"] for r in later["items"] if r["ally"]["code"] == "RUS")
    # one row per commitment, never the same treaty twice (the CIS Charter is ATOP's, carried)
    assert len(russia) == len(set(russia)) and {"csto", "rus-blr-union-security"} <= set(russia)
    # the Union State treaty has no defence clause: it makes nobody an ally
    assert "rus-blr-union-state" not in {r["commitment"]["key"] for r in later["items"]}


def test_keys_survive_reingest_and_annotate(runner, news, tmp_path):
    def keys():
        return sorted(r["key"] for r in json.loads(cli(runner, news, "pacts", "--source", "article",
                                                       "--format", "json").stdout))

    before = keys()
    assert {"sau-pak-2025", "rus-blr-union-security"} <= set(before)
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "riyadh.txt").write_text(ARTICLES["riyadh.txt"], encoding="utf-8")
    cli(runner, news, "ingest", "-q", str(folder))
    cli(runner, news, "annotate")
    assert keys() == before


def test_names_are_accepted_and_typos_are_errors_with_a_suggestion(runner, news):
    assert allies(runner, news, "north korea", "--on", "2025-01-01")["actor"]["code"] == "PRK"
    for args, meant in ((["allies", "XYZ"], "did you mean"), (["allies", "Nort Korea"], "PRK (North Korea)"),
                        (["pacts", "--party", "XYZ"], "did you mean"),
                        (["obligations", "--attacked", "Narnia"], "did you mean"),
                        (["obligations", "--attacked", "GRC", "--where", "Atlantis"], "not a known place"),
                        (["pact", "natto"], "nato")):
        result = cli(runner, news, *args, code=2)
        assert meant in result.stderr and not result.stdout


# -- the baseline's obligations, on both backends -------------------------------------------------------
@pytest.fixture
def baseline_db(db):
    ensure_current(db)
    return db


def test_nato_members_each_once(baseline_db):
    rows = queries.allies(baseline_db, "POL", "2025-01-01")["items"]
    nato = [r["ally"]["code"] for r in rows if r["commitment"]["key"] == "nato"]
    assert len(nato) == len(set(nato)) == 31 and {"USA", "TUR", "FIN", "SWE", "MKD"} <= set(nato)
    assert {r["article"]["cited"] for r in rows if r["commitment"]["key"] == "nato"} == {"Art. 5"}
    before = {r["ally"]["code"] for r in queries.allies(baseline_db, "POL", "2024-03-06")["items"]
              if r["commitment"]["key"] == "nato"}
    assert "SWE" not in before and "FIN" in before  # Sweden from 2024-03-07, Finland from 2023-04-04


def test_compacts_of_free_association_run_one_way(baseline_db):
    for state in ("FSM", "MHL", "PLW"):
        (row,) = [r for r in queries.allies(baseline_db, state, "2025-01-01")["items"]
                  if r["commitment"]["key"].startswith("cofa-")]
        assert (row["ally"]["code"], row["direction"], row["owed_by"], row["owed_to"]) == ("USA", "one_way", "USA",
                                                                                          state)
    protectors_of_usa = {r["ally"]["code"] for r in queries.allies(baseline_db, "USA", "2025-01-01")["items"]}
    assert not {"FSM", "MHL", "PLW", "TUV"} & protectors_of_usa
    tuvalu = queries.allies(baseline_db, "Tuvalu", "2025-01-01")["items"]
    assert [(r["ally"]["code"], r["commitment"]["key"], r["direction"]) for r in tuvalu] == [
        ("AUS", "falepili-union", "one_way")]


def test_greece_attacked_by_turkey(baseline_db):
    result = queries.obligations(baseline_db, "GRC", "TUR", "2025-01-01")
    assert "TUR" not in result["defender_states"]
    conflicted = {c["state"]["code"] for c in result["conflicted"]}
    assert {"USA", "FRA", "DEU", "GBR"} <= conflicted and not conflicted & set(result["defender_states"])
    assert {"CYP", "AUT", "IRL", "MLT"} <= set(result["defender_states"])  # EU Art. 42(7), not bound to TUR
    assert any("TUR is itself bound to defend GRC" in a["note"] for a in result["attacker_is_party"])
    assert "Art. 42(7)" in result["summary"] and "both sides" in result["summary"]


def test_japan_area_clause(baseline_db):
    at_home = queries.obligations(baseline_db, "USA", on="2025-01-01")
    left_out = {o["row"]["ally"]["code"]: o["reason"] for o in at_home["out_of_scope"]}
    assert "JPN" not in at_home["defender_states"] and "administration of JPN" in left_out["JPN"]
    senkaku = queries.obligations(baseline_db, "Japan", on="2025-01-01", where="Senkaku Islands")
    assert senkaku["defender_states"] == ["USA"] and senkaku["defenders"][0]["article"]["cited"] == "Art. V"
    kurils = queries.obligations(baseline_db, "JPN", on="2025-01-01", where="Kuril Islands")
    assert kurils["defender_states"] == [] and kurils["out_of_scope"]  # not under Japan's administration
    guam = queries.obligations(baseline_db, "USA", on="2025-01-01", where="Guam")
    assert {"KOR", "PHL", "AUS"} <= set(guam["defender_states"])  # Pacific area treaties
    assert not {"GBR", "JPN"} & set(guam["defender_states"])  # NATO's area, Japan's administration
    # Greece attacked: Japan is bound to nobody in that fight, not even through the USA
    ring = queries.obligations(baseline_db, "GRC", on="2025-01-01")["second_ring"]
    assert "JPN" not in {s["state"]["code"] for s in ring}


def test_taiwan_nobody_is_bound(baseline_db):
    result = queries.obligations(baseline_db, "Taiwan", on="2025-01-01")
    assert result["defender_states"] == [] and not result["signed_not_in_force"]
    assert "no state is recorded as bound to defend it" in result["summary"]
    tra = queries.pact(baseline_db, "us-taiwan-relations-act", "2025-01-01")
    assert tra["obligations"] == [] and tra["status"] == "in_force"
    assert queries.allies(baseline_db, "TWN", "1970-01-01")["items"][0]["commitment"]["key"] == "us-roc-1954"


def test_csto_freeze_and_rio_withdrawals(baseline_db):
    armenia = {r["commitment"]["key"] for r in queries.allies(baseline_db, "ARM", "2025-01-01")["items"]}
    assert "csto" not in armenia and "rus-arm-1997" in armenia
    assert "csto" in {r["commitment"]["key"] for r in queries.allies(baseline_db, "ARM", "2023-01-01")["items"]}
    mexico = {r["commitment"]["key"] for r in queries.allies(baseline_db, "MEX", "2010-01-01")["items"]}
    assert "rio-treaty" not in mexico


# -- ATOP on top of the baseline ----------------------------------------------------------------------
def _atop_files():
    return (require_shared("testdata", "alliances", "atop-v4.01", "atop4_01a.csv"),
            require_shared("testdata", "alliances", "atop-v4.01", "atop4_01m.csv"))


def test_every_atop_defence_alliance_in_force_at_the_end_of_the_data_is_covered():
    alliances, members = _atop_files()
    with open(alliances, encoding="utf-8-sig") as handle:
        live = {r["atopid"] for r in csv.DictReader(handle) if r["defense"] == "1" and r["endyr"] in ("", "0")}
    links = {r["atopid"]: r for r in read_table("treaties/atop.tsv")}
    assert live <= set(links), f"not covered: {sorted(live - set(links))}"
    baseline = {r["id"]: r for r in read_table("treaties/commitments.tsv")}
    parties: dict[str, set[str]] = {}
    for row in read_table("treaties/members.tsv"):
        parties.setdefault(row["commitment_id"], set()).add(row["party"])
    from pactwatch.pacts.atop import cow_codes

    codes = cow_codes()
    with open(members, encoding="utf-8-sig") as handle:
        atop_members: dict[str, set[str]] = {}
        for r in csv.DictReader(handle):
            if r["yrexit"] in ("", "0") and str(int(float(r["member"]))) in codes:
                atop_members.setdefault(r["atopid"], set()).add(codes[str(int(float(r["member"])))])
    for atopid in sorted(live):
        link = links[atopid]
        assert link["reference"] and link["checked"]
        if link["baseline"]:
            assert link["baseline"] in baseline, atopid
            # the same treaty: most of ATOP's remaining members are parties of the baseline row
            shared = atop_members.get(atopid, set()) & parties[link["baseline"]]
            assert len(shared) >= 0.5 * len(atop_members.get(atopid, set())), atopid
        else:
            assert link["ended"] and link["note"], f"ATOP {atopid}: neither in the baseline nor documented as ended"


@pytest.mark.parametrize("state, on", [("POL", "2010-01-01"), ("POL", "2018-06-30"), ("USA", "2018-06-30"),
                                       ("JPN", "2025-06-30"), ("KOR", "2018-06-30"), ("PRK", "2018-06-30"),
                                       ("RUS", "2018-06-30"), ("BLR", "2025-06-30"), ("ARM", "2025-06-30"),
                                       ("TUR", "2018-06-30"), ("AUS", "2018-06-30"), ("PHL", "2018-06-30")])
def test_atop_on_top_of_the_baseline_changes_no_ally_count(runner, db_url, state, on):
    def count():
        rows = json.loads(cli(runner, db_url, "allies", state, "--on", on, "--format", "json").stdout)["items"]
        pairs = [(r["ally"]["code"], r["commitment"]["key"]) for r in rows]
        assert len(pairs) == len(set(pairs))
        return len(pairs), len({a for a, _ in pairs})

    before = count()
    alliances, members = _atop_files()
    cli(runner, db_url, "import", "atop", "--alliances", str(alliances), "--members", str(members))
    assert count() == before


def test_atop_sources_are_kept_on_the_merged_commitment(runner, db_url):
    alliances, members = _atop_files()
    cli(runner, db_url, "import", "atop", "--alliances", str(alliances), "--members", str(members))
    nato = json.loads(cli(runner, db_url, "pact", "nato", "--format", "json").stdout)
    assert "3180" in {s["atop_id"] for s in nato["sources"]}
    merged = json.loads(cli(runner, db_url, "pact", "atop-3180", "--format", "json").stdout)
    assert merged["commitment"]["key"] == "nato"  # an ATOP key leads to the treaty it was merged into
    # ATOP's own flags and conditions became obligations: Kenya-Ethiopia is aimed at Somalia
    kenya = json.loads(cli(runner, db_url, "pact", "atop-3485", "--format", "json").stdout)
    assert kenya["commitment"]["key"] == "ken-eth-1963"
    assert {o["condition"]["type"] for o in kenya["obligations"]} == {"attack_by_named_state"}


# -- names ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("the Strategic Mutual Defence Agreement", "Strategic Mutual Defense Agreement between Saudi Arabia and Pakistan"),
    ("Treaty of Friendship and Cooperation", "Treaty on Friendship and Cooperation"),
    ("Security Guarantees Treaty of the Union State", "Treaty on Security Guarantees within the Union State"),
])
def test_names_agree_after_normalisation(a, b):
    assert identity.names_agree(a, b)


@pytest.mark.parametrize("a, b", [
    ("Treaty of Aachen", "Treaty of Nancy"),
    ("Kensington Treaty", "Treaty of Aachen"),
    ("Shusha Declaration", "Budapest Memorandum"),
])
def test_different_treaties_do_not_agree(a, b):
    assert not identity.names_agree(a, b)


def test_article_keys_are_derived_from_parties_kind_and_year():
    assert identity.article_key(["RUS", "PRK"], ["mutual_defense"], 2024) == "prk-rus-mutual-defense-2024"
    assert identity.article_key(["FRA", "GRC"], ["consultation", "other"], None) == "fra-grc-consultation"
