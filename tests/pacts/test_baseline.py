"""The baseline commitments table: integrity of the shipped TSVs and known facts about them."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

from pactwatch.data import read_table, table_path
from pactwatch.pacts.baseline import (
    KINDS,
    BaselineError,
    BaselineMembership,
    is_active,
    load_baseline,
    members_on,
    parse_commitment,
    parse_membership,
)

ISO3 = re.compile(r"[A-Z]{3}")
URL = re.compile(r"https?://\S+")


@pytest.fixture(scope="module")
def baseline():
    return load_baseline()


@pytest.fixture(scope="module")
def commitments(baseline):
    return {c.id: c for c in baseline[0]}


@pytest.fixture(scope="module")
def memberships(baseline):
    return baseline[1]


def _known_country_codes() -> set[str] | None:
    """Codes of the actors table when it is shipped, else None (then only the shape is checked)."""
    try:
        table_path("actors/countries.tsv")
    except FileNotFoundError:
        return None
    return {row["code"] for row in read_table("actors/countries.tsv")}


# ---------------------------------------------------------------- integrity


def test_commitment_ids_unique_and_slugs():
    ids = [row["id"] for row in read_table("treaties/commitments.tsv")]
    assert len(ids) >= 20
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_commitment_row_is_complete(commitments):
    for c in commitments.values():
        assert c.name and c.conditions, c.id
        assert c.kinds and all(k in KINDS for k in c.kinds), c.id
        assert URL.fullmatch(c.reference), c.id
        if c.signed and c.in_force:
            assert c.signed <= c.in_force, c.id
        if c.in_force and c.ended:
            assert c.in_force < c.ended, c.id


def test_checked_column_is_an_iso_date():
    for row in read_table("treaties/commitments.tsv"):
        date.fromisoformat(row["checked"])


def test_every_member_row_refers_to_a_commitment(commitments, memberships):
    assert {m.commitment_id for m in memberships} <= set(commitments)
    # and every commitment has at least two parties
    counts = Counter(m.commitment_id for m in memberships)
    assert all(counts[cid] >= 2 for cid in commitments), counts


def test_party_codes_are_iso3_and_known(memberships):
    known = _known_country_codes()
    for m in memberships:
        assert ISO3.fullmatch(m.party), m
        if known is not None:
            assert m.party in known, f"{m.party} not in actors/countries.tsv"


def test_member_dates_are_ordered_and_referenced(commitments, memberships):
    for m in memberships:
        assert URL.fullmatch(m.reference), m
        if m.joined and m.left:
            assert m.joined < m.left, m
        if m.joined and m.suspended_from:
            assert m.joined <= m.suspended_from, m
        c = commitments[m.commitment_id]
        if m.joined and c.in_force:
            assert m.joined >= c.in_force, m
        if c.ended:
            assert m.left is not None and m.left <= c.ended, m
        if c.in_force is None:
            assert m.joined is None, f"{m} active before its commitment is in force"


def test_member_intervals_of_one_party_do_not_overlap(memberships):
    by_key: dict[tuple[str, str], list[BaselineMembership]] = {}
    for m in memberships:
        by_key.setdefault((m.commitment_id, m.party), []).append(m)
    for key, rows in by_key.items():
        rows = sorted(rows, key=lambda m: m.joined or date.min)
        for earlier, later in pairwise(rows):
            assert earlier.left is not None and later.joined is not None, key
            assert earlier.left <= later.joined, key


def test_parsers_reject_bad_rows():
    good = {
        "id": "x", "name": "X", "kind": "mutual_defense", "organisation": "", "signed": "",
        "in_force": "2000-01-01", "ended": "", "conditions": "c", "symmetric": "yes",
        "reference": "https://example.org/x",
    }
    assert parse_commitment(good).kinds == ("mutual_defense",)
    with pytest.raises(BaselineError):
        parse_commitment({**good, "kind": "alliance"})
    with pytest.raises(BaselineError):
        parse_commitment({**good, "in_force": "2000-13-01"})
    with pytest.raises(BaselineError):
        parse_commitment({**good, "symmetric": "maybe"})
    with pytest.raises(BaselineError):
        parse_commitment({**good, "reference": ""})
    member = {
        "commitment_id": "x", "party": "FRA", "joined": "2001-01-01", "left": "2000-01-01",
        "suspended_from": "", "status_note": "", "reference": "https://example.org/x",
    }
    with pytest.raises(BaselineError):
        parse_membership(member)


def test_interval_semantics_are_half_open():
    m = BaselineMembership("x", "FRA", date(2000, 1, 1), date(2010, 1, 1), date(2005, 1, 1), "", "u")
    assert not is_active(m, date(1999, 12, 31))
    assert is_active(m, date(2000, 1, 1))
    assert is_active(m, date(2004, 12, 31))
    assert not is_active(m, date(2005, 1, 1))  # suspended
    never = BaselineMembership("x", "FRA", None, None, None, "", "u")
    assert not is_active(never, date(2020, 1, 1))


# --------------------------------------------------------------------- facts


def test_nato_has_32_members_in_2026(memberships):
    assert len(members_on("nato", date(2026, 1, 1), memberships)) == 32


def test_nato_founders_and_germany(memberships):
    assert len(members_on("nato", date(1949, 8, 24), memberships)) == 12
    assert members_on("nato", date(1949, 8, 23), memberships) == set()
    assert "DEU" not in members_on("nato", date(1955, 5, 5), memberships)
    assert "DEU" in members_on("nato", date(1955, 5, 6), memberships)
    assert "FRA" in members_on("nato", date(1980, 1, 1), memberships)  # 1966 command exit


def test_finland_joins_nato_on_2023_04_04(memberships):
    assert "FIN" not in members_on("nato", date(2023, 4, 3), memberships)
    assert "FIN" in members_on("nato", date(2023, 4, 5), memberships)


def test_sweden_joins_nato_on_2024_03_07(memberships):
    assert "SWE" not in members_on("nato", date(2024, 3, 6), memberships)
    assert "SWE" in members_on("nato", date(2024, 3, 7), memberships)


def test_armenia_freeze_in_csto(memberships):
    assert "ARM" in members_on("csto", date(2023, 1, 1), memberships)
    assert "ARM" not in members_on("csto", date(2025, 1, 1), memberships)
    assert members_on("csto", date(2025, 1, 1), memberships) == {"RUS", "BLR", "KAZ", "KGZ", "TJK"}


def test_uzbekistan_left_rejoined_and_suspended_csto(memberships):
    assert "UZB" in members_on("csto", date(1998, 1, 1), memberships)
    assert "UZB" not in members_on("csto", date(2003, 1, 1), memberships)
    assert "UZB" in members_on("csto", date(2010, 1, 1), memberships)
    assert "UZB" not in members_on("csto", date(2013, 1, 1), memberships)
    assert {"AZE", "GEO"} <= members_on("csto", date(1998, 1, 1), memberships)
    assert not {"AZE", "GEO"} & members_on("csto", date(2000, 1, 1), memberships)


def test_rus_prk_not_in_force_before_december_2024(commitments, memberships):
    assert members_on("rus-prk-2024", date(2024, 6, 1), memberships) == set()
    assert commitments["rus-prk-2024"].in_force == date(2024, 12, 4)
    assert members_on("rus-prk-2024", date(2025, 1, 1), memberships) == {"RUS", "PRK"}


def test_chn_prk_in_force_in_2024(memberships):
    assert members_on("chn-prk-1961", date(2024, 7, 1), memberships) == {"CHN", "PRK"}


def test_mexico_not_in_rio_treaty_in_2010(memberships):
    assert "MEX" in members_on("rio-treaty", date(2000, 1, 1), memberships)
    assert "MEX" not in members_on("rio-treaty", date(2010, 1, 1), memberships)


def test_alba_states_and_cuba_not_active_in_rio_treaty_now(memberships):
    active = members_on("rio-treaty", date(2026, 1, 1), memberships)
    assert not {"BOL", "ECU", "NIC", "VEN", "CUB", "MEX"} & active
    assert {"USA", "BRA", "ARG", "COL", "BHS", "TTO"} <= active


def test_new_zealand_suspended_in_anzus_but_bound_to_australia(memberships):
    assert members_on("anzus", date(2026, 1, 1), memberships) == {"AUS", "USA"}
    assert "NZL" in members_on("anzus", date(1980, 1, 1), memberships)
    assert members_on("anzus-aus-nzl", date(2026, 1, 1), memberships) == {"AUS", "NZL"}


def test_us_japan_is_asymmetric(commitments):
    assert commitments["us-jpn-1960"].symmetric is False
    assert commitments["us-phl-1951"].symmetric is True
    assert commitments["rio-treaty"].symmetric is True


def test_taiwan_relations_act_is_not_a_defence_treaty(commitments):
    assert "mutual_defense" not in commitments["us-taiwan-relations-act"].kinds


def test_uk_left_eu_mutual_assistance_clause(memberships):
    assert "GBR" in members_on("eu-art42-7", date(2019, 1, 1), memberships)
    assert "GBR" not in members_on("eu-art42-7", date(2020, 2, 1), memberships)
    assert len(members_on("eu-art42-7", date(2026, 1, 1), memberships)) == 27


def test_russia_belarus_security_treaty_dates(commitments, memberships):
    c = commitments["rus-blr-union-security"]
    assert c.signed == date(2024, 12, 6)
    assert members_on("rus-blr-union-security", date(2025, 1, 1), memberships) == set()
    assert members_on("rus-blr-union-security", date(2025, 6, 1), memberships) == {"RUS", "BLR"}


def test_organisation_codes(commitments):
    assert commitments["nato"].organisation == "NATO"
    assert commitments["csto"].organisation == "CSTO"
    assert commitments["us-jpn-1960"].organisation is None
