"""A mutual undertaking stated in the simple present is how an alliance stands, not an act; the
same words placed in time (agreed, will) are acts, coded both ways. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), dated against ``ON``."""
    return lambda text: code_text(text, ON)


@pytest.mark.parametrize("text", [
    "Kenya and Uganda commit to defend each other against any aggression.",  # intent verb + infinitive
    "Serbia and Hungary support each other in every international forum.",  # the act verb itself
    "The treaty, which obliges Chile and Peru to assist each other, was signed in Lima.",  # relative clause
    "Belarus and Russia closely cooperate and provide assistance to one another.",  # coordinated verbs
])
def test_a_standing_mutual_undertaking_is_no_event(coder, text):
    codes = {e.cameo_code for e in coder(text)}
    assert not codes & {"033", "051", "060", "070", "071", "030", "032"}, codes


@pytest.mark.parametrize("text, code", [
    ("Kenya and Uganda agreed to defend each other.", "033"),
    ("Kenya and Uganda will help each other.", "033"),
])
def test_a_mutual_undertaking_placed_in_time_is_two_acts(coder, text, code):
    pairs = {(e.source, e.target) for e in coder(text) if e.cameo_code == code}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}
