"""Every event, quote and commitment report carries a confidence: its construction's prior times
the factors of its clause status and of how its actors were found (data/grammar/confidence.tsv).
Sentences invented here."""

from __future__ import annotations

import pytest

from pactwatch.data import read_table
from pactwatch.nlp import confidence
from pactwatch.nlp.confidence import READING_NAMES, event_readings, model, quote_readings
from pactwatch.records import DEFAULT_MIN_CONFIDENCE, Article, Event, Mention, Quote


@pytest.fixture(scope="module")
def annotate():
    from pactwatch.nlp.pipeline import Annotator

    annotator = Annotator()
    return lambda text: annotator.annotate(Article(title=None, paragraphs=[text], origin="test"))


def test_table_names_a_default_for_every_family_and_only_known_readings():
    rows = read_table(confidence.TABLE)
    families = {r["family"] for r in rows}
    assert families == {"event", "quote", "commitment"}
    assert all("*" in model().priors[f] for f in families)
    known = set(confidence.CLAUSE_FLAGS) | set(READING_NAMES)
    assert {r["name"] for r in rows if r["kind"] == "factor"} <= known
    assert all(0.0 < float(r["value"]) <= 1.0 and r["measured"] and r["why"] for r in rows)


def test_a_plain_fact_gets_its_constructions_prior(annotate):
    found = annotate("Ghana signed a trade accord with Togo on Monday.")
    event = next(e for e in found.events if e.cameo_code == "057")
    assert event.confidence == model().priors["event"]["event.verb_sense"]
    assert event.confidence_from.startswith("event.verb_sense ")
    report = found.commitments[0]
    assert report.confidence == model().priors["commitment"]["commitment.lifecycle_step"]


@pytest.mark.parametrize("text", [
    "Uruguay protested loudly.",  # a verb with no object
    "The Nigerian army shelled the border villages.",  # an object that is no actor
    "Officials in Lima said Bolivia had condemned the plan.",  # inside a reported clause
])
def test_a_missing_target_is_below_the_default(annotate, text):
    events = [e for e in annotate(text).events if e.target == "---"]
    assert events, text
    assert all(e.confidence < DEFAULT_MIN_CONFIDENCE and "no target" in e.confidence_from for e in events)


@pytest.mark.parametrize("text, readings", [
    ("Chile will sign a fisheries accord with Peru next week.", {"planned"}),  # auxiliary "will"
    ('"We will help Moldova rebuild its grid," the Romanian president said.',
     {"planned", "in_quotation"}),  # inside a quotation
])
def test_clause_status_and_quotation_lower_the_figure(annotate, text, readings):
    found = annotate(text)
    event = found.events[0]
    expected = model().priors["event"]["event.verb_sense"]
    for reading in readings:
        expected *= model().factors["event"][reading]
    assert event.confidence == pytest.approx(expected, abs=0.001)
    assert event.confidence < model().priors["event"]["event.verb_sense"]


def test_a_bare_common_noun_speaker_is_doubted_and_a_named_one_is_not(annotate):
    doubted = annotate('"Talks will resume in May," the commission said.').quotes[0]
    named = annotate('"Talks will resume in May," the Kenyan foreign minister said.').quotes[0]
    assert "speaker is a common noun" in doubted.confidence_from
    assert doubted.confidence < DEFAULT_MIN_CONFIDENCE <= named.confidence


def test_readings_from_how_the_actors_were_found():
    sentence = "Russian state media said Minsk praised the pact."
    minsk = Mention(25, 30, "Minsk", "BLRGOV", "capital", "table")
    russia = Mention(0, 7, "Russian", "RUS", "country", "table")
    event = Event("RUSMED", "BLRGOV", "051", "05", 1, 3.4, None, sentence, 0, len(sentence), "verb:praise",
                  construction="event.verb_sense", clause="fact")
    assert event_readings(event, [russia, minsk], []) == ["actor_finer_than_named"]
    exact = Mention(0, 18, "Russian state media", "RUSMED", "description", "table")
    assert event_readings(event, [exact, minsk], []) == []
    quoted = Quote(sentence, 0, len(sentence), "Lavrov", "RUSGOV", "say")
    assert "in_quotation" in event_readings(event, [exact, minsk], [quoted])
    assert quote_readings(Quote("We agree.", 1, 10, None, None, None)) == ["no_speaker"]
    assert quote_readings(Quote("We agree.", 1, 10, "others", None, "say", clause="negated")) == \
        ["negated", "common_noun_speaker"]


def test_an_unlisted_construction_takes_its_familys_default_and_a_prefix_row_covers_fallbacks():
    assert model().prior("event", "event.some_new_row") == ("event.some_new_row", model().priors["event"]["*"])
    name, value = model().prior("quote", "quote.fallback.dash_signature")
    assert value == model().priors["quote"]["quote.fallback.*"]
