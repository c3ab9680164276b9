"""Speakers matched as people and bodies (GOLD.md), on invented pairs; and the store's speaker
filter using the same resolution."""

from __future__ import annotations

import pytest

from pactwatch.eval.gold import PRF, legacy_speaker_matches, score_quotes, speaker_matches
from pactwatch.names import read_speaker, speaker_search_forms
from pactwatch.records import Quote


@pytest.mark.parametrize("predicted, gold", [
    ("Zelenskyy", "Volodymyr Zelensky"),  # an alias in leaders.tsv
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
    ("Michael Pompeo", "Mike Pompeo"),  # given-name short form
    ("Colonel Abdoulaye Maiga", "Abdoulaye Maiga"),  # a rank dropped
    ("Maiga", "Abdoulaye Maiga"),  # a surname alone
    ("King Charles III", "Charles"),  # title and regnal number dropped
    ("Mr Okonkwo Adeyemi", "Okonkwo Adeyemi"),
    ("Polish Prime Minister Donald Tusk", "Donald Tusk"),
    ("Japanese Defence Ministry", "Japanese Ministry of Defense"),
    ("MoD", "Defence Ministry"),
    ("Foreign Ministry", "Ministry of Foreign Affairs"),
    ("Ministry of Foreign Affairs of Japan", "Japan's Foreign Ministry"),
    ("Government of Mexico", "Mexican government"),
    ("US official", "unnamed US officials"),
    ("a senior US official", "US official"),
    ("unnamed French diplomatic source", "French diplomatic source"),
    ("Kim Jong Un", "Kim Jong-un"),
    ("NATO", "North Atlantic Treaty Organization"),  # the same organisation in organisations.tsv
    ("Chief Observer Ana Ruiz", "Ana Ruiz"),  # the full name after words no table knows as a title
    ("Chilean presidency", "Chilean presidential office"),
    ("this military source", "unnamed Peruvian military source"),  # a source named before
    ("Asian diplomatic source", "unnamed Asian diplomatic source"),
])
def test_same_person_or_body(predicted, gold):
    assert speaker_matches(predicted, gold)
    assert speaker_matches(gold, predicted)


@pytest.mark.parametrize("predicted, gold", [
    ("Charles Michel", "King Charles III"),  # two listed leaders: a shared given name is not enough
    ("Dmitry Peskov", "Vladimir Putin"),
    ("the ministry", "Japanese Foreign Ministry"),  # a bare common noun names no body
    ("commission", "ECOWAS Commission"),
    ("Foreign Ministry", "Defence Ministry"),
    ("Japanese Foreign Ministry", "Chinese Foreign Ministry"),
    ("Russian officials", "US officials"),
    ("US official", "US State Department"),  # an anonymous source is not the body
    ("same source", "unnamed Peruvian military source"),
    ("Ana Ruiz", "Chief Observer Ana Ortega"),
    (None, "Vladimir Putin"),
])
def test_different_speakers(predicted, gold):
    assert not speaker_matches(predicted, gold)


def test_legacy_rule_is_kept_for_comparison():
    assert not legacy_speaker_matches("Zelenskyy", "Volodymyr Zelensky")
    assert legacy_speaker_matches("Putin", "Vladimir Putin")


def test_speaker_reading_separates_country_and_body():
    s = read_speaker("the Japanese Ministry of Defence")
    assert (s.country, s.words, s.body) == ("JPN", ("defense", "ministry"), True)
    assert read_speaker("two unnamed officials").anonymous


def test_quote_scoring_uses_the_person_rule():
    gold = [{"speaker": "Volodymyr Zelensky", "text_start": "We will never give up our land"}]
    predicted = [Quote(text="We will never give up our land, ever", start=0, end=36, speaker="Zelenskyy",
                       speaker_actor="UKRGOV", cue="say")]
    assert score_quotes(gold, predicted)["prf"] == PRF(1, 1, 1)
    assert score_quotes(gold, predicted, legacy_speaker_matches)["prf"] == PRF(0, 1, 1)


def test_search_forms_expand_spellings():
    forms = speaker_search_forms("Zelenskyy")
    assert forms[0] == "zelenskyy"
    assert "zelensky" in forms and "volodymyr zelensky" in forms
    assert "michael pompeo" in speaker_search_forms("Mike Pompeo")
    assert all(len(f.replace(" ", "")) >= 4 for f in speaker_search_forms("Defence Ministry")[1:])


def test_quotes_speaker_filter_finds_other_spellings(db):
    from datetime import datetime

    from pactwatch.records import Annotation, Article
    from pactwatch.store.articles import save_article
    from pactwatch.store.quotes import list_quotes

    body = "\u201cWe stand firm,\u201d Zelensky said. \u201cTalks go on,\u201d Pompeo said."
    article = Article(title="Invented", paragraphs=[body], origin="test", language="en",
                      published=datetime(2025, 1, 2))
    annotation = Annotation(quotes=[
        Quote(text="We stand firm,", start=1, end=15, speaker="Volodymyr Zelensky", speaker_actor="UKRGOV", cue="say"),
        Quote(text="Talks go on,", start=35, end=47, speaker="Mike Pompeo", speaker_actor="USAGOV", cue="say")])
    save_article(db, article, annotation)
    assert [q["speaker"] for q in list_quotes(db, speaker="Zelenskyy")] == ["Volodymyr Zelensky"]
    assert [q["speaker"] for q in list_quotes(db, speaker="Michael Pompeo")] == ["Mike Pompeo"]
    assert list_quotes(db, speaker="Lavrov") == []
