"""Regression guards for the shapes that used to blow up (not speed measurements: the bounds are
minutes where the old code took hours). bench/pathological.py prints the time-against-size
figures; these run each shape once at a size where a quadratic or cubic step would not finish."""

from __future__ import annotations

import time

import pytest

from pactwatch.ingest import ReadOptions
from pactwatch.ingest.reader import _text_article, article_from_html
from pactwatch.nlp.pipeline import Annotator
from pactwatch.nlp.watchdog import annotate_guarded
from pactwatch.records import Article

GENEROUS_SECONDS = 240


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    warm = Annotator()
    warm.annotate(Article(title="warm", paragraphs=["Officials met on Monday."], origin="warm", language="en"))
    return warm


def test_many_unclosed_quotation_marks(annotator: Annotator) -> None:
    # 37 KB of unclosed quotes: the cubic attribution took more than 200 s on 18 KB
    text = " ".join(f'The minister said "we will act on point {i} soon' for i in range(800))
    start = time.monotonic()
    article = _text_article("Quotes\n\n" + text + "\n", "t", ReadOptions())
    assert isinstance(article, Article)
    (annotation,) = annotate_guarded(annotator, [article], 0)
    assert time.monotonic() - start < GENEROUS_SECONDS
    assert annotation.skipped is None and len(annotation.quotes) > 100


def test_one_huge_paragraph(annotator: Annotator) -> None:
    # a 900 KB paragraph took 190 s and 3 GB; read, it is split and cut to the body limit
    text = "The two delegations met in the harbour city and agreed to review the quota. " * 12_000
    start = time.monotonic()
    article = _text_article("Long\n\n" + text + "\n", "t", ReadOptions())
    assert isinstance(article, Article)
    (annotation,) = annotate_guarded(annotator, [article], 0)
    assert time.monotonic() - start < GENEROUS_SECONDS
    assert annotation.skipped is None and article.notes


def test_tag_with_200k_attributes() -> None:
    tag = "<div " + " ".join(f'a{i}="{i}"' for i in range(200_000)) + ">"
    html = f"<html><body>{tag}<p>{'The ministers met in the capital and signed a trade pact. ' * 5}</p></div></body></html>"
    start = time.monotonic()
    article = article_from_html(html, "t")
    assert time.monotonic() - start < GENEROUS_SECONDS
    assert isinstance(article, Article)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_dates_at_the_calendar_ends_with_relative_words(annotator: Annotator, day: str) -> None:
    from datetime import datetime

    article = Article(title="Edge", origin="t", language="en", published=datetime.fromisoformat(day), paragraphs=[
        "Russia and Belarus signed a mutual defence treaty yesterday, the ministry said on Monday.",
        "The two sides will meet again tomorrow, and the pact enters into force on 30 December."])
    (annotation,) = annotate_guarded(annotator, [article], 0)
    assert annotation.skipped is None  # annotated, not an OverflowError caught by the guard
