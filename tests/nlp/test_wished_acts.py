"""An act asked for, permitted or made possible is not done: the complement of a verb of asking or
permitting ('requested that Y deploy', 'allowed Y to join') and a 'for X to do' infinitive ('cleared
the way for Y to join', 'easier for X to help') are merely possible clauses (the shared clause
status), so neither their verb nor a noun they govern codes; the asking itself stays an appeal, aimed
at the one asked. Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), dated against ``ON``."""
    return lambda text: {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}


@pytest.mark.parametrize("text, not_done, appeal", [
    # a "that" clause of a request verb
    ("During the summit, Tokayev requested that Moscow station more troops in Kazakhstan.", "15", None),
    # the same, with the appeal's own target
    ("Poland asked that the United States deploy more soldiers on its soil.", "15", ("POL", "USA")),
    # inside a quotation
    ('"We have proposed that Ruritania withdraw its forces from the border," the Serbian minister said.', "08",
     None),
])
def test_an_act_asked_for_is_not_done(coder, text, not_done, appeal):
    events = coder(text)
    assert not any(code.startswith(not_done) for _, _, code in events), events
    if appeal is not None:
        assert any((s[:3], t[:3]) == appeal and code.startswith("02") for s, t, code in events), events


@pytest.mark.parametrize("text", [
    "The Senate passed a bill to allow Georgia to join NATO.",  # permission, infinitive with a subject
    "The Turkish parliament voted to let Sweden enter the alliance.",  # 'let'
    "The vote cleared the way for Tbilisi to join the alliance.",  # a prospect noun
    "The treaty makes it easier for Georgia to join the bloc.",  # an adjective of possibility
])
def test_a_permitted_or_possible_act_is_not_done(coder, text):
    events = coder(text)
    assert not any(code == "057" and s[:3] in ("GEO", "SWE") for s, _, code in events), events


@pytest.mark.parametrize("text, event", [
    ("Georgia joined NATO on Monday.", ("GEO", "NATO", "057")),  # the act itself
    ("The United States deployed more soldiers in Poland.", ("USA", "POL", "154")),
])
def test_the_act_done_stays(coder, text, event):
    assert any((s[:3], t[:4], c) == (event[0], event[1][:4], event[2]) or (s[:3], t[:3], c[:2]) ==
               (event[0], event[1][:3], event[2][:2]) for s, t, c in coder(text)), coder(text)


@pytest.mark.parametrize("text, not_done", [
    ("It will make it easier for Australia to help Papua New Guinea.", "07"),  # 'easier for X to'
    ("It is vital for Kenya to send troops to Haiti.", "07"),  # a judgement
    ("Washington pushed for Seoul to impose sanctions on Pyongyang.", "16"),  # a noun under the wished verb
    ("Poland asked that the United States impose sanctions on Iran.", "16"),  # the same under 'asked that'
])
def test_a_for_infinitive_or_asked_clause_codes_nothing(coder, text, not_done):
    events = coder(text)
    assert not any(code.startswith(not_done) for _, _, code in events), events


def test_the_clause_status_says_possible(code_text):
    from pactwatch.nlp.grammar.clauses import clause_of
    from pactwatch.nlp.pipeline import load_spacy

    doc = load_spacy()("Poland asked that the United States deploy more soldiers, and it did.")
    deploy = next(t for t in doc if t.lower_ == "deploy")
    assert clause_of(deploy).wished and clause_of(deploy).state == "unreal"
    asked = next(t for t in doc if t.lower_ == "asked")
    assert clause_of(asked).state == "fact"


@pytest.mark.parametrize("text, root", [
    ("The clashes prompted the cancellation of Sudan President Omar al-Bashir's visit to Juba.", "04"),
    ("Seoul announced the postponement of its talks with Tokyo.", "04"),  # a planned meeting put off
    ('"The cancellation of Macron\'s visit to Algiers is regrettable," the French envoy said.', "04"),  # quoted
])
def test_an_act_called_off_is_not_done(coder, text, root):
    assert not any(code.startswith(root) for _, _, code in coder(text)), coder(text)


def test_the_act_that_went_ahead_stays(coder):
    events = coder("The Sudanese president's visit to Juba went ahead.")
    assert any(s[:3] == "SDN" and t[:3] == "SSD" and c == "042" for s, t, c in events), events


def test_the_end_of_an_act_is_no_calling_off(coder):
    """"at the end of an official visit": the visit took place."""
    events = coder("The French foreign minister left Chad at the end of an official visit.")
    assert any(s[:3] == "FRA" and t[:3] == "TCD" and c == "042" for s, t, c in events), events
