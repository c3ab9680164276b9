"""``read_all``: paths in, ``Article`` records (or one ``ReadFailure`` per bad input) out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from pactwatch.records import Article
from pactwatch.ingest.clean import (
    LanguageDetector,
    clean_paragraphs,
    default_language_detector,
    normalise_inline,
)
from pactwatch.ingest.classify import ARTICLE_TEXT_FIELDS, Selection, by_content, by_name
from pactwatch.ingest.containers import iter_jsonl, iter_warc
from pactwatch.ingest.dates import parse_date
from pactwatch.ingest.feeds import FeedItem, iter_feed
from pactwatch.ingest.html import parse_html
from pactwatch.ingest.sources import (
    InputError,
    NotNews,
    Opened,
    Source,
    decode,
    expand,
    open_source,
    read_limited,
)
from pactwatch.ingest.text import parse_text


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` bounds one text/HTML file, or one record of a JSONL/WARC file (those are
    streamed, so their total size is free). ``date_order`` settles all-numeric dates such as
    03/04/2024 ("DMY", "MDY" or "YMD"); dates with a month name are never ambiguous.
    ``detect_language`` may be switched off to save time when the language is known.
    ``selection`` holds the ``--include``/``--exclude`` globs for files found in folders.
    """

    max_bytes: int = 50 * 1024 * 1024
    date_order: str = "DMY"
    detect_language: bool = True
    language_detector: LanguageDetector | None = field(default=None, compare=False)
    selection: Selection = Selection()


@dataclass(frozen=True)
class ReadFailure:
    """An input that gave no article: where it is and one human-readable reason."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder that is not news (or not selected): what it is, not stored."""

    origin: str
    reason: str


def read_all(
    paths: Sequence[str],
    options: ReadOptions = ReadOptions(),
    stdin: BinaryIO | None = None,
    found: bool = False,
) -> Iterator[Article | ReadFailure | Skipped]:
    """Articles from files, directories, globs and ``-`` (stdin), lazily and in a stable order.

    Bad inputs never raise: each gives one ``ReadFailure`` and the rest of the batch goes on.
    Files found in folders or by globs that are not news, or not selected, give a ``Skipped``;
    a file named by the user is always read. ``found`` judges the files of ``paths`` as found in
    a folder too (a watched folder hands over its new files one by one).
    """
    for item in expand(list(paths)):
        if isinstance(item, InputError):
            yield ReadFailure(str(item.args[1]), str(item.args[0]))
            continue
        if found and not item.walked and item.path is not None:
            item = Source(item.origin, item.path, walked=True)
        refusal = _refusal_by_name(item, options)
        if refusal:
            yield Skipped(item.origin, refusal)
            continue
        try:
            opened = open_source(item, stdin)
        except NotNews as error:
            yield (Skipped if item.walked else ReadFailure)(item.origin, str(error.args[0]))
            continue
        except InputError as error:
            yield ReadFailure(item.origin, str(error.args[0]))
            continue
        try:
            what = by_content(decode(opened.head[:8192], partial=True), opened.kind) if item.walked else None
            if what:
                yield Skipped(item.origin, f"not news: {what}")
            else:
                yield from _read_opened(opened, options)
        finally:
            if item.path is not None:
                opened.stream.close()


def _refusal_by_name(item: Source, options: ReadOptions) -> str | None:
    if not item.walked:
        return None
    what = by_name(item.origin)
    return f"not news: {what}" if what else options.selection.refusal(item.origin)


def _read_opened(opened: Opened, options: ReadOptions) -> Iterator[Article | ReadFailure]:
    origin = opened.source.origin
    if opened.kind == "warc":
        for page in iter_warc(opened.stream, origin, options.max_bytes):
            if isinstance(page, InputError):
                yield ReadFailure(str(page.args[1]), str(page.args[0]))
            else:
                yield article_from_html(page.html, page.origin, page.url, options, page.crawled)
        return
    if opened.kind == "jsonl":
        for record in iter_jsonl(opened.stream, origin, options.max_bytes):
            if isinstance(record, InputError):
                yield ReadFailure(str(record.args[1]), str(record.args[0]))
            else:
                yield _json_article(record.fields, record.origin, options)
        return
    if opened.kind == "feed":
        try:
            data = read_limited(opened.stream, options.max_bytes)
        except InputError as error:
            yield ReadFailure(origin, str(error.args[0]))
            return
        for item in iter_feed(data, origin):
            if isinstance(item, InputError):
                yield ReadFailure(str(item.args[1]), str(item.args[0]))
            else:
                yield _feed_article(item, options)
        return
    try:
        text = decode(read_limited(opened.stream, options.max_bytes))
    except InputError as error:
        yield ReadFailure(origin, str(error.args[0]))
        return
    if opened.kind == "html":
        yield article_from_html(text, origin, None, options)
    else:
        yield _text_article(text, origin, options)


