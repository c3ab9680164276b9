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
    stream: BinaryIO, origin: str, max_bytes: int
) -> Iterator[JsonRecord | InputError]:
    """One ``JsonRecord`` per non-empty line; an ``InputError`` (args[1] = origin) per bad one."""
    number = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
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
            yield InputError(f"invalid JSON ({error})", where)
            continue
        if not isinstance(fields, dict):
            yield InputError(f"expected a JSON object, found {type(fields).__name__}", where)
            continue
        yield JsonRecord(where, fields)


def iter_warc(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[WarcPage | InputError]:
    """HTML responses of a WARC file; requests, metadata and non-HTML records are skipped.

    A record cut short (truncated file) ends the iteration with one ``InputError``; the pages
    read before it are kept.
    """
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if record.rec_type != "response":
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
