"""The text and the sentences of a parsed article, computed once.

spaCy rebuilds ``Doc.text`` from its tokens on every access (a Python loop over the whole
article); steps that look at character offsets many times per article read it from here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
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


_STARTS = "pactwatch.sent_starts"


def sent_at(doc: Any, i: int) -> Any:
    """The sentence holding token ``i``, by binary search (``Token.sent`` walks the sentence)."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = [s.start for s in doc_sents(doc)]
    sents = doc.user_data[_SENTS]
    return sents[bisect_right(starts, i) - 1]


_TOKEN_STARTS = "pactwatch.token_starts"


def char_span(doc: Any, start: int, end: int) -> Any | None:
    """The tokens overlapping characters ``start:end`` (spaCy's ``alignment_mode="expand"``), by
    binary search: ``Doc.char_span`` walks the tokens, which is quadratic when asked per quote."""
    starts = doc.user_data.get(_TOKEN_STARTS)
    if starts is None:
        starts = doc.user_data[_TOKEN_STARTS] = [t.idx for t in doc]
    lo = max(bisect_right(starts, start) - 1, 0)
    if lo < len(doc) and starts[lo] + len(doc[lo]) <= start:
        lo += 1  # start falls in the whitespace after that token
    hi = bisect_left(starts, end)
    return doc[lo:hi] if hi >= lo else None


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
