"""A standing relation in the simple-present passive ('are backed by Iran') and what a party
'remains' ('remained committed to finding a negotiated solution') describe how things stand, not an
act of the day; the same verbs placed in time stay acts. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), as (source, target, code) triples."""
    return lambda text: {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}


@pytest.mark.parametrize("text, pair", [
    ("The Houthi rebels are backed by Iran.", ("IRN", "YEM")),  # simple-present passive
    ("Ukraine is supported by Poland.", ("POL", "UKR")),  # another verb of the class
    ("The Houthi rebels, who are backed by Iran, control Sanaa.", ("IRN", "YEM")),  # in a relative clause
])
def test_a_standing_relation_is_no_event(coder, text, pair):
    assert not any((s[:3], t[:3]) == pair for s, t, _ in coder(text)), coder(text)


@pytest.mark.parametrize("text, event", [
    ("Iran backed the Houthi rebels in 2015.", ("IRN", "YEMREB", "051")),  # active, past
    ("The Houthi rebels were backed by Iran last year.", ("IRN", "YEMREB", "051")),  # past passive
    ("Poland supported Ukraine.", ("POL", "UKR", "051")),
])
def test_the_same_relation_placed_in_time_stays(coder, text, event):
    assert event in coder(text)


@pytest.mark.parametrize("text, root", [
    ("ECOWAS remained committed to finding a negotiated solution with Niger.", "04"),  # noun under 'remained'
    ("Kenya remains ready to send troops to Haiti.", "03"),  # planned act under 'remains'
    ('"Japan will stay ready to help the Philippines," the Japanese minister said.', "03"),  # quoted, 'stay'
])
def test_what_a_party_remains_is_no_event(coder, text, root):
    assert not any(c.startswith(root) for _, _, c in coder(text)), coder(text)


def test_readiness_not_said_to_remain_stays(coder):
    assert any(c.startswith("03") for _, _, c in coder("Kenya is ready to send troops to Haiti."))
