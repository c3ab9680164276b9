"""Telling news from the other files of a folder, and the user's ``--include``/``--exclude`` globs.

A folder of news usually holds more than news: a README, a licence, a crawler's robots.txt, a
logo, a manifest table, a labels file. Those are recognised by what they are — their content
first (images, SVG, sitemaps, robots rules, delimited tables, JSON records with no article
text), then the well-known names of ``data/ingest/not_news_files.tsv`` — and skipped with a
reason instead of being stored or failing. Only files found by walking a directory or matching
a glob are judged; a file the user names is always read.
"""

from __future__ import annotations

import csv
import fnmatch
import functools
import json
import re
import statistics
from dataclasses import dataclass
from pathlib import PurePath

from pactwatch.data import read_table

# JSON fields that hold an article's text (the JSONL reader takes the first one present).
ARTICLE_TEXT_FIELDS = ("text", "body", "content", "articleBody")

_SVG = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+svg[^>]*>\s*)?<svg[\s>]", re.S)
_SITEMAP = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:urlset|sitemapindex)[\s>]", re.S)
# The root element of a feed document, after an XML prolog, stylesheets and comments.
_FEED_ROOT = re.compile(r"^(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>]*>\s*)*<(?:rss|feed|rdf:rdf)[\s>]", re.S)
# RFC 9309 rule lines (plus the widespread non-standard Crawl-delay and Host)
_ROBOTS_LINE = re.compile(r"^(?:user-agent|disallow|allow|sitemap|crawl-delay|host)\s*:", re.I)
# A delimited table: most lines split into the same number of short cells.
MIN_TABLE_LINES = 2
TABLE_AGREEMENT = 0.9
MAX_MEDIAN_CELL = 40  # characters; prose split at its commas gives longer pieces


def looks_like_feed(head: str) -> bool:
    """True when lower-cased, stripped text opens an RSS (0.9x/1.0/2.0) or Atom document."""
    return bool(_FEED_ROOT.match(head))


@functools.lru_cache(maxsize=1)
def _name_patterns() -> tuple[tuple[str, str], ...]:
    return tuple((row["pattern"].lower(), row["what"]) for row in read_table("ingest/not_news_files.tsv"))


def by_name(name: str) -> str | None:
    """What a file is when its name alone says it is not news (README, robots.txt...)."""
    base = PurePath(name).name.lower().removesuffix(".gz")
    return next((what for pattern, what in _name_patterns() if fnmatch.fnmatchcase(base, pattern)), None)


def by_content(text: str, kind: str) -> str | None:
    """What a file is when its first characters show it is not news, else None.

    ``text`` is the decoded head of the (un-gzipped) file, ``kind`` what the reader would take
    it for ("text", "html", "jsonl", "warc", "feed").
    """
    stripped = text.lstrip("\ufeff \t\r\n")
    lowered = stripped[:4096].lower()
    if _SVG.match(lowered):
        return "image (SVG)"
    if _SITEMAP.match(lowered):
        return "sitemap"
    if kind == "jsonl":
        return _json_without_text(stripped)
    if kind != "text":
        return None
    lines = [line for line in stripped.splitlines()[:60] if line.strip() and not line.lstrip().startswith("#")]
    if lines and all(_ROBOTS_LINE.match(line.strip()) for line in lines):
        return "robots.txt (crawler rules)"
    return _delimited_table(lines)


def _json_without_text(text: str) -> str | None:
    """JSON records none of which carries an article text field (labels, manifests...)."""
    for line in text.splitlines()[:5]:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a cut last line, or a bad record: the reader reports those
        if isinstance(record, dict) and not any(isinstance(record.get(f), str) for f in ARTICLE_TEXT_FIELDS):
            return "JSON records without article text (data, not news)"
        return None
    return None


def _delimited_table(lines: list[str]) -> str | None:
    lines = lines[:-1] if len(lines) > MIN_TABLE_LINES else lines  # the head may cut the last line
    if len(lines) < MIN_TABLE_LINES:
        return None
    for delimiter, name, min_cells in (("\t", "TSV", 2), (",", "CSV", 3), (";", "CSV", 3)):
        rows = list(csv.reader(lines, delimiter=delimiter))
        widths = [len(row) for row in rows]
        common = statistics.mode(widths)
        if common < min_cells or widths.count(common) < TABLE_AGREEMENT * len(rows):
            continue
        cells = [len(cell.strip()) for row in rows for cell in row]
        if statistics.median(cells) <= MAX_MEDIAN_CELL:
            return f"{name} table"
    return None


@dataclass(frozen=True)
class Selection:
    """The user's ``--include`` and ``--exclude`` globs over files found in folders.

    A pattern with a ``/`` is matched against the path, otherwise against the file name (as
    rsync and git do); ``**`` is not special, ``*`` already crosses folders in fnmatch.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def refusal(self, path: str) -> str | None:
        """Why a found file is left out by the globs, or None when it is wanted."""
        if self.include and not any(_matches(path, p) for p in self.include):
            return "not matched by --include"
        hit = next((p for p in self.exclude if _matches(path, p)), None)
        return f"excluded by --exclude {hit}" if hit else None


def _matches(path: str, pattern: str) -> bool:
    target = path if "/" in pattern else PurePath(path).name
    return fnmatch.fnmatch(target, pattern) or ("/" in pattern and fnmatch.fnmatch(target, f"*/{pattern}"))
