"""Who an act is aimed at, where the reading used to take the wrong party or invent a missing one:
the one asked, not whom the asked act concerns ('urged X to arrest Y'); no missing target ('---')
for an act aimed at the source's own country ('accused the government'); halted talks coded from
the halter only, even when the other party comes from context. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), as (source, target, code) triples."""
    return lambda text: {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}


@pytest.mark.parametrize("text, asked, concerned", [
    ("Ukraine has urged Mongolia to arrest Putin.", "MNG", "RUS"),  # object + infinitive
    ("Japan called on Seoul to release the Chinese sailors.", "KOR", "CHN"),  # 'call on' + infinitive
    ('"We asked Ankara to hand the suspects over to Greece," the Cypriot minister said.', "TUR", "GRC"),  # quoted
])
def test_the_one_asked_is_the_target(coder, text, asked, concerned):
    appeals = {(s[:3], t[:3]) for s, t, c in coder(text) if c.startswith("02")}
    assert any(t == asked for _, t in appeals), appeals
    assert not any(t == concerned for _, t in appeals), appeals


def test_an_infinitive_with_no_one_asked_keeps_its_object(coder):
    assert ("KEN", "UGA", "036") in coder("Kenya agreed to meet Uganda.")


@pytest.mark.parametrize("text", [
    "The Georgian president accused the government of a coup.",  # verb and object
    "The Nigerian opposition condemned the government in Abuja.",  # a place that is not a target
    "Kenyan activists accused the Kenyan police of torture.",  # a role of the same country
])
def test_an_act_aimed_at_the_own_country_has_no_missing_target(coder, text):
    assert not any(t == "---" for _, t, _ in coder(text)), coder(text)


def test_an_act_aimed_abroad_stays(coder):
    assert ("GEOGOV", "RUS", "112") in coder("Georgia's president accused Russia of meddling.")


@pytest.mark.parametrize("text, halter, other", [
    ("Georgia said it would freeze its bid to join the European Union. "
     "As a result, Brussels has put accession talks on hold.", "EU", "GEO"),  # noun, other party from context
    ("Serbia recognised the breakaway region on Monday. "
     "In response, the European Union put the membership talks on hold.", "EU", "SRB"),
])
def test_halted_talks_are_the_halters_act(coder, text, halter, other):
    halts = {(s[:3] if s[:2] != "EU" else s, t[:3] if t[:2] != "EU" else t) for s, t, c in coder(text) if c == "164"}
    assert (halter, other) in halts, halts
    assert (other, halter) not in halts, halts
