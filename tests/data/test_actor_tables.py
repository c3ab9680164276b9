"""Integrity of the actor tables under src/pactwatch/data/actors/."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import pairwise

import pytest

from pactwatch.data import read_table, table_path
from pactwatch.nlp.actor_tables import OFFICES, ROLE_CODES

COUNTRIES = read_table("actors/countries.tsv")
CODES = {row["code"] for row in COUNTRIES}
ORGS = {row["code"] for row in read_table("actors/organisations.tsv")}
TABLES = ["countries", "places", "organisations", "roles", "titles", "leaders", "discards"]


def _country_or_org(code: str) -> bool:
    """A full actor code: an organisation, or a country optionally followed by role codes."""
    if code in ORGS:
        return True
    roles = code[3:]
    return code[:3] in CODES and len(roles) % 3 == 0 and all(
        roles[i : i + 3] in ROLE_CODES for i in range(0, len(roles), 3)
    )


@pytest.mark.parametrize("name", TABLES)
def test_every_table_documents_source_and_date(name: str) -> None:
    head = [line for line in table_path(f"actors/{name}.tsv").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")]
    text = "\n".join(head).lower()
    assert "source" in text and "last checked: 2026-11-29" in text


@pytest.mark.parametrize("name", TABLES)
def test_rows_have_the_header_width(name: str) -> None:
    lines = [line for line in table_path(f"actors/{name}.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    width = len(lines[0].split("\t"))
    bad = [line for line in lines if len(line.split("\t")) != width]
    assert bad == []


def test_countries_are_unique_iso3_and_complete() -> None:
    codes = [row["code"] for row in COUNTRIES]
    assert len(codes) == len(set(codes)) == 197  # 193 UN members + TWN, KSV, PSE, VAT
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for code in ["PRK", "KOR", "USA", "GBR", "ARE", "TUR", "CIV", "TWN", "KSV", "PSE", "VAT", "FIN"]:
        assert code in CODES


def test_country_surface_forms_point_to_one_country() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for row in COUNTRIES:
        forms = [row["name"], *row["aliases"].split("|"), *row["demonyms"].split("|")]
        for form in filter(None, forms):
            key = form.lower()
            if key in seen and seen[key] != row["code"]:
                clashes.append((form, seen[key], row["code"]))
            seen[key] = row["code"]
    assert clashes == []
    for form, code in [("DPRK", "PRK"), ("ROK", "KOR"), ("US", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("PRC", "CHN"),
                       ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"),
                       ("North Korean", "PRK"), ("South Korean", "KOR"), ("American", "USA"), ("British", "GBR"),
                       ("Finnish", "FIN"), ("Emirati", "ARE")]:
        assert seen[form.lower()] == code, form


def test_places_codes_and_kinds() -> None:
    rows = read_table("actors/places.tsv")
    texts = [row["text"].lower() for row in rows]
    assert len(texts) == len(set(texts))
    for row in rows:
        assert row["kind"] in ("capital", "seat")
        assert row["ambiguous"] in ("0", "1")
        assert _country_or_org(row["code"]), row
    by_text = {row["text"]: row for row in rows}
    assert by_text["Kremlin"]["code"] == "RUSGOV" and by_text["Pentagon"]["code"] == "USAMIL"
    assert by_text["Pyongyang"]["code"] == "PRKGOV" and by_text["Washington"]["ambiguous"] == "1"


def test_organisation_codes_match_the_gold_convention() -> None:
    rows = read_table("actors/organisations.tsv")
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    for code in ["NATO", "EU", "CSTO", "ECOWAS", "ICC", "WST", "UNO", "AU", "ASEAN", "AES", "G7", "BRICS"]:
        assert code in codes
    aliases = {a: row["code"] for row in rows for a in row["aliases"].split("|") if a}
    assert aliases["UNSC"] == "UNO" and aliases["NATO"] == "NATO"
    assert all(row["type"] in {"igo", "group", "court", "ngo", "region", "militant"} for row in rows)


def test_roles_and_titles_use_cameo_role_codes() -> None:
    roles = read_table("actors/roles.tsv")
    keys = Counter((row["text"], row["start"]) for row in roles)
    assert [k for k, n in keys.items() if n > 1] == []
    for row in roles:
        assert row["role"] in ROLE_CODES or row["role"] == "-", row
        assert row["country"] == "" or row["country"] in CODES, row
        assert row["case"] in ("", "any", "exact") and row["context"] in ("0", "1")
    titles = read_table("actors/titles.tsv")
    assert len({row["title"] for row in titles}) == len(titles)
    for row in titles:
        assert row["role"] in ROLE_CODES and 1 <= int(row["rank"]) <= 6
        assert row["office"] == "" or row["office"] in OFFICES


def test_leaders_rows_are_valid() -> None:
    rows = read_table("actors/leaders.tsv")
    assert len(rows) >= 400
    keys = Counter((row["name"], row["office"], row["start"]) for row in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    for row in rows:
        assert _country_or_org(row["code"]), row
        assert row["office"] in OFFICES, row
        start = date.fromisoformat(row["start"])
        if row["end"]:
            assert start <= date.fromisoformat(row["end"]), row
        assert row["reference"].startswith("https://"), row
        assert row["titles"], row


def test_one_holder_per_office_at_a_time() -> None:
    """Two people holding one office on the same day is a data error (acting and nominal heads excepted)."""
    rows = [r for r in read_table("actors/leaders.tsv") if not any(w in r["note"].lower() for w in ("acting", "nominal"))]
    by_office: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        by_office.setdefault((row["code"], row["office"]), []).append(row)
    overlaps = []
    for (code, office), group in by_office.items():
        group.sort(key=lambda r: r["start"])
        for a, b in pairwise(group):
            if a["name"] != b["name"] and (not a["end"] or a["end"] > b["start"]):
                overlaps.append((code, office, a["name"], b["name"]))
    assert overlaps == []


def test_leaders_cover_the_brief() -> None:
    rows = read_table("actors/leaders.tsv")
    codes = {row["code"][:3] if row["code"][:3] in CODES else row["code"] for row in rows}
    wanted = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA EU AU UKR PRK BLR IRN ISR POL FIN SWE HUN ARM AZE GEO PHL VNM PAK TWN PNG KEN BHR TCD MLI BFA NER MNG NATO UNO"
    assert set(wanted.split()) - codes == set()
    on_seed_day = date(2024, 6, 19)
    current = {
        (r["code"], r["office"]): r["name"]
        for r in rows
        if date.fromisoformat(r["start"]) <= on_seed_day and (not r["end"] or on_seed_day <= date.fromisoformat(r["end"]))
    }
    assert current[("RUSGOV", "head_of_state")] == "Vladimir Putin"
    assert current[("PRKGOV", "head_of_state")] == "Kim Jong-un"
    assert current[("USAGOV", "head_of_state")] == "Joe Biden"
    assert current[("NATO", "secretary_general")] == "Jens Stoltenberg"


def test_territories_are_coded_as_their_state_or_their_own_iso_code() -> None:
    """territories.tsv: a territory without an ISO 3166-1 code is coded as the state it belongs to
    under international law; one with its own code keeps it; no name is also a country or a place."""
    head = [line for line in table_path("actors/territories.tsv").read_text(encoding="utf-8").splitlines()
            if line.startswith("#")]
    text = "\n".join(head).lower()
    assert "source" in text and "last checked:" in text and "iso 3166-1" in text
    rows = read_table("actors/territories.tsv")
    texts = [row["text"].lower() for row in rows]
    assert len(texts) == len(set(texts))
    named = {row["text"].lower() for row in read_table("actors/places.tsv")}
    for row in COUNTRIES:
        named |= {n.lower() for n in [row["name"], *row["aliases"].split("|")] if n}
    assert not set(texts) & named
    own_codes = {"HKG", "MAC"}  # ISO 3166-1 codes of their own, as CAMEO codes them
    for row in rows:
        assert row["code"] in CODES or row["code"] in own_codes, row
        assert row["ambiguous"] in ("0", "1")
    by_text = {row["text"]: row["code"] for row in rows}
    assert (by_text["Crimea"], by_text["Abkhazia"], by_text["Transnistria"], by_text["Nagorno-Karabakh"]) \
        == ("UKR", "GEO", "MDA", "AZE")
