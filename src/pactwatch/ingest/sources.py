"""From the paths a user gives to opened, sniffed inputs: expansion, gzip, size limits, media type
detection and character decoding. Nothing here knows about articles."""

from __future__ import annotations

import fnmatch
import glob
import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import charset_normalizer

from pactwatch.guard import printable
from pactwatch.ingest.classify import looks_like_feed

SNIFF_BYTES = 64 * 1024

# Leading bytes of file kinds that are never news text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"RIFF", "audio/video (RIFF)"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"PK\x05\x06", "application/zip"),
    (b"\x7fELF", "application/x-executable (ELF)"),
    (b"MZ", "application/x-dosexec"),
    (b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (b"Rar!\x1a\x07", "application/vnd.rar"),
    (b"BZh", "application/x-bzip2"),
    (b"\xfd7zXZ\x00", "application/x-xz"),
    (b"\x28\xb5\x2f\xfd", "application/zstd"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3"),
    (b"\x00\x00\x00\x18ftyp", "video/mp4"),
    (b"\x00\x00\x00\x20ftyp", "video/mp4"),
    (b"ID3", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword (OLE)"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Legacy code pages so close to cp1252 that charset detection cannot separate them on news-size
# texts; cp1252 is by far the most common of them on the web, so it wins a near tie.
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "iso8859_1"}
_NEAR_TIE = 0.15

_EXTENSION_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
}


class InputError(Exception):
    """A file or record that cannot be read; the message is the reason shown to the user."""


class NotNews(InputError):
    """Content of a kind that is never news (an image, an executable...)."""


@dataclass(frozen=True)
class Source:
    """One input to open: a file path, or standard input."""

    origin: str
    path: Path | None  # None for stdin
    walked: bool = False  # found in a directory or by a glob, not named by the user


def expand(paths: list[str] | tuple[str, ...]) -> Iterator[Source | InputError]:
    """Files named by paths, directories (recursive, sorted, hidden entries skipped) and globs.

    Yields an ``InputError`` (with ``args[1]`` = origin) for each path that gives nothing.
    Origins are ``printable``: a name with newlines, escape codes or bytes that are not UTF-8
    is shown (and stored) escaped, while the file itself is still opened by its real name.
    Symbolic links to directories are followed, each real directory once (a loop ends there).
    """
    for raw in paths:
        if raw == "-":
            yield Source("<stdin>", None)
            continue
        path = Path(raw)
        shown = printable(raw)
        try:
            if path.is_symlink() and not path.exists():
                yield InputError(f"broken symbolic link (target {printable(os.readlink(path))} is missing)", shown)
            elif path.is_dir():
                yield from _walk(path, set())
            elif path.exists():
                yield Source(shown, path)
            elif glob.has_magic(raw):
                matches = _glob(raw)
                if not matches:
                    yield InputError("no file matches this pattern", shown)
                for match in matches:
                    for found in expand([match]):
                        yield Source(found.origin, found.path, True) if isinstance(found, Source) else found
            else:
                yield InputError("no such file or directory", shown)
        except OSError as error:  # a name too long, a loop of links, a vanished mount
            yield InputError(_os_reason(error), shown)


def _walk(root: Path, visited: set[tuple[int, int]]) -> Iterator[Source | InputError]:
    found = False
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            errors.append(error)
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in visited:
            dirs[:] = []  # reached again through a link: read once
            continue
        visited.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not path.exists():
                yield InputError("broken symbolic link", printable(str(path)))
                continue
            found = True
            yield Source(printable(str(path)), path, walked=True)
    for os_error in errors:
        yield InputError(_os_reason(os_error), printable(str(os_error.filename or root)))
    if not found and not errors:
        yield InputError("directory contains no readable files", printable(str(root)))


def _glob(pattern: str) -> list[str]:
    """Paths matching ``pattern``, sorted. ``**`` is matched over a walk that reads each real
    directory once (``glob.glob`` follows a loop of symbolic links without end)."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    wanted = parts[fixed:]
    found = []
    for item in _walk(root, set()) if root.is_dir() else ():
        if isinstance(item, Source) and item.path is not None:
            relative = item.path.relative_to(root).parts
            if _match_parts(relative, wanted):
                found.append(str(item.path))
    return sorted(found)


def _match_parts(names: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether path components ``names`` match glob components (``**`` = any number of them)."""
    reachable = {0}  # pattern positions reachable after the names read so far
    for name in names:
        step: set[int] = set()
        for k in _close_stars(reachable, pattern):
            if k < len(pattern):
                if pattern[k] == "**":
                    step.add(k)  # ** eats this name and may eat more
                elif fnmatch.fnmatchcase(name, pattern[k]):
                    step.add(k + 1)
        reachable = step
    return len(pattern) in _close_stars(reachable, pattern)


def _close_stars(positions: set[int], pattern: tuple[str, ...]) -> set[int]:
    """Positions plus those reached by letting each ``**`` match nothing."""
    closed, todo = set(positions), list(positions)
    while todo:
        k = todo.pop()
        if k < len(pattern) and pattern[k] == "**" and k + 1 not in closed:
            closed.add(k + 1)
            todo.append(k + 1)
    return closed


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return error.strerror or str(error)


# --- opening --------------------------------------------------------------------------------


class _Prefixed(io.RawIOBase):
    """A stream that replays already-read bytes before the rest of an underlying stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@dataclass
class Opened:
    """An opened input: what it looks like and a stream positioned at its start."""

    source: Source
    kind: str  # "text", "html", "jsonl", "warc", "feed"
    stream: BinaryIO  # decompressed, except for WARC (warcio reads gzip members itself)
    head: bytes  # first bytes of the decompressed content


def open_source(source: Source, stdin: BinaryIO | None, max_decompressed: int = 1024 * 1024 * 1024) -> Opened:
    """Open, un-gzip and sniff one input. Raises ``InputError`` with the reason on failure.

    What a gzip input expands to is capped at ``max_decompressed`` bytes."""
    try:
        raw: BinaryIO
        if source.path is None:
            if stdin is None:
                raise InputError("no standard input to read")
            raw = stdin
        else:
            kind = _special_kind(os.stat(source.path).st_mode)
            if kind == "a directory":
                raise InputError("is a directory")
            if kind is not None:
                # opening a FIFO blocks until a writer comes; devices never end
                raise InputError(f"special file ({kind}), skipped")
            raw = open(source.path, "rb")  # noqa: SIM115 - closed by the caller via stream
        first = raw.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError(_os_reason(error)) from error
    if not first:
        raise InputError("empty file")
    stream: BinaryIO = io.BufferedReader(_Prefixed(first, raw), SNIFF_BYTES)
    name = source.origin.lower()
    if first[:2] == b"\x1f\x8b":
        # WARC.gz is a series of gzip members that warcio reads itself; peek inside first.
        head = _gunzip_head(first)
        if head.startswith(b"WARC/"):
            return Opened(source, "warc", stream, head)
        stream = io.BufferedReader(_Capped(gzip.GzipFile(fileobj=stream), max_decompressed),  # type: ignore[arg-type]
                                   SNIFF_BYTES)
        name = name.removesuffix(".gz")
        first = head
    if not first.strip(b" \t\r\n"):
        raise InputError("empty file (only whitespace)")
    return Opened(source, sniff(first, name), stream, first)


def _special_kind(mode: int) -> str | None:
    """What a path is when it is not a regular file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return kind
    return "not a regular file"


class _Capped(io.RawIOBase):
    """A decompressed stream that fails once more than ``limit`` bytes came out of it: a small
    gzip member can expand a thousandfold (a "zip bomb")."""

    def __init__(self, inner: BinaryIO, limit: int) -> None:
        self._inner = inner
        self._left = limit
        self._limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(min(len(buffer), self._left + 1))
        if len(data) > self._left:
            raise InputError(f"decompressed data larger than the limit ({self._limit:,} bytes)")
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)


