"""Events carried by speech (issue 12 items 1, 2, 5, 11): what the reporter's words do to the
party they are about, and who acts in a passive the reporter tells. The constructions' own
examples live in data/grammar/events.jsonl (tests/nlp/test_grammar.py); these are the parts that
are not one row: the lexicon's stated-intent rows, 'according to' as the reporter, an added
accusation next to the act itself, the reporter never taken for an origin. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture(scope="module")
def coder(code_text):
    return lambda text: sorted((e.source, e.target, e.cameo_code) for e in code_text(text, ON))


@pytest.mark.parametrize("text, expected", [
    # stated intent inside a said-that clause, a quotation, and as a plain plan
    ("Chad will continue to maintain constructive relations with France, he added.", [("TCD", "FRA", "032")]),
    ('"We will deepen our cooperation with Vietnam," Putin said.', [("RUSGOV", "VNM", "032")]),
    ("Japan and India plan to expand their partnership.", [("JPN", "IND", "032")]),
])
def test_building_ties_up_stated_as_a_plan_is_intent(coder, text, expected):
    assert coder(text) == expected


@pytest.mark.parametrize("text", [
    "Hungary and Slovakia have strengthened their ties.",  # done: a lasting state, not an event
    "India has maintained its close ties with Moscow since 2022.",
])
def test_ties_built_up_as_a_fact_are_no_event(coder, text):
    assert [e for e in coder(text) if e[2].startswith(("03", "05"))] == []


def test_according_to_names_the_reporter(coder):
    assert coder("According to Ukraine's foreign ministry, Russian troops allegedly used chemical weapons.") == [
        ("UKRGOV", "RUSMIL", "112")]


def test_an_accusation_adds_to_the_act_it_reports(coder):
    # the reporter's accusation and the breach itself: two events, not one instead of the other
    assert coder("The truce was broken by Hamas, the Israeli army said.") == [
        ("ISRMIL", "PSEREB", "112"), ("PSEREB", "ISRMIL", "196")]


@pytest.mark.parametrize("text, expected", [
    ("A rocket was fired from Lebanon into northern Israel, the Israeli army said.", [("LBN", "ISR", "194")]),
    ('"Two missiles were launched from Yemen towards Saudi Arabia," the coalition said.', [("YEM", "SAU", "150")]),
])
def test_the_reporter_of_a_passive_is_not_its_origin(coder, text, expected):
    got = coder(text)
    assert got == expected
    assert not any(source.startswith("ISR") or source.startswith("SAU") for source, _, _ in got)


@pytest.mark.parametrize("text", [
    "Finland said Russia has not violated its airspace.",  # negated claim
    "Canada said Venezuela might fail to honour the agreement.",  # merely possible
    "Russia allegedly used chemical weapons in Syria.",  # nobody reports it
    "Japan will not hesitate to help Ukraine.",  # litotes of help, not of force
    "Iran promised not to retaliate against Israel.",  # a promise not to
])
def test_no_stance_event_without_a_reported_fact_or_threat(coder, text):
    assert [e for e in coder(text) if e[2][:2] in ("11", "13")] == []


@pytest.mark.parametrize("text", [
    "Kenya said the aid workers had worked with the UN refugee agency.",  # an agency, no intelligence service
    "Germany said Russian agents spied on its bases.",  # 'spied on' names the victim, not the sponsor
    "Austria said its army had cooperated with Czech intelligence.",  # a state's own forces: cooperation
])
def test_no_espionage_charge_without_a_sponsor_service_or_with_a_state_doing_it(coder, text):
    assert not [e for e in coder(text) if e[2] == "112"]
