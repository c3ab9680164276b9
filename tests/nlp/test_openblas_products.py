"""The model with its products done by numpy's BLAS (``nlp.blas``) parses exactly as with blis.

Every step reads only the parsed Doc (tags, morphology, lemmas, dependencies, sentence starts,
named entities) and the tables, so the same token attributes mean the same mentions, quotes,
events and commitments. The test compares those attributes on every token of the examples and,
when ../shared is present, of news-dev and the PolNeAR bodies (long US political articles).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from tests.corpora import example_bodies, shared_bodies


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy(blis=True), load_spacy()


def _token_rows(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start,
             t.ent_iob_, t.ent_type_) for t in doc]


def _compare(texts: list[str]) -> int:
    reference, openblas = _models()
    assert all(p.model.ops.use_blis for _, p in reference.pipeline if hasattr(p, "model"))
    assert not any(p.model.ops.use_blis for _, p in openblas.pipeline if hasattr(p, "model"))
    compared = 0
    for a, b in zip(reference.pipe(texts), openblas.pipe(texts), strict=True):
        assert _token_rows(a) == _token_rows(b), a.text[:80]
        compared += len(a)
    return compared


def test_same_parse_and_entities_as_blis_on_the_examples() -> None:
    assert _compare(example_bodies() + ["", " ", "Talks ended.\n\nNATO met in Brussels on Tuesday."]) > 4_000


@pytest.mark.slow
def test_same_parse_and_entities_as_blis_on_real_news() -> None:
    assert _compare(shared_bodies()) > 80_000
