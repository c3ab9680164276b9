"""A news outlet reports and comments; it is not the source of a material or diplomatic act nor the
partner of a cooperation. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), dated against ``ON``."""
    return lambda text: code_text(text, ON)


@pytest.mark.parametrize("text", [
    "Russian state media signed a cooperation deal with Belarus.",  # outlet as the signer
    "Iranian state television protested the British decision.",  # an outlet's protest is no demonstration
])
def test_an_outlet_is_no_party(coder, text):
    assert [(e.source, e.target, e.cameo_code) for e in coder(text)
            if "MED" in (e.source[3:6], e.target[3:6])] == []


@pytest.mark.parametrize("text, source, target, code", [
    ("Chinese state media praised the deal with Pakistan.", "CHNMED", "PAK", "051"),  # speech by an outlet
    ("North Korea fired a missile towards South Korean media.", "PRK", "KORMED", "150"),  # force at an outlet
])
def test_what_an_outlet_says_or_suffers_stays(coder, text, source, target, code):
    assert (source, target, code) in {(e.source, e.target, e.cameo_code) for e in coder(text)}


@pytest.mark.parametrize("text, pair", [
    ("The Belarusian president's press service said Minsk signed the accord with Russian state media.",
     ("BLRGOV", "RUS")),  # a partner clause
    ("Minsk held talks with Russian state media on Tuesday.", ("BLRGOV", "RUS")),  # a meeting noun
    ("Ghana agreed to cooperate with Chinese state media on training.", ("GHA", "CHN")),  # an agreed intent
])
def test_an_outlet_partner_gives_way_to_its_country(coder, text, pair):
    events = coder(text)
    assert not any(e.target[3:6] == "MED" and e.cameo_code.startswith(("03", "04", "057", "06", "07", "08"))
                   for e in events)
    assert pair in {(e.source, e.target) for e in events}
