"""The shared clause status (``token._.clause``), on invented sentences of different shapes."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


def status(nlp, text, word):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return token._.clause


def test_component_is_registered_with_what_it_needs_and_gives(nlp):
    from pactwatch.nlp.pipeline import SHARED_COMPONENTS

    assert set(SHARED_COMPONENTS) <= set(nlp.pipe_names)
    meta = nlp.get_pipe_meta("pactwatch_clauses")
    assert "token._.clause" in meta.assigns and "token.dep" in meta.requires


@pytest.mark.parametrize("text,word,state,flags", [
    ("Chile signed the treaty on Monday.", "signed", "fact", "fact"),
    ("Chile did not sign the treaty.", "sign", "negated", "negated"),
    ("Peru refused to sign the accord.", "sign", "negated", "negated"),
    ("If Iran attacks, Israel will respond.", "attacks", "unreal", "conditional"),
    ("Ghana could send troops to Mali.", "send", "unreal", "modal"),
    ("Norway will host the talks next week.", "host", "future", "planned"),
    ("Kenya plans to open an embassy in Seoul.", "open", "future", "planned"),
])
def test_clause_states(nlp, text, word, state, flags):
    clause = status(nlp, text, word)
    assert clause.state == state
    assert clause.describe() == flags


def test_reported_clause_names_its_reporter_and_stays_a_fact(nlp):
    doc = nlp("Officials said Syria attacked the border post.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert attacked._.clause.state == "fact"
    assert doc[attacked._.clause.reported_by].text == "said"


def test_question_is_interrogative(nlp):
    assert status(nlp, "Will Egypt join the alliance?", "join").interrogative
    assert not status(nlp, "Egypt will join the alliance.", "join").interrogative


def test_component_stores_every_verb_when_it_runs(nlp):
    doc = nlp("Hungary would not ratify the accession unless Sweden changed course.")
    stored = doc.user_data["pactwatch.clauses"]
    assert {t.i for t in doc if t.pos_ in ("VERB", "AUX")} <= set(stored)
    assert stored[next(t.i for t in doc if t.text == "ratify")].negated
    assert stored[next(t.i for t in doc if t.text == "changed")].conditional
