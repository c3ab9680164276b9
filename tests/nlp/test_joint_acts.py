"""A joint act (a signing, a meeting, talks, an agreed intent) is one event: coded once, from the
first-named party to each other party; a mutual pledge ("help each other") is two pledges, one
each way. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2024, 6, 19)


@pytest.fixture(scope="module")
def coder(code_text):
    return lambda text: code_text(text, ON)


def pairs(events, root: str):
    return [(e.source[:3], e.target[:3]) for e in events if e.root_code == root]


@pytest.mark.parametrize("text, first, second, root", [
    ("Chile and Peru signed a fisheries accord on Monday.", "CHL", "PER", "05"),  # compound subject, verb
    ("The accord was signed by Peru and Chile in Lima.", "PER", "CHL", "05"),  # passive, agents
    ("Ghana and Togo agreed to cooperate on border security.", "GHA", "TGO", "03"),  # intent
    ('"Kenya and Uganda held talks today," the minister said.', "KEN", "UGA", "04"),  # in a quotation
])
def test_joint_act_is_coded_once_from_the_first_named_party(coder, text, first, second, root):
    found = pairs(coder(text), root)
    assert (first, second) in found
    assert (second, first) not in found


def test_three_way_signing_is_coded_from_the_first_named_party(coder):
    found = pairs(coder("Mali, Niger and Chad signed a treaty on a joint force on Saturday."), "05")
    assert sorted(found) == [("MLI", "NER"), ("MLI", "TCD")]


@pytest.mark.parametrize("text, a, b", [
    ("Chile and Peru agreed to help each other in a crisis.", "CHL", "PER"),
    ("Under the pact, Ghana and Togo pledged to defend one another.", "GHA", "TGO"),
    ('"Kenya and Uganda will support each other," the minister said.', "KEN", "UGA"),
])
def test_mutual_pledge_is_coded_both_ways(coder, text, a, b):
    found = pairs(coder(text), "03")
    assert (a, b) in found and (b, a) in found
