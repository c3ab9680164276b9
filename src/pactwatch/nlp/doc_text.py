"""The text and the sentences of a parsed article, computed once.

spaCy rebuilds ``Doc.text`` from its tokens on every access (a Python loop over the whole
article); steps that look at character offsets many times per article read it from here.
"""

from __future__ import annotations

from typing import Any

_KEY = "pactwatch.text"


def doc_text(doc: Any) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)


_SENTS = "pactwatch.sents"


def doc_sents(doc: Any) -> list[Any]:
    """The sentences of a parsed article, found once (``Doc.sents`` walks every token per call)."""
    sents = doc.user_data.get(_SENTS)
    if sents is None:
        sents = doc.user_data[_SENTS] = list(doc.sents)
    return list(sents)


_ENTS = "pactwatch.ents"


def doc_ents(doc: Any) -> tuple[Any, ...]:
    """The named entities of a parsed article, built once (``Doc.ents`` builds new Spans per call)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return tuple(ents)


def sent_ents(sent: Any) -> list[Any]:
    """The named entities inside one sentence (a Span), from the article's cached list."""
    return [ent for ent in doc_ents(sent.doc) if ent.start >= sent.start and ent.end <= sent.end]


def forget(doc: Any) -> None:
    """Drop every value the steps cached on a Doc. The cached Spans point back at their Doc, a
    reference cycle that would otherwise keep each parsed article alive until the cyclic
    garbage collector runs."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("pactwatch.")]:
        del doc.user_data[key]
