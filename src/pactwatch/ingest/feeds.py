"""RSS and Atom files: each item an article, read with feedparser.

An item gives its link, title, dates, authors and text. The text is the item's full content
where the feed carries it (RSS ``content:encoded``, Atom ``<content>``); otherwise its
summary/description, and the item is marked ``summary_only`` so that nobody mistakes a teaser
for the story. Feed dates are read by feedparser (RFC 822 and ISO 8601 with zones) and kept in
UTC, as feedparser normalises them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from time import struct_time

import lxml.html
from lxml import etree

from pactwatch.ingest.sources import InputError

# Elements whose text is one paragraph of an item's HTML content.
_BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt")


@dataclass
class FeedItem:
    origin: str  # "feed.xml#item-N"
    title: str | None
    url: str | None
    published: datetime | None
    modified: datetime | None
    paragraphs: list[str]
    summary_only: bool
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None  # the feed's own title
    language: str | None = None


def iter_feed(data: bytes, origin: str) -> Iterator[FeedItem | InputError]:
    """The items of one feed file; an ``InputError`` (args[1] = origin) for an unreadable feed
    or an item with no text at all."""
    import feedparser  # only feeds need it; keeps start-up of every other command light

    # a stream, never a string: feedparser treats strings as URLs or paths to fetch
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        reason = f"malformed feed ({parsed.bozo_exception})" if parsed.get("bozo") else "feed has no items"
        yield InputError(reason, origin)
        return
    publisher = (parsed.feed.get("title") or "").strip() or None
    language = _language(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#item-{number}"
        content, summary_only = _text(entry)
        paragraphs = _paragraphs(content)
        if not paragraphs:
            yield InputError("feed item with neither content nor summary", where)
            continue
        # dict.get: feedparser's own get() answers "updated" with the published date when absent
        published = _when(dict.get(entry, "published_parsed")) or _when(dict.get(entry, "created_parsed"))
        updated = _when(dict.get(entry, "updated_parsed"))
        if published is None:  # an Atom entry's <updated> is its only required date
            published, updated = updated, None
        yield FeedItem(
            origin=where,
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link") or None,
            published=published,
            modified=updated if updated != published else None,
            paragraphs=paragraphs,
            summary_only=summary_only,
            authors=[a["name"] for a in entry.get("authors", []) if a.get("name")],
            publisher=publisher,
            language=_language(entry.get("language")) or language,
        )


def _text(entry: dict) -> tuple[str, bool]:
    """The item's fullest text and whether it is only a summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value", "").strip()]
    summary = entry.get("summary", "") or ""
    if contents:
        longest = max(contents, key=len)
        # feedparser also files a lone <description> under content for some RSS dialects;
        # the same text as the summary is still only a summary
        if _plain(longest) != _plain(summary) or not summary:
            return longest, False
    return summary, True


def _plain(html: str) -> str:
    return " ".join(_paragraphs(html))


def _paragraphs(html: str) -> list[str]:
    """Paragraph texts of an HTML fragment (or of plain text, one per line)."""
    if not html.strip():
        return []
    if "<" not in html:
        return [line.strip() for line in html.splitlines() if line.strip()]
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [html.strip()]
    blocks = [el for el in root.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    if not blocks:
        return [line.strip() for line in root.text_content().splitlines() if line.strip()]
    return [" ".join(el.text_content().split()) for el in blocks if el.text_content().strip()]


def _when(value: struct_time | None) -> datetime | None:
    return datetime(*value[:6]) if value else None


def _language(value: str | None) -> str | None:
    """ISO 639-1 part of an RSS/Atom language tag ("en-gb" -> "en")."""
    if not value:
        return None
    code = value.strip().lower().split("-")[0].split("_")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
