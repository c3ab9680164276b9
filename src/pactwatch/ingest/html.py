"""Web pages: body and metadata with trafilatura, publication date with htmldate."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import trafilatura
from htmldate import find_date
from htmldate.utils import load_html
from lxml.etree import Comment, strip_tags

from pactwatch.ingest.dates import parse_date
from pactwatch.ingest.page_dates import declared_languages, page_languages

# Measured on the scrapinghub benchmark (bench/extraction.py): favouring precision raised body
# F1 from 0.958 to 0.964 and is also faster; favouring recall lowered it.
EXTRACTION_SETTINGS: dict[str, Any] = {"favor_precision": True, "include_comments": False, "include_tables": True}
# Measured on the htmldate news set: the original (not updated) date with extensive search
# is the most accurate htmldate configuration, run on a tree that still has the page's HTML
# comments (some pages date themselves only there; trafilatura's own parse drops them, and the
# date it finds on that tree scored 0.903 against 0.913).
DATE_SETTINGS: dict[str, Any] = {"original_date": True, "extensive_search": True}
# trafilatura runs htmldate itself inside its metadata pass; that pass is kept to the quick search.
_TRAFILATURA_DATE = {"original_date": True, "extensive_search": False}


@dataclass
class ParsedPage:
    title: str | None = None
    description: str | None = None
    publisher: str | None = None
    section: str | None = None
    url: str | None = None
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    language: str | None = None


def shorten_long_tags(html: str | bytes, limit: int) -> str | bytes:
    """Every tag longer than ``limit`` characters reduced to its name (``<div a=1 b=2 …>`` ->
    ``<div>``): lxml is super-linear in the attributes of one element, and text never sits in an
    attribute list. Linear: the pattern cannot run past the next ``<``."""
    if len(html) <= limit or not _may_have_long_tag(html, limit):
        return html
    if isinstance(html, bytes):  # a page handed over undecoded (trafilatura accepts both)
        pattern_b = re.compile(rb"<(/?[A-Za-z][\w:.-]*)[^<>]{%d,}(>?)" % limit)
        return pattern_b.sub(lambda m: b"<" + m.group(1) + m.group(2), html)
    pattern = re.compile(rf"<(/?[A-Za-z][\w:.-]*)[^<>]{{{limit},}}(>?)")
    return pattern.sub(lambda m: f"<{m.group(1)}{m.group(2)}", html)


def _may_have_long_tag(html: str | bytes, limit: int) -> bool:
    """False when no tag can be longer than ``limit``: every stretch from one ``<`` to the next
    that is longer closes its tag within ``limit`` characters (a long script or text run between
    tags is no long tag). A C-level split, several times cheaper than the substitution's scan."""
    opening, closing = ("<", ">") if isinstance(html, str) else (b"<", b">")
    return any(len(part) > limit and part.find(closing, 0, limit) < 0  # type: ignore[arg-type]
               for part in html.split(opening))  # type: ignore[arg-type]


def parse_html(html: str | bytes, url: str | None = None, max_tag_chars: int = 16_384) -> ParsedPage:
    """Article text and metadata of one page; ``paragraphs`` is empty when none was found.

    The page is parsed once: the date is read from the tree first (htmldate copies what it
    prunes), then the comments go and trafilatura extracts metadata and body from the same tree
    (a tree given to it is copied, not parsed again).
    """
    page = ParsedPage(url=url)
    if isinstance(html, str) and html.startswith("http") and " " not in html:
        return page  # htmldate's loader would take this for a URL and fetch it; nothing is fetched here
    html = shorten_long_tags(html, max_tag_chars)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = load_html(html)
        except (ValueError, TypeError):
            tree = None
        if tree is None:
            return page
        try:
            with page_languages(declared_languages(tree)):
                found = find_date(tree, url=url, **DATE_SETTINGS)
        except (ValueError, TypeError, AttributeError):
            found = None
        page.published = parse_date(found) if found else None
        strip_tags(tree, Comment)  # as trafilatura's own parser would have dropped them
        try:
            doc = trafilatura.bare_extraction(
                tree,
                url=url,
                with_metadata=True,
                date_extraction_params=dict(_TRAFILATURA_DATE),
                **EXTRACTION_SETTINGS,
            )
        except (ValueError, TypeError, AttributeError):  # malformed markup lxml gives up on
            doc = None
    if not isinstance(doc, trafilatura.settings.Document):  # None, or a dict where as_dict is asked for
        return page
    page.title = doc.title or None
    page.description = doc.description or None
    page.publisher = doc.sitename or None
    page.url = url or doc.url or None
    page.section = doc.categories[0] if doc.categories else None
    page.authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    page.paragraphs = (doc.text or "").split("\n")
    page.language = doc.language or None
    if page.published is None and doc.date:
        page.published = parse_date(doc.date)
    return page
