"""Finding quoted spans in text: which quotation marks open and close, and which are apostrophes.

Works paragraph by paragraph (any newline ends one): news style reopens a quotation that runs on
into a new paragraph, so a quote left open at the end of a paragraph ends there and the next
paragraph's opening mark starts a new quote. Double marks (straight, curly, low-9, guillemets)
are paired first; single marks only outside double-quoted text (inside, they are quotes within
the quote), and only where they cannot be apostrophes ("Russia's", "don't", "'90s", "countries'").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_SINGLE = "'"
# a single quoted span longer than this is almost surely a mis-paired apostrophe
MAX_SINGLE_SPAN = 400
_SINGLE_OPENERS = re.compile("[" + re.escape(SINGLE_OPEN + STRAIGHT_SINGLE) + "]")
_SINGLE_STOPS = re.compile(
    "[" + re.escape(SINGLE_CLOSE + STRAIGHT_SINGLE + DOUBLE_OPEN + DOUBLE_CLOSE + '"') + "]")
# after an apostrophe-like opening mark these are elisions, not quotations: '90s, 'em, 'til
_ELISION = re.compile(r"(?:\d0s|\d\ds|\d\d\b|em\b|til\b|n\b|cause\b|tis\b|twas\b)", re.IGNORECASE)
_CURLY_DOUBLE = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE) + "]")
_BEFORE_OPEN = set(" \t([{—–-/:;,") | {""}
_AFTER_CLOSE = set(" \t.,;:!?)]}—–-/…") | {""}


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted span: ``start``/``end`` are the text inside the marks (whitespace trimmed)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    kind: str  # "double" | "single" | "guillemet"


class QuotedRanges(list[tuple[int, int]]):
    """Quoted (start, end) ranges, marks included, with an O(log n) membership test.

    Attribution asks "is this token inside a quotation?" for every token near every quote; a
    scan over all ranges made that cubic on a text with many quotation marks."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        super().__init__(sorted(ranges))
        self._starts = [a for a, _ in self]
        self._reach: list[int] = []  # the furthest end of any range starting at or before i
        for _, end in self:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def contains(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] >= pos