def _language(paragraphs: list[str], options: ReadOptions) -> str | None:
    if not options.detect_language:
        return None
    detector = options.language_detector or default_language_detector()
    return detector.detect(" ".join(paragraphs))


def _finish(article: Article, raw_paragraphs: list[str], options: ReadOptions) -> Article | ReadFailure:
    cleaned = clean_paragraphs(raw_paragraphs)
    if not cleaned.paragraphs:
        return ReadFailure(article.origin, "no article text found")
    article.paragraphs = cleaned.paragraphs
    article.paragraph_counts = cleaned.counts
    if article.language is None:
        article.language = _language(cleaned.paragraphs, options)
    return article


def _text_article(text: str, origin: str, options: ReadOptions) -> Article | ReadFailure:
    parsed = parse_text(text, options.date_order)
    article = Article(
        title=normalise_inline(parsed.title),
        paragraphs=[],
        origin=origin,
        lead=normalise_inline(parsed.lead),
        publisher=normalise_inline(parsed.publisher),
        section=normalise_inline(parsed.section),
        published=parsed.published,
        modified=parsed.modified,
        authors=[a for a in map(normalise_inline, parsed.authors) if a],
        related_headlines=[h for h in map(normalise_inline, parsed.related_headlines) if h],
    )
    return _finish(article, parsed.paragraphs, options)


MIN_PROSE_LETTERS = 25  # an article has at least one paragraph this long (letters: CJK has no spaces)


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # map keeps the loop in C


def article_from_html(
    html: str,
    origin: str,
    url: str | None = None,
    options: ReadOptions = ReadOptions(),
    crawled: datetime | None = None,
) -> Article | ReadFailure:
    """One web page as an article (also used by the extraction benchmark and its test)."""
    page = parse_html(html, url)
    article = Article(
        title=normalise_inline(page.title),
        paragraphs=[],
        origin=origin,
        lead=normalise_inline(page.description),
        publisher=normalise_inline(page.publisher),
        section=normalise_inline(page.section),
        url=page.url,
        published=page.published,
        authors=[a for a in map(normalise_inline, page.authors) if a],
        crawled=crawled,
    )
    paragraphs = page.paragraphs
    # pages repeat the headline as the first block of the article; the title is kept apart
    if paragraphs and article.title and normalise_inline(paragraphs[0]) == article.title:
        paragraphs = paragraphs[1:]
    result = _finish(article, paragraphs, options)
    # On a page without an article, extractors fall back to whatever text is left (a menu
    # entry, a cookie notice): a few words are not a news article.
    if isinstance(result, ReadFailure) or max(map(_letters, result.paragraphs)) < MIN_PROSE_LETTERS:
        return ReadFailure(origin, "HTML page with no article text")
    return result


def _feed_article(item: FeedItem, options: ReadOptions) -> Article | ReadFailure:
    article = Article(
        title=normalise_inline(item.title),
        paragraphs=[],
        origin=item.origin,
        publisher=normalise_inline(item.publisher),
        url=item.url,
        published=item.published,
        modified=item.modified,
        language=item.language,
        authors=[a for a in map(normalise_inline, item.authors) if a],
        summary_only=item.summary_only,
    )
    return _finish(article, item.paragraphs, options)


def _str(fields: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _json_article(fields: dict[str, Any], origin: str, options: ReadOptions) -> Article | ReadFailure:
    body = _str(fields, *ARTICLE_TEXT_FIELDS)
    if body is None:
        return ReadFailure(origin, "no 'text' or 'body' field with article text")
    authors = fields.get("authors") or fields.get("author") or []
    if isinstance(authors, str):
        authors = [authors]
    article = Article(
        title=normalise_inline(_str(fields, "title", "headline")),
        paragraphs=[],
        origin=origin,
        lead=normalise_inline(_str(fields, "lead", "description")),
        publisher=normalise_inline(_str(fields, "publisher", "source", "sitename")),
        section=normalise_inline(_str(fields, "section", "category")),
        url=_str(fields, "url"),
        published=parse_date(_str(fields, "published", "date"), options.date_order),
        modified=parse_date(_str(fields, "modified", "updated"), options.date_order),
        language=_str(fields, "language", "lang"),
        authors=[a for a in (normalise_inline(str(x)) for x in authors if x) if a],
    )
    return _finish(article, body.split("\n"), options)
