"""The CAMEO code table, the PLOVER map and the event lexicon are consistent with each other."""

from __future__ import annotations

import re

from pactwatch.data import read_table
from tests.conftest import require_shared

QUADS = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
         "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 4, "17": 4, "18": 4, "19": 4, "20": 4}


def codes() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read_table("cameo/codes.tsv")}


def test_codes_are_well_formed_and_start_with_their_root():
    table = codes()
    assert len(table) > 300
    for code, row in table.items():
        assert re.fullmatch(r"\d{2,4}", code), code
        assert row["root"] == code[:2]
        assert row["root"] in table, code  # every code's root is itself a row


def test_quad_classes_follow_the_roots():
    for code, row in codes().items():
        assert int(row["quad_class"]) == QUADS[code[:2]], code


def test_goldstein_in_range_and_signs_sensible():
    table = codes()
    for row in table.values():
        assert -10.0 <= float(row["goldstein"]) <= 10.0
    assert float(table["057"]["goldstein"]) > 0 > float(table["195"]["goldstein"])
    assert float(table["20"]["goldstein"]) == -10.0


def test_lexicon_codes_exist_and_cover_all_roots():
    table = codes()
    used = []
    for name in ("lexicon/event_verbs.tsv", "lexicon/event_nouns.tsv"):
        for row in read_table(name):
            assert row["code"] == "-" or row["code"] in table, (name, row)
            if row.get("negated") and row["negated"] != "-":
                assert row["negated"] in table, row
            used.append(row["code"])
    assert {c[:2] for c in used if c != "-"} == set(QUADS)


def test_negation_sensitive_entries_exist():
    rows = read_table("lexicon/event_verbs.tsv")
    assert any(r["negated"] and r["negated"] != "-" for r in rows)


def test_plover_map_agrees_with_the_published_conversion():
    ours = {row["cameo_code"]: row["plover"] for row in read_table("cameo/plover_map.tsv")}
    assert set(ours) == set(codes())
    path = require_shared("testdata", "events", "codebook", "CAMEO2PLOVER-2021.txt")
    checked = 0
    seen: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([A-Z]+)", line)
        if not match or match.group(1) in seen:
            continue  # the file lists a few codes twice; the first reading counts
        seen.add(match.group(1))
        if match.group(1) not in ours:
            continue  # a few PLOVER rows name codes the CAMEO codebook lacks (1213, 1214)
        assert ours[match.group(1)] == match.group(2), line
        checked += 1
    assert checked > 250