def is_quoted(pos: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether offset ``pos`` lies in one of the ``quoted`` ranges (ends included)."""
    if isinstance(quoted, QuotedRanges):
        return quoted.contains(pos)
    return any(a <= pos <= b for a, b in quoted)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _can_open(text: str, i: int, lo: int) -> bool:
    before = _char(text, i - 1) if i > lo else ""
    after = _char(text, i + 1)
    return (before in _BEFORE_OPEN or before in DOUBLE_OPEN or before in SINGLE_OPEN or before == '"') \
        and after not in ("", " ", "\t")


def _can_close(text: str, i: int, hi: int) -> bool:
    before = _char(text, i - 1)
    after = _char(text, i + 1) if i + 1 < hi else ""
    return before not in ("", " ", "\t") and (after in _AFTER_CLOSE or after in DOUBLE_CLOSE
                                               or after in SINGLE_CLOSE or after in "'\"")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _nested(text: str, i: int, hi: int) -> int:
    """Where a quotation opened at ``i`` inside an open one ends when it is nested in it: the next
    two marks are closing ones ('“… calls “hell” than live …”'), the first closing the inner
    quote; 0 when the outer quote was simply never closed (the next mark opens or is the last)."""
    marks = []
    for found in _CURLY_DOUBLE.finditer(text, i + 1, hi):
        marks.append(found.start())
        if len(marks) == 2:
            break
    if len(marks) == 2 and all(text[j] in DOUBLE_CLOSE for j in marks):
        return marks[0]
    return 0


def _double_spans(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    opener = ""
    skip_to = -1
    for i in range(lo, hi):
        ch = text[i]
        if i <= skip_to or ch not in DOUBLE_OPEN and ch not in DOUBLE_CLOSE and ch != STRAIGHT_DOUBLE:
            continue
        if open_at is None:
            if ch in DOUBLE_CLOSE or (ch == STRAIGHT_DOUBLE and not _can_open(text, i, lo)):
                continue  # a stray closing mark (quote opened in an earlier paragraph)
            open_at, opener = i, ch
            continue
        closes = (
            ch in DOUBLE_CLOSE
            or ch == STRAIGHT_DOUBLE
            or (opener == "„" and ch == "“")  # German-style „…“
        )
        if closes:
            start, end = _trimmed(text, open_at + 1, i)
            kind = "guillemet" if opener == "«" else "double"
            if end > start:
                spans.append(QuoteSpan(start, end, open_at, i, kind))
            open_at = None
        elif ch in DOUBLE_OPEN and _can_open(text, i, lo) and (inner_end := _nested(text, i, hi)):
            skip_to = inner_end  # '“… what he calls “hell” than …”': a quote inside the quote
        elif ch in DOUBLE_OPEN and _can_open(text, i, lo):
            # a new opening mark while one is open: the earlier quote was never closed
            start, end = _trimmed(text, open_at + 1, i)
            if end > start:
                spans.append(QuoteSpan(start, end, open_at, None, "double"))
            open_at, opener = i, ch
    if open_at is not None:
        start, end = _trimmed(text, open_at + 1, hi)
        if end > start:
            spans.append(QuoteSpan(start, end, open_at, None, "guillemet" if opener == "«" else "double"))
    return spans


def _single_opens(text: str, i: int, lo: int) -> bool:
    ch = text[i]
    if ch not in SINGLE_OPEN and ch != STRAIGHT_SINGLE:
        return False
    if not _can_open(text, i, lo):
        return False
    nxt = _char(text, i + 1)
    if not (nxt.isalnum() or nxt in "“\"…"):
        return False
    return not _ELISION.match(text, i + 1)


def _single_closes(text: str, i: int, hi: int) -> bool:
    ch = text[i]
    if ch not in SINGLE_CLOSE and ch != STRAIGHT_SINGLE:
        return False
    before, after = _char(text, i - 1), (_char(text, i + 1) if i + 1 < hi else "")
    if before.isalpha() and after.isalpha():
        return False  # don't, Russia's
    return _can_close(text, i, hi)


def _single_spans(text: str, lo: int, hi: int, blocked: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Single-mark quotes outside the double-quoted ``blocked`` ranges.

    Only the characters that can open, close or stop a single quote are visited (found with a
    regular expression), not every character of the paragraph.
    """
    def is_blocked(i: int) -> bool:
        return any(a <= i <= b for a, b in blocked)

    spans: list[QuoteSpan] = []
    i = lo
    while (opener := _SINGLE_OPENERS.search(text, i, hi)) is not None:
        i = opener.start()
        if is_blocked(i) or not _single_opens(text, i, lo):
            i += 1
            continue
        close = None
        limit = min(hi, i + MAX_SINGLE_SPAN)
        # the first blocked position after the opener ends the search like a double mark does
        limit = min([limit, *(max(a, i + 2) for a, b in blocked if b >= i + 2 and a < limit)])
        for stop in _SINGLE_STOPS.finditer(text, i + 2, limit):
            j = stop.start()
            if text[j] in DOUBLE_OPEN or text[j] in DOUBLE_CLOSE or text[j] == '"':
                break
            if _single_closes(text, j, hi):
                # "the allies' plans'": a plural possessive followed by more words is not the end
                # when another closing candidate follows before the sentence ends
                close = j
                break
        if close is None:
            i += 1
            continue
        start, end = _trimmed(text, i + 1, close)
        if end > start:
            spans.append(QuoteSpan(start, end, i, close, "single"))
        i = close + 1
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans of ``text``, in order of their opening marks."""
    found: list[QuoteSpan] = []
    for lo, hi in _paragraphs(text):
        doubles = _double_spans(text, lo, hi)
        blocked = [(s.open_mark, s.close_mark if s.close_mark is not None else hi) for s in doubles]
        found.extend(doubles)
        found.extend(_single_spans(text, lo, hi, blocked))
    return sorted(found, key=lambda s: s.open_mark)
