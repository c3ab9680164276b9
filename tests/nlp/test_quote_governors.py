"""Which cue a quotation belongs to when several speech verbs are near it (issue 12 items 3, 4,
11, 12), on invented sentences of different shapes."""

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
    # a comparison clause with its own speech verb after the quote
    ("Only 40 percent of the delegates at the summit in Vienna insisted that the new treaty was "
     "\"worth the paper it is written on,\" while observers said the opposite.", "Only 40 percent of the delegates"),
    # a concessive clause, the quote's speaker named in apposition far before it
    ("The chairman of the commission, Ilse Horn, argued in her report on the flooding that the dams were "
     "\"a disaster waiting to happen,\" though engineers said otherwise.", "Ilse Horn"),
    # a coordinated clause whose speaker is nearer than the quote's own
    ("Ambassador Mira Kovac told journalists at a briefing in Geneva on Thursday that the negotiations over "
     "the disputed river had \"reached a dead end,\" but the mediator Tomas Brenner insisted that progress "
     "was still possible.", "Mira Kovac"),
    # a temporal clause naming another person's act after the quote
    ("The defence minister of Peru, Ana Ruiz, spoke first. Critics of the plan said that it was "
     "\"a gift to the arms lobby\" when the minister announced it.", "Critics of the plan"),
])
def test_the_verb_whose_content_holds_the_quote_reports_it(annotator, text, speaker):
    assert speakers(annotator, text)[-1][0] == speaker


def test_a_cue_that_introduces_the_quote_with_a_comma_keeps_it(annotator):
    # the participle introduces the words ('X saying during the parade, "…"') even when the parser
    # hangs the quotation from the verb of the sentence
    text = "The report ends with footage of the rebels chanting at a rally, \"The hills are ours,\" as night fell."
    assert speakers(annotator, text)[-1][0] != "report"


@pytest.mark.parametrize("text,speaker", [
    # a recording of a named person speaking, the participle hung from the recording
    ("The speech concluded with a clip of General Omar Haddad saying at the parade, "
     "\"We will never retreat from these hills.\"", "Omar Haddad"),
    # the same, the participle hung from the verb that shows the recording (no comma before it)
    ("The opposition posted a clip of the finance minister saying, \"Nobody in this country will pay "
     "more tax.\"", "finance minister"),
    # the object of a verb of showing, with the participle as its complement
    ("The new advert uses footage of Governor Lina Park asking, \"Where were you last winter?\"", "Lina Park"),
])
def test_a_speech_participle_speaks_for_the_noun_it_describes(annotator, text, speaker):
    assert speakers(annotator, text)[-1][0].endswith(speaker)


@pytest.mark.parametrize("text,speaker", [
    # a comma before the participle: the subject of the sentence speaks, not the recorded people
    ("The police released a video of the protesters, saying they had attacked officers with "
     "\"bricks and bottles\".", "police"),
    # people thanked, not recorded: the thanking subject speaks
    ("The Chilean defence minister thanked the soldiers saying \"you are the pride of this nation\".",
     "Chilean defence minister"),
])
def test_a_participle_after_the_object_is_still_the_subjects(annotator, text, speaker):
    assert speakers(annotator, text)[-1][0] == speaker


def test_a_purpose_infinitive_is_not_the_object_speaking(annotator):
    # 'summoned the ambassador to protest': the ministry protests, not the ambassador
    text = ("The Chilean Foreign Ministry summoned the Peruvian ambassador, Jorge Salas, to protest "
            "\"a grave breach of our waters\".")
    assert speakers(annotator, text)[-1][0] != "Jorge Salas"
