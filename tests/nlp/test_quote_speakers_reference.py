"""Quote speakers through the reference component, relays and quoted names (issue 12 items 3, 4, 12),
on invented sentences of different shapes."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def annotator():
    from pactwatch.nlp.pipeline import Annotator

    return Annotator()


def speakers(annotator, text):
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.quotes import extract_quotes

    doc = annotator.nlp(text)
    return [(q.speaker, q.text) for q in extract_quotes(doc, find_mentions(doc, annotator.actor_tables, None))]


@pytest.mark.parametrize("text,speaker", [
    # a generic noun after the body is named: never the bare noun
    ("The Kenyan Foreign Ministry issued a note on Monday. \"We reject these claims,\" the ministry wrote.",
     "Kenyan Foreign Ministry"),
    # a document: whoever issued it
    ("The Japanese Defence Ministry released a report on Friday. \"The threat has never been greater,\" "
     "the report says.", "Japanese Defence Ministry"),
    # "a post" after a body published one
    ("The ministry of foreign affairs of Ruritania published a post. \"We will respond,\" a post said.",
     "ministry of foreign affairs of Ruritania"),
    # "It added that ...": the body that spoke, not a state named inside its words
    ("The Kenyan Foreign Ministry said on Monday that \"Somalia has no claim here\". "
     "It added that \"the envoy will stay in Nairobi\".", "Kenyan Foreign Ministry"),
])
def test_generic_noun_or_it_speaks_for_the_body_named_before(annotator, text, speaker):
    found = speakers(annotator, text)
    assert found and found[-1][0] == speaker


def test_after_a_told_b_he_said_is_a(annotator):
    text = ("President Emmanuel Macron told Chancellor Olaf Scholz that the plan was dead. "
            "\"We need a new start,\" he said.")
    assert speakers(annotator, text)[-1][0] == "Emmanuel Macron"


def test_she_is_the_woman_named_before_not_the_nearer_man(annotator):
    text = ("Foreign Minister Retno Marsudi met Mr. Pieter Brandt in Jakarta. Afterwards she spoke to reporters. "
            "\"Our position has not changed,\" she said.")
    assert speakers(annotator, text)[-1][0] != "Pieter Brandt"


def test_two_people_who_share_a_surname_are_not_merged(annotator):
    text = ("Kim Jong-un inspected the launch site. His sister Kim Yo-jong later warned Seoul. "
            "\"The drills will cost them dearly,\" Kim said.")
    assert speakers(annotator, text)[-1][0] == "Kim Yo-jong"


@pytest.mark.parametrize("text", [
    "Putin said the treaty, called the \"Comprehensive Strategic Partnership\", would hold.",
    "The minister said the new doctrine, known as \"active deterrence without limits\", would guide the army.",
    "Officials said the drills, code-named \"northern shield of the republic\", would last a week.",
    "Lavrov said the so-called \"rules-based order\" was a Western invention.",
])
def test_quoted_names_and_terms_are_not_quotations(annotator, text):
    assert speakers(annotator, text) == []


def test_what_a_speaker_called_something_is_still_their_words(annotator):
    text = "Minister Ivo Brandt rejected what he called \"a campaign of lies against our country\"."
    assert [s for s, _ in speakers(annotator, text)] == ["Ivo Brandt"]
