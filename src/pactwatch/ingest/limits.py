"""The bounds every input is read and annotated within, and what happens when one is hit.

Nothing a file contains may stop a batch, hang it or grow memory without end: each bound below
either refuses one input (a named failure with the limit in its reason) or shortens it with a
note that is printed and stored with the article. The README's "Limits" table lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading and annotating (defaults documented in the README)."""

    decompressed_bytes: int = 1024 * MiB  # one input after gunzip; beyond it the rest is refused
    records: int = 100_000  # records read from one JSONL or WARC file; the rest are counted, not read
    failures_listed: int = 20  # bad records of one file named one by one; the others are counted
    bad_in_a_row: int = 1_000  # consecutive bad records after which a container is given up
    paragraph_chars: int = 5_000  # a longer paragraph is split at sentence ends (else spaces)
    article_chars: int = 300_000  # a longer body is cut at a paragraph end, with a note
    title_chars: int = 500  # a longer title (or other one-line field) is cut at a word end
    json_depth: int = 64  # JSONL records nested deeper are refused
    tag_chars: int = 16_384  # an HTML tag longer than this loses its attributes before parsing
    article_seconds: float = 60.0  # annotation watchdog per article; over it: stored unannotated
    worker_bytes: int = 3 * 1024 * MiB  # address space of each annotating worker process


DEFAULT_LIMITS = Limits()

# where a long paragraph may be split: after a sentence end, else at any space
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_paragraph(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence end when one
    falls in the second half of a piece, else at the last space, else hard. Linear in ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = _last_match(_SENTENCE_END, text, start + limit // 2, window_end)
        if cut is None:
            cut = _last_match(_SPACE, text, start + limit // 2, window_end)
        if cut is None or cut <= start:
            cut = window_end
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _last_match(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """End of the last match of ``pattern`` inside ``text[lo:hi]`` (None when there is none)."""
    end = None
    for match in pattern.finditer(text, lo, hi):
        end = match.end()
    return end


def cut_inline(text: str | None, limit: int) -> tuple[str | None, bool]:
    """A one-line field cut to ``limit`` characters at a word end; True when it was cut."""
    if text is None or len(text) <= limit:
        return text, False
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + "…", True


# Runs of base64/hex-like characters this long are encoded data, never words of prose.
_ENCODED_RUN = re.compile(r"[A-Za-z0-9+/=_-]{100,}")


def encoded_share(text: str) -> float:
    """The share of ``text`` inside runs of 100+ base64-alphabet characters (0 for prose; CJK
    text, which has no spaces either, is not in that alphabet)."""
    if not text:
        return 0.0
    return sum(m.end() - m.start() for m in _ENCODED_RUN.finditer(text)) / len(text)
