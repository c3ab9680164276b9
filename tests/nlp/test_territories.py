"""Disputed, occupied and breakaway territories (data/actors/territories.tsv) are parties as their
state under international law, and only where a place acts or is acted on. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    return lambda text: {(e.source, e.target, e.cameo_code[:2]) for e in code_text(text, ON)}


@pytest.mark.parametrize("text, event", [
    ("Moscow's forces shelled Luhansk again on Friday.", ("RUSMIL", "UKR", "19")),  # object of force
    ("South Ossetia was occupied by Russian troops in 2008.", ("RUSMIL", "GEO", "19")),  # passive subject (192)
    ('"Russia wants to annex Transnistria," the Moldovan president said.', ("RUS", "MDA", "13")),  # quoted, planned
    ("Israel annexed the Golan Heights in 1981.", ("ISR", "SYR", "19")),
])
def test_a_territory_is_its_state(coder, text, event):
    assert event in coder(text)


def test_a_territorys_separatists_take_its_states_code_with_their_role(code_text):
    events = code_text("Abkhazia separatists attacked Georgian police posts.", ON)
    assert ("GEOSEP", "GEOCOP") in {(e.source, e.target) for e in events if e.cameo_code[:2] in ("18", "19")}


def test_a_territory_as_the_place_of_an_act_is_no_party(code_text):
    events = code_text("Russia held naval drills in Crimea on Tuesday.", ON)
    assert not any(e.target == "UKR" for e in events)
