"""Plain-text article dumps: headline, optional lead, a metadata block, body, related headlines.

The layout this reads (seen in scraped news dumps)::

    Headline on line 1
    Optional lead paragraph
    - World                                   <- metadata block: bullet lines and/or
    - Some News Agency                           labelled lines ("Published: ...", "By ...")
    - Published Date: 01:07 | 19 June 2024
    Body paragraph, one per line (or blank-line separated, possibly hard-wrapped)
    - Related headline                        <- trailing bullet run: other stories

Every part but the headline may be missing. Lines are told apart by position (the metadata
block must start within the first lines after the headline; related headlines only form the
final run), by shape (length, bullets, sentence punctuation) and by a few known label words;
publisher/section names are never listed in code (see ``data/ingest/*.tsv``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import datetime

from pactwatch.data import read_table
from pactwatch.ingest.dates import looks_like_date_only, parse_date

_BULLET = re.compile(r"^\s*[-•*–]\s+")
_MONTH_WORD = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# Where a lead may sit before the metadata block: at most this many lines after the headline.
MAX_LEAD_LINES = 2
# Lines scanned at the top for a metadata block.
HEADER_WINDOW = 10
# A metadata value line (section, outlet) is short and is not a sentence.
MAX_SHORT_WORDS = 8
MAX_SHORT_CHARS = 60

_TEXT_LABELS = {
    "by": "author",
    "written by": "author",
    "author": "author",
    "authors": "author",
    "section": "section",
    "category": "section",
    "source": "publisher",
    "publisher": "publisher",
}


@functools.lru_cache(maxsize=1)
def _date_labels() -> dict[str, tuple[str, tuple[str, ...], bool]]:
    """Date label (lower case, single spaces) -> (kind, languages of its dates, bare allowed)."""
    return {
        " ".join(row["label"].lower().split()): (row["kind"], tuple(row["languages"].split()), row["bare"] == "yes")
        for row in read_table("ingest/date_labels.tsv")
    }


def _alternation(labels: list[str]) -> str:
    # longest first: "last updated" before "updated", "dateline" before "date"
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in sorted(labels, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _label_colon() -> re.Pattern[str]:
    """"Label: value" anywhere in a line ("Reuters | Updated: ... | Created: ..."), with an
    optional trailing qualifier ("Published Date:", "Posted on:")."""
    words = _alternation([*_date_labels(), *(label for label in _TEXT_LABELS if label != "by")])
    return re.compile(rf"(?<![\w-])({words})(?:\s+(?:date|on|at|time))?\s*(?::|\s[-–—]\s)\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _label_bare() -> re.Pattern[str]:
    """"Published 19 June 2024" / "Publié le 3 mars 2024": a date label without a colon,
    accepted only at the start of a line and only when a date follows."""
    words = _alternation([label for label, (_, _, bare) in _date_labels().items() if bare])
    return re.compile(rf"^({words})(?:\s+(?:on|at))?\s+(?=\S)", re.IGNORECASE)


_NAME = r"[A-Z\u00c0-\u024f][\w'’.\-]*"
_BYLINE = re.compile(
    rf"^by\s+((?:{_NAME}|and|&|,|\s)+?)(?=\s*$|\s*[|•,]|\s+(?:on\s+)?\d|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.IGNORECASE,
)
_TRAILING_BY = re.compile(rf"\s+by\s+((?:{_NAME}\s*)+)$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]$")
# "Oslo, 3 March 2022 (NTB) –", "OSLO, Norway, March 3, 2022 —": a place, a full date, an optional
# agency in brackets and a dash or colon opening the first body paragraph.
_DATELINE = re.compile(
    rf"^[A-Z][\w'’. -]{{0,40}},\s*(?:[A-Z][\w'’. -]{{0,30}},\s*)?"
    rf"(?P<date>\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}|{_MONTH_WORD}\s+\d{{1,2}},?\s+\d{{4}})"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[-–—:|])"
)
# A bullet item written as a sentence (full stop at the end) or too long for a headline.
_SENTENCE_ITEM = re.compile(r"[.!…][\"”’)]?$")
MAX_HEADLINE_WORDS = 25
_RELATED_HEADING = re.compile(
    r"^(?:related(?:\s+\w+)?|read\s+(?:more|also)|also\s+read|see\s+also|more\s+(?:stories|news|"
    r"from\s+.{1,30}|on\s+this(?:\s+story)?)|recommended(?:\s+\w+)?|you\s+may\s+also\s+like|"
    r"latest(?:\s+news)?|trending(?:\s+now)?)\s*:?$",
    re.IGNORECASE,
)


@dataclass
class ParsedText:
    """Fields read from a text dump, before cleaning (paragraphs are raw strings)."""

    title: str | None = None
    lead: str | None = None
    publisher: str | None = None
    section: str | None = None
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    related_headlines: list[str] = field(default_factory=list)
    metadata_lines: list[str] = field(default_factory=list)  # lines taken out of the text


@functools.lru_cache(maxsize=1)
def _known_sections() -> frozenset[str]:
    return frozenset(row["section"].lower() for row in read_table("ingest/sections.tsv"))


@functools.lru_cache(maxsize=1)
def _publisher_cue() -> re.Pattern[str]:
    words: list[str] = []
    suffixes: list[str] = []
    for row in read_table("ingest/publisher_cues.tsv"):
        cue = row["cue"].lower()
        (suffixes if cue.startswith(".") else words).append(re.escape(cue))
    parts = [rf"\b(?:{'|'.join(words)})\b"]
    if suffixes:
        parts.append(rf"(?:{'|'.join(suffixes)})\b")
    return re.compile("|".join(parts), re.IGNORECASE)


def _is_short(text: str) -> bool:
    return (
        0 < len(text) <= MAX_SHORT_CHARS
        and len(text.split()) <= MAX_SHORT_WORDS
        and not _SENTENCE_END.search(text)
    )


@dataclass
class _Meta:
    """Metadata found in one header line."""

    dates: list[tuple[str, datetime]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    publisher: str | None = None
    candidate: str | None = None  # unlabelled short bullet line: a section or an outlet

    @property
    def strong(self) -> bool:
        return bool(self.dates or self.authors or self.section or self.publisher)


def _split_names(text: str) -> list[str]:
    names = re.split(r"\s*(?:,|&|\band\b)\s*", text.strip(" ,|"))
    return [n.strip() for n in names if n.strip() and n.strip()[0].isupper()]


def _labelled(line: str, date_order: str) -> _Meta | None:
    """Metadata of a line made of ``Label: value`` parts, or None if it is not such a line."""
    meta = _Meta()
    matches = list(_label_colon().finditer(line))
    if matches:
        prefix = line[: matches[0].start()].strip(" |•-–")
        # a label must open the line or follow a separator; "The date: ..." in prose is not one
        if prefix and (not _is_short(prefix) or not re.search(r"[|•]\s*$", line[: matches[0].start()])):
            return None
        if prefix and not _labelled(prefix, date_order):
            meta.publisher = prefix
        for match, following in zip(matches, [*matches[1:], None], strict=True):
            end = following.start() if following else len(line)
            _add_value(meta, match.group(1), line[match.end() : end].strip(" |•"), date_order)
        return meta if meta.strong else None
    bare = _label_bare().match(line)
    if bare:
        value = line[bare.end() :]
        by = _TRAILING_BY.search(value)
        if by:
            meta.authors.extend(_split_names(by.group(1)))
            value = value[: by.start()]
        kind, languages, _ = _date_labels()[" ".join(bare.group(1).lower().split())]
        found = parse_date(value, date_order, languages)
        if found is None:
            return None
        meta.dates.append((kind, found))
        return meta
    byline = _BYLINE.match(line)
    if byline and len(line.split()) <= 16:
        meta.authors.extend(_split_names(byline.group(1)))
        rest = line[byline.end() :]
        found = parse_date(rest, date_order) if rest.strip() else None
        if found is not None:
            meta.dates.append(("published", found))
        return meta if meta.authors else None
    return None


def _add_value(meta: _Meta, label: str, value: str, date_order: str) -> None:
    key = " ".join(label.lower().split())
    if not value:
        return
    if key in _date_labels():
        kind, languages, _ = _date_labels()[key]
        found = parse_date(value, date_order, languages)
        if found is not None:
            meta.dates.append((kind, found))
        return
    text_kind = _TEXT_LABELS.get(key)
    if text_kind == "author":
        meta.authors.extend(_split_names(value))
    elif text_kind == "section":
        meta.section = value
    elif text_kind == "publisher":
        meta.publisher = value


def _header_meta(line: str, date_order: str) -> _Meta | None:
    """Metadata of one line of the header block, or None when the line is not metadata."""
    bulleted = bool(_BULLET.match(line))
    text = _BULLET.sub("", line).strip()
    labelled = _labelled(text, date_order)
    if labelled is not None:
        return labelled
    if looks_like_date_only(text, date_order):
        found = parse_date(text, date_order)
        return _Meta(dates=[("published", found)]) if found else None
    # names of sections and outlets are capitalised; a lower-case bullet is a list item
    if bulleted and _is_short(text) and not text[0].islower():
        return _Meta(candidate=text)
    return None


def _assign_candidates(parsed: ParsedText, candidates: list[str]) -> None:
    """Share unlabelled short lines out between section and publisher.

    Known section names and outlet-like names (cue words) decide first; what is left follows
    the usual page order, the breadcrumb (section) before the source line (publisher).
    """
    left = []
    for text in candidates:
        if parsed.section is None and text.lower() in _known_sections():
            parsed.section = text
        elif parsed.publisher is None and _publisher_cue().search(text):
            parsed.publisher = text
        else:
            left.append(text)
    for text in left:
        if parsed.section is None and (parsed.publisher is None or len(text.split()) <= 3):
            parsed.section = text
        elif parsed.publisher is None:
            parsed.publisher = text


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when lines are wrapped at a fixed width (a paragraph spans several lines)."""
    lines = [line for block in blocks for line in block]
    multi = [block for block in blocks if len(block) >= 3]
    if len(lines) < 6 or not multi:
        return False
    longest = max(len(line) for line in lines)
    inner = [line for block in multi for line in block[:-1]]
    open_ended = sum(1 for line in inner if not _SENTENCE_END.search(line))
    return longest <= 100 and open_ended >= 0.5 * len(inner)