def _gunzip_head(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(wbits=31)
    try:
        head = decompressor.decompress(data, SNIFF_BYTES)
    except zlib.error as error:
        raise InputError(f"corrupt gzip data ({error})") from error
    if not head and len(data) < SNIFF_BYTES:
        raise InputError("truncated gzip file (no complete data)")
    return head


def sniff(head: bytes, name: str = "") -> str:
    """Kind of content from its first bytes, the file name only breaking ties.

    Raises ``InputError`` for binary content.
    """
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            raise NotNews(f"binary file ({media_type}), not a news article")
    if head.startswith(b"WARC/"):
        return "warc"
    has_bom = any(head.startswith(bom) for bom, _ in _BOMS)
    if not has_bom and head.count(b"\x00") > max(1, len(head) // 100):
        raise NotNews("binary file (contains NUL bytes), not a news article")
    text = decode(head[:4096], partial=True).lstrip("\ufeff \t\r\n").lower()
    if looks_like_feed(text):
        return "feed"
    if text.startswith(("<!doctype html", "<html", "<?xml")) or (
        text.startswith("<") and any(tag in text[:4096] for tag in ("<body", "<head", "<p>", "<div"))
    ):
        return "html"
    by_name = next((kind for ext, kind in _EXTENSION_KINDS.items() if name.endswith(ext)), None)
    if text.startswith("{") and by_name in (None, "jsonl", "text"):
        return "jsonl"
    # a .jsonl/.warc name on content that is neither: read it as text, what it looks like
    return by_name if by_name in ("html", "text") else "text"


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """All of a stream, or ``InputError`` when it is larger than ``max_bytes``."""
    try:
        data = stream.read(max_bytes + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise InputError(f"truncated or corrupt gzip file ({error or 'unexpected end of data'})") from error
    except OSError as error:
        raise InputError(_os_reason(error)) from error
    if len(data) > max_bytes:
        raise InputError(f"file larger than the size limit ({max_bytes:,} bytes)")
    return data


def decode(data: bytes, partial: bool = False) -> str:
    """Text of ``data``: BOMs honoured, UTF-8 first, then detected legacy charsets.

    ``partial`` tolerates a multi-byte character cut at the end (sniffing a prefix).
    Raises ``InputError`` when no charset gives readable text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if partial and error.start >= len(data) - 3:
            return data[: error.start].decode("utf-8")
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        if partial:
            return data.decode("latin-1")
        raise InputError("undecodable bytes (no character encoding gives readable text)")
    for match in matches:
        names = {match.encoding, *match.could_be_from_charset}
        if names & _WESTERN and match.chaos <= best.chaos + _NEAR_TIE:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                return data.decode("latin-1")
    return str(best)
