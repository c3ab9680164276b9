"""Cleaning: Unicode/whitespace normalisation, duplicate paragraphs, deterministic language."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect import DetectorFactory

from pactwatch.ingest.clean import LanguageDetector, clean_paragraphs, normalise_text

ENGLISH = (
    "The ministers met on Tuesday and agreed to continue talks on the border question "
    "after a long session that ran late into the evening."
)
GERMAN = (
    "Die Minister trafen sich am Dienstag und vereinbarten, die Gespräche über die Grenzfrage "
    "nach einer langen Sitzung bis in den späten Abend fortzusetzen."
)


def test_nfc_and_whitespace_but_quotes_untouched() -> None:
    decomposed = "Cafe\u0301  \t said\u00a0“yes” and ‘no’ — it's\u200b done"
    cleaned = normalise_text(decomposed)
    assert cleaned == "Café said “yes” and ‘no’ — it's done"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_empty_dropped_and_exact_duplicates_counted() -> None:
    result = clean_paragraphs(["One.", "  ", "Two.", "One.", "One. ", "", "Three."])
    assert result.paragraphs == ["One.", "Two.", "Three."]
    assert result.counts == [3, 1, 1]


def test_language_is_deterministic_and_iso639_1() -> None:
    detector = LanguageDetector()
    assert detector.detect(ENGLISH) == "en"
    assert detector.detect(GERMAN) == "de"
    ambiguous = "Ok ok ok hallo ja no si"
    first = [LanguageDetector().detect(ambiguous * 3) for _ in range(3)]
    assert len(set(first)) == 1


def test_language_none_when_too_short() -> None:
    assert LanguageDetector().detect("Yes.") is None
    assert LanguageDetector().detect("12 34 56 78 90 -- ::") is None


def test_language_detector_leaves_langdetect_global_seed_alone() -> None:
    before = DetectorFactory.seed
    LanguageDetector(seed=7).detect(ENGLISH)
    assert DetectorFactory.seed == before


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=12))
def test_cleaning_never_raises_and_is_idempotent(raw: list[str]) -> None:
    result = clean_paragraphs(raw)
    assert len(result.paragraphs) == len(result.counts)
    assert all(p and p == p.strip() for p in result.paragraphs)
    assert len(set(result.paragraphs)) == len(result.paragraphs)
    assert sum(result.counts) == sum(1 for r in raw if normalise_text(r))
    again = clean_paragraphs(result.paragraphs)
    assert again.paragraphs == result.paragraphs


def test_english_fast_path_only_answers_for_english() -> None:
    from pactwatch.ingest.clean import looks_english

    english = ("The defence ministers of the two countries said on Monday that the exercise, which "
               "has been planned for months, would go ahead as scheduled and that it was not aimed at "
               "any third country, according to a statement from the ministry.")
    french = ("Les ministres de la défense des deux pays ont déclaré lundi que l'exercice, prévu "
              "depuis des mois, aurait lieu comme prévu et qu'il ne visait aucun pays tiers, selon "
              "un communiqué du ministère publié dans la soirée à Paris.")
    assert looks_english(english)
    assert not looks_english(french)
    assert not looks_english("the of and is that")  # too short to be sure: the model decides
