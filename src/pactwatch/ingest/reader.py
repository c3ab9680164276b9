"""``read_all``: paths in, ``Article`` records (or one ``ReadFailure`` per bad input) out."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from pactwatch.guard import guard_call, guard_iter, unexpected
from pactwatch.ingest.classify import ARTICLE_TEXT_FIELDS, Selection, by_content, by_name
from pactwatch.ingest.clean import (
    LanguageDetector,
    clean_paragraphs,
    default_language_detector,
    normalise_inline,
)
from pactwatch.ingest.containers import iter_jsonl, iter_warc
from pactwatch.ingest.dates import parse_date
from pactwatch.ingest.feeds import FeedItem, iter_feed
from pactwatch.ingest.html import parse_html
from pactwatch.ingest.limits import DEFAULT_LIMITS, Limits, cut_inline, encoded_share, split_paragraph
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
from pactwatch.records import Article


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    ``max_bytes`` bounds one text/HTML file, or one record of a JSONL/WARC file (those are
    streamed, so their total size is free). ``date_order`` settles all-numeric dates such as
    03/04/2024 ("DMY", "MDY" or "YMD"); dates with a month name are never ambiguous.
    ``detect_language`` may be switched off to save time when the language is known.
    ``selection`` holds the ``--include``/``--exclude`` globs for files found in folders.
    ``limits`` holds the other bounds (``ingest.limits``).
    """

    max_bytes: int = 50 * 1024 * 1024
    date_order: str = "DMY"
    detect_language: bool = True
    language_detector: LanguageDetector | None = field(default=None, compare=False)
    selection: Selection = Selection()
    limits: Limits = DEFAULT_LIMITS


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
    Whatever a library raises on one file or record is caught here (``pactwatch.guard``) and
    becomes that file's or record's failure.
    """
    for item in guard_iter("listing the inputs", lambda r: ReadFailure(", ".join(paths), r),
                           expand(list(paths))):
        if isinstance(item, ReadFailure):
            yield item
            continue
        if isinstance(item, InputError):
            yield ReadFailure(str(item.args[1]), str(item.args[0]))
            continue
        if found and not item.walked and item.path is not None:
            item = Source(item.origin, item.path, walked=True)
        refusal = _refusal_by_name(item, options)
        if refusal:
            yield Skipped(item.origin, refusal)
            continue
        yield from _read_source(item, options, stdin)


def _read_source(source: Source, options: ReadOptions, stdin: BinaryIO | None
                 ) -> Iterator[Article | ReadFailure | Skipped]:
    def fail(reason: str) -> ReadFailure:
        return ReadFailure(source.origin, reason)

    try:
        opened = open_source(source, stdin, options.limits.decompressed_bytes)
    except NotNews as error:
        yield (Skipped if source.walked else ReadFailure)(source.origin, str(error.args[0]))
        return
    except InputError as error:
        yield fail(str(error.args[0]))
        return
    except Exception as error:  # noqa: BLE001 - one bad file never stops the batch
        yield fail(unexpected("opening the file", error))
        return
    try:
        what = guard_call("classifying the file", fail, lambda: by_content(
            decode(opened.head[:8192], partial=True), opened.kind) if source.walked else None)
        if isinstance(what, ReadFailure):
            yield what
        elif what:
            yield Skipped(source.origin, f"not news: {what}")
        else:
            yield from guard_iter("reading the file", fail, _read_opened(opened, options))
    finally:
        if source.path is not None:
            guard_call("closing the file", fail, opened.stream.close)


def _refusal_by_name(item: Source, options: ReadOptions) -> str | None:
    if not item.walked:
        return None
    what = by_name(item.origin)
    return f"not news: {what}" if what else options.selection.refusal(item.origin)


def _read_opened(opened: Opened, options: ReadOptions) -> Iterator[Article | ReadFailure]:
    origin = opened.source.origin
    if opened.kind == "warc":
        pages = iter_warc(opened.stream, origin, options.max_bytes)
        yield from _bounded_records(pages, origin, options.limits, lambda page: article_from_html(
            page.html, page.origin, page.url, options, page.crawled))
        return
    if opened.kind == "jsonl":
        lines = iter_jsonl(opened.stream, origin, options.max_bytes, options.limits.json_depth)
        yield from _bounded_records(lines, origin, options.limits,
                                    lambda record: _json_article(record.fields, record.origin, options))
        return
    if opened.kind == "feed":
        try:
            data = read_limited(opened.stream, options.max_bytes)
        except InputError as error:
            yield ReadFailure(origin, str(error.args[0]))
            return
        yield from _bounded_records(iter_feed(data, origin), origin, options.limits,
                                    lambda item: _feed_article(item, options))
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


def _bounded_records(records: Iterator[Any], origin: str, limits: Limits,
                     to_article: Any) -> Iterator[Article | ReadFailure]:
    """Articles of a container's records, each made under its own guard, within the limits:
    at most ``limits.records`` records, the first ``limits.failures_listed`` bad ones named
    (the others counted in one line), and the file given up after ``limits.bad_in_a_row``."""
    read = bad = in_a_row = 0
    stopped = None
    for record in records:
        if read >= limits.records:
            stopped = f"more than {limits.records:,} records (the limit); the rest were not read"
            break
        read += 1
        if isinstance(record, InputError):
            result: Article | ReadFailure = ReadFailure(str(record.args[1]), str(record.args[0]))
        else:
            where = getattr(record, "origin", origin)
            result = guard_call("reading the record", functools.partial(ReadFailure, where),
                                functools.partial(to_article, record))
        if not isinstance(result, ReadFailure):
            in_a_row = 0
            yield result
            continue
        bad += 1
        in_a_row += 1
        if bad <= limits.failures_listed:
            yield result
        if in_a_row >= limits.bad_in_a_row:
            stopped = f"{in_a_row:,} bad records in a row: not a readable file of articles; the rest was not read"
            break
    if bad > limits.failures_listed:
        yield ReadFailure(origin, f"{bad - limits.failures_listed:,} more bad records (not listed one by one)")
    if stopped:
        yield ReadFailure(origin, stopped)


def _language(paragraphs: list[str], options: ReadOptions) -> str | None:
    if not options.detect_language:
        return None
    detector = options.language_detector or default_language_detector()
    return detector.detect(" ".join(paragraphs))


_URL_NOISE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")  # controls and lone surrogates
_SPACE = re.compile(r"\s")
ENCODED_SHARE = 0.5  # a body more than half base64/hex-like runs is encoded data, not news


def _finish(article: Article, raw_paragraphs: list[str], options: ReadOptions) -> Article | ReadFailure:
    cleaned = clean_paragraphs(raw_paragraphs)
    if not cleaned.paragraphs:
        return ReadFailure(article.origin, "no article text found")
    limits = options.limits
    if encoded_share("".join(cleaned.paragraphs)) > ENCODED_SHARE:
        return ReadFailure(article.origin, "encoded data (base64-like runs without spaces), not article text")
    article.paragraphs, article.paragraph_counts = _bounded_paragraphs(
        cleaned.paragraphs, cleaned.counts, limits, article.notes)
    _bound_fields(article, limits)
    if article.language is None:
        article.language = _language(article.paragraphs, options)
    return article


def _bounded_paragraphs(paragraphs: list[str], counts: list[int], limits: Limits,
                        notes: list[str]) -> tuple[list[str], list[int]]:
    """Paragraphs within ``paragraph_chars`` (split) and a body within ``article_chars`` (cut)."""
    out: list[str] = []
    out_counts: list[int] = []
    split = 0
    for text, count in zip(paragraphs, counts, strict=True):
        pieces = split_paragraph(text, limits.paragraph_chars) if len(text) > limits.paragraph_chars else [text]
        split += len(pieces) > 1
        out += pieces
        out_counts += [count] * len(pieces)
    if split:
        notes.append(f"{split} paragraph(s) longer than {limits.paragraph_chars:,} characters split")
    total = 0
    for k, text in enumerate(out):
        total += len(text) + 2
        if total > limits.article_chars and k > 0:
            notes.append(f"body cut at {limits.article_chars:,} characters: {len(out) - k} of {len(out)}"
                         " paragraphs dropped")
            return out[:k], out_counts[:k]
    return out, out_counts


def _bound_fields(article: Article, limits: Limits) -> None:
    """One-line fields within ``title_chars``; the url without controls (NUL is refused by
    PostgreSQL); authors kept to plain names."""
    for name in ("title", "lead", "publisher", "section"):
        value, was_cut = cut_inline(getattr(article, name), limits.title_chars if name != "lead" else
                                    limits.paragraph_chars)
        if was_cut:
            article.notes.append(f"{name} cut to its first {len(value or ''):,} characters")
            setattr(article, name, value)
    if article.url is not None:
        url = _URL_NOISE.sub("", article.url)
        article.url = url if url and len(url) <= limits.paragraph_chars and not _SPACE.search(url) else None
    article.authors = [a for a in article.authors if len(a) <= limits.title_chars][:50]
    article.related_headlines = [cut_inline(h, limits.title_chars)[0] or "" for h in
                                 article.related_headlines[:100]]

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
    if article.title and not parsed.paragraphs:
        return ReadFailure(origin, "a headline with no body text")
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
    page = parse_html(html, url, options.limits.tag_chars)
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
    authors = _names(fields.get("authors") or fields.get("author"))
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
        authors=[a for a in map(normalise_inline, authors) if a],
    )
    return _finish(article, body.split("\n"), options)


def _names(value: Any) -> list[str]:
    """Author names from a JSON value: a string, a list of strings, or objects with a "name"
    (schema.org's Person); numbers and other shapes give none."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item)
    return names
