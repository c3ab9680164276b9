"""Relative dates count from the publication day, else from the day of the last update: a story
printed with only an "Updated:" line was written on that day."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.ingest.reader import ReadOptions, _text_article
from pactwatch.nlp.pipeline import Annotator, PipelineConfig


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator(PipelineConfig())


def _dates(annotator: Annotator, header: str, sentence: str) -> set[date | None]:
    text = f"Invented headline for a date test\n{header}\n{sentence}\nThe two sides gave no further details.\n"
    article = _text_article(text, "test", ReadOptions(detect_language=False))
    [annotation] = list(annotator.annotate_many([article]))
    return {e.date for e in annotation.events} | {c.date for c in annotation.commitments}


@pytest.mark.parametrize("header,sentence,expected", [
    # only an update line (Wednesday 4 December 2024): "on Wednesday" is that day
    ("Updated: 2024-12-04T16:30:00Z", "Kenya and Tanzania signed a trade agreement on Wednesday.",
     {date(2024, 12, 4)}),
    # a labelled update in words, and "on Monday" two days before it
    ("Last updated: 6 March 2025, 09:00", "Ghana and Togo signed a border accord on Monday in Accra.",
     {date(2025, 3, 3)}),
    # publication and update both given: the publication day wins
    ("Published: 10 June 2024\nUpdated: 12 June 2024", "Chile and Peru signed a fisheries pact on Monday.",
     {date(2024, 6, 10)}),
])
def test_relative_dates_count_from_publication_else_update(annotator, header, sentence, expected) -> None:
    assert _dates(annotator, header, sentence) == expected


def test_no_date_line_leaves_relative_dates_unresolved(annotator) -> None:
    assert _dates(annotator, "By A. Writer", "Kenya and Tanzania signed a trade agreement on Wednesday.") == {None}
