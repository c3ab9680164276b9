"""Which demand an act stands for when one party demands or expects it of another
(data/lexicon/demanded_acts.tsv, read by both event.obligation and event.awaited_compliance): the
demanded verb decides, and for an ending its object: the end of armed engagement is a demand for
de-escalation (1056), the end of anything else a demand for policy change (1042). Sentences
invented here."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.data import read_table
from pactwatch.nlp.demanded_acts import TABLE
from pactwatch.nlp.event_lexicon import EventLexicon
from pactwatch.nlp.grammar.words import words

ON = date(2025, 5, 6)


@pytest.fixture
def demands(code_text):
    return lambda text: {(e.source[:3], e.target[:3], e.cameo_code) for e in code_text(text, ON)
                         if e.cameo_code.startswith("10")}


@pytest.mark.parametrize("text, source, target", [
    ("Ukraine said Russia must end its offensive in the east.", "UKR", "RUS"),  # noun object
    ('"Israel must stop the shelling of Gaza," the Egyptian foreign minister said.', "EGY", "ISR"),  # quoted
    ("Kenya said Somalia must stop attacking border posts.", "KEN", "SOM"),  # gerund
    ("Qatar expects Israel to end its military operations in Gaza.", "QAT", "ISR"),  # expected; modifier
    ("Jordan said Israel must cease fire at once.", "JOR", "ISR"),  # 'cease fire'
])
def test_the_end_of_armed_engagement_is_a_demand_for_de_escalation(demands, text, source, target):
    assert (source, target, "1056") in demands(text)


@pytest.mark.parametrize("text, source, target", [
    ("Ankara must end its probe into the two reporters, the Swedish minister said.", "SWE", "TUR"),
    ("Brazil expects Venezuela to end the expulsions of its diplomats.", "BRA", "VEN"),  # expected
    ("Mexico said the United States must stop the deportations.", "MEX", "USA"),
])
def test_the_end_of_anything_else_is_a_demand_for_policy_change(demands, text, source, target):
    coded = demands(text)
    assert (source, target, "1042") in coded
    assert not any(c == "1056" for _, _, c in coded)


def test_the_other_demanded_acts_keep_their_codes(demands):
    assert ("DEU", "RUS", "106") in demands("Germany said Russia must withdraw its troops from Ukraine.")
    assert ("USA", "IRN", "1053") in demands("The United States said Iran must release the detained sailors.")
    assert ("ESP", "MAR", "100") in demands("Spain is still waiting for Morocco to honour the fisheries deal.")


def test_every_row_is_a_demand_with_a_known_object_class_and_comes_before_its_fallback():
    codes = EventLexicon.load().codes
    seen: dict[str, bool] = {}  # lemma -> whether a row without an object was met
    for row in read_table(TABLE):
        assert row["code"] in codes and row["code"].startswith("10") and len(row["why"]) > 20, row
        if row["object"]:
            assert row["object"].startswith("@") and words(row["object"][1:]), row
        for lemma in row["lemmas"].split("|"):
            assert not seen.get(lemma), f"{lemma}: a row with an object after its fallback is never reached"
            seen[lemma] = seen.get(lemma, False) or not row["object"]
