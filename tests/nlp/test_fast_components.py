"""The fast attribute ruler and lemmatizer give exactly what the model's own components give."""

from __future__ import annotations

import pytest

from tests.corpora import example_bodies, shared_bodies

# texts that hit the ruler's rare patterns: contractions, slang, expletives, auxiliaries, spaces
RARE = [
    "I ain't gonna sign it, y'all, and we gotta leave. Let's go, c'mon.",
    "There is a treaty. There were talks, but nothing came of them; somethin' was off.",
    "It has been said that they could've done more.  \n  Whatever he does, she did it.",
    "That is what that minister said: those who wait get nothing, and she got 'em.",
    "",
    " ",
]


def _compare(texts: list[str]) -> int:
    import spacy

    from pactwatch.nlp.pipeline import MODEL, load_spacy

    stock = spacy.load(MODEL, exclude=["ner"])
    fast = load_spacy()
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    compared = 0
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            assert (x.text, x.tag_, x.pos_, str(x.morph), x.lemma_, x.dep_) == \
                (y.text, y.tag_, y.pos_, str(y.morph), y.lemma_, y.dep_)
            compared += 1
    return compared


def test_same_annotations_as_the_stock_components_on_examples_and_rare_patterns() -> None:
    assert _compare(example_bodies() + RARE) > 4_000


@pytest.mark.slow
def test_same_annotations_on_real_news() -> None:
    assert _compare(shared_bodies(polnear=False)) > 5_000