def _paragraphs(lines: list[str]) -> list[str]:
    blocks = _blocks(lines)
    if _hard_wrapped(blocks):
        return [" ".join(block) for block in blocks]
    return [line for block in blocks for line in block]


def parse_text(text: str, date_order: str = "DMY") -> ParsedText:
    """Read a text dump into its parts; never raises on any string."""
    text = text.lstrip("\ufeff")
    lines = [line.rstrip() for line in text.splitlines()]
    numbered = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    parsed = ParsedText()
    if not numbered:
        return parsed
    start = 0
    # a file may open with its metadata ("Published: ..."); the headline is the first other line
    while start < len(numbered) - 1 and _labelled(numbered[start][1], date_order):
        start += 1
    parsed.title = _BULLET.sub("", numbered[start][1]) if numbered[start][1] else None
    rest = numbered[start + 1 :]
    leading = numbered[:start]

    # --- metadata block near the top --------------------------------------------------------
    block_start = block_end = None
    metas: list[_Meta] = []
    for pos, (_, line) in enumerate(rest[:HEADER_WINDOW]):
        meta = _header_meta(line, date_order)
        if meta is None:
            if block_start is not None:
                break
            if pos >= MAX_LEAD_LINES:
                break
            continue
        if block_start is None:
            block_start = pos
        block_end = pos + 1
        metas.append(meta)
    if block_start is not None and block_end is not None:
        # a block of bare bullet lines alone (no label, date or byline) is only metadata when
        # no sentence ending in ":" introduces it as a list, and it holds two lines or one
        # name-like line (a section or outlet is a few words)
        introduced = block_start > 0 and rest[block_start - 1][1].endswith(":")
        lone_name = len(metas) == 1 and len((metas[0].candidate or "").split()) <= 4
        if not any(m.strong for m in metas) and (introduced or not (len(metas) >= 2 or lone_name)):
            block_start = block_end = None
            metas = []
    for _, line in leading:
        meta = _labelled(line, date_order)
        if meta is not None:
            metas.insert(0, meta)
            parsed.metadata_lines.append(line)
    if block_start is not None and block_end is not None:
        lead_lines = [line for _, line in rest[:block_start]]
        parsed.lead = " ".join(lead_lines) or None
        parsed.metadata_lines.extend(line for _, line in rest[block_start:block_end])
        body_from = rest[block_end][0] if block_end < len(rest) else len(lines)
    else:
        body_from = rest[0][0] if rest else len(lines)
    candidates = []
    for meta in metas:
        for kind, value in meta.dates:
            if kind == "published" and parsed.published is None:
                parsed.published = value
            elif kind == "modified" and parsed.modified is None:
                parsed.modified = value
        parsed.authors.extend(a for a in meta.authors if a not in parsed.authors)
        parsed.section = parsed.section or meta.section
        parsed.publisher = parsed.publisher or meta.publisher
        if meta.candidate:
            candidates.append(meta.candidate)
    _assign_candidates(parsed, candidates)

    # --- related headlines: the final run of bullet lines -------------------------------------
    body_lines = lines[body_from:]
    end = len(body_lines)
    while end > 0 and not body_lines[end - 1].strip():
        end -= 1
    run_start = end
    while run_start > 0 and (_BULLET.match(body_lines[run_start - 1]) or not body_lines[run_start - 1].strip()):
        run_start -= 1
    while run_start < end and not body_lines[run_start].strip():
        run_start += 1
    if run_start < end:
        before = next((line.strip() for line in reversed(body_lines[:run_start]) if line.strip()), "")
        if (not before.endswith(":") and not _written_as_sentences(body_lines[run_start:end])) \
                or _RELATED_HEADING.match(before):
            parsed.related_headlines = [
                _BULLET.sub("", line).strip() for line in body_lines[run_start:end] if line.strip()
            ]
            end = run_start
            if before and _RELATED_HEADING.match(before):
                end = max(i for i, line in enumerate(body_lines[:run_start]) if line.strip())
    parsed.paragraphs = _paragraphs(body_lines[:end])
    if not parsed.paragraphs and not parsed.related_headlines and _written_as_sentences([parsed.title or ""]):
        # a dump of one line that reads as a sentence (a brief, a wire flash) is a body without
        # a headline, not a headline without a body
        parsed.paragraphs, parsed.title = [parsed.title or ""], None
    if parsed.published is None and parsed.paragraphs:
        dateline = _DATELINE.match(parsed.paragraphs[0])
        parsed.published = parse_date(dateline.group("date"), date_order) if dateline else None
    return parsed


def _written_as_sentences(lines: list[str]) -> bool:
    """A closing bullet run whose items are mostly sentences (a full stop, or longer than any
    headline) is the article's own list of points, not other stories' headlines."""
    items = [_BULLET.sub("", line).strip() for line in lines if line.strip()]
    sentences = [i for i in items if _SENTENCE_ITEM.search(i) or len(i.split()) > MAX_HEADLINE_WORDS]
    return bool(items) and 2 * len(sentences) >= len(items) + 1
