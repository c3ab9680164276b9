"""Issue 12 item 6, events: a suspension, freeze, termination or pullout told as a noun about an
agreement is a reduction of relations (CAMEO 161) by the owner towards the other party, never a
military retreat (sentences invented for these tests)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code():
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import Annotator

    annotator = Annotator()

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = annotator.nlp(text)
        events = code_events(doc, find_mentions(doc, annotator.actor_tables, None), annotator.event_lexicon, None)
        return {(e.source, e.target, e.cameo_code) for e in events}

    return run


@pytest.mark.parametrize("text,event", [
    ("Moldova announced the suspension of the accord with Romania on Tuesday.", ("MDA", "ROU", "161")),
    ("Poland completed its pullout from the arms deal with Ukraine on Monday.", ("POL", "UKR", "161")),
    ("Serbia announced a freeze of its defence agreement with Hungary.", ("SRB", "HUN", "161")),
    ("Ghana ordered the termination of the security pact with Togo.", ("GHA", "TGO", "161")),
    ("Niger finalized its exit from the security pact with Benin on Monday.", ("NER", "BEN", "161")),
])
def test_an_agreement_ended_or_paused_as_a_noun_is_161(code, text, event):
    got = code(text)
    assert event in got
    assert not any(c.startswith("087") for _, _, c in got)  # leaving a deal is no military retreat


def test_a_pullout_of_troops_is_still_a_retreat(code):
    assert any(c == "0874" for _, _, c in code("Russia announced the pullout of its troops from Moldova."))


def test_not_an_exit_only_a_pause_codes_no_reduction(code):
    got = code("\"This is not an exit, only a pause,\" the Armenian prime minister said of the CSTO membership.")
    assert not any(c.startswith("16") for _, _, c in got)
