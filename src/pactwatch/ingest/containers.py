"""Inputs holding many articles, read record by record: JSONL lines and WARC records.

Both stream: one line or one record is in memory at a time, so the size of the file does not
matter; ``max_bytes`` bounds each record instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from pactwatch.guard import describe
from pactwatch.ingest.dates import parse_date
from pactwatch.ingest.sources import InputError, decode


@dataclass(frozen=True)
class JsonRecord:
    origin: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class WarcPage:
    origin: str
    url: str | None
    crawled: datetime | None
    html: str


def iter_jsonl(
    stream: BinaryIO, origin: str, max_bytes: int, max_depth: int = 64
) -> Iterator[JsonRecord | InputError]:
    """One ``JsonRecord`` per non-empty line; an ``InputError`` (args[1] = origin) per bad one.

    A record nested deeper than ``max_depth`` is refused (only top-level fields are read, and
    deep nesting is how a parser is made to exhaust its stack)."""
    number = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
        except InputError as error:  # the decompressed-size cap
            yield InputError(str(error.args[0]), origin)
            return
        except (EOFError, OSError, ValueError) as error:
            yield InputError(f"stream ended unexpectedly ({error or 'truncated data'})", origin)
            return
        if not raw:
            return
        number += 1
        where = f"{origin}:{number}"
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            # skip the rest of the oversized line before going on
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(max_bytes + 1)
            yield InputError(f"line larger than the size limit ({max_bytes:,} bytes)", where)
            continue
        if not raw.strip():
            continue
        try:
            fields = json.loads(decode(raw))
        except (InputError, ValueError) as error:
            yield InputError(f"invalid JSON ({describe(error).partition(': ')[2]})", where)
            continue
        except RecursionError:
            yield InputError(f"JSON nested deeper than the limit ({max_depth} levels)", where)
            continue
        if not isinstance(fields, dict):
            yield InputError(f"expected a JSON object, found {type(fields).__name__}", where)
            continue
        if json_depth(fields, max_depth) > max_depth:
            yield InputError(f"JSON nested deeper than the limit ({max_depth} levels)", where)
            continue
        yield JsonRecord(where, fields)


def json_depth(value: Any, limit: int) -> int:
    """Nesting depth of a parsed JSON value, counted without recursion and only up to
    ``limit + 1`` (enough to tell that it is too deep)."""
    depth, level = 0, [value]
    while level and depth <= limit:
        depth += 1
        children: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                children.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                children.extend(v for v in item if isinstance(v, (dict, list)))
        level = children
    return depth


class _TolerantLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, except that a record without ``WARC-Target-URI`` is read
    without HTTP headers instead of raising ``AttributeError`` (it then gets a clear failure)."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
        return super().load_http_headers(rec_type, uri or "", stream, length)


def iter_warc(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[WarcPage | InputError]:
    """HTML responses of a WARC file; requests, metadata and non-HTML records are skipped.

    A record cut short (truncated file) ends the iteration with one ``InputError``; the pages
    read before it are kept. A response without a target URI is one failed record.
    """
    number = 0
    records = ArchiveIterator(stream)
    records.loader = _TolerantLoader(verify_http=False, arc2warc=False)
    try:
        for record in records:
            number += 1
            if record.rec_type != "response":
                continue
            if not record.rec_headers.get_header("WARC-Target-URI"):
                yield InputError("WARC response record without WARC-Target-URI", f"{origin}#record-{number}")
                continue
            headers = record.http_headers
            media = (headers.get_header("Content-Type") if headers else "") or ""
            if "html" not in media.lower():
                continue
            where = f"{origin}#record-{number}"
            payload = record.content_stream().read(max_bytes + 1)
            if record.raw_stream.limit > 0 and len(payload) <= max_bytes:
                raise InputError(
                    f"truncated WARC: record {number} ends {record.raw_stream.limit:,} bytes early"
                )
            if len(payload) > max_bytes:
                yield InputError(f"record larger than the size limit ({max_bytes:,} bytes)", where)
                continue
            try:
                html = _decode_payload(payload, media)
            except InputError as error:
                yield InputError(str(error.args[0]), where)
                continue
            yield WarcPage(
                where,
                record.rec_headers.get_header("WARC-Target-URI"),
                parse_date(record.rec_headers.get_header("WARC-Date")),
                html,
            )
    except InputError as error:
        yield InputError(str(error.args[0]), origin)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        yield InputError(f"truncated or corrupt WARC after record {number} ({error})", origin)
    except Exception as error:  # noqa: BLE001 - warcio itself failed on a record it cannot parse
        yield InputError(f"WARC record {number + 1} unreadable ({describe(error)}); the rest of the file"
                         " was not read", origin)


def _decode_payload(payload: bytes, media: str) -> str:
    charset = next(
        (p.split("=", 1)[1].strip(" \"'") for p in media.split(";") if "charset=" in p.lower()),
        None,
    )
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(payload)
