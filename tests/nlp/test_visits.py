"""Visits told only by the place of a joint act, a meeting or a reception (issue 12, item 9):
the host is the state of the place, and only when the place hangs from the act itself. Every
sentence is invented for these tests."""

from __future__ import annotations

from datetime import date

ON = date(2025, 3, 12)


def _visits(code_text, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)
            if e.construction == "event.visit_by_place"}


def test_a_joint_act_in_one_partys_capital_is_the_others_visit(code_text):
    assert _visits(code_text, "Ghana and Togo signed a border pact in Lome on Tuesday.") == {("GHA", "TGO", "042")}
    # the place on the partner's side of the sentence, and a passive with its agents
    assert _visits(code_text, "The accord was signed in Accra by Togo's president and Ghana's president.") \
        == {("TGOGOV", "GHAGOV", "042")}


def test_a_summit_in_a_partys_capital_is_hosted_by_that_party(code_text):
    got = _visits(code_text, "Kenya and Uganda agreed on a new railway during their summit in Kampala.")
    assert got == {("UGA", "KEN", "043")}
    # a meeting noun after a verb of taking part: its subject and its partner are the parties
    assert _visits(code_text, "Ghana's president praised Togo after their summit in Accra.") == {("GHAGOV", "TGO", "043")}
    # held talks are a meeting coded as such: the visit is not coded a second time
    assert _visits(code_text, "Vietnam held a summit with Laos in Hanoi.") == set()


def test_no_host_among_the_parties_or_in_a_clause_is_no_visit(code_text):
    # a third country's capital hosts a meeting of two others: no visit between them is said
    assert _visits(code_text, "Armenia and Azerbaijan signed a peace framework in Washington.") == set()
    # a critic of the summit did not attend it
    assert ("CHN", "JPN", "043") not in _visits(code_text, "China criticised the summit in Tokyo between India and Japan.")
    # a job title or a purpose clause names no host
    assert _visits(code_text, "The Under-Secretary for Asian Affairs attended the meeting to discuss Vietnam.") == set()


def test_a_negated_presence_is_no_visit_and_a_planned_one_an_intent(code_text):
    assert _visits(code_text, "The Brazilian president did not attend the ceremony in Lima.") == set()
    assert _visits(code_text, "The Brazilian president will attend the ceremony in Lima.") == {("BRAGOV", "PER", "036")}


def test_a_visit_told_otherwise_is_not_inferred_again(code_text):
    text = ("The Kenyan president arrived in Kampala on Monday. "
            "Kenya and Uganda signed a railway accord in Kampala on Tuesday.")
    events = code_text(text, ON)
    assert any(e.cameo_code == "042" and e.construction != "event.visit_by_place" for e in events)
    assert not [e for e in events if e.construction == "event.visit_by_place"]


def test_a_visit_from_a_person_is_that_persons_visit(code_text):
    codes = {(e.source, e.target, e.cameo_code) for e in code_text(
        "The state visit from the Dutch king to Indonesia began on Tuesday.", ON)}
    assert ("NLDGOV", "IDN", "042") in codes
    codes = {(e.source, e.target, e.cameo_code) for e in code_text("Protests marked the visit from China's premier to Australia.", ON)}
    assert ("CHNGOV", "AUS", "042") in codes
    codes = {(e.source, e.target, e.cameo_code) for e in code_text(
        "After a visit from the Saudi crown prince, Egypt announced new investments.", ON)}
    assert ("SAUGOV", "EGY", "042") in codes
