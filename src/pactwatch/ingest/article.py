"""The Article record every reader produces."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass
class Article:
    """One cleaned news article.

    ``body`` (the paragraphs joined by a blank line) is the text every later step reads; all
    offsets stored downstream point into it. ``lead`` and ``related_headlines`` are kept apart:
    a lead repeats the story and related headlines are other stories, so neither is analysed.
    """

    title: str | None
    paragraphs: list[str]
    origin: str  # file path, "path#record-N" inside a WARC/JSONL, or "<stdin>"
    lead: str | None = None
    publisher: str | None = None
    section: str | None = None
    url: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    # counts of exact-duplicate paragraphs, aligned with ``paragraphs`` (1 = seen once)
    paragraph_counts: list[int] = field(default_factory=list)
    # when a crawler fetched the page (WARC-Date); not a publication date, kept apart
    crawled: datetime | None = None

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph inside ``body``."""
        spans, pos = [], 0
        for text in self.paragraphs:
            spans.append((pos, pos + len(text)))
            pos += len(text) + len(PARAGRAPH_SEPARATOR)
        return spans

    @property
    def content_hash(self) -> str:
        """Identity of the article: its title and body text, whatever file it came from."""
        digest = hashlib.sha256()
        digest.update((self.title or "").encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.body.encode("utf-8"))
        return digest.hexdigest()
